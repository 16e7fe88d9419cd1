import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import { redactValue } from '../redact.js';

/** Paths scrubbed from every log line, whatever logged it. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.oauthClientSecret',
  '*.env',
  '*.headers',
];

/** pino's levels, and `silent`. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function createPino(level: LogLevel, destination?: pino.DestinationStream): Pino {
  return pino(
    {
      level,
      base: { service: 'patchbay' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Paths cover known fields; the redactor covers credentials inside messages (upstream error text...).
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactValue(a)) as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ sync: false }),
  );
}

/** Nest's start-up chatter (a line per module and per route): debug, so `info` fits on one screen. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's Logger, written as JSON through the same pino instance as the HTTP logs. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && CHATTY_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const extra = rest.filter((r) => r !== undefined);
    if (message !== null && typeof message === 'object') {
      const msg = typeof extra[0] === 'string' ? extra[0] : undefined;
      this.pino[level]({ context, ...(message as Record<string, unknown>) }, msg);
    } else {
      this.pino[level]({ context, ...(extra.length && level === 'error' ? { trace: String(extra[0]) } : {}) }, String(message));
    }
  }
}

import { HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error we raise on purpose. It carries a stable machine code and the HTTP status
 * it maps to; the global problem filter turns it into RFC 9457 problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** Extra members of the problem body (RFC 9457 extensions), e.g. an `authorizationUrl`; never a secret. */
  extensions?: Record<string, string>;
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', HttpStatus.NOT_FOUND, `${what} not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], message = 'Request validation failed') {
    super('validation_failed', HttpStatus.BAD_REQUEST, message, errors);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], `${field}: ${message}`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Not allowed') {
    super('forbidden', HttpStatus.FORBIDDEN, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', HttpStatus.CONFLICT, message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('rate_limited', HttpStatus.TOO_MANY_REQUESTS, message, undefined, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

/** Upstream MCP failures: the caller's request was fine, the server it asked for was not. */
export class UpstreamError extends DomainError {
  constructor(code: string, status: HttpStatus, message: string, headers?: Record<string, string>) {
    super(code, status, message, undefined, headers);
  }
  static unreachable(message: string): UpstreamError {
    return new UpstreamError('upstream_unreachable', HttpStatus.BAD_GATEWAY, message);
  }
  static timeout(message: string): UpstreamError {
    return new UpstreamError('upstream_timeout', HttpStatus.GATEWAY_TIMEOUT, message);
  }
  static authRequired(message: string): UpstreamError {
    return new UpstreamError('upstream_auth_required', HttpStatus.BAD_GATEWAY, message);
  }
  static protocol(message: string): UpstreamError {
    return new UpstreamError('upstream_protocol_error', HttpStatus.BAD_GATEWAY, message);
  }
  static circuitOpen(message: string, retryAfterSeconds: number): UpstreamError {
    return new UpstreamError('upstream_circuit_open', HttpStatus.SERVICE_UNAVAILABLE, message, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
  static blocked(message: string): UpstreamError {
    return new UpstreamError('upstream_blocked', HttpStatus.BAD_REQUEST, message);
  }
}

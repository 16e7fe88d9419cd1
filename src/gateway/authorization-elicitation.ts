import { Injectable, Logger } from '@nestjs/common';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ElicitResultSchema, type ClientCapabilities, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error.js';
import { OAuthConnectService } from '../oauth/oauth-connect.service.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** How long a call waits, after the person accepted to open the URL, for their authorization to land. */
const WAIT_MS = 5 * 60_000;
const POLL_MS = 500;

/** The caller's own authorization URL a failed call carries (per_user servers), if any. */
export function authorizationUrlOf(err: unknown): string | undefined {
  return err instanceof DomainError ? err.extensions?.authorizationUrl : undefined;
}

/**
 * A `per_user` server's tool call by someone not connected yet, through the gateway: a client that declared URL-mode
 * elicitation (MCP 2025-11-25, `elicitation: { url: {} }`) is sent `elicitation/create` with `mode: "url"` and the
 * caller's own authorization URL; once the person accepts and the authorization lands, the same call is made again.
 * Other clients (and a decline) get the failure as it is: a tool error whose text carries the URL.
 */
@Injectable()
export class AuthorizationElicitor {
  private readonly logger = new Logger('Gateway');

  constructor(private readonly oauth: OAuthConnectService) {}

  async call<T>(serverId: string, owner: string | undefined, caps: ClientCapabilities | undefined, extra: Extra, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const url = authorizationUrlOf(e);
      const elicitation = caps?.elicitation as { url?: unknown } | undefined;
      if (!url || !owner || !elicitation?.url) throw e;
      const since = new Date(Date.now() - 1000);
      const answer = await extra
        .sendRequest(
          {
            method: 'elicitation/create',
            params: { mode: 'url', elicitationId: randomUUID(), url, message: 'This server acts as your own account: sign in and approve to connect it.' },
          },
          ElicitResultSchema,
          { timeout: WAIT_MS },
        )
        .catch((err: Error) => {
          this.logger.warn(`URL elicitation for ${serverId} failed: ${err.message}`);
          return null;
        });
      if (answer?.action !== 'accept' || !(await this.waitForCredential(serverId, owner, since, extra.signal))) throw e;
      return fn();
    }
  }

  private async waitForCredential(serverId: string, owner: string, since: Date, signal: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + WAIT_MS;
    while (!signal.aborted && Date.now() < deadline) {
      if (await this.oauth.authorizedSince(serverId, since, owner).catch(() => false)) return true;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return false;
  }
}

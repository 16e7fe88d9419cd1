import { HttpStatus } from '@nestjs/common';
import { DomainError, UpstreamError, ValidationError } from '../common/errors/domain-error.js';
import { scopeTokens } from './step-up.js';

/** Codes callers switch on (the pool sets the server's status to `error` with the message). */
export const OAUTH_REAUTHORIZATION_REQUIRED = 'oauth_reauthorization_required';
export const OAUTH_AUTHORIZATION_REQUIRED = 'oauth_authorization_required';

/**
 * No usable upstream credential: a person has to (re)authorise in a browser. `/connect` answers
 * with a fresh `authorizationUrl`. `reauthorization` tells a lost credential from a never-had one.
 */
export class OAuthAuthorizationRequiredError extends UpstreamError {
  constructor(
    message: string,
    readonly reauthorization: boolean,
  ) {
    super(
      reauthorization ? OAUTH_REAUTHORIZATION_REQUIRED : OAUTH_AUTHORIZATION_REQUIRED,
      HttpStatus.BAD_GATEWAY,
      message,
    );
  }
}

export function isAuthorizationRequired(err: unknown): err is OAuthAuthorizationRequiredError {
  return err instanceof OAuthAuthorizationRequiredError;
}

export const OAuthErrors = {
  reauthorizationRequired(serverId: string, why: string): OAuthAuthorizationRequiredError {
    return new OAuthAuthorizationRequiredError(
      `OAuth re-authorization required for ${serverId}: ${why}`,
      true,
    );
  },
  authorizationRequired(serverId: string): OAuthAuthorizationRequiredError {
    return new OAuthAuthorizationRequiredError(
      `Server ${serverId} has no OAuth token (never authorized, revoked or forgotten); ` +
        `POST /api/mcp-servers/${serverId}/connect and approve in a browser to (re-)authorize`,
      false,
    );
  },
  /** 403 insufficient_scope: a person has to approve the wider scope. */
  stepUpRequired(serverId: string, scope: string): OAuthAuthorizationRequiredError {
    return new OAuthAuthorizationRequiredError(
      `Server ${serverId} needs more OAuth scope for this request (insufficient_scope; asking for "${scope}"); ` +
        `POST /api/mcp-servers/${serverId}/connect and approve in a browser to grant it`,
      false,
    );
  },
  /** 403 insufficient_scope again after the step-up retry limit. */
  scopeRefused(serverId: string, scope: string, attempts: number): UpstreamError {
    return new UpstreamError(
      'oauth_insufficient_scope',
      HttpStatus.BAD_GATEWAY,
      `Server ${serverId} still answers insufficient_scope after ${attempts} authorization(s) asking for "${scope}": ` +
        'its authorization server does not grant what it asks for. Patchbay stops asking; ' +
        `DELETE /api/mcp-servers/${serverId}/oauth, then connect again, to start over`,
    );
  },
  /** 403 insufficient_scope to a client_credentials token: no person to ask, the configured scopes decide. */
  m2mScopeRefused(serverId: string, scope: string | undefined): UpstreamError {
    const wanted = scopeTokens(scope).join(' ').slice(0, 1000);
    return new UpstreamError(
      'oauth_insufficient_scope',
      HttpStatus.BAD_GATEWAY,
      `Server ${serverId} answers insufficient_scope${wanted ? ` (it asks for "${wanted}")` : ''}; a client_credentials ` +
        'server is granted the scopes in oauthScopes: add the missing ones there',
    );
  },
  /** Unknown, replayed or expired `state` on the callback. */
  invalidState(): DomainError {
    return new DomainError(
      'oauth_state_invalid',
      HttpStatus.BAD_REQUEST,
      'The authorization request is unknown, was already used or has expired; start the connection again',
    );
  },
  /** The user or the authorization server refused (an `error` on the callback). */
  denied(error: string, description?: string): DomainError {
    return new DomainError(
      'oauth_authorization_denied',
      HttpStatus.BAD_REQUEST,
      `Authorization failed: ${error}${description ? ` (${description})` : ''}`,
    );
  },
  noClientIdentity(issuer: string): ValidationError {
    return ValidationError.field(
      'oauthClientId',
      `the authorization server ${issuer} supports neither client ID metadata documents nor dynamic ` +
        'client registration; register Patchbay there and supply oauthClientId (and oauthClientSecret)',
    );
  },
  discoveryFailed(serverUrl: string, why: string): UpstreamError {
    return new UpstreamError(
      'oauth_discovery_failed',
      HttpStatus.BAD_GATEWAY,
      `Could not discover the OAuth authorization server for ${serverUrl}: ${why}. ` +
        'Set oauthAuthorizationEndpoint and oauthTokenEndpoint to skip discovery',
    );
  },
  /** The authorization server answered a token or registration request with an error. */
  grantFailed(what: string, why: string): UpstreamError {
    return new UpstreamError('oauth_grant_failed', HttpStatus.BAD_GATEWAY, `${what} failed: ${why}`);
  },
};

const FLOW_SERVER = Symbol('patchbay.oauthFlowServer');

/** Marks a failure of an authorization flow with the server the flow was for (known once its state is read). */
export function forServer<E extends Error>(err: E, serverId: string): E {
  (err as E & { [FLOW_SERVER]?: string })[FLOW_SERVER] = serverId;
  return err;
}

/** The server a failed authorization flow was for, when its state named one. */
export function serverOfFailedFlow(err: unknown): string | undefined {
  return err instanceof Error ? (err as Error & { [FLOW_SERVER]?: string })[FLOW_SERVER] : undefined;
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { InteractionResults } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import { AuthGuard } from '../auth/auth.guard.js';
import { grants, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { newId } from '../common/ids/ids.js';
import { AppConfig } from '../config/app-config.js';
import { AuthorizationServer, GATEWAY_SCOPE } from './authorization-server.js';
import { InteractionDeps } from './interaction-deps.js';
import { consentPage, errorPage, signInPage } from './pages.js';
import { scopeOwner } from './scope-labels.js';
import { csrfToken } from './signing-keys.js';

type Req = FastifyRequest<{ Params: { uid: string }; Body?: Record<string, string> }>;
type Details = Awaited<ReturnType<AuthorizationServer['oidc']['interactionDetails']>>;

class PageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(title);
  }
}

/**
 * The person's side of an authorization: the sign-in page (a Patchbay key entered once, or the
 * configured OIDC IdP), then the consent page (client, redirect host, the scope it asks for, approve
 * or deny). Server-rendered forms, no JavaScript; each POST needs the interaction's cookie (set by
 * oidc-provider, SameSite=Lax) and an HMAC token bound to the interaction.
 */
@Injectable()
export class InteractionRoutes implements OnModuleInit {
  private readonly logger = new Logger('AuthorizationPages');

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly server: AuthorizationServer,
    private readonly auth: AuthGuard,
    private readonly deps: InteractionDeps,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    const page = (fn: (req: Req, reply: FastifyReply) => Promise<void>) => async (req: FastifyRequest, reply: FastifyReply) => {
      void reply.header('cache-control', 'no-store').header('x-frame-options', 'DENY').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      try {
        await fn(req as Req, reply);
      } catch (e) {
        if (reply.sent) return;
        const err = e instanceof PageError ? e : new PageError(400, 'This sign-in request is no longer valid', 'Start again from your application.');
        if (!(e instanceof PageError)) this.logger.warn(`interaction failed: ${(e as Error).message}`);
        await reply.status(err.status).type('text/html; charset=utf-8').send(errorPage(err.title, err.detail));
      }
    };
    fastify.get('/oauth/interaction/:uid', page((req, reply) => this.show(req, reply)));
    fastify.post('/oauth/interaction/:uid/login', page((req, reply) => this.login(req, reply)));
    fastify.post('/oauth/interaction/:uid/confirm', page((req, reply) => this.confirm(req, reply)));
    fastify.get('/oauth/interaction/:uid/idp', page((req, reply) => this.startIdp(req, reply)));
    fastify.get('/oauth/idp/callback', page((req, reply) => this.finishIdp(req, reply)));
  }

  private async details(req: Req, reply: FastifyReply): Promise<Details> {
    const details = await this.server.oidc.interactionDetails(req.raw, reply.raw);
    if (details.uid !== req.params.uid) throw new PageError(400, 'This sign-in request is no longer valid', 'Start again from your application.');
    return details;
  }

  private csrf(uid: string): string {
    return csrfToken(this.config.encryptionKeys[0], uid);
  }

  private checkCsrf(req: Req): void {
    const given = Buffer.from(String(req.body?.csrf ?? ''));
    const want = Buffer.from(this.csrf(req.params.uid));
    if (given.length !== want.length || !timingSafeEqual(given, want)) throw new PageError(403, 'The form has expired', 'Reload the page and try again.');
  }

  private async clientName(clientId: string): Promise<string> {
    const client = await this.server.oidc.Client.find(clientId);
    return client?.clientName ?? clientId;
  }

  private async show(req: Req, reply: FastifyReply, error?: string): Promise<void> {
    const details = await this.details(req, reply);
    const clientId = String(details.params.client_id);
    const clientName = await this.clientName(clientId);
    const uid = details.uid;
    if (details.prompt.name === 'login') {
      const idpUrl = this.deps.idp.enabled ? `/oauth/interaction/${uid}/idp` : undefined;
      return this.html(reply, error ? 400 : 200, signInPage({ uid, csrf: this.csrf(uid), clientName, error, idpUrl }));
    }
    const accountId = details.session?.accountId;
    if (!accountId) throw new PageError(400, 'You are not signed in');
    const { resource, scopeId } = this.resourceOf(details);
    const owner = await scopeOwner(this.ds, scopeId);
    if (!owner) throw new PageError(404, 'That gateway URL does not exist', resource);
    await this.assertMayExecute(accountId, owner.workspaceId);
    const redirectHost = new URL(String(details.params.redirect_uri)).host || String(details.params.redirect_uri);
    return this.html(reply, 200, consentPage({ uid, csrf: this.csrf(uid), clientName, clientId, redirectHost, scopeLabel: owner.label, resource, account: accountId }));
  }

  private async login(req: Req, reply: FastifyReply): Promise<void> {
    this.checkCsrf(req);
    const details = await this.details(req, reply);
    if (details.prompt.name !== 'login') throw new PageError(400, 'You are already signed in');
    let principal: Principal;
    try {
      principal = await this.auth.resolve(`Bearer ${String(req.body?.key ?? '').trim()}`);
    } catch (e) {
      if (e instanceof DomainError) return this.show(req, reply, 'That key is not valid (unknown, expired or revoked).');
      throw e;
    }
    if (principal.kind === 'api_key' && !grants(principal.scopes, GATEWAY_SCOPE)) {
      return this.show(req, reply, 'That key lacks the "execute" scope the gateway needs.');
    }
    await this.finish(req, reply, { login: { accountId: principal.id } });
  }

  private async confirm(req: Req, reply: FastifyReply): Promise<void> {
    this.checkCsrf(req);
    const details = await this.details(req, reply);
    if (details.prompt.name !== 'consent' || !details.session?.accountId) throw new PageError(400, 'Nothing to approve');
    if (req.body?.decision !== 'approve') {
      this.logger.log(`authorization denied for client ${String(details.params.client_id)}`);
      return this.finish(req, reply, { error: 'access_denied', error_description: 'The person denied the request' });
    }
    const accountId = details.session.accountId;
    const clientId = String(details.params.client_id);
    const { resource, scopeId } = this.resourceOf(details);
    const owner = await scopeOwner(this.ds, scopeId);
    if (!owner) throw new PageError(404, 'That gateway URL does not exist', resource);
    await this.assertMayExecute(accountId, owner.workspaceId);
    const requested = String(details.params.scope ?? '').split(' ');
    const grant = new this.server.oidc.Grant({ jti: newId('grant'), accountId, clientId } as never);
    grant.addResourceScope(resource, GATEWAY_SCOPE);
    // `execute` is also one of the provider's own scopes, so it is granted on both lists.
    grant.addOIDCScope([GATEWAY_SCOPE, ...['openid', 'offline_access'].filter((s) => requested.includes(s))].join(' '));
    const grantId = await grant.save();
    await this.deps.grants.create({
      id: grantId,
      workspaceId: owner.workspaceId,
      scopeId,
      resource,
      clientId,
      clientName: await this.clientName(clientId),
      accountId,
      scopes: [GATEWAY_SCOPE],
    });
    await this.server.markClientUsed(clientId);
    await this.finish(req, reply, { consent: { grantId } });
  }

  private async startIdp(req: Req, reply: FastifyReply): Promise<void> {
    const details = await this.details(req, reply);
    if (!this.deps.idp.enabled || details.prompt.name !== 'login') throw new PageError(400, 'Nothing to sign in to');
    await reply.redirect(await this.deps.idp.start(details.uid), 303);
  }

  private async finishIdp(req: Req, reply: FastifyReply): Promise<void> {
    const done = await this.deps.idp.finish(new URL(req.url, this.config.publicUrl));
    if (!done) throw new PageError(400, 'Sign-in failed', 'Your organisation\'s sign-in did not complete. Start again from your application.');
    const interaction = await this.server.oidc.Interaction.find(done.uid);
    if (!interaction) throw new PageError(400, 'This sign-in request is no longer valid', 'Start again from your application.');
    interaction.result = done.accountId
      ? { login: { accountId: done.accountId } }
      : { error: 'access_denied', error_description: 'Sign-in at the identity provider did not complete' };
    await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    await reply.redirect(interaction.returnTo, 303);
  }

  private resourceOf(details: Details): { resource: string; scopeId: string } {
    const r = details.params.resource;
    const resource = Array.isArray(r) ? (r.length === 1 ? String(r[0]) : '') : String(r ?? '');
    const scopeId = this.server.scopeIdOf(resource);
    if (!scopeId) throw new PageError(400, 'The application asked for no single gateway URL', 'It must name one Patchbay gateway URL as its resource.');
    return { resource, scopeId };
  }

  private async assertMayExecute(accountId: string, workspaceId: string): Promise<void> {
    const principal = await this.deps.accounts.principalFor(accountId);
    try {
      if (!principal) throw new Error('gone');
      this.deps.access.tenantOf(principal, workspaceId, GATEWAY_SCOPE);
    } catch {
      throw new PageError(403, 'You cannot use that gateway URL', `The account ${accountId} may not execute tools there.`);
    }
  }

  private async finish(req: Req, reply: FastifyReply, result: InteractionResults): Promise<void> {
    const to = await this.server.oidc.interactionResult(req.raw, reply.raw, result, { mergeWithLastSubmission: true });
    await reply.redirect(to, 303);
  }

  private async html(reply: FastifyReply, status: number, body: string): Promise<void> {
    await reply.status(status).type('text/html; charset=utf-8').send(body);
  }
}

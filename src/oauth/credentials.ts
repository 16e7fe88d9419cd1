import { Controller, Delete, Get, HttpCode, Injectable, Logger, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, RequireScope } from '../auth/decorators.js';
import { actorId, type Principal } from '../auth/principal.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { ApiRoute, PageOf } from '../common/http/api-docs.js';
import { IdPipe } from '../common/http/validation.js';
import { ConnectionPool } from '../connections/index.js';
import { McpServerService } from '../mcp-servers/mcp-server.service.js';
import { PostgresOAuthStore, type CredentialRow } from './store/postgres-oauth.store.js';
import { UpstreamOAuthService } from './upstream-oauth.service.js';

/** One person's (or API key's) own upstream account on a `per_user` server; never the token. */
export class CredentialView {
  @ApiProperty({ example: 'cred_01jd0000000000000000000000' }) id!: string;
  @ApiProperty({ description: 'whose credential it is: a usr_ or key_ id', example: 'usr_01jd0000000000000000000000' }) principalId!: string;
  @ApiProperty({ enum: ['user', 'api_key', 'admin'] }) principalKind!: 'user' | 'api_key' | 'admin';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'when the current access token expires (it is refreshed silently)' })
  expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'last use, to the minute' }) lastUsedAt!: string | null;
}

function toView(c: CredentialRow): CredentialView {
  return {
    id: c.id,
    principalId: c.principalId,
    principalKind: c.principalId.startsWith('key_') ? 'api_key' : c.principalId.startsWith('usr_') ? 'user' : 'admin',
    createdAt: c.createdAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
  };
}

/** Who has connected their own account to a `per_user` server, and disconnecting one of them. */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger('OAuth');

  constructor(
    private readonly servers: McpServerService,
    private readonly store: PostgresOAuthStore,
    private readonly oauth: UpstreamOAuthService,
    private readonly pool: ConnectionPool,
  ) {}

  async list(p: Principal, serverId: string): Promise<{ data: CredentialView[]; nextCursor: null }> {
    const { server } = await this.servers.load(p, serverId, 'read');
    return { data: (await this.store.listCredentials(server.id)).map(toView), nextCursor: null };
  }

  /** Its owner or a workspace admin; the others' credentials stay, and so do their connections. */
  async revoke(p: Principal, serverId: string, credentialId: string): Promise<void> {
    const { server } = await this.servers.load(p, serverId, 'read');
    const cred = await this.store.findCredential(server.id, credentialId);
    if (!cred) throw new NotFoundError('Credential');
    if (cred.principalId !== actorId(p)) await this.servers.load(p, serverId, 'admin'); // 403 unless a workspace admin
    await this.oauth.forget({ serverId: server.id, url: server.url ?? '', principalId: cred.principalId });
    // This replica's connection carrying that token goes now; elsewhere the next request finds no token.
    await this.pool.closeCredential(server.id, cred.principalId);
    this.logger.log(`server ${server.id}: credential ${cred.id} of ${cred.principalId} revoked by ${actorId(p)}`);
  }
}

@ApiTags('mcp-servers')
@ApiBearerAuth()
@Controller('api/mcp-servers/:id/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @RequireScope('read')
  @ApiRoute({ kind: 'list', ok: PageOf(CredentialView), summary: 'List per-user credentials', description: 'Who has connected their own upstream account to a `per_user` OAuth server: owner, created, expiry and last use. Never a token.' })
  list(@CurrentPrincipal() p: Principal, @Param('id', new IdPipe('mcp')) id: string): Promise<{ data: CredentialView[]; nextCursor: null }> {
    return this.credentials.list(p, id);
  }

  @Delete(':credentialId')
  @RequireScope('read')
  @HttpCode(204)
  @ApiRoute({ kind: 'delete', status: 204, summary: 'Disconnect a per-user credential', description: 'Deletes one person\'s upstream tokens (their owner or a workspace admin may); their next call asks them to connect again. Other people\'s credentials are untouched.' })
  async revoke(
    @CurrentPrincipal() p: Principal,
    @Param('id', new IdPipe('mcp')) id: string,
    @Param('credentialId', new IdPipe('cred', 'credentialId')) credentialId: string,
  ): Promise<void> {
    await this.credentials.revoke(p, id, credentialId);
  }
}

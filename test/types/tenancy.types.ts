/**
 * Compile-time checks, run by `npm run typecheck` (CI): the server repository cannot be read or written without a
 * tenant. Each `@ts-expect-error` fails the type-check the day the line below it compiles.
 */
import type { Tenant, TenantFilter } from '../../src/auth/access.service.js';
import type { McpServerEntity } from '../../src/mcp-servers/mcp-server.entity.js';
import type { ServerRepository } from '../../src/mcp-servers/server.repository.js';

export async function unscopedReadsDoNotCompile(rows: ServerRepository, tenant: Tenant, filter: TenantFilter, row: McpServerEntity): Promise<void> {
  await rows.find(tenant, 'mcp_x');
  await rows.findVisible(filter, 'mcp_x');
  // @ts-expect-error a read by id alone: the tenant comes first
  await rows.find('mcp_x');
  // @ts-expect-error a bare workspace id is not a tenant: only AccessService (or the system repository) mints one
  await rows.find({ workspaceId: 'ws_x' }, 'mcp_x');
  // @ts-expect-error a bare list of workspaces is not a filter
  await rows.findVisible({ workspaceIds: ['ws_x'] }, 'mcp_x');
  // @ts-expect-error writes take the tenant too
  await rows.delete('mcp_x');
  // @ts-expect-error a status write needs the tenant
  await rows.recordCheck('mcp_x', { ok: true });
  // @ts-expect-error the row alone is not a tenant
  await rows.saveConfig(row);
}

import type { DataSource } from 'typeorm';

export interface ScopeOwner {
  workspaceId: string;
  /** what the consent page shows, e.g. `project "Acme" in workspace "Tools"` */
  label: string;
}

/** The workspace and a readable name of a gateway scope (`ws_`, `proj_`, `mcp_`), or null when it does not exist. */
export async function scopeOwner(ds: DataSource, scopeId: string): Promise<ScopeOwner | null> {
  const kind = scopeId.slice(0, scopeId.indexOf('_'));
  type Row = { workspace_id: string; ws_name: string; name?: string };
  let rows: Row[] = [];
  if (kind === 'ws') rows = (await ds.query(`SELECT id AS workspace_id, name AS ws_name FROM workspaces WHERE id = $1`, [scopeId])) as Row[];
  else if (kind === 'proj') {
    rows = (await ds.query(
      `SELECT p.workspace_id, w.name AS ws_name, p.name FROM projects p JOIN workspaces w ON w.id = p.workspace_id WHERE p.id = $1`,
      [scopeId],
    )) as Row[];
  } else if (kind === 'mcp') {
    rows = (await ds.query(
      `SELECT s.workspace_id, w.name AS ws_name, s.name FROM mcp_servers s JOIN workspaces w ON w.id = s.workspace_id WHERE s.id = $1`,
      [scopeId],
    )) as Row[];
  }
  const r = rows[0];
  if (!r) return null;
  const what = kind === 'ws' ? 'every server' : kind === 'proj' ? `project "${r.name}"` : `MCP server "${r.name}"`;
  return { workspaceId: r.workspace_id, label: `${what} in workspace "${r.ws_name}"` };
}

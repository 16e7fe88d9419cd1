import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { asCreateBody, type CreateServerBody, type McpServer, type Page } from '../api/types';
import { useAction, useEvents, useLoad } from '../hooks';
import { can, useScope } from '../scope';
import { Empty, ErrorNote, Field, PageTitle, Show, StatusBadge, Time } from '../ui';

type StatusFilter = '' | 'connected' | 'disconnected' | 'error' | 'unknown';

/** The MCP servers of the workspace (or project), with their status kept live by /api/events. */
export function ServersPage() {
  const s = useScope();
  const ws = s.workspaceId!;
  const [status, setStatus] = useState<StatusFilter>('');
  const [text, setText] = useState('');
  const [servers, reload, update] = useLoad(
    () =>
      call<Page<McpServer>>(
        api.GET('/api/mcp-servers', { params: { query: { workspaceId: ws, projectId: s.projectId ?? undefined, status: status || undefined, limit: 100 } } }),
      ),
    [ws, s.projectId, status],
  );
  const [announce, setAnnounce] = useState('');
  useEvents(ws, (e) => {
    if (e.kind === 'status_changed') {
      update((page) => ({ ...page, data: page.data.map((m) => (m.id === e.serverId ? { ...m, connectorStatus: e.to as McpServer['connectorStatus'], lastCheckedAt: e.at, lastError: e.reason ?? null } : m)) }));
      const name = servers.state === 'ready' ? servers.value.data.find((m) => m.id === e.serverId)?.name : undefined;
      setAnnounce(`${name ?? 'A server'} is now ${e.to || 'unchecked'}`);
    } else reload();
  });
  const [creating, setCreating] = useState(false);
  const q = text.trim().toLowerCase();
  return (
    <>
      <PageTitle>MCP servers</PageTitle>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="srv-search">Search</label>
          <input id="srv-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="name or URL" />
        </div>
        <div className="field">
          <label htmlFor="srv-status">Status</label>
          <select id="srv-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="">Any</option>
            <option value="connected">Connected</option>
            <option value="disconnected">Disconnected</option>
            <option value="error">Error</option>
            <option value="unknown">Not checked</option>
          </select>
        </div>
        {can(s, 'write') && (
          <button type="button" className="primary" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            {creating ? 'Close the form' : 'Add a server'}
          </button>
        )}
      </div>
      {creating && <CreateServer onCreated={(m) => (location.hash = `#/servers/${m.id}`)} />}
      <Show value={servers} what="MCP servers">
        {(page) => {
          const rows = page.data.filter((m) => !q || m.name.toLowerCase().includes(q) || (m.url ?? m.command ?? '').toLowerCase().includes(q));
          if (page.data.length === 0 && !status) return <Empty>No MCP server here yet. Add one to list and run its tools.</Empty>;
          if (rows.length === 0) return <Empty>No server matches these filters.</Empty>;
          return (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">MCP servers</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="hide-narrow">
                      Transport
                    </th>
                    <th scope="col">Tools</th>
                    <th scope="col" className="hide-narrow">
                      Last checked
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
                    <tr key={m.id} data-server={m.name}>
                      <th scope="row">
                        <a href={`#/servers/${m.id}`}>{m.name}</a>
                        {!m.enabled && <span className="badge">Disabled</span>}
                        <div className="muted small truncate">{m.url ?? [m.command, ...m.args].join(' ')}</div>
                      </th>
                      <td>
                        <StatusBadge status={m.connectorStatus} />
                        {m.lastError && m.connectorStatus !== 'connected' && <div className="muted small clamp">{m.lastError}</div>}
                      </td>
                      <td className="hide-narrow">{m.transport}</td>
                      <td>{m.toolCount}</td>
                      <td className="hide-narrow">
                        <Time at={m.lastCheckedAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Show>
    </>
  );
}

function CreateServer({ onCreated }: { onCreated: (m: McpServer) => void }) {
  const s = useScope();
  const [kind, setKind] = useState<'remote' | 'stdio'>('remote');
  const [f, setF] = useState({ name: '', url: '', command: '', args: '', authType: 'none' as 'none' | 'api_key' | 'oauth', apiKey: '', projectId: s.projectId ?? '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((cur) => ({ ...cur, [k]: e.target.value }));
  const act = useAction(async () => {
    const body: CreateServerBody = { workspaceId: s.workspaceId!, name: f.name.trim(), authType: kind === 'stdio' ? 'none' : f.authType };
    if (f.projectId) body.projectId = f.projectId;
    if (kind === 'remote') body.url = f.url.trim();
    else {
      body.command = f.command.trim();
      body.args = f.args.split('\n').map((a) => a.trim()).filter(Boolean);
    }
    if (kind === 'remote' && f.authType === 'api_key') body.apiKey = f.apiKey;
    onCreated(await call<McpServer>(api.POST('/api/mcp-servers', { body: asCreateBody(body) })));
  });
  return (
    <form className="card" aria-labelledby="add-h" onSubmit={(e: FormEvent) => (e.preventDefault(), void act.run())}>
      <h2 id="add-h">Add an MCP server</h2>
      <Field id="srv-name" label="Name">
        <input id="srv-name" required maxLength={100} value={f.name} onChange={set('name')} />
      </Field>
      <fieldset>
        <legend>How Patchbay reaches it</legend>
        <label className="check">
          <input type="radio" name="srv-kind" checked={kind === 'remote'} onChange={() => setKind('remote')} /> A URL (streamable HTTP or SSE)
        </label>
        <label className="check">
          <input type="radio" name="srv-kind" checked={kind === 'stdio'} onChange={() => setKind('stdio')} /> A command Patchbay runs (stdio)
        </label>
      </fieldset>
      {kind === 'remote' ? (
        <>
          <Field id="srv-url" label="URL">
            <input id="srv-url" type="url" required value={f.url} onChange={set('url')} placeholder="https://mcp.example.com/mcp" />
          </Field>
          <Field id="srv-auth" label="Authentication">
            <select id="srv-auth" value={f.authType} onChange={set('authType')}>
              <option value="none">None</option>
              <option value="api_key">API key</option>
              <option value="oauth">OAuth (you approve in a new tab)</option>
            </select>
          </Field>
          {f.authType === 'api_key' && (
            <Field id="srv-apikey" label="API key" hint="Stored encrypted; never shown again.">
              <input id="srv-apikey" type="password" autoComplete="off" required value={f.apiKey} onChange={set('apiKey')} aria-describedby="srv-apikey-hint" />
            </Field>
          )}
        </>
      ) : (
        <>
          <Field id="srv-cmd" label="Command" hint="Must be allowed by MCP_STDIO_COMMANDS on the server.">
            <input id="srv-cmd" required value={f.command} onChange={set('command')} placeholder="npx" aria-describedby="srv-cmd-hint" />
          </Field>
          <Field id="srv-args" label="Arguments, one per line">
            <textarea id="srv-args" rows={3} value={f.args} onChange={set('args')} placeholder={'-y\n@modelcontextprotocol/server-everything'} />
          </Field>
        </>
      )}
      {s.projects.length > 0 && (
        <Field id="srv-proj" label="Project">
          <select id="srv-proj" value={f.projectId} onChange={set('projectId')}>
            <option value="">None (workspace-wide)</option>
            {s.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <ErrorNote error={act.error} />
      <button type="submit" className="primary" disabled={act.busy}>
        {act.busy ? 'Adding…' : 'Add server'}
      </button>
    </form>
  );
}

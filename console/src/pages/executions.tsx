import { useState } from 'react';
import { api, call } from '../api/client';
import type { Execution, McpServer, Page } from '../api/types';
import { useLoad } from '../hooks';
import { useScope } from '../scope';
import { Empty, PageTitle, Show, Time } from '../ui';

/**
 * The stored record of every tool run. Server and status filter on the server; tool, caller and
 * time range filter the loaded page (the API does not take them yet).
 */
export function ExecutionsPage() {
  const s = useScope();
  const ws = s.workspaceId!;
  const [serverId, setServerId] = useState('');
  const [status, setStatus] = useState<'' | 'success' | 'error'>('');
  const [tool, setTool] = useState('');
  const [caller, setCaller] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('open'));
  const [servers] = useLoad(() => call<Page<McpServer>>(api.GET('/api/mcp-servers', { params: { query: { workspaceId: ws, limit: 100 } } })), [ws]);
  const [runs] = useLoad(
    () =>
      call<Page<Execution>>(
        api.GET('/api/executions', { params: { query: { workspaceId: ws, serverId: serverId || undefined, status: status || undefined, cursor, limit: 100 } } }),
      ),
    [ws, serverId, status, cursor],
  );
  const fromT = from ? new Date(from).getTime() : -Infinity;
  const toT = to ? new Date(to).getTime() : Infinity;
  const keep = (e: Execution) =>
    (!tool || e.toolName.includes(tool.trim())) &&
    (!caller || e.callerId.includes(caller.trim())) &&
    new Date(e.startedAt).getTime() >= fromT &&
    new Date(e.startedAt).getTime() <= toT;
  return (
    <>
      <PageTitle>Executions</PageTitle>
      <form className="toolbar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="ex-server">Server</label>
          <select id="ex-server" value={serverId} onChange={(e) => (setServerId(e.target.value), setCursor(undefined))}>
            <option value="">Any</option>
            {servers.state === 'ready' &&
              servers.value.data.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ex-status">Status</label>
          <select id="ex-status" value={status} onChange={(e) => (setStatus(e.target.value as typeof status), setCursor(undefined))}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="error">Error</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ex-tool">Tool</label>
          <input id="ex-tool" value={tool} onChange={(e) => setTool(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ex-caller">Caller</label>
          <input id="ex-caller" value={caller} onChange={(e) => setCaller(e.target.value)} placeholder="key_… or usr_…" />
        </div>
        <div className="field">
          <label htmlFor="ex-from">From</label>
          <input id="ex-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ex-to">To</label>
          <input id="ex-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </form>
      {open && <Details id={open} onClose={() => setOpen(null)} />}
      <Show value={runs} what="executions">
        {(page) => {
          const rows = page.data.filter(keep);
          if (rows.length === 0) return <Empty>{page.data.length === 0 ? 'No tool has run yet.' : 'No run matches these filters.'}</Empty>;
          return (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">Tool runs, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Tool</th>
                      <th scope="col">Status</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Caller</th>
                      <th scope="col">Via</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <button type="button" className="link" onClick={() => setOpen(e.id)}>
                            <Time at={e.startedAt} />
                            <span className="sr-only"> details</span>
                          </button>
                        </td>
                        <td>
                          {e.serverName} / <code>{e.toolName}</code>
                        </td>
                        <td>
                          <span className={`badge status-${e.status === 'success' ? 'connected' : 'error'}`}>{e.status}</span>
                        </td>
                        <td>{e.durationMs} ms</td>
                        <td>
                          <code>{e.callerId}</code>
                        </td>
                        <td>{e.via}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextCursor && (
                <button type="button" onClick={() => setCursor(page.nextCursor ?? undefined)}>
                  Older runs
                </button>
              )}
            </>
          );
        }}
      </Show>
    </>
  );
}

function Details({ id, onClose }: { id: string; onClose: () => void }) {
  const [rec] = useLoad(() => call<Execution>(api.GET('/api/executions/{id}', { params: { path: { id } } })), [id]);
  return (
    <section className="card" aria-labelledby="ex-detail-h">
      <div className="row">
        <h2 id="ex-detail-h">Run {id}</h2>
        <button type="button" className="small" onClick={onClose}>
          Close
        </button>
      </div>
      <Show value={rec} what="the run">
        {(e) => (
          <dl className="facts">
            <dt>Server / tool</dt>
            <dd>
              {e.serverName} / <code>{e.toolName}</code>
            </dd>
            <dt>Status</dt>
            <dd>
              {e.status}
              {e.errorCode && ` (${e.errorCode})`}
            </dd>
            {e.errorMessage && (
              <>
                <dt>Error</dt>
                <dd>{e.errorMessage}</dd>
              </>
            )}
            <dt>Started</dt>
            <dd>
              <Time at={e.startedAt} /> · {e.durationMs} ms
            </dd>
            <dt>Caller</dt>
            <dd>
              <code>{e.callerId}</code> ({e.callerKind}) via {e.via}
            </dd>
            <dt>Arguments</dt>
            <dd>
              <pre>{JSON.stringify(e.args, null, 2)}</pre>
            </dd>
          </dl>
        )}
      </Show>
    </section>
  );
}

import { useState } from 'react';
import { api, call } from '../api/client';
import type { ConnectResult, McpServer, Page, RefreshResult, StatusEventView } from '../api/types';
import { useAction, useEvents, useLoad } from '../hooks';
import { can, useScope } from '../scope';
import { Empty, ErrorNote, PageTitle, Show, StatusBadge, Time } from '../ui';
import { ServerSettings } from './server-settings';
import { ServerTools } from './server-tools';

const TABS = [
  ['tools', 'Tools'],
  ['settings', 'Settings'],
  ['history', 'Status history'],
] as const;

/** One server: status (live), connect, refresh, and its tools, settings and history in tabs. */
export function ServerPage({ id, tab }: { id: string; tab: string }) {
  const s = useScope();
  const [server, reload, update] = useLoad(() => call<McpServer>(api.GET('/api/mcp-servers/{id}', { params: { path: { id } } })), [id]);
  const [toolsTick, setToolsTick] = useState(0);
  const [historyTick, setHistoryTick] = useState(0);
  useEvents(s.workspaceId, (e) => {
    if (e.serverId !== id) return;
    if (e.kind === 'status_changed') update((m) => ({ ...m, connectorStatus: e.to as McpServer['connectorStatus'], lastCheckedAt: e.at, lastError: e.reason ?? null }));
    else setToolsTick((t) => t + 1);
    setHistoryTick((t) => t + 1);
  });
  return (
    <Show value={server} what="the server">
      {(m) => (
        <>
          <p className="crumbs">
            <a href="#/servers">MCP servers</a> /
          </p>
          <PageTitle>{m.name}</PageTitle>
          <StatusLine m={m} />
          {can(s, 'write') && <Actions m={m} onChanged={() => (reload(), setToolsTick((t) => t + 1))} />}
          <nav aria-label="Server sections" className="tabs">
            {TABS.map(([t, label]) => (
              <a key={t} href={`#/servers/${id}/${t}`} aria-current={tab === t ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
          {tab === 'settings' ? (
            <ServerSettings m={m} onSaved={reload} />
          ) : tab === 'history' ? (
            <History id={id} tick={historyTick} />
          ) : (
            <ServerTools server={m} tick={toolsTick} />
          )}
        </>
      )}
    </Show>
  );
}

function StatusLine({ m }: { m: McpServer }) {
  return (
    <div className="status-line" aria-live="polite">
      <StatusBadge status={m.connectorStatus} />
      <span className="muted">
        {m.transport} · {m.url ?? [m.command, ...m.args].join(' ')}
      </span>
      <span className="muted">
        checked <Time at={m.lastCheckedAt} />
      </span>
      {m.lastError && m.connectorStatus !== 'connected' && <span className="error-text">{m.lastError}</span>}
    </div>
  );
}

function Actions({ m, onChanged }: { m: McpServer; onChanged: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [diff, setDiff] = useState<RefreshResult | null>(null);
  const connect = useAction(async () => {
    setDiff(null);
    const r = await call<ConnectResult>(api.POST('/api/mcp-servers/{id}/connect', { params: { path: { id: m.id } } }));
    if ('authorizationUrl' in r) {
      window.open(r.authorizationUrl, '_blank', 'noopener');
      setNote('Approve the access in the new tab; this page updates when the server connects.');
    } else {
      setNote(r.connectorStatus === 'connected' ? `Connected in ${r.latencyMs ?? '?'} ms · ${r.toolCount} tools` : `Not connected: ${r.lastError ?? r.connectorStatus}`);
    }
    onChanged();
  });
  const refresh = useAction(async () => {
    setNote(null);
    setDiff(await call<RefreshResult>(api.POST('/api/mcp-servers/{id}/refresh', { params: { path: { id: m.id } } })));
    onChanged();
  });
  return (
    <div className="card">
      <div className="actions">
        <button type="button" className="primary" disabled={connect.busy} onClick={() => void connect.run()}>
          {connect.busy ? 'Connecting…' : 'Connect'}
        </button>
        <button type="button" disabled={refresh.busy} onClick={() => void refresh.run()}>
          {refresh.busy ? 'Refreshing…' : 'Refresh tools'}
        </button>
      </div>
      <div aria-live="polite">
        {note && <p>{note}</p>}
        {diff && (
          <div className="diff" data-testid="refresh-diff">
            <p>
              {diff.data.length} tools: {diff.added.length} added, {diff.updated.length} updated, {diff.removed.length} removed.
            </p>
            <DiffList label="Added" names={diff.added} />
            <DiffList label="Updated" names={diff.updated} />
            <DiffList label="Removed" names={diff.removed} />
          </div>
        )}
      </div>
      <ErrorNote error={connect.error ?? refresh.error} />
    </div>
  );
}

function DiffList({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="small">
      <strong>{label}:</strong> {names.join(', ')}
    </p>
  );
}

function History({ id, tick }: { id: string; tick: number }) {
  const [events] = useLoad(
    () => call<Page<StatusEventView>>(api.GET('/api/mcp-servers/{id}/status-events', { params: { path: { id }, query: { limit: 50 } } })),
    [id, tick],
  );
  return (
    <section aria-labelledby="hist-h">
      <h2 id="hist-h">Status history</h2>
      <Show value={events} what="the status history">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No status change recorded yet. Connect the server to check it.</Empty>
          ) : (
            <ol className="timeline">
              {page.data.map((e) => (
                <li key={e.id} className={`status-${e.to || 'unknown'}`}>
                  <Time at={e.at} />{' '}
                  {e.kind === 'status_changed' ? (
                    <>
                      <StatusBadge status={e.from} /> → <StatusBadge status={e.to} />
                    </>
                  ) : (
                    <span>Tool list changed</span>
                  )}
                  {e.reason && <div className="muted small">{e.reason}</div>}
                </li>
              ))}
            </ol>
          )
        }
      </Show>
    </section>
  );
}

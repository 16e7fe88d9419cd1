import { useState } from 'react';
import { api, call } from '../api/client';
import type { McpServer, Page } from '../api/types';
import { useLoad } from '../hooks';
import { useScope } from '../scope';
import { CopyButton, PageTitle, Show } from '../ui';

/** The gateway URL of each scope, with configuration to paste into common MCP clients. */
export function GatewayPage() {
  const s = useScope();
  const ws = s.workspaceId!;
  const [servers] = useLoad(() => call<Page<McpServer>>(api.GET('/api/mcp-servers', { params: { query: { workspaceId: ws, limit: 100 } } })), [ws]);
  const wsName = s.workspaces.find((w) => w.id === ws)?.name ?? 'workspace';
  const [scopeId, setScopeId] = useState(ws);
  const scopes: { id: string; label: string }[] = [
    { id: ws, label: `Workspace ${wsName}: every enabled tool` },
    ...s.projects.map((p) => ({ id: p.id, label: `Project ${p.name}: its servers' tools` })),
    ...(servers.state === 'ready' ? servers.value.data.map((m) => ({ id: m.id, label: `Server ${m.name}: passed through as is` })) : []),
  ];
  const chosen = scopes.find((x) => x.id === scopeId) ?? scopes[0];
  const url = `${location.origin}/mcp/${chosen.id}`;
  const name = 'patchbay';
  const snippets: [string, string][] = [
    ['Claude Code', `claude mcp add --transport http ${name} ${url} --header "Authorization: Bearer $PATCHBAY_KEY"`],
    ['Cursor (~/.cursor/mcp.json)', JSON.stringify({ mcpServers: { [name]: { url, headers: { Authorization: 'Bearer ${env:PATCHBAY_KEY}' } } } }, null, 2)],
    ['VS Code (.vscode/mcp.json)', JSON.stringify({ servers: { [name]: { type: 'http', url, headers: { Authorization: 'Bearer ${input:patchbay-key}' } } }, inputs: [{ id: 'patchbay-key', type: 'promptString', description: 'Patchbay API key', password: true }] }, null, 2)],
    ['Claude Desktop (through mcp-remote)', JSON.stringify({ mcpServers: { [name]: { command: 'npx', args: ['-y', 'mcp-remote', url, '--header', 'Authorization: Bearer ${PATCHBAY_KEY}'], env: { PATCHBAY_KEY: '<an API key with the execute scope>' } } } }, null, 2)],
  ];
  return (
    <>
      <PageTitle>Gateway</PageTitle>
      <p>
        Any MCP client reaches your tools through one streamable-HTTP endpoint per scope, with an API key that holds the <code>execute</code> scope (create one under{' '}
        <a href="#/keys">API keys</a>).
      </p>
      <div className="field">
        <label htmlFor="gw-scope">Scope</label>
        <select id="gw-scope" value={chosen.id} onChange={(e) => setScopeId(e.target.value)}>
          {scopes.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </div>
      <Show value={servers} what="servers">
        {() => (
          <>
            <div className="card">
              <h2>Endpoint</h2>
              <code className="block" data-testid="gateway-url">
                {url}
              </code>
              <CopyButton text={url} label="Copy URL" />
            </div>
            {snippets.map(([client, text]) => (
              <div className="card" key={client}>
                <h2>{client}</h2>
                <pre>{text}</pre>
                <CopyButton text={text} label={`Copy ${client} configuration`} />
              </div>
            ))}
          </>
        )}
      </Show>
    </>
  );
}

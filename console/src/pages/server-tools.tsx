import { lazy, Suspense, useState } from 'react';
import { api, call } from '../api/client';
import type { McpServer, Page, Tool } from '../api/types';
import { useAction, useLoad } from '../hooks';
import { can, useScope } from '../scope';
import { Empty, ErrorNote, Loading, Show } from '../ui';

// the form library and its JSON Schema validator are most of the bundle: loaded when first needed
const TryTool = lazy(() => import('./tool-try').then((m) => ({ default: m.TryTool })));

/** The server's cached tools: enable / disable each, and try it with a form generated from its input schema. */
export function ServerTools({ server, tick }: { server: McpServer; tick: number }) {
  const [tools, , update] = useLoad(() => call<Page<Tool>>(api.GET('/api/mcp-servers/{id}/tools', { params: { path: { id: server.id } } })), [server.id, tick]);
  return (
    <section aria-labelledby="tools-h">
      <h2 id="tools-h">Tools</h2>
      <Show value={tools} what="tools">
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No tool known yet. Connect the server, or Refresh tools to list them.</Empty>
          ) : (
            <ul className="tools">
              {page.data.map((t) => (
                <ToolItem key={t.id} server={server} tool={t} onChange={(nt) => update((p) => ({ ...p, data: p.data.map((x) => (x.id === nt.id ? nt : x)) }))} />
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

function ToolItem({ server, tool, onChange }: { server: McpServer; tool: Tool; onChange: (t: Tool) => void }) {
  const s = useScope();
  const [open, setOpen] = useState(false);
  // shown at once, put back if the server refuses
  const [shown, setShown] = useState<boolean | null>(null);
  const enabled = shown ?? tool.enabled;
  const toggle = useAction(async () => {
    const want = !enabled;
    setShown(want);
    try {
      onChange(await call<Tool>(api.PATCH('/api/mcp-servers/{id}/tools/{toolId}', { params: { path: { id: server.id, toolId: tool.id } }, body: { enabled: want } })));
    } finally {
      setShown(null);
    }
  });
  const panel = `try-${tool.id}`;
  return (
    <li className={`card tool${tool.enabled ? '' : ' off'}`} data-tool={tool.name}>
      <div className="row">
        <div>
          <h3>
            <code>{tool.name}</code>
            {tool.title && tool.title !== tool.name && <span className="muted"> {tool.title}</span>}
          </h3>
          {tool.description && <p className="muted small desc">{tool.description}</p>}
        </div>
        <div className="actions">
          {can(s, 'write') && (
            <label className="switch">
              <input type="checkbox" role="switch" checked={enabled} disabled={toggle.busy} onChange={() => void toggle.run()} />
              <span>
                {enabled ? 'Enabled' : 'Disabled'}
                <span className="sr-only"> {tool.name}</span>
              </span>
            </label>
          )}
          {can(s, 'execute') && (
            <button type="button" className="small" aria-expanded={open} aria-controls={panel} disabled={!tool.enabled} onClick={() => setOpen((o) => !o)}>
              {open ? 'Close' : 'Try it'}
              <span className="sr-only"> {tool.name}</span>
            </button>
          )}
        </div>
      </div>
      <ErrorNote error={toggle.error} />
      {open && tool.enabled && (
        <div id={panel}>
          <Suspense fallback={<Loading what="the form" />}>
            <TryTool server={server} tool={tool} />
          </Suspense>
        </div>
      )}
    </li>
  );
}

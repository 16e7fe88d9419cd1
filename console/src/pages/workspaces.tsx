import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import type { Project, Workspace } from '../api/types';
import { useAction } from '../hooks';
import { can, useScope } from '../scope';
import { Empty, ErrorNote, Field, PageTitle, Time } from '../ui';
import { Members } from './members';

/** Workspaces (switch, create) and the current workspace's projects (switch, create). */
export function WorkspacesPage({ firstRun = false }: { firstRun?: boolean }) {
  const s = useScope();
  const isAdmin = s.session.kind === 'admin';
  return (
    <>
      <PageTitle>Workspaces and projects</PageTitle>
      {firstRun && <p>Create a workspace to start: it holds your MCP servers, API keys and projects.</p>}
      <section aria-labelledby="ws-h">
        <h2 id="ws-h">Workspaces</h2>
        {s.workspaces.length === 0 ? (
          <Empty>No workspace yet.</Empty>
        ) : (
          <ul className="cards">
            {s.workspaces.map((w) => (
              <li key={w.id} className="card row">
                <div>
                  <strong>{w.name}</strong> <code className="muted">{w.id}</code>
                  <div className="muted small">
                    created <Time at={w.createdAt} />
                  </div>
                </div>
                {w.id === s.workspaceId ? (
                  <span className="badge">Current</span>
                ) : (
                  <button type="button" className="small" onClick={() => s.setWorkspaceId(w.id)}>
                    Switch to {w.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {isAdmin && <CreateWorkspace />}
      </section>
      {s.workspaceId && (
        <section aria-labelledby="proj-h">
          <h2 id="proj-h">Projects in {s.workspaces.find((w) => w.id === s.workspaceId)?.name ?? 'this workspace'}</h2>
          {s.projects.length === 0 ? (
            <Empty>No project yet. Projects group servers; a project has its own gateway URL.</Empty>
          ) : (
            <ul className="cards">
              {s.projects.map((p) => (
                <li key={p.id} className="card row">
                  <div>
                    <strong>{p.name}</strong> <code className="muted">{p.id}</code>
                    {p.description && <div className="muted small">{p.description}</div>}
                  </div>
                  {p.id === s.projectId ? (
                    <span className="badge">Current</span>
                  ) : (
                    <button type="button" className="small" onClick={() => s.setProjectId(p.id)}>
                      Show {p.name}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {can(s, 'write') && <CreateProject workspaceId={s.workspaceId} />}
        </section>
      )}
      {s.workspaceId && <Members workspaceId={s.workspaceId} />}
    </>
  );
}

function CreateWorkspace() {
  const s = useScope();
  const [name, setName] = useState('');
  const act = useAction(async () => {
    const w = await call<Workspace>(api.POST('/api/workspaces', { body: { name } }));
    setName('');
    s.setWorkspaceId(w.id);
    s.reloadScope();
  });
  return (
    <form className="card inline" onSubmit={(e: FormEvent) => (e.preventDefault(), void act.run())}>
      <Field id="new-ws" label="New workspace name">
        <input id="new-ws" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={act.busy || !name.trim()}>
        Create workspace
      </button>
      <ErrorNote error={act.error} />
    </form>
  );
}

function CreateProject({ workspaceId }: { workspaceId: string }) {
  const s = useScope();
  const [name, setName] = useState('');
  const act = useAction(async () => {
    const p = await call<Project>(api.POST('/api/projects', { body: { workspaceId, name } }));
    setName('');
    s.reloadScope();
    s.setProjectId(p.id);
  });
  return (
    <form className="card inline" onSubmit={(e: FormEvent) => (e.preventDefault(), void act.run())}>
      <Field id="new-proj" label="New project name">
        <input id="new-proj" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={act.busy || !name.trim()}>
        Create project
      </button>
      <ErrorNote error={act.error} />
    </form>
  );
}

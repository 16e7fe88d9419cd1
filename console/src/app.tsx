import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, call, setCsrfToken, whenUnauthorized } from './api/client';
import type { Page, Project, SessionView, Workspace } from './api/types';
import { useLoad, useRoute } from './hooks';
import { ExecutionsPage } from './pages/executions';
import { GatewayPage } from './pages/gateway';
import { KeysPage } from './pages/keys';
import { ServerPage } from './pages/server';
import { ServersPage } from './pages/servers';
import { SignIn } from './pages/signin';
import { WorkspacesPage } from './pages/workspaces';
import { type Scope, ScopeContext, useScope as useContextScope } from './scope';
import { ErrorNote, Loading } from './ui';

const NAV = [
  ['servers', 'MCP servers'],
  ['executions', 'Executions'],
  ['gateway', 'Gateway'],
  ['keys', 'API keys'],
  ['workspaces', 'Workspaces'],
] as const;

export function App() {
  const [session, setSession] = useState<SessionView | null | undefined>(undefined);
  useEffect(() => {
    whenUnauthorized(() => setSession(null));
    call<SessionView>(api.GET('/api/session')).then(
      (s) => {
        setCsrfToken(s.csrfToken ?? null);
        setSession(s);
      },
      () => setSession(null),
    );
  }, []);
  if (session === undefined) return <Loading what="the console" />;
  if (session === null)
    return (
      <SignIn
        onSignedIn={(s) => {
          setCsrfToken(s.csrfToken ?? null);
          setSession(s);
        }}
      />
    );
  return <SignedIn session={session} onSignedOut={() => setSession(null)} />;
}

function SignedIn({ session, onSignedOut }: { session: SessionView; onSignedOut: () => void }) {
  const route = useRoute();
  const [tick, setTick] = useState(0);
  const reloadScope = useCallback(() => setTick((t) => t + 1), []);
  const [workspaces] = useLoad(() => call<Page<Workspace>>(api.GET('/api/workspaces', { params: { query: { limit: 100 } } })).then((p) => p.data), [tick]);
  const [chosenWs, setChosenWs] = useState<string | null>(() => localStorage.getItem('patchbay.workspace'));
  const wsList = workspaces.state === 'ready' ? workspaces.value : [];
  const workspaceId = session.workspaceId ?? (wsList.some((w) => w.id === chosenWs) ? chosenWs : (wsList[0]?.id ?? null));
  const [projects] = useLoad(
    () => (workspaceId ? call<Page<Project>>(api.GET('/api/projects', { params: { query: { workspaceId, limit: 100 } } })).then((p) => p.data) : Promise.resolve([])),
    [workspaceId, tick],
  );
  const [projectId, setProjectId] = useState<string | null>(null);
  const projectList = projects.state === 'ready' ? projects.value : [];
  const scope: Scope = useMemo(
    () => ({
      session,
      workspaces: wsList,
      workspaceId,
      projects: projectList,
      projectId: projectList.some((p) => p.id === projectId) ? projectId : null,
      setWorkspaceId: (id) => {
        localStorage.setItem('patchbay.workspace', id); // which workspace is shown; not a credential
        setChosenWs(id);
        setProjectId(null);
      },
      setProjectId,
      reloadScope,
    }),
    [session, wsList, workspaceId, projectList, projectId, reloadScope],
  );
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const signOut = async () => {
    try {
      await call(api.DELETE('/api/session'));
      setCsrfToken(null);
      onSignedOut();
    } catch (e) {
      setSignOutError((e as Error).message);
    }
  };
  const page = route[0] ?? 'servers';
  return (
    <ScopeContext.Provider value={scope}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/servers">
          Patchbay
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#/${id}`} aria-current={page === id ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <ScopePicker />
          <span className="muted" title="Signed in as">
            {session.kind === 'admin' ? 'Platform admin' : `Key ${session.subject}`}
          </span>
          <button type="button" className="small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        <ErrorNote error={signOutError} />
        {workspaces.state === 'loading' ? (
          <Loading what="workspaces" />
        ) : workspaces.state === 'error' ? (
          <ErrorNote error={`Could not load workspaces: ${workspaces.error}`} />
        ) : !workspaceId && page !== 'workspaces' ? (
          <WorkspacesPage firstRun />
        ) : (
          <Route page={page} rest={route.slice(1)} />
        )}
      </main>
    </ScopeContext.Provider>
  );
}

function Route({ page, rest }: { page: string; rest: string[] }) {
  switch (page) {
    case 'servers':
      return rest[0] ? <ServerPage id={rest[0]} tab={rest[1] ?? 'tools'} /> : <ServersPage />;
    case 'executions':
      return <ExecutionsPage />;
    case 'gateway':
      return <GatewayPage />;
    case 'keys':
      return <KeysPage />;
    case 'workspaces':
      return <WorkspacesPage />;
    default:
      return <p>There is no page here. <a href="#/servers">Go to the MCP servers</a>.</p>;
  }
}

function ScopePicker() {
  const s = useContextScope();
  if (!s.workspaceId) return null;
  return (
    <div className="picker">
      {s.session.kind === 'admin' && s.workspaces.length > 0 && (
        <>
          <label htmlFor="pick-ws" className="sr-only">
            Workspace
          </label>
          <select id="pick-ws" value={s.workspaceId} onChange={(e) => s.setWorkspaceId(e.target.value)}>
            {s.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="pick-proj" className="sr-only">
        Project
      </label>
      <select id="pick-proj" value={s.projectId ?? ''} onChange={(e) => s.setProjectId(e.target.value || null)}>
        <option value="">All projects</option>
        {s.projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}


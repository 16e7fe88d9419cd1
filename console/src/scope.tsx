import { createContext, useContext } from 'react';
import type { Project, SessionView, Workspace } from './api/types';

/** Who is signed in and which workspace / project the pages show. */
export interface Scope {
  session: SessionView;
  workspaces: Workspace[];
  workspaceId: string | null;
  projects: Project[];
  projectId: string | null;
  setWorkspaceId(id: string): void;
  setProjectId(id: string | null): void;
  /** re-reads workspaces and projects after one was created */
  reloadScope(): void;
}

export const ScopeContext = createContext<Scope | null>(null);

export function useScope(): Scope {
  const s = useContext(ScopeContext);
  if (!s) throw new Error('useScope outside the signed-in console');
  return s;
}

/** The signed-in identity may do this in the current workspace. */
export function can(s: Scope, scope: 'read' | 'write' | 'execute' | 'admin'): boolean {
  const held = s.session.scopes;
  if (held.includes(scope) || held.includes('admin')) return true;
  return scope === 'read' && (held.includes('write') || held.includes('execute'));
}

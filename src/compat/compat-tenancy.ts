import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ValidationError } from '../common/errors/domain-error.js';
import { assertId } from '../common/http/validation.js';
import { ProjectService } from '../projects/project.service.js';

export interface CompatScope {
  /** The workspace to create in; null when the caller may see several and named none (lists then cover all). */
  workspaceId: string | null;
  projectId: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === '' ? undefined : s;
}

/**
 * Where a compat call acts: `X-Project-Id` (a project the caller can see: its workspace and the
 * project), else the API key's own workspace, else `X-Workspace-Id`, else a user's only workspace.
 */
@Injectable()
export class CompatTenancy {
  constructor(private readonly projects: ProjectService) {}

  async scope(principal: Principal, headers: Headers): Promise<CompatScope> {
    const projectId = header(headers, 'x-project-id');
    if (projectId) {
      assertId(projectId, 'proj', 'X-Project-Id');
      const { project } = await this.projects.load(principal, projectId, 'read');
      return { workspaceId: project.workspaceId, projectId: project.id };
    }
    if (principal.kind === 'api_key') return { workspaceId: principal.workspaceId, projectId: null };
    const workspaceId = header(headers, 'x-workspace-id');
    if (workspaceId) return { workspaceId: assertId(workspaceId, 'ws', 'X-Workspace-Id'), projectId: null };
    if (principal.kind === 'user' && principal.roles.size === 1) return { workspaceId: [...principal.roles.keys()][0], projectId: null };
    return { workspaceId: null, projectId: null };
  }

  /** For creating: a workspace is required. */
  async workspaceFor(principal: Principal, headers: Headers): Promise<{ workspaceId: string; projectId: string | null }> {
    const s = await this.scope(principal, headers);
    if (!s.workspaceId) {
      throw ValidationError.field('X-Workspace-Id', 'this credential is not bound to one workspace: send X-Workspace-Id or X-Project-Id');
    }
    return { workspaceId: s.workspaceId, projectId: s.projectId };
  }

  /** A project named in a body (project-style surface): it and its workspace, or a 404. */
  async project(principal: Principal, projectId: string, field = 'projectId'): Promise<{ workspaceId: string; projectId: string }> {
    assertId(projectId, 'proj', field);
    const { project } = await this.projects.load(principal, projectId, 'read');
    return { workspaceId: project.workspaceId, projectId: project.id };
  }
}

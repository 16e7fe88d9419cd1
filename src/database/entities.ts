import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import { SessionEntity } from '../auth/sessions/session.entity.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { MembershipEntity } from '../auth/users/membership.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { PlatformSettingEntity } from './platform-setting.entity.js';
import { ReplicaEntity } from './replica.entity.js';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';
import { ToolEntity } from '../tools/tool.entity.js';
import { ExecutionEntity } from '../tools/execution.entity.js';
import { StatusEventEntity } from '../monitor/status-event.entity.js';
import { AuthzModelEntity } from '../authorization/authz-model.entity.js';
import { OAuthGrantEntity } from '../authorization/oauth-grant.entity.js';
import { OAuthClientEntity, OAuthStateEntity, OAuthTokenEntity } from '../oauth/store/oauth.entities.js';

/** Every entity, for the data source and the migration drift check. */
export const ENTITIES = [
  WorkspaceEntity,
  ProjectEntity,
  UserEntity,
  MembershipEntity,
  ApiKeyEntity,
  PlatformSettingEntity,
  McpServerEntity,
  ToolEntity,
  ExecutionEntity,
  StatusEventEntity,
  OAuthClientEntity,
  OAuthTokenEntity,
  OAuthStateEntity,
  ReplicaEntity,
  OAuthGrantEntity,
  AuthzModelEntity,
  SessionEntity,
];

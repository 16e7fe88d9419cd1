import { ApiKeyEntity } from '../auth/api-keys/api-key.entity.js';
import { UserEntity } from '../auth/users/user.entity.js';
import { ProjectEntity } from '../projects/project.entity.js';
import { MembershipEntity } from '../workspaces/membership.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { PlatformSettingEntity } from './platform-setting.entity.js';

/** Every entity, for the data source and the migration drift check. */
export const ENTITIES = [
  WorkspaceEntity,
  ProjectEntity,
  UserEntity,
  MembershipEntity,
  ApiKeyEntity,
  PlatformSettingEntity,
];

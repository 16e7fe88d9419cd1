import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** `running`: started, outcome not yet written; `interrupted`: its replica died before writing the outcome. */
export type ExecutionStatus = 'running' | 'success' | 'error' | 'interrupted';

/** The record of one tool run. Kept when its server is deleted, so no foreign key to it. */
@Entity('executions')
@Index('idx_executions_workspace', ['workspaceId', 'id'])
@Index('idx_executions_server', ['serverId', 'id'])
@Index('idx_executions_running', ['replicaId'], { where: `status = 'running'` })
export class ExecutionEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text', { name: 'project_id', nullable: true }) projectId!: string | null;
  @Column('text', { name: 'server_id' }) serverId!: string;
  @Column('text', { name: 'server_name' }) serverName!: string;
  @Column('text', { name: 'tool_id', nullable: true }) toolId!: string | null;
  @Column('text', { name: 'tool_name' }) toolName!: string;
  @Column('text', { name: 'caller_id' }) callerId!: string;
  @Column('text', { name: 'caller_kind' }) callerKind!: string;
  /** the gateway grant (grant_ id) an MCP client called through, if any */
  @Column('text', { name: 'grant_id', nullable: true }) grantId!: string | null;
  /** the surface: rest | letta | project | aggregate | passthrough (`gateway` in records older than passthrough records) */
  @Column('text', { default: 'rest' }) via!: string;
  @Column('text') status!: ExecutionStatus;
  @Column('text', { name: 'error_code', nullable: true }) errorCode!: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage!: string | null;
  /** arguments with values that look secret replaced by "[redacted]" */
  @Column('jsonb', { nullable: true }) args!: Record<string, unknown> | null;
  @Column('integer', { name: 'duration_ms' }) durationMs!: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  /** The replica that ran it: while the row is `running`, that replica's heartbeat says whether it can still finish it. */
  @Column('text', { name: 'replica_id', nullable: true }) replicaId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';

/** A change of a server's connectorStatus (or of its tool list: kind `tools_changed`). */
@Entity('status_events')
@Index('idx_status_events_server', ['serverId', 'id'])
@Index('idx_status_events_workspace', ['workspaceId', 'id'])
export class StatusEventEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text', { name: 'server_id' }) serverId!: string;

  @ManyToOne(() => McpServerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'server_id' })
  server?: McpServerEntity;

  /** status_changed | tools_changed */
  @Column('text', { default: 'status_changed' }) kind!: string;
  @Column('text', { name: 'from_status', default: '' }) fromStatus!: string;
  @Column('text', { name: 'to_status', default: '' }) toStatus!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('jsonb', { nullable: true }) details!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

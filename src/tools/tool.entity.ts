import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { McpServerEntity } from '../mcp-servers/mcp-server.entity.js';

/** One upstream tool as last listed, with a hash of its whole definition. */
@Entity('tools')
@Index('uq_tools_server_name', ['serverId', 'name'], { unique: true })
@Index('idx_tools_workspace', ['workspaceId', 'id'])
export class ToolEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'workspace_id' }) workspaceId!: string;
  @Column('text', { name: 'server_id' }) serverId!: string;

  @ManyToOne(() => McpServerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'server_id' })
  server?: McpServerEntity;

  @Column('text') name!: string;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('jsonb', { name: 'input_schema' }) inputSchema!: Record<string, unknown>;
  @Column('jsonb', { name: 'output_schema', nullable: true }) outputSchema!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) annotations!: Record<string, unknown> | null;
  /** the whole definition as the upstream sent it, for faithful pass-through */
  @Column('jsonb') definition!: Record<string, unknown>;
  @Column('text', { name: 'definition_hash' }) definitionHash!: string;
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

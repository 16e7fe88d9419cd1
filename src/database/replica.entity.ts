import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A running Patchbay process, alive while `heartbeat_at` is fresh (see ExecutionReconciler). */
@Entity('replicas')
export class ReplicaEntity {
  @PrimaryColumn('text') id!: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'heartbeat_at' }) heartbeatAt!: Date;
}

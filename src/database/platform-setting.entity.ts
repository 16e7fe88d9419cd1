import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Small platform-wide values, e.g. the admin key's hash. */
@Entity('platform_settings')
export class PlatformSettingEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  value!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

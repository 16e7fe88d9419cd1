import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.options.js';
import { LifecycleEvents } from './lifecycle-events.js';
import { NotifyBus } from './notify-bus.js';
import { PlatformSettingEntity } from './platform-setting.entity.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize = 10): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(url, poolSize), migrationsRun: true, migrationsTransactionMode: 'each' }),
        TypeOrmModule.forFeature([PlatformSettingEntity]),
      ],
      providers: [NotifyBus, LifecycleEvents],
      exports: [NotifyBus, LifecycleEvents, TypeOrmModule],
    };
  }
}

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SecretBox } from '../common/crypto/secret-box.js';
import { AppConfig } from './app-config.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: SecretBox, useFactory: () => new SecretBox(config.encryptionKeys) },
      ],
      exports: [AppConfig, SecretBox],
    };
  }
}

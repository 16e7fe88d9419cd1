import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { ConnectionPool } from './connection-pool.js';
import { CONNECTIONS_OPTIONS, type ConnectionsOptions } from './connections.options.js';

export interface ConnectionsModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => Partial<ConnectionsOptions> | Promise<Partial<ConnectionsOptions>>;
}

/**
 * The pool of live MCP clients. Import as is (defaults: private networks refused, stdio off), or with
 * `ConnectionsModule.register(opts)` / `registerAsync({ inject: [AppConfig], useFactory })` to supply CONNECTIONS_OPTIONS.
 * SSRF and stdio-policy helpers are plain functions exported from `./index`.
 */
@Module({ providers: [ConnectionPool], exports: [ConnectionPool] })
export class ConnectionsModule {
  static register(options: Partial<ConnectionsOptions>): DynamicModule {
    return {
      module: ConnectionsModule,
      providers: [{ provide: CONNECTIONS_OPTIONS, useValue: options }, ConnectionPool],
      exports: [ConnectionPool, CONNECTIONS_OPTIONS],
    };
  }

  static registerAsync(options: ConnectionsModuleAsyncOptions): DynamicModule {
    return {
      module: ConnectionsModule,
      imports: options.imports ?? [],
      providers: [{ provide: CONNECTIONS_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }, ConnectionPool],
      exports: [ConnectionPool, CONNECTIONS_OPTIONS],
    };
  }
}

import { Foundation1795266566767 } from './1795266566767-Foundation.js';
import { Registry1795267119354 } from './1795267119354-Registry.js';
import { ConnectionType1795300000000 } from './1795300000000-ConnectionType.js';
import { ConsoleSessions1795400000000 } from './1795400000000-ConsoleSessions.js';
import { DurableExecutions1795930382208 } from './1795930382208-DurableExecutions.js';
import { Authorization1795930571094 } from './1795930571094-Authorization.js';
import { OAuthStepUp1795930830941 } from './1795930830941-OAuthStepUp.js';
import { ExecutionGrant1795950000000 } from './1795950000000-ExecutionGrant.js';
import { PerUserCredentials1795940000000 } from './1795940000000-PerUserCredentials.js';

/** Ordered list of schema migrations; `NAME=Xyz npm run migration:generate` writes the next one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Foundation1795266566767, Registry1795267119354, ConnectionType1795300000000, ConsoleSessions1795400000000,
  DurableExecutions1795930382208, Authorization1795930571094, OAuthStepUp1795930830941, PerUserCredentials1795940000000,
  ExecutionGrant1795950000000,
];

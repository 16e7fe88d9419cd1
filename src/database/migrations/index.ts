import { Foundation1795266566767 } from './1795266566767-Foundation.js';
import { Registry1795267119354 } from './1795267119354-Registry.js';
import { ConnectionType1795300000000 } from './1795300000000-ConnectionType.js';

/** Ordered list of schema migrations; `NAME=Xyz npm run migration:generate` writes the next one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Foundation1795266566767, Registry1795267119354, ConnectionType1795300000000];

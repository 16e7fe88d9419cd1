import { Foundation1795266566767 } from './1795266566767-Foundation.js';
import { Registry1795267119354 } from './1795267119354-Registry.js';
import { ConsoleSessions1795400000000 } from './1795400000000-ConsoleSessions.js';

/** Ordered list of schema migrations; `NAME=Xyz npm run migration:generate` writes the next one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Foundation1795266566767, Registry1795267119354, ConsoleSessions1795400000000];

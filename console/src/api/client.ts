import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The console's only way to the server: the public REST API, typed from the committed openapi.json
 * (`npm run console:types` regenerates ./schema.d.ts). The session lives in an HttpOnly cookie the
 * browser sends by itself; unsafe requests echo the session's CSRF token.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) request.headers.set('X-Patchbay-CSRF', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(csrf);

/** An API error in words: the problem+json `detail` (or `title`), and its field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => undefined;
/** Called when the session ends under us (expired, signed out elsewhere, key revoked). */
export function whenUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/**
 * Unwraps an openapi-fetch result: the body on success, an ApiError otherwise. `T` names the shape
 * where the committed document does not describe the response yet.
 */
export async function call<T>(p: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let res: { data?: unknown; error?: unknown; response: Response };
  try {
    res = await p;
  } catch {
    throw new ApiError(0, 'Patchbay could not be reached. Check your connection and try again.');
  }
  if (res.response.ok) return res.data as T;
  const problem = (typeof res.error === 'object' && res.error ? res.error : {}) as Problem;
  if (res.response.status === 401) onUnauthorized();
  throw new ApiError(res.response.status, problem.detail ?? problem.title ?? `Request failed (${res.response.status})`, problem.errors ?? []);
}

/**
 * The "client under test" of the MCP conformance suite's auth scenarios: Patchbay, driven through
 * its public REST API exactly as a user would drive it. The suite starts a scenario (an MCP server
 * and its authorization server on loopback) and runs `node patchbay-client.ts <serverUrl>`.
 *
 *   1. POST /api/mcp-servers            register the scenario's server with authType "oauth"
 *                                       (pre-registered client id/secret from the scenario's context, if any)
 *   2. POST /api/mcp-servers/{id}/connect  -> { authorizationUrl }
 *   3. the "browser": follow the authorization URL's redirects (the scenario's AS approves at once)
 *      until Patchbay's /api/oauth/callback answers
 *   4. POST .../refresh (list tools), then POST .../tools/{name}/run
 *   Whenever 4 fails, ask /connect again, as a person would: if Patchbay offers a new authorization
 *   (step-up), approve it and retry; if it does not, stop with the error Patchbay gave.
 *
 * Environment: PATCHBAY_URL, PATCHBAY_API_KEY, PATCHBAY_WORKSPACE_ID (set by the e2e spec),
 * MCP_CONFORMANCE_SCENARIO and MCP_CONFORMANCE_CONTEXT (set by the suite).
 * Plain TypeScript with erasable syntax only: Node 22 runs it directly, no build step.
 * Exit 0 when a tool ran; 1 otherwise (the suite records stdout/stderr per scenario).
 */

const base = need('PATCHBAY_URL').replace(/\/+$/, '');
const key = need('PATCHBAY_API_KEY');
const workspaceId = need('PATCHBAY_WORKSPACE_ID');
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? 'unknown';
/** Safety net only: Patchbay itself must stop offering authorizations well before this. */
const MAX_USER_RETRIES = 6;

interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
  text: string;
}

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

function log(msg: string): void {
  console.log(`[patchbay-client ${scenario}] ${msg}`);
}

async function api(method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

/** What a browser does with the consent redirect chain; the scenario's AS approves without a page. */
async function approve(authorizationUrl: string): Promise<void> {
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      url = new URL(location, url).href;
      continue;
    }
    const text = await res.text();
    if (!url.startsWith(`${base}/api/oauth/callback`)) {
      throw new Error(`the authorization chain ended at ${new URL(url).origin}${new URL(url).pathname} with HTTP ${res.status}`);
    }
    if (res.status !== 200) throw new Error(`Patchbay's callback answered ${res.status}: ${text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
    log('callback accepted');
    return;
  }
  throw new Error('more than 10 redirects');
}

/** `/connect`; approves when it offers an authorization. Returns whether it did. */
async function connect(id: string): Promise<boolean> {
  const res = await api('POST', `/api/mcp-servers/${id}/connect`);
  if (res.status !== 200) throw new Error(`connect: ${res.status} ${res.text}`);
  const url = res.body?.authorizationUrl;
  if (typeof url !== 'string') {
    log(`connect: no authorization offered (${res.text})`);
    return false;
  }
  log('connect: authorization offered');
  await approve(url);
  return true;
}

/** Runs `op`; on failure asks /connect for a new authorization like a person would, a few times at most. */
async function withUserRetries(what: string, id: string, op: () => Promise<Answer>): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const res = await op();
    const failed = res.status !== 200 || res.body?.status === 'error';
    if (!failed) return res;
    log(`${what} failed: ${res.status} ${res.text.slice(0, 400)}`);
    if (attempt >= MAX_USER_RETRIES || !(await connect(id))) {
      throw new Error(`${what} failed and Patchbay offers no new authorization: ${res.status} ${res.text.slice(0, 400)}`);
    }
  }
}

async function main(): Promise<void> {
  const serverUrl = process.argv[process.argv.length - 1];
  const context = process.env.MCP_CONFORMANCE_CONTEXT
    ? (JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT) as { client_id?: string; client_secret?: string })
    : {};
  const created = await api('POST', '/api/mcp-servers', {
    workspaceId,
    name: `conf-${scenario.replace(/[^a-z0-9]+/gi, '-')}-${Math.random().toString(36).slice(2, 8)}`,
    url: serverUrl,
    authType: 'oauth',
    ...(context.client_id ? { oauthClientId: context.client_id } : {}),
    ...(context.client_secret ? { oauthClientSecret: context.client_secret } : {}),
  });
  if (created.status !== 201) throw new Error(`register: ${created.status} ${created.text}`);
  const id = String(created.body?.id);
  log(`registered ${id}`);

  if (!(await connect(id))) throw new Error('the first /connect offered no authorization');

  const refreshed = await withUserRetries('refresh', id, () => api('POST', `/api/mcp-servers/${id}/refresh`));
  const tools = (refreshed.body?.data as Array<{ name: string }> | undefined) ?? [];
  log(`tools: ${tools.map((t) => t.name).join(', ')}`);
  if (tools.length === 0) throw new Error('no tools listed');

  const run = await withUserRetries('run', id, () =>
    api('POST', `/api/mcp-servers/${id}/tools/${encodeURIComponent(tools[0].name)}/run`, { args: {} }),
  );
  log(`run: ${JSON.stringify(run.body?.funcReturn)}`);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`[patchbay-client ${scenario}] ${err.message}`);
    process.exit(1);
  },
);

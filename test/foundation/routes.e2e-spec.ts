import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_SCOPE } from '../../src/auth/decorators.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Private by default, public by choice. Every Nest route handler must declare @Public() or
 * @RequireScope(); the public ones must be on this list, so a new public route is a conscious
 * change to this file.
 */
const PUBLIC_ROUTES = [
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics', // needs METRICS_TOKEN's bearer when that is set (checked in the handler)
  'GET /api/oauth/callback', // the upstream authorization server redirects the user here
  'GET /oauth/client-metadata.json', // Patchbay's OAuth client metadata document
  'GET /.well-known/oauth-protected-resource/mcp/:scopeId', // RFC 9728 metadata of the gateway
  'GET /', // redirects to the web console
  'POST /api/session', // the console's sign-in: a key in, a session cookie out
];
/**
 * Served by Fastify directly, outside Nest's guard: the API reference (SwaggerModule) and the web
 * console's static files (@fastify/static), which hold no data: the console reads the API like any client.
 */
const NON_NEST = /^\/(docs(\/.*|\*)?|openapi\.(json|yaml)|console\/.*)$/;
/**
 * Registered on Fastify directly and authenticated by their own code, not by the guard: the MCP
 * gateway (GatewayHttpService calls AuthGuard.resolve and checks the `execute` scope itself).
 * Each must refuse a request without a bearer (checked below).
 */
const SELF_AUTHENTICATED = ['GET /mcp/:scopeId', 'POST /mcp/:scopeId', 'DELETE /mcp/:scopeId'];
/**
 * Patchbay's OAuth authorization server for MCP clients (src/authorization): public by nature, served by
 * oidc-provider (mounted on Fastify) and by the server-rendered sign-in and consent pages, which take a
 * Patchbay key or an IdP sign-in themselves.
 */
const AUTHORIZATION_SERVER = [
  'GET /oauth/authorize',
  'POST /oauth/authorize',
  'GET /oauth/authorize/:uid',
  'POST /oauth/token',
  'POST /oauth/register',
  'POST /oauth/revoke',
  'GET /oauth/jwks',
  'GET /.well-known/openid-configuration',
  'GET /.well-known/oauth-authorization-server',
  'GET /oauth/interaction/:uid',
  'POST /oauth/interaction/:uid/login',
  'POST /oauth/interaction/:uid/confirm',
  'GET /oauth/interaction/:uid/idp',
  'GET /oauth/idp/callback',
];

interface Handler {
  route: string;
  where: string;
  isPublic: boolean;
  scope: string | undefined;
}

function join(...parts: Array<string | string[] | undefined>): string {
  const segs = parts.flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '').join('/');
  return ('/' + segs).replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

function nestHandlers(app: TestApp): Handler[] {
  const modules = app.app.get(ModulesContainer);
  const reflector = app.app.get(Reflector);
  const scanner = new MetadataScanner();
  const out: Handler[] = [];
  for (const mod of modules.values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!ctrl) continue;
      const base = Reflect.getMetadata(PATH_METADATA, ctrl) as string | string[] | undefined;
      const proto = ctrl.prototype as Record<string, (...args: unknown[]) => unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const fn = proto[name];
        const path = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const targets = [fn, ctrl];
        out.push({
          route: `${RequestMethod[method]} ${join(base, path)}`,
          where: `${ctrl.name}.${name}`,
          isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
          scope: reflector.getAllAndOverride<string>(REQUIRED_SCOPE, targets),
        });
      }
    }
  }
  return out;
}

/** Fastify's route table, from printRoutes' tree (one `── segment (METHODS)` line per node). */
function fastifyRoutes(app: TestApp): string[] {
  const tree = app.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[└├]── (.*?)(?: \(([^)]*)\))?$/.exec(line.replace(/\u00a0/g, ' '));
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    if (m[3]) for (const method of m[3].split(/,\s*/)) routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

describe('route access declarations', () => {
  let app: TestApp;
  let handlers: Handler[];
  beforeAll(async () => {
    app = await startTestApp();
    handlers = nestHandlers(app);
  });
  afterAll(async () => app?.stop());

  it('finds the routes (sanity)', () => {
    expect(handlers.length).toBeGreaterThan(15);
    expect(handlers.map((h) => h.route)).toEqual(expect.arrayContaining(['GET /api/projects', 'POST /api/workspaces']));
  });

  it('every handler declares @Public() or @RequireScope()', () => {
    const undeclared = handlers.filter((h) => !h.isPublic && !h.scope).map((h) => `${h.route} (${h.where})`);
    expect(undeclared).toEqual([]);
  });

  it('declares a known scope, and never both @Public() and a scope', () => {
    const bad = handlers
      .filter((h) => (h.scope && !['read', 'write', 'execute', 'admin'].includes(h.scope)) || (h.isPublic && h.scope))
      .map((h) => `${h.route} (${h.where})`);
    expect(bad).toEqual([]);
  });

  it('public routes are exactly the intended ones', () => {
    const pub = handlers.filter((h) => h.isPublic).map((h) => h.route);
    expect([...pub].sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('everything Fastify serves outside Nest is the API reference or the console files', () => {
    const nest = new Set(handlers.map((h) => h.route));
    const isNest = (r: string) => nest.has(r) || nest.has(`ALL ${r.split(' ')[1]}`);
    const served = fastifyRoutes(app).filter((r) => !r.startsWith('HEAD ') && !r.startsWith('OPTIONS '));
    expect(served.length).toBeGreaterThan(handlers.length / 2);
    // A route added straight on Fastify bypasses the guard: it belongs in NON_NEST, on purpose.
    const foreign = served.filter((r) => !isNest(r) && !NON_NEST.test(r.split(' ')[1]) && !SELF_AUTHENTICATED.includes(r) && !AUTHORIZATION_SERVER.includes(r));
    expect(foreign).toEqual([]);
    expect(served).toEqual(expect.arrayContaining(['GET /openapi.json', 'GET /docs']));
  });

  it('the self-authenticated routes refuse a request without a bearer', async () => {
    const served = new Set(fastifyRoutes(app));
    for (const route of SELF_AUTHENTICATED.filter((r) => served.has(r))) {
      const [method, path] = route.split(' ');
      const res = await app.request(method, path.replace(':scopeId', 'ws_01h455vb4pex5vsknk084sn02q'), {
        token: null,
        headers: { accept: 'application/json, text/event-stream' },
        body: method === 'POST' ? { jsonrpc: '2.0', id: 1, method: 'tools/list' } : undefined,
      });
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('a private route without a bearer is a 401 problem', async () => {
    const res = await app.request('GET', '/api/projects', { token: null });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});

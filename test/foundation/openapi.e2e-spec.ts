import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stableJson } from '../../src/common/stable-json.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const COMMITTED = join(import.meta.dirname, '../../openapi.json');

/** The committed openapi.json is the document the running code serves. */
describe('OpenAPI document', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('GET /openapi.json is OpenAPI 3.1 and public', async () => {
    const res = await app.request('GET', '/openapi.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/workspaces', '/health/ready']));
  });

  it('matches the committed openapi.json (run `npm run openapi` after changing routes or DTOs)', async () => {
    const served = stableJson((await app.request('GET', '/openapi.json', { token: null })).body);
    const committed = readFileSync(COMMITTED, 'utf8');
    if (served !== committed) {
      const paths = (t: string) => Object.keys((JSON.parse(t) as { paths: object }).paths);
      const code = paths(served);
      const file = paths(committed);
      // the path lists first: the clearest message when a route was added or removed
      expect({ onlyInCode: code.filter((p) => !file.includes(p)), onlyInFile: file.filter((p) => !code.includes(p)) }).toEqual({
        onlyInCode: [],
        onlyInFile: [],
      });
    }
    expect(served).toBe(committed);
  });

  it('/docs serves the interactive reference as HTML', async () => {
    const res = await app.request('GET', '/docs', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toMatch(/swagger-ui/i);
  });
});

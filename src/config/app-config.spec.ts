import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app-config.js';

const base = () => ({ PATCHBAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'patchbay-config-')) });

describe('AppConfig', () => {
  it('PUBLIC_URL defaults to the published host port (PATCHBAY_PORT), else to PORT', () => {
    expect(AppConfig.fromEnv({ ...base(), PORT: '8080', PATCHBAY_PORT: '9090' }).publicUrl).toBe('http://localhost:9090');
    expect(AppConfig.fromEnv({ ...base(), PORT: '8081' }).publicUrl).toBe('http://localhost:8081');
    expect(AppConfig.fromEnv({ ...base(), PATCHBAY_PORT: '9090', PUBLIC_URL: 'https://mcp.example.com/' }).publicUrl).toBe('https://mcp.example.com');
  });

  it.each([
    ['NODE_ENV', 'prod', 'NODE_ENV must be one of development, production, test, got "prod"'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"'],
    ['PATCHBAY_PORT', 'eighty', 'PATCHBAY_PORT must be a whole number, got "eighty"'],
  ])('%s=%s is refused with a message naming it', (name, value, message) => {
    expect(() => AppConfig.fromEnv({ ...base(), [name]: value })).toThrow(message);
  });

  it('the enumerated values themselves are accepted', () => {
    expect(AppConfig.fromEnv({ ...base(), NODE_ENV: 'test', LOG_LEVEL: 'silent' })).toMatchObject({ nodeEnv: 'test', logLevel: 'silent' });
  });
});

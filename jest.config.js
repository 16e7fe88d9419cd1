/**
 * NestJS 12 and most of our dependencies are ES modules, so the suite runs as ESM
 * (node --experimental-vm-modules, see package.json). One embedded PostgreSQL for the whole
 * run (test/setup/global-setup.ts); each test file gets a fresh database cloned from a
 * migrated template (test/support/database.ts).
 */
export default {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Jest on Node 20 cannot require() an ES module (Node itself can). @fastify/static (for
    // /docs) requires content-disposition 3, which is ESM; v2 has the same API as CommonJS.
    '^content-disposition$': '<rootDir>/node_modules/content-disposition/dist/index.js',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false, useESM: true }] },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // One transform cache per checkout and per Node major: a cache shared with another checkout or filled by
  // another Node version served CommonJS transforms to this ESM suite ("exports is not defined").
  cacheDirectory: `<rootDir>/node_modules/.cache/jest/node${process.versions.node.split('.')[0]}`,
};

/**
 * Six projects, all run by `npm test`:
 * - `unit`: pure logic and whole GraphQL operations in process: no network,
 *   no server, no database (some read the project's files);
 * - `http`: the gateway over HTTP on a loopback port (access, persisted
 *   queries, limits, data-usage labels), on the embedded store: no database;
 * - `corpus`: the XDM compiler over the whole adobe/xdm corpus (../shared/xdm);
 * - `integration`: a real MongoDB wire-protocol server, started once by the
 *   globalSetup (test/helpers/db);
 * - `browser`: the GraphQL IDE and the agent console in Debian's Chromium
 *   (playwright-core), offline; the globalSetup builds the console first when
 *   its build is missing or stale;
 * - `console`: the agent console's own logic (console/test), no browser.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const transform = { '^.+\\.ts$': tsJest };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', roots: ['<rootDir>/test/unit'], transform },
    { displayName: 'http', testEnvironment: 'node', roots: ['<rootDir>/test/http'], transform },
    { displayName: 'corpus', testEnvironment: 'node', roots: ['<rootDir>/test/corpus'], transform },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      transform,
      globalSetup: '<rootDir>/test/helpers/db/globalSetup.ts',
      globalTeardown: '<rootDir>/test/helpers/db/globalTeardown.ts',
    },
    // Debian's /usr/bin/chromium driven by playwright-core (.ci/run installs it).
    { displayName: 'browser', testEnvironment: 'node', roots: ['<rootDir>/test/browser'], transform, globalSetup: '<rootDir>/test/helpers/browser/globalSetup.ts' },
    {
      displayName: 'console',
      testEnvironment: 'node',
      roots: ['<rootDir>/console/test'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/console/tsconfig.json', diagnostics: true }] },
    },
  ],
};

/**
 * Three projects, all run by `npm test`:
 * - `unit`: pure logic, no I/O, no database;
 * - `corpus`: the XDM compiler over the whole adobe/xdm corpus (../shared/xdm);
 * - `integration`: a real MongoDB wire-protocol server, started once by the
 *   globalSetup (test/helpers/db).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const transform = { '^.+\\.ts$': tsJest };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', roots: ['<rootDir>/test/unit'], transform },
    { displayName: 'corpus', testEnvironment: 'node', roots: ['<rootDir>/test/corpus'], transform },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/integration'],
      transform,
      globalSetup: '<rootDir>/test/helpers/db/globalSetup.ts',
      globalTeardown: '<rootDir>/test/helpers/db/globalTeardown.ts',
    },
  ],
};

// Mutation testing (`npm run test:mutation`, StrykerJS with the jest runner): the code that guards
// secrets and correctness is changed one small way at a time, and a test must fail for each change.
// Slow on two cores (tens of minutes); not part of `npm test`. While working on one file:
//   nice -n 10 npx stryker run --mutate lambda/logging/redact.ts
// The report: build/mutation/index.html and build/mutation/report.json.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  mutate: [
    'lambda/accountLinking/**/*.ts',
    'lambda/logging/redact.ts',
    'lambda/spotify/outcome.ts',
    'lambda/spotify/transport.ts',
    'lambda/handlers/errorHandler.ts',
    'lambda/matching/matchPlaylist.ts',
    'local/endpoint/verification.ts',
  ],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    enableFindRelatedTests: true,
    config: {
      // jest.config.js looks for tests under test/ only. Stryker asks jest which tests relate to a
      // mutated file, and jest follows imports only inside its roots: without lambda/ and local/,
      // a module reached through lambda/skill.ts (every handler test) would count as untested.
      roots: ['<rootDir>/test', '<rootDir>/lambda', '<rootDir>/local'],
      // Tests that run the built bundle (not the mutated source) or the tooling, and prove nothing here.
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/reliability/',
        '<rootDir>/test/index.test.ts',
        '<rootDir>/test/hooks/',
        '<rootDir>/test/scripts/',
        '<rootDir>/test/bench/',
        '<rootDir>/test/layers.test.ts',
        '<rootDir>/test/deploy/',
        '<rootDir>/test/infrastructure/',
        // These start npm start or npm run simulate as child processes: slow, and the children
        // load the source afresh, outside the run's mutant switching.
        '<rootDir>/test/local/commands.test.ts',
        '<rootDir>/test/local/curlFromDocs.test.ts',
        '<rootDir>/test/local/listenErrors.test.ts',
        '<rootDir>/test/local/progressiveResponse.test.ts',
        '<rootDir>/test/local/simulatorLog.test.ts',
        // These load fresh modules inside their tests: Stryker would count the module-level lines
        // as covered by them alone, and judge those mutants (the secret key names, say) by a test
        // that only times a cold start or loads the adapter without the AWS SDK.
        '<rootDir>/test/spotify/coldStart.test.ts',
        '<rootDir>/test/persistence/awsSdkMissing.test.ts',
      ],
      testSequencer: '<rootDir>/test/support/quickestFirstSequencer.cjs',
      collectCoverage: false,
      coverageThreshold: undefined,
    },
  },
  coverageAnalysis: 'perTest',
  // A static mutant (a change to a module-level table or pattern, e.g. SECRET_KEYS or the yes/no
  // words) can only be tested by loading everything again and running every related test: on two
  // shared cores that is hours for this set. They are left out of the score; the tables and
  // patterns they would change have tests that name each entry (test/logging/redact.test.ts,
  // test/matching/matchPlaylist.test.ts). `npx stryker run --ignoreStatic false` runs them too.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 15000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'build/mutation/index.html' },
  jsonReporter: { fileName: 'build/mutation/report.json' },
  // Results are kept per mutant: a later run tests again only what changed (code or tests).
  incremental: true,
  incrementalFile: 'build/mutation/incremental.json',
  tempDirName: 'build/.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};

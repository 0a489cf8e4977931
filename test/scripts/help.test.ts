import { finished, npmRun, stopLeftovers } from '../support/localCommands';

afterEach(stopLeftovers);

/* Every script a newcomer runs answers --help with its usage and exit code 0, as users of any CLI expect. */
describe('--help on the project\'s scripts, run through npm as a user types it', () => {
  it.each([
    ['simulate', /^usage: npm run simulate -- \[--unlinked\] \[--locale xx-XX\]/m],
    ['start', /^usage: npm start \[-- --help\]$/m],
    ['validate', /^usage: npm run validate \[-- --help\]$/m],
    ['bench', /^usage: npm run bench \[-- --quick\] \[-- --out FILE\] \[-- --build-dir DIR\]$/m],
  ])('npm run %s -- --help prints its usage and exits 0', async (script, usage) => {
    const run = await finished(npmRun(script, ['--help']));

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(usage);
  });

  it('documents simulate\'s --locale, with the locales it has a model for, and its commands', async () => {
    const run = await finished(npmRun('simulate', ['--help']));

    expect(run.stdout).toMatch(/^ {2}--locale xx-XX {2}the locale the user speaks \(default en-US; en-us is understood\)/m);
    expect(run.stdout).toMatch(/interaction model in skill-package\/interactionModels\/custom\/ \(here: de-DE, en-AU, en-CA, en-GB, en-IN, en-US, es-ES, es-MX, es-US, fr-CA, fr-FR\)/);
    expect(run.stdout).toMatch(/^ {2}--unlinked /m);
    expect(run.stdout).toMatch(/^ {2}unlink {11}unlink in the Alexa app/m);
  });

  it('documents start\'s settings, PORT=0 among them', async () => {
    const run = await finished(npmRun('start', ['--help']));

    expect(run.stdout).toMatch(/^ {2}PORT=3000 .*PORT=0 picks free ports$/m);
    expect(run.stdout).toMatch(/^ {2}ALEXA_VERIFY=off /m);
  });

  it.each([
    ['simulate', '--loud', /^unknown option --loud\nusage: npm run simulate -- /m],
    ['start', '--port', /^npm start takes no arguments \(--port\): its settings are environment variables, listed by npm start -- --help$/m],
    ['validate', '--strict', /^npm run validate takes no arguments \(--strict\)\nusage: npm run validate/m],
    ['bench', '--fast', /^unknown option --fast\nusage: npm run bench /m],
  ])('npm run %s with an option it does not know (%s) says so with its usage and exits 2', async (script, option, message) => {
    const run = await finished(npmRun(script, [option]));

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

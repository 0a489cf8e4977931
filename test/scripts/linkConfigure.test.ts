import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureAccountLinking, type AskConnection } from '../../scripts/accountLinking/configure';

const root = path.resolve(__dirname, '..', '..');
const TEMPLATE = 'account-linking/spotify.template.json';
const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const CLIENT_SECRET = 'fedcba9876543210fedcba9876543210';
const SKILL_ID = 'amzn1.ask.skill.11111111-2222-4333-8444-555555555555';
const REDIRECT_URLS = [
  'https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
  'https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA',
  'https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA',
];

/**
 * Stands in for the ASK CLI (its dist/bin/ask.js, run by Node as the scripts run the real one): records each call's arguments and, for a `file:` argument, the
 * file's content and permissions as they were at call time. FAKE_ASK_FAIL names a subcommand
 * that fails the way the real CLI does, echoing the request it was given.
 */
const FAKE_ASK = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const fileArg = args.find((arg) => arg.startsWith('file:'));
const file = fileArg && fileArg.slice('file:'.length);
const record = { args, secretInEnv: 'SPOTIFY_CLIENT_SECRET' in process.env };
if (file) record.file = { path: file, mode: fs.statSync(file).mode & 0o777, body: fs.readFileSync(file, 'utf8') };
fs.appendFileSync(process.env.FAKE_ASK_LOG, JSON.stringify(record) + '\\n');
if (process.env.FAKE_ASK_FAIL === args[1]) {
  process.stderr.write('[Error]: {\\n  "message": "Request is invalid.",\\n  "request": ' + JSON.stringify(record.file ? record.file.body : '') + '\\n}\\n');
  process.exit(1);
}
if (args[1] === 'get-account-linking-info') {
  process.stdout.write(JSON.stringify({ accountLinkingResponse: { type: 'AUTH_CODE', redirectUrls: ${JSON.stringify(REDIRECT_URLS)} } }, null, 2));
} else {
  process.stdout.write('Command executed successfully!\\n');
}
`;

/** The fake package's profile resolution, shaped like ask-cli's dist/lib/utils/profile-helper.js. */
const FAKE_PROFILE_HELPER = `module.exports = {
  runtimeProfile: (requested) => requested || process.env.ASK_DEFAULT_PROFILE || 'default',
  isEnvProfile: () => false,
};
`;

interface AskCall {
  args: string[];
  secretInEnv: boolean;
  file?: { path: string; mode: number; body: string };
}

let project: string;
let fakeBin: string;
let fakeAsk: string;
let askLog: string;

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    PATH: `${fakeBin}${path.delimiter}${path.dirname(process.execPath)}`,
    FAKE_ASK_LOG: askLog,
    SPOTIFY_CLIENT_ID: CLIENT_ID,
    SPOTIFY_CLIENT_SECRET: CLIENT_SECRET,
    ...overrides,
  };
}

function askCalls(): AskCall[] {
  if (!existsSync(askLog)) return [];
  return readFileSync(askLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AskCall);
}

function deployedAs(profiles: Record<string, string>): void {
  mkdirSync(path.join(project, '.ask'), { recursive: true });
  const states = Object.fromEntries(Object.entries(profiles).map(([profile, skillId]) => [profile, { skillId }]));
  writeFileSync(path.join(project, '.ask', 'ask-states.json'), JSON.stringify({ askcliStatesVersion: '2020-03-31', profiles: states }));
}

function connection(profile = 'default', profileArgs: string[] = []): AskConnection {
  return { cli: { command: process.execPath, prefixArgs: [fakeAsk], packageDir: path.dirname(fakeAsk), version: '0.0.0-fake', origin: 'pinned' }, profile, profileArgs };
}

function configure(environment: NodeJS.ProcessEnv = env(), ask: AskConnection = connection()) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = 0;
  const openAsk = () => {
    opened += 1;
    return ask;
  };
  const code = configureAccountLinking({ root: project, env: environment, out: (line) => out.push(line), err: (line) => err.push(line), openAsk });
  if (opened > 1) throw new Error('the ASK CLI was opened more than once');
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), errLines: err };
}

function expectedBody(): unknown {
  const template = JSON.parse(readFileSync(path.join(root, TEMPLATE), 'utf8'));
  return { accountLinkingRequest: { ...template.accountLinkingRequest, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } };
}

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-link-'));
  mkdirSync(path.join(project, 'account-linking'));
  cpSync(path.join(root, TEMPLATE), path.join(project, TEMPLATE));
  // Laid out as `npm install -g ask-cli` lays it out: a shim on PATH linking into the package.
  const fakePackage = path.join(project, 'global', 'node_modules', 'ask-cli');
  mkdirSync(path.join(fakePackage, 'dist', 'bin'), { recursive: true });
  mkdirSync(path.join(fakePackage, 'dist', 'lib', 'utils'), { recursive: true });
  writeFileSync(path.join(fakePackage, 'package.json'), JSON.stringify({ name: 'ask-cli', version: '0.0.0-fake', bin: { ask: 'dist/bin/ask.js' } }));
  fakeAsk = path.join(fakePackage, 'dist', 'bin', 'ask.js');
  writeFileSync(fakeAsk, FAKE_ASK);
  chmodSync(fakeAsk, 0o755);
  writeFileSync(path.join(fakePackage, 'dist', 'lib', 'utils', 'profile-helper.js'), FAKE_PROFILE_HELPER);
  fakeBin = path.join(project, 'bin');
  mkdirSync(fakeBin);
  symlinkSync(fakeAsk, path.join(fakeBin, 'ask'));
  askLog = path.join(project, 'ask-calls.jsonl');
  deployedAs({ default: SKILL_ID });
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('npm run link:configure', () => {
  it('sends the template filled with the Spotify credentials, and nothing else, to the deployed skill', () => {
    const { code } = configure();

    expect(code).toBe(0);
    const [update] = askCalls();
    expect(update?.args).toEqual([
      'smapi', 'update-account-linking-info', '--skill-id', SKILL_ID, '--stage', 'development',
      '--account-linking-request', `file:${update?.file?.path}`,
    ]);
    expect(JSON.parse(update!.file!.body)).toEqual(expectedBody());
  });

  it('passes the secret only inside a private temporary file that is gone afterwards', () => {
    configure();

    const [update] = askCalls();
    expect(update?.file?.mode).toBe(0o600);
    expect(update?.file?.body).toContain(CLIENT_SECRET);
    expect(update?.args.join(' ')).not.toContain(CLIENT_SECRET);
    expect(existsSync(update!.file!.path)).toBe(false);
    expect(askCalls().map((call) => call.secretInEnv)).toEqual([false, false]);
  });

  it('prints what it sends with the secret masked, then the redirect URLs to add to the Spotify app', () => {
    const { stdout, stderr } = configure();

    expect(`${stdout}\n${stderr}`).not.toContain(CLIENT_SECRET);
    expect(stdout).toContain('"clientSecret": "<hidden>"');
    expect(stdout).toContain(`"clientId": "${CLIENT_ID}"`);
    for (const url of REDIRECT_URLS) expect(stdout).toContain(`  ${url}`);
    expect(askCalls()[1]?.args).toEqual(['smapi', 'get-account-linking-info', '--skill-id', SKILL_ID, '--stage', 'development']);
  });

  it('hides the secret wherever the template puts it, even with the placeholders swapped', () => {
    const file = path.join(project, TEMPLATE);
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.accountLinkingRequest.clientId = '${SPOTIFY_CLIENT_SECRET}';
    template.accountLinkingRequest.clientSecret = '${SPOTIFY_CLIENT_ID}';
    writeFileSync(file, JSON.stringify(template));

    const { stdout, stderr } = configure();

    expect(stdout).toContain('"clientId": "<hidden>"');
    expect(`${stdout}\n${stderr}`).not.toContain(CLIENT_SECRET);
  });

  it('uses the skill deployed with the profile the ASK CLI resolved', () => {
    const otherSkill = 'amzn1.ask.skill.99999999-0000-4000-8000-000000000000';
    deployedAs({ default: SKILL_ID, work: otherSkill });

    expect(configure(env(), connection('work')).code).toBe(0);
    expect(askCalls()[0]?.args).toContain(otherSkill);
    expect(askCalls()[0]?.args).not.toContain('--profile');
  });

  it('hands a profile named with --profile on to every ASK CLI call', () => {
    const otherSkill = 'amzn1.ask.skill.99999999-0000-4000-8000-000000000000';
    deployedAs({ default: SKILL_ID, work: otherSkill });

    expect(configure(env(), connection('work', ['--profile', 'work'])).code).toBe(0);
    expect(askCalls().map((call) => call.args.slice(-2))).toEqual([['--profile', 'work'], ['--profile', 'work']]);
  });

  it('finds the skill of the environment profile, which the ASK CLI calls __ENVIRONMENT_ASK_PROFILE__', () => {
    const ciSkill = 'amzn1.ask.skill.77777777-0000-4000-8000-000000000000';
    deployedAs({ default: SKILL_ID, __ENVIRONMENT_ASK_PROFILE__: ciSkill });

    expect(configure(env(), connection('__ENVIRONMENT_ASK_PROFILE__')).code).toBe(0);
    expect(askCalls()[0]?.args).toContain(ciSkill);
  });

  it.each([
    ['SPOTIFY_CLIENT_ID', { SPOTIFY_CLIENT_ID: undefined }],
    ['SPOTIFY_CLIENT_SECRET', { SPOTIFY_CLIENT_SECRET: '  ' }],
  ])('stops with one sentence when %s is not set, before calling the ASK CLI', (variable, overrides) => {
    const { code, errLines, stdout } = configure(env(overrides));

    expect(code).toBe(1);
    expect(errLines).toEqual([expect.stringMatching(new RegExp(`^${variable} is not set: .*developer\\.spotify\\.com/dashboard.*\\.$`))]);
    expect(stdout).toBe('');
    expect(askCalls()).toEqual([]);
  });

  it('stops with one sentence when a credential is not shaped like a Spotify one', () => {
    const { code, errLines } = configure(env({ SPOTIFY_CLIENT_SECRET: 'my-secret' }));

    expect(code).toBe(1);
    expect(errLines).toEqual(['SPOTIFY_CLIENT_SECRET does not look like a Spotify credential (32 hexadecimal characters); check that you copied all of it.']);
    expect(askCalls()).toEqual([]);
  });

  it('stops with one sentence when the client id was pasted as the secret too', () => {
    const { code, errLines } = configure(env({ SPOTIFY_CLIENT_SECRET: CLIENT_ID }));

    expect(code).toBe(1);
    expect(errLines).toEqual([expect.stringMatching(/^SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET are the same/)]);
  });

  it('stops with one sentence when the skill has not been deployed yet', () => {
    rmSync(path.join(project, '.ask'), { recursive: true });

    const { code, errLines } = configure();

    expect(code).toBe(1);
    expect(errLines).toEqual(['No skill id for ASK profile "default" in .ask/deploy/playlist-pal/.ask/ask-states.json: run `npm run deploy` with the same profile first; it creates the skill and records its id there.']);
    expect(askCalls()).toEqual([]);
  });

  it('relays a failing ASK CLI in one sentence with the secret masked, and still removes the file', () => {
    const { code, errLines, stdout } = configure(env({ FAKE_ASK_FAIL: 'update-account-linking-info' }));

    expect(code).toBe(1);
    expect(errLines).toEqual([expect.stringMatching(/^`ask smapi update-account-linking-info` failed with exit code 1: \[Error\]: \{ "message": "Request is invalid\."/)]);
    expect(`${stdout}\n${errLines.join('\n')}`).not.toContain(CLIENT_SECRET);
    expect(errLines[0]).toContain('<hidden>');
    expect(existsSync(askCalls()[0]!.file!.path)).toBe(false);
  });

  it('says the settings were saved when only reading back the redirect URLs fails', () => {
    const { code, errLines } = configure(env({ FAKE_ASK_FAIL: 'get-account-linking-info' }));

    expect(code).toBe(1);
    expect(errLines).toEqual([expect.stringMatching(/^The settings were saved, but reading back the redirect URLs failed: `ask smapi get-account-linking-info` failed/)]);
  });

  it('finds the skill where `npm run deploy` records it, in the staging copy', () => {
    rmSync(path.join(project, '.ask'), { recursive: true });
    const states = path.join(project, '.ask', 'deploy', 'playlist-pal', '.ask');
    mkdirSync(states, { recursive: true });
    writeFileSync(path.join(states, 'ask-states.json'), JSON.stringify({ profiles: { default: { skillId: SKILL_ID } } }));

    expect(configure().code).toBe(0);
    expect(askCalls()[0]?.args).toContain(SKILL_ID);
  });

  describe('as a command', () => {
    function run(environment: NodeJS.ProcessEnv, args: string[] = ['--use-global-ask']) {
      return spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts', 'linkConfigure.ts'), ...args], {
        cwd: project,
        env: environment,
        encoding: 'utf8',
      });
    }

    it('configures the skill with the `ask` on PATH when asked to, and exits 0', () => {
      const result = run(env());

      expect(result.status).toBe(0);
      expect(result.stdout).toContain('ASK CLI 0.0.0-fake (global, ');
      expect(result.stdout).toContain('Using ASK CLI profile "default".');
      expect(JSON.parse(askCalls()[0]!.file!.body)).toEqual(expectedBody());
      expect(result.stdout).toContain(REDIRECT_URLS[0]);
      expect(`${result.stdout}${result.stderr}`).not.toContain(CLIENT_SECRET);
    });

    it('resolves ASK_DEFAULT_PROFILE through the CLI and configures that profile\'s skill', () => {
      const otherSkill = 'amzn1.ask.skill.99999999-0000-4000-8000-000000000000';
      deployedAs({ default: SKILL_ID, work: otherSkill });

      const result = run(env({ ASK_DEFAULT_PROFILE: 'work' }));

      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Using ASK CLI profile "work".');
      expect(askCalls()[0]?.args).toContain(otherSkill);
    });

    it('fails with one line and a non-zero exit code, never a stack trace', () => {
      const result = run(env({ SPOTIFY_CLIENT_ID: undefined }));

      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^SPOTIFY_CLIENT_ID is not set/)]);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('says in one sentence that --use-global-ask found no `ask` on PATH', () => {
      const result = run(env({ PATH: path.dirname(process.execPath) }));

      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^--use-global-ask was given, but there is no `ask` on PATH/)]);
    });

    it('prints its usage for --help and exits 0, saying npm run deploy where the skill comes from', () => {
      const result = run(env(), ['--help']);

      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: npm run link:configure/);
      expect(result.stdout).toContain('`npm run deploy`');
      expect(result.stdout).not.toContain('ask deploy');
      expect(askCalls()).toEqual([]);
    });

    it('refuses an unknown option in one sentence', () => {
      const result = run(env(), ['--profil', 'work']);

      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--profil.*see --help\.$/)]);
    });
  });
});

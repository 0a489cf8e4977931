import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unzipSync } from 'fflate';
import { findOnPath, pinnedCli } from '../askCli/cli';
import { ENVIRONMENT_PROFILE } from '../askCli/profile';
import { translatorFor } from '../../lambda/i18n';
import { STAGE_DIR } from '../deploy/stage';
import { AWS_REGION_OF_ALEXA_REGION, codeEntryOf, servingRegions } from '../skillPackage/alexaRegions';
import { AlexaStandIns, type DeployedSkill } from './alexaStandIns';
import { AwsStandIns, type Stack } from './awsStandIns';
import { git, makeWorkCopy } from './workCopy';

/*
 * `npm run deploy:rehearse`: the real, pinned ASK CLI deploys a fresh copy of the project, end to
 * end, to stand-ins on loopback for Login with Amazon, SMAPI, S3 and CloudFormation (reached
 * through the CLI's and the AWS SDK's own endpoint settings), with throwaway credentials, for
 * the default profile twice, a named profile and the environment profile; then it checks what
 * the CLI sent and that `git status` stays clean. Only installing the pinned CLI needs the network.
 */

const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const CLIENT_SECRET = 'fedcba9876543210fedcba9876543210';
const TELEMETRY_HOST = 'client-telemetry.amazonalexa.com';

interface Identity {
  readonly label: string;
  readonly vendorId: string;
  readonly refreshToken: string;
  readonly accessKeyId: string;
}

const DEFAULT: Identity = { label: 'profile default', vendorId: 'M1REHEARSALDEF', refreshToken: 'Atzr|rehearsal-default', accessKeyId: 'REHEARSALDEFAULTKEY' };
const WORK: Identity = { label: 'named profile work', vendorId: 'M2REHEARSALWRK', refreshToken: 'Atzr|rehearsal-work', accessKeyId: 'REHEARSALWORKKEY' };
const CI: Identity = { label: 'environment profile', vendorId: 'M3REHEARSALCI', refreshToken: 'Atzr|rehearsal-ci', accessKeyId: 'REHEARSALCIKEY' };

export interface RehearsalOptions {
  readonly root: string;
  readonly out: (line: string) => void;
  /** Keep the work copy and print where it is (for looking into a failure). */
  readonly keep?: boolean;
}

export interface RehearsalResult {
  readonly passed: number;
  readonly failures: readonly string[];
  readonly seconds: number;
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

type Json = Record<string, unknown>;

class Checks {
  passed = 0;
  readonly failures: string[] = [];
  constructor(private readonly out: (line: string) => void) {}

  that(what: string, holds: boolean, detail?: () => string): boolean {
    if (holds) {
      this.passed += 1;
      this.out(`  ✓ ${what}`);
    } else {
      const why = detail?.();
      this.failures.push(why === undefined ? what : `${what}: ${why}`);
      this.out(`  ✗ ${what}${why === undefined ? '' : `\n      ${why.split('\n').join('\n      ')}`}`);
    }
    return holds;
  }
}

function tail(run: Run): string {
  return `exit ${String(run.status)}; last output:\n${`${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-15).join('\n')}`;
}

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    return statSync(full).isDirectory() ? filesBelow(full, relative) : [relative];
  });
}

/** The npm that runs this (npm_execpath), else the one beside node, so the copy runs `npm run …` as a user would. */
function npmCli(): string[] {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm !== undefined && /\.c?js$/.test(fromNpm) && existsSync(fromNpm)) return [fromNpm];
  const beside = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(beside)) return [beside];
  throw new Error('npm was not found beside node; run the rehearsal with `npm run deploy:rehearse`.');
}

/** A fresh home for one ASK CLI set-up: cli_config with the named profiles, and AWS credentials for them. */
function makeHome(dir: string, profiles: Record<string, Identity>): string {
  mkdirSync(path.join(dir, '.ask'), { recursive: true });
  mkdirSync(path.join(dir, '.aws'), { recursive: true });
  if (Object.keys(profiles).length === 0) return dir;
  const askProfiles = Object.fromEntries(Object.entries(profiles).map(([name, identity]) => [name, {
    aws_profile: `rehearsal-${name}`,
    vendor_id: identity.vendorId,
    // Expired on purpose: every run refreshes through the LWA stand-in, as after an hour in real life.
    token: { access_token: 'Atza|expired', refresh_token: identity.refreshToken, token_type: 'bearer', expires_in: 3600, expires_at: '2020-01-01T00:00:00.000Z' },
  }]));
  writeFileSync(path.join(dir, '.ask', 'cli_config'), JSON.stringify({ profiles: askProfiles, share_usage: false, machine_id: 'rehearsal' }, null, 2));
  writeFileSync(path.join(dir, '.aws', 'credentials'), Object.entries(profiles)
    .map(([name, identity]) => `[rehearsal-${name}]\naws_access_key_id = ${identity.accessKeyId}\naws_secret_access_key = throwaway-${name}-secret\n`).join('\n'));
  return dir;
}

function templateFilesOf(root: string): Map<string, Buffer> {
  const dir = path.join(root, 'skill-package');
  return new Map(filesBelow(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** Runs the deployed index.js as Lambda would in `awsRegion`, with the function's environment, on one request. */
function invokeBundle(code: Buffer, environment: Record<string, string>, request: unknown, awsRegion: string, scratch: string): { ok: boolean; response?: Json; error?: string } {
  const dir = mkdtempSync(path.join(scratch, 'lambda-'));
  writeFileSync(path.join(dir, 'index.js'), code);
  const script = `require('./index.js').handler(JSON.parse(process.argv[1]), { getRemainingTimeInMillis: () => 8000 })
    .then((response) => process.stdout.write(JSON.stringify(response)), (error) => { process.stderr.write(String(error && error.message)); process.exit(3); })`;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(request)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20_000,
    // DynamoDB is out of reach here (a closed loopback port): the unlinked launch must not need it.
    env: { PATH: process.env.PATH, ...environment, AWS_REGION: awsRegion, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' },
  });
  if (result.status !== 0) return { ok: false, error: (result.stderr || `exit ${String(result.status)}`).trim().split('\n')[0] };
  return { ok: true, response: JSON.parse(result.stdout) as Json };
}

function objectOf(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** What the listener hears of an SSML answer: the text without tags, entities read. */
function spokenOf(ssml: string | undefined): string {
  return (ssml ?? '').replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

interface ExpectedRegion {
  /** The ask-resources.json code entry that deploys it ("default" for North America). */
  readonly entry: string;
  readonly awsRegion: string;
  /** A locale Alexa sends there, to ask its function something: one not in English where there is one. */
  readonly locale: string;
}

/**
 * Where the copy's published locales must be served from, worked out from skill.json and Alexa's
 * regions (scripts/skillPackage/alexaRegions.ts), not from ask-resources.json, which is what is checked.
 */
function expectedRegions(copy: string): ExpectedRegion[] {
  const manifest = JSON.parse(readFileSync(path.join(copy, 'skill-package', 'skill.json'), 'utf8')) as { manifest?: { publishingInformation?: { locales?: Json } } };
  const published = Object.keys(manifest.manifest?.publishingInformation?.locales ?? {});
  return [...servingRegions(published)].map(([region, locales]) => ({
    entry: codeEntryOf(region),
    awsRegion: AWS_REGION_OF_ALEXA_REGION[region],
    locale: locales.find((locale) => !locale.startsWith('en-')) ?? locales[0]!,
  }));
}

/** The Alexa region a stack was deployed for: the CLI names it ask-<skill>-<region>-skillStack-<time>. */
function alexaRegionOfStack(stack: Stack): string | undefined {
  return /^ask-.*-(default|NA|EU|FE)-skillStack-\d+$/.exec(stack.stackName)?.[1];
}

function launchRequest(skillId: string, locale: string): unknown {
  const application = { applicationId: skillId };
  const user = { userId: 'amzn1.ask.account.REHEARSAL' };
  return {
    version: '1.0',
    session: { new: true, sessionId: 'amzn1.echo-api.session.rehearsal', application, user, attributes: {} },
    context: { System: { application, user, device: { deviceId: 'amzn1.ask.device.REHEARSAL', supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' } },
    request: { type: 'LaunchRequest', requestId: 'amzn1.echo-api.request.rehearsal', timestamp: new Date().toISOString(), locale },
  };
}

export async function rehearseDeploy({ root, out, keep = false }: RehearsalOptions): Promise<RehearsalResult> {
  const started = Date.now();
  const checks = new Checks(out);
  // The only step that needs the network: the pinned CLI, installed once into tools/ask-cli/node_modules.
  const cli = pinnedCli(root, process.env, { out });
  out(`Deploy rehearsal with the pinned ASK CLI ${cli.version}, against stand-ins on loopback.`);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-rehearsal-'));
  const copy = path.join(scratch, 'playlist-pal');
  const networkLog = path.join(scratch, 'network.jsonl');
  const alexa = new AlexaStandIns([DEFAULT, WORK, CI]);
  const aws = new AwsStandIns([DEFAULT.accessKeyId, WORK.accessKeyId, CI.accessKeyId]);
  await alexa.start();
  await aws.start();
  try {
    makeWorkCopy(root, copy);
    const configuredHome = makeHome(path.join(scratch, 'home'), { default: DEFAULT, work: WORK });
    const emptyHome = makeHome(path.join(scratch, 'empty-home'), {});
    const npm = npmCli();
    const basePath = [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter);
    const baseEnv: NodeJS.ProcessEnv = {
      PATH: basePath,
      LANG: 'C.UTF-8',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      TMPDIR: scratch,
      ASK_SMAPI_SERVER_BASE_URL: alexa.url,
      ASK_LWA_TOKEN_HOST: alexa.url,
      AWS_ENDPOINT_URL: aws.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      ASK_SHARE_USAGE: 'false',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_cache: path.join(scratch, 'npm-cache'),
      NODE_OPTIONS: `--require ${JSON.stringify(path.join(__dirname, 'loopbackOnly.cjs'))}`,
      REHEARSAL_NETWORK_LOG: networkLog,
    };
    // Asynchronous on purpose: the stand-ins answer from this very process while the CLI runs.
    const run = async (label: string, script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> => {
      const begin = Date.now();
      const child = spawn(process.execPath, [...npm, 'run', script, ...(args.length > 0 ? ['--', ...args] : [])], {
        cwd: copy, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      // A hung step ends with its whole process group (npm, tsx, the CLI, the hook), never orphaned.
      const timer = setTimeout(() => {
        stderr += '\n(the rehearsal stopped this step after 240 s)';
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, 240_000);
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      clearTimeout(timer);
      const seconds = (Date.now() - begin) / 1000;
      out(`── ${label} (${seconds.toFixed(1)} s)`);
      return { status, stdout, stderr, seconds };
    };
    const clean = (when: string): void => {
      const status = git(copy, ['status', '--porcelain', '--untracked-files=all']).trim();
      checks.that(`git status is clean ${when}`, status === '', () => status);
    };
    const named = { ...baseEnv, HOME: configuredHome, USERPROFILE: configuredHome };
    const ciEnv = {
      ...baseEnv, HOME: emptyHome, USERPROFILE: emptyHome,
      ASK_REFRESH_TOKEN: CI.refreshToken, ASK_VENDOR_ID: CI.vendorId, AWS_ACCESS_KEY_ID: CI.accessKeyId, AWS_SECRET_ACCESS_KEY: 'throwaway-ci-secret',
    };

    checks.that('no `ask` on PATH: every script reaches the CLI through the pinned install', findOnPath('ask', baseEnv) === undefined);

    // ---- usage and the failure without credentials -------------------------------------------
    for (const script of ['deploy', 'link:configure']) {
      const help = await run(`npm run ${script} -- --help`, script, ['--help'], named);
      checks.that(`npm run ${script} -- --help prints its usage and exits 0`, help.status === 0 && help.stdout.includes(`Usage: npm run ${script}`), () => tail(help));
    }
    const bare = await run('npm run deploy with no credentials at all', 'deploy', [], { ...baseEnv, HOME: emptyHome, USERPROFILE: emptyHome });
    const ownLines = bare.stderr.split('\n').filter((line) => line.trim() !== '' && !/^npm (error|ERR!)/.test(line));
    checks.that('it reaches the pinned CLI, then fails with one sentence and no stack trace', bare.status !== 0
      && bare.stdout.includes(`ASK CLI ${cli.version} (pinned in tools/ask-cli).`) && ownLines.length === 1 && /^The ASK CLI has no profiles on this machine yet/.test(ownLines[0] ?? '')
      && !/\n\s+at /.test(bare.stderr), () => tail(bare));

    // ---- deploys ----------------------------------------------------------------------------
    const deployAndCheck = async (label: string, identity: Identity, args: string[], env: NodeJS.ProcessEnv, profileName: string): Promise<DeployedSkill | undefined> => {
      const uploadsBefore = alexa.uploads.length;
      const awsCallsBefore = aws.calls.length;
      const skillsBefore = [...alexa.skills.values()].filter((skill) => skill.vendorId === identity.vendorId);
      const stackChangesBefore = new Map([...aws.stacks.values()].map((stack) => [stack.stackId, stack.changes.length]));
      const manifestUpdatesBefore = skillsBefore[0]?.manifestUpdates.length ?? 0;
      const result = await run(label, 'deploy', args, env);
      if (!checks.that('npm run deploy exits 0', result.status === 0, () => tail(result))) return undefined;
      const skills = [...alexa.skills.values()].filter((skill) => skill.vendorId === identity.vendorId);
      if (!checks.that(`one skill for vendor ${identity.vendorId}`, skills.length === 1, () => `${skills.length} skills`)) return undefined;
      const skill = skills[0]!;
      const first = skillsBefore.length === 0;
      if (!first) checks.that('the same skill is updated, not a new one created', skillsBefore[0]?.skillId === skill.skillId);

      const uploads = alexa.uploads.slice(uploadsBefore);
      if (first) {
        const expected = templateFilesOf(copy);
        const sent = uploads[0];
        checks.that('the skill package is uploaded once and imported as a new skill', uploads.length === 1 && alexa.calls.some((call) => call.path === '/v1/skills/imports' && call.vendorId === identity.vendorId));
        checks.that(`the package holds exactly skill-package/'s files (${[...expected.keys()].join(', ')})`,
          sent !== undefined && isDeepStrictEqual([...sent.files.keys()].sort(), [...expected.keys()].sort()), () => [...(sent?.files.keys() ?? [])].join(', '));
        checks.that('no account-linking template or placeholder travels in the package',
          sent !== undefined && ![...sent.files.entries()].some(([name, data]) => /accountLinking|account-linking/i.test(name) || data.toString('utf8').includes('${SPOTIFY_')));
        checks.that('its skill.json is the project\'s, unchanged', sent !== undefined && isDeepStrictEqual(JSON.parse(sent.files.get('skill.json')!.toString('utf8')), JSON.parse(expected.get('skill.json')!.toString('utf8'))));
      } else {
        checks.that('the unchanged skill package is not uploaded again (the CLI says it skips it)', uploads.length === 0 && /skip the deploy of skill package/.test(result.stdout + result.stderr), () => `${uploads.length} uploads`);
      }

      const regions = expectedRegions(copy);
      const stacks = [...aws.stacks.values()].filter((stack) => stack.changes[stack.changes.length - 1]?.parameters.SkillId === skill.skillId);
      const byEntry = new Map(stacks.map((stack) => [alexaRegionOfStack(stack), stack]));
      if (!checks.that(`one CloudFormation stack per Alexa region that serves a published locale (${regions.map(({ entry, awsRegion }) => `${entry} in ${awsRegion}`).join(', ')})`,
        stacks.length === regions.length && regions.every(({ entry }) => byEntry.has(entry)), () => stacks.map((stack) => `${stack.stackName} in ${stack.region}`).join(', '))) return skill;
      const awsCalls = aws.calls.slice(awsCallsBefore);
      const awsRegions = [...new Set(regions.map(({ awsRegion }) => awsRegion))];
      checks.that(`every AWS call is signed with the ${identity.label}'s key, in ${awsRegions.join(', ')} only`,
        awsCalls.length > 0 && awsCalls.every((call) => call.accessKeyId === identity.accessKeyId && awsRegions.includes(call.region)), () => JSON.stringify(awsCalls.filter((call) => !awsRegions.includes(call.region)).slice(0, 3)));

      const manifestBody = (skill.manifest.manifest as Json | undefined) ?? {};
      const custom = objectOf(objectOf(manifestBody.apis)?.custom);
      const events = manifestBody.events as { endpoint?: { uri?: string }; regions?: Json; subscriptions?: Array<{ eventName?: string }> } | undefined;
      const zips: Buffer[] = [];
      for (const region of regions) {
        const stack: Stack = byEntry.get(region.entry)!;
        const at = `[${region.entry} → ${region.awsRegion}]`;
        const change = stack.changes[stack.changes.length - 1]!;
        const previous = stackChangesBefore.get(stack.stackId);
        checks.that(`${at} ${first ? 'the stack is created (CreateStack)' : 'the same stack is updated (UpdateStack on its id)'} in ${region.awsRegion} and completes`,
          stack.region === region.awsRegion && (first ? previous === undefined && change.action === 'CreateStack' && stack.status === 'CREATE_COMPLETE'
            : previous === stack.changes.length - 1 && change.action === 'UpdateStack' && stack.status === 'UPDATE_COMPLETE'), () => `${change.action} in ${stack.region} → ${stack.status} ${stack.statusReason ?? ''}`);
        checks.that(`${at} the template sent is infrastructure/cfn-deployer/skill-stack.yaml as committed`,
          change.templateBody === readFileSync(path.join(copy, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml'), 'utf8'));
        const object = aws.object(change.parameters.CodeBucket ?? '', change.parameters.CodeKey ?? '', change.parameters.CodeVersion ?? '');
        checks.that(`${at} the parameters: SkillId, runtime and handler from ask-resources.json, the uploaded code's bucket, key and version, LogLevel`,
          change.parameters.SkillId === skill.skillId && change.parameters.LambdaRuntime === 'nodejs22.x' && change.parameters.LambdaHandler === 'index.handler'
            && change.parameters.LogLevel === 'info' && object !== undefined && change.parameters.CodeVersion !== 'null',
          () => JSON.stringify(change.parameters));
        checks.that(`${at} the code's bucket is in ${region.awsRegion}, where Lambda can read it`, aws.bucketRegion(change.parameters.CodeBucket ?? '') === region.awsRegion,
          () => `${String(change.parameters.CodeBucket)} in ${String(aws.bucketRegion(change.parameters.CodeBucket ?? ''))}`);
        checks.that(`${at} CAPABILITY_IAM is granted for the role`, change.capabilities.includes('CAPABILITY_IAM'));

        const deployed = stack.deployed;
        const resource = (type: string) => [...(deployed?.resources.values() ?? [])].find((candidate) => candidate.type === type);
        const [fn, table, permission, role] = ['AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::Lambda::Permission', 'AWS::IAM::Role'].map(resource);
        if (!checks.that(`${at} the stack has the function, its role, the table and the invoke permission`, fn !== undefined && table !== undefined && permission !== undefined && role !== undefined)) continue;
        const props = fn!.properties;
        const variables = (props.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ?? {};
        checks.that(`${at} the function runs in ${region.awsRegion}: nodejs22.x, index.handler, 512 MB, 8 s`,
          fn!.arn.startsWith(`arn:aws:lambda:${region.awsRegion}:`) && props.Runtime === 'nodejs22.x' && props.Handler === 'index.handler' && props.MemorySize === 512 && props.Timeout === 8,
          () => `${fn!.arn} ${JSON.stringify(props)}`);
        checks.that(`${at} its environment pins the skill id (SKILL_ID), LOG_LEVEL info and its own table in ${region.awsRegion} (PERSISTENCE_TABLE_NAME)`,
          isDeepStrictEqual(variables, { SKILL_ID: skill.skillId, LOG_LEVEL: 'info', PERSISTENCE_TABLE_NAME: table!.physicalId }) && table!.arn.startsWith(`arn:aws:dynamodb:${region.awsRegion}:`),
          () => `${JSON.stringify(variables)} ${table!.arn}`);
        const statements = ((role!.properties.Policies as Json[] | undefined)?.[0]?.PolicyDocument as { Statement?: Json[] } | undefined)?.Statement ?? [];
        const tableStatement = statements.find((statement) => String(statement.Action).includes('dynamodb:'));
        checks.that(`${at} its role reaches this table only`, tableStatement?.Resource === table!.arn, () => JSON.stringify(tableStatement));
        checks.that(`${at} the invoke permission is Alexa's, for this function, bound to the skill id`,
          permission!.properties.Principal === 'alexa-appkit.amazon.com' && permission!.properties.FunctionName === fn!.arn && permission!.properties.EventSourceToken === skill.skillId,
          () => JSON.stringify(permission!.properties));

        let entries: string[] = [];
        let indexJs: Buffer | undefined;
        try {
          const unzipped = unzipSync(object?.body ?? Buffer.alloc(0));
          entries = Object.keys(unzipped);
          indexJs = unzipped['index.js'] === undefined ? undefined : Buffer.from(unzipped['index.js']);
        } catch {
          entries = [];
        }
        checks.that(`${at} the code zip holds one index.js`, isDeepStrictEqual(entries, ['index.js']), () => entries.join(', '));
        if (object !== undefined) zips.push(object.body);
        if (indexJs !== undefined) {
          const unlinked = invokeBundle(indexJs, variables, launchRequest(skill.skillId, region.locale), region.awsRegion, scratch);
          const response = unlinked.response?.response as { card?: { type?: string }; shouldEndSession?: boolean; outputSpeech?: { ssml?: string } } | undefined;
          const expected = translatorFor(region.locale).t('link.speech');
          checks.that(`${at} index.js exports handler, which answers an unlinked ${region.locale} launch in ${region.locale}'s words with a LinkAccount card`,
            unlinked.ok && response?.card?.type === 'LinkAccount' && response.shouldEndSession === true && spokenOf(response.outputSpeech?.ssml) === expected,
            () => unlinked.error ?? JSON.stringify(unlinked.response));
          if (region.entry === 'default') {
            const foreign = invokeBundle(indexJs, variables, launchRequest('amzn1.ask.skill.00000000-0000-4000-8000-000000000000', region.locale), region.awsRegion, scratch);
            checks.that(`${at} and refuses a request meant for another skill`, !foreign.ok, () => JSON.stringify(foreign.response));
          }
        }

        // The default endpoint serves North America and any region without one of its own; the others are regions.<entry>.
        const own = region.entry === 'default' ? custom : objectOf(objectOf(custom?.regions)?.[region.entry]);
        const endpoint = objectOf(own?.endpoint)?.uri;
        checks.that(`${at} the manifest Alexa gets has this function as ${region.entry === 'default' ? 'the default endpoint' : `the ${region.entry} endpoint`} (the stack's SkillEndpoint output)`,
          endpoint === fn!.arn && deployed?.outputs.SkillEndpoint === fn!.arn, () => String(endpoint));
        const eventsEndpoint = region.entry === 'default' ? events?.endpoint?.uri : objectOf(objectOf(objectOf(events?.regions)?.[region.entry])?.endpoint)?.uri;
        checks.that(`${at} skill events from this region go to this function too`, eventsEndpoint === fn!.arn, () => JSON.stringify(events));
      }
      checks.that('every region runs the same code zip', zips.length === regions.length && zips.every((zip) => zip.equals(zips[0]!)));
      const regional = Object.keys(objectOf(custom?.regions) ?? {}).sort();
      const expectedRegional = regions.map(({ entry }) => entry).filter((entry) => entry !== 'default').sort();
      checks.that(`the manifest has regional endpoints for ${expectedRegional.join(', ')} and no other`, isDeepStrictEqual(regional, expectedRegional), () => regional.join(', '));
      const subscribed = (events?.subscriptions ?? []).map((subscription) => subscription.eventName).sort();
      checks.that('skill events (enabled, disabled, account linked) are subscribed, as ask-resources.json\'s skillEvents says',
        isDeepStrictEqual(subscribed, ['SKILL_ACCOUNT_LINKED', 'SKILL_DISABLED', 'SKILL_ENABLED']), () => JSON.stringify(events));
      if (!first) checks.that('the endpoint did not change, so the manifest is not sent again', skill.manifestUpdates.length === manifestUpdatesBefore);
      checks.that('the skill is enabled for testing', skill.enabled);
      const stagedStates = JSON.parse(readFileSync(path.join(copy, STAGE_DIR, '.ask', 'ask-states.json'), 'utf8')) as { profiles?: Record<string, { skillId?: string; skillInfrastructure?: Json }> };
      const recorded = stagedStates.profiles?.[profileName];
      checks.that(`the skill id is recorded under "${profileName}" in ${STAGE_DIR}/.ask/ask-states.json`, recorded?.skillId === skill.skillId);
      const deployState = objectOf(objectOf(recorded?.skillInfrastructure?.['@ask-cli/cfn-deployer'])?.deployState) ?? {};
      checks.that('and each region\'s stack beside it, so the next deploy updates the same stacks',
        regions.every(({ entry }) => objectOf(deployState[entry])?.stackId === byEntry.get(entry)?.stackId), () => JSON.stringify(Object.keys(deployState)));
      clean('after the deploy');
      return skill;
    };

    const linkAndCheck = async (label: string, skill: DeployedSkill | undefined, args: string[], env: NodeJS.ProcessEnv): Promise<void> => {
      const bodiesBefore = skill?.accountLinkingBodies.length ?? 0;
      const result = await run(label, 'link:configure', args, { ...env, SPOTIFY_CLIENT_ID: CLIENT_ID, SPOTIFY_CLIENT_SECRET: CLIENT_SECRET });
      if (!checks.that('npm run link:configure exits 0', result.status === 0, () => tail(result)) || skill === undefined) return;
      const bodies = skill.accountLinkingBodies.slice(bodiesBefore);
      const template = JSON.parse(readFileSync(path.join(copy, 'account-linking', 'spotify.template.json'), 'utf8')) as { accountLinkingRequest: Json };
      checks.that('the skill of that profile gets one body: one accountLinkingRequest wrapper, the template filled with the credentials',
        bodies.length === 1 && isDeepStrictEqual(bodies[0], { accountLinkingRequest: { ...template.accountLinkingRequest, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } }),
        () => JSON.stringify(bodies).replace(CLIENT_SECRET, '<hidden>'));
      checks.that('the client secret is never printed', !`${result.stdout}${result.stderr}`.includes(CLIENT_SECRET));
      checks.that('the redirect URLs Alexa returned are printed', result.stdout.includes(`https://pitangui.amazon.com/api/skill/link/${skill.vendorId}`));
      clean('after link:configure');
    };

    const first = await deployAndCheck('first deploy, profile default', DEFAULT, [], named, 'default');
    await linkAndCheck('link:configure, profile default', first, [], named);
    await deployAndCheck('second deploy, profile default, nothing changed', DEFAULT, [], named, 'default');

    const work = await deployAndCheck('deploy -- --profile work (a profile ask-resources.json does not name)', WORK, ['--profile', 'work'], named, 'work');
    const workRun = alexa.skills.size;
    checks.that('the deploy said it added the profile to the staged ask-resources.json only', workRun >= 2 && readFileSync(path.join(copy, STAGE_DIR, 'ask-resources.json'), 'utf8').includes('"work"')
      && !readFileSync(path.join(copy, 'ask-resources.json'), 'utf8').includes('"work"'));
    await linkAndCheck('ASK_DEFAULT_PROFILE=work npm run link:configure', work, [], { ...named, ASK_DEFAULT_PROFILE: 'work' });

    const fromEnvironment = await deployAndCheck(`deploy with the environment profile (${ENVIRONMENT_PROFILE})`, CI, [], ciEnv, ENVIRONMENT_PROFILE);
    await linkAndCheck('link:configure with the environment profile', fromEnvironment, [], ciEnv);
    await deployAndCheck('deploy, profile default again, after the other profiles', DEFAULT, [], named, 'default');

    // ---- what is left behind ------------------------------------------------------------------
    out('── the work tree afterwards');
    clean('at the end');
    const staged = readFileSync(path.join(copy, STAGE_DIR, 'skill-package', 'skill.json'), 'utf8');
    const grep = spawnSync('git', ['grep', '-n', '--untracked', aws.accountId], { cwd: copy, encoding: 'utf8' });
    checks.that('the AWS account id is only in the ignored staging copy (its skill.json endpoint), in no file git would commit',
      staged.includes(aws.accountId) && grep.status === 1 && spawnSync('git', ['check-ignore', '-q', path.join(STAGE_DIR, 'skill-package', 'skill.json')], { cwd: copy }).status === 0,
      () => grep.stdout || 'the staged skill.json has no endpoint');
    const attempts = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').trim().split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { host: string }) : [];
    const hosts = [...new Set(attempts.map((attempt) => attempt.host))];
    checks.that(`nothing left loopback${hosts.length > 0 ? ` except the CLI's usage telemetry in the environment profile, refused (${hosts.join(', ')})` : ''}`,
      hosts.every((host) => host === TELEMETRY_HOST), () => hosts.join(', '));
    const unexpected = [...alexa.unexpected, ...aws.unexpected];
    checks.that('the CLI asked the stand-ins nothing they do not serve', unexpected.length === 0, () => unexpected.map((item) => `${item.service}: ${item.request}`).join('\n'));
  } finally {
    await alexa.stop();
    await aws.stop();
    if (keep) out(`Work copy kept in ${copy}`);
    else rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  out(`${checks.passed} passed, ${checks.failures.length} failed (${seconds.toFixed(1)} s)`);
  return { passed: checks.passed, failures: checks.failures, seconds };
}

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareStage, rememberDeployedManifest, STAGE_DIR } from '../../scripts/deploy/stage';

const root = path.resolve(__dirname, '..', '..');
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:default-skill';
const WORK_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:work-skill';

let project: string;

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-stage-'));
  for (const name of ['skill-package', 'lambda', 'hooks', 'infrastructure', 'ask-resources.json']) {
    cpSync(path.join(root, name), path.join(project, name), { recursive: true });
  }
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

const staged = (file: string): string => readFileSync(path.join(project, STAGE_DIR, file), 'utf8');

/** What `ask deploy` records after deploying `profile`: the stack's SkillEndpoint output, in the staged ask-states.json. */
function deployedAs(endpoints: Record<string, string>): void {
  const profiles = Object.fromEntries(Object.entries(endpoints).map(([profile, uri]) => [profile, {
    skillId: `amzn1.ask.skill.${profile}`,
    skillInfrastructure: { '@ask-cli/cfn-deployer': { deployState: { default: { outputs: [{ OutputKey: 'SkillEndpoint', OutputValue: uri }] } } } },
  }]));
  mkdirSync(path.join(project, STAGE_DIR, '.ask'), { recursive: true });
  writeFileSync(path.join(project, STAGE_DIR, '.ask', 'ask-states.json'), JSON.stringify({ profiles }));
}

/** The staged skill.json as `ask deploy` leaves it after setting the endpoint, and the skill events ask-resources.json lists. */
function cliWroteEndpoint(uri: string): void {
  const manifest = JSON.parse(staged('skill-package/skill.json'));
  const { subscriptions } = JSON.parse(staged('ask-resources.json')).profiles.default.skillInfrastructure.userConfig.skillEvents as { subscriptions: string[] };
  manifest.manifest.apis.custom.endpoint = { uri };
  manifest.manifest.events = { endpoint: { uri }, subscriptions: subscriptions.map((eventName) => ({ eventName })) };
  writeFileSync(path.join(project, STAGE_DIR, 'skill-package', 'skill.json'), JSON.stringify(manifest, null, 2));
}

describe('the staging copy npm run deploy runs `ask deploy` in', () => {
  it('holds the project\'s files and leaves the project itself untouched', () => {
    const before = readFileSync(path.join(project, 'ask-resources.json'), 'utf8');

    const stage = prepareStage(project, 'default');

    expect(stage.dir).toBe(path.join(project, STAGE_DIR));
    for (const file of ['lambda/index.ts', 'hooks/build.sh', 'hooks/build.ps1', 'infrastructure/cfn-deployer/skill-stack.yaml', 'skill-package/skill.json']) {
      expect(staged(file)).toBe(readFileSync(path.join(project, file), 'utf8'));
    }
    expect(readFileSync(path.join(project, 'ask-resources.json'), 'utf8')).toBe(before);
    expect(stage.notes).toEqual([]);
  });

  it('adds a profile ask-resources.json lacks, with the settings of "default", and says so', () => {
    const stage = prepareStage(project, 'work');

    const resources = JSON.parse(staged('ask-resources.json'));
    expect(resources.profiles.work).toEqual(resources.profiles.default);
    expect(stage.notes).toEqual([expect.stringMatching(/^ask-resources\.json has no profile "work": this deploy uses the settings of "default".*your ask-resources\.json is unchanged/)]);
    expect(JSON.parse(readFileSync(path.join(project, 'ask-resources.json'), 'utf8')).profiles.work).toBeUndefined();
  });

  it('gives each profile the endpoint of its own last deploy, never another profile\'s', () => {
    deployedAs({ default: FUNCTION_ARN, work: WORK_ARN });

    prepareStage(project, 'work');
    expect(JSON.parse(staged('skill-package/skill.json')).manifest.apis.custom.endpoint).toEqual({ uri: WORK_ARN });

    prepareStage(project, 'default');
    expect(JSON.parse(staged('skill-package/skill.json')).manifest.apis.custom.endpoint).toEqual({ uri: FUNCTION_ARN });
  });

  it('sends a profile\'s first deploy without an endpoint', () => {
    deployedAs({ default: FUNCTION_ARN });

    prepareStage(project, 'work');

    expect(JSON.parse(staged('skill-package/skill.json')).manifest.apis.custom.endpoint).toBeUndefined();
  });

  it('leaves the staged skill.json byte for byte as the CLI wrote it when nothing changed, so the upload is skipped', () => {
    prepareStage(project, 'default');
    cliWroteEndpoint(FUNCTION_ARN);
    deployedAs({ default: FUNCTION_ARN });
    const written = staged('skill-package/skill.json');

    prepareStage(project, 'default');

    expect(staged('skill-package/skill.json')).toBe(written);
  });

  it('gives each Alexa region its own endpoint, and reuses the very text the CLI wrote for the profile whatever the order of its regions', () => {
    const regional = { default: FUNCTION_ARN, EU: 'arn:aws:lambda:eu-west-1:123456789012:function:eu', FE: 'arn:aws:lambda:us-west-2:123456789012:function:fe' };
    const states = { profiles: { default: { skillId: 'amzn1.ask.skill.default', skillInfrastructure: { '@ask-cli/cfn-deployer': { deployState: Object.fromEntries(
      Object.entries(regional).map(([region, uri]) => [region, { outputs: [{ OutputKey: 'SkillEndpoint', OutputValue: uri }] }]),
    ) } } } } };
    prepareStage(project, 'default');
    mkdirSync(path.join(project, STAGE_DIR, '.ask'), { recursive: true });
    writeFileSync(path.join(project, STAGE_DIR, '.ask', 'ask-states.json'), JSON.stringify(states));
    // As the CLI writes it: regions in the order their deploys finished (FE before EU here).
    const manifest = JSON.parse(staged('skill-package/skill.json'));
    manifest.manifest.apis.custom.endpoint = { uri: regional.default };
    manifest.manifest.apis.custom.regions = { FE: { endpoint: { uri: regional.FE } }, EU: { endpoint: { uri: regional.EU } } };
    manifest.manifest.events = {
      endpoint: { uri: regional.default },
      regions: { FE: { endpoint: { uri: regional.FE } }, EU: { endpoint: { uri: regional.EU } } },
      subscriptions: ['SKILL_ENABLED', 'SKILL_DISABLED', 'SKILL_ACCOUNT_LINKED'].map((eventName) => ({ eventName })),
    };
    writeFileSync(path.join(project, STAGE_DIR, 'skill-package', 'skill.json'), JSON.stringify(manifest, null, 2));
    rememberDeployedManifest(path.join(project, STAGE_DIR), 'default');
    const written = staged('skill-package/skill.json');

    prepareStage(project, 'work');
    prepareStage(project, 'default');

    expect(staged('skill-package/skill.json')).toBe(written);
    expect(JSON.parse(written).manifest.apis.custom.regions.EU.endpoint).toEqual({ uri: regional.EU });
  });

  it('takes a change to the project\'s skill.json and keeps the endpoint', () => {
    prepareStage(project, 'default');
    cliWroteEndpoint(FUNCTION_ARN);
    deployedAs({ default: FUNCTION_ARN });
    const manifest = JSON.parse(readFileSync(path.join(project, 'skill-package', 'skill.json'), 'utf8'));
    manifest.manifest.publishingInformation.locales['en-US'].summary = 'A new summary.';
    writeFileSync(path.join(project, 'skill-package', 'skill.json'), JSON.stringify(manifest, null, 2));

    prepareStage(project, 'default');

    const result = JSON.parse(staged('skill-package/skill.json'));
    expect(result.manifest.publishingInformation.locales['en-US'].summary).toBe('A new summary.');
    expect(result.manifest.apis.custom.endpoint).toEqual({ uri: FUNCTION_ARN });
  });

  it('drops a file removed from the project since the last deploy', () => {
    writeFileSync(path.join(project, 'skill-package', 'interactionModels', 'custom', 'en-GB.json'), '{}');
    prepareStage(project, 'default');
    rmSync(path.join(project, 'skill-package', 'interactionModels', 'custom', 'en-GB.json'));

    prepareStage(project, 'default');

    expect(existsSync(path.join(project, STAGE_DIR, 'skill-package', 'interactionModels', 'custom', 'en-GB.json'))).toBe(false);
  });

  it('carries over the skill ids of a plain `ask deploy` from the project root once, and says so', () => {
    mkdirSync(path.join(project, '.ask'));
    writeFileSync(path.join(project, '.ask', 'ask-states.json'), JSON.stringify({ profiles: { default: { skillId: 'amzn1.ask.skill.earlier' } } }));

    const first = prepareStage(project, 'default');
    const second = prepareStage(project, 'default');

    expect(JSON.parse(staged('.ask/ask-states.json')).profiles.default.skillId).toBe('amzn1.ask.skill.earlier');
    expect(first.notes).toEqual([expect.stringMatching(/^Carried over the skill ids of an earlier `ask deploy`/)]);
    expect(second.notes).toEqual([]);
  });
});

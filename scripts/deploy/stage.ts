import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/*
 * `ask deploy` writes into the project it runs in: the Lambda ARN (with the AWS account id) into
 * skill-package/skill.json, its own rewrite of ask-resources.json, and its state under .ask/.
 * So it runs in a staging copy under the git-ignored .ask/, kept between deploys: its
 * .ask/ask-states.json remembers the skill id and the stack, and its skill.json the endpoint, so
 * every later deploy updates the same skill and the same function.
 */
export const STAGE_DIR = '.ask/deploy/playlist-pal';
/** What `ask deploy` needs besides the skill package and ask-resources.json, copied fresh each time. */
const COPIED = ['lambda', 'hooks', 'infrastructure'];
const MANIFEST = 'skill-package/skill.json';
/** Where plain `ask deploy` from the project root kept its state (before the staging copy). */
const ROOT_STATES = '.ask/ask-states.json';

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export class StageError extends Error {}

function setAt(value: Json, at: readonly string[], leaf: unknown): void {
  let node = value;
  for (const key of at.slice(0, -1)) {
    node[key] = objectAt(node[key]) ?? {};
    node = node[key] as Json;
  }
  node[at[at.length - 1]!] = leaf;
}

/**
 * The endpoint each Alexa region of `profile` got from its last deploy: the SkillEndpoint output
 * the CLI recorded in the staged .ask/ask-states.json (none before the profile's first deploy).
 */
function deployedEndpoints(stage: string, profile: string): Map<string, string> {
  const endpoints = new Map<string, string>();
  let states: unknown;
  try {
    states = JSON.parse(readFileSync(path.join(stage, '.ask', 'ask-states.json'), 'utf8')) as unknown;
  } catch {
    return endpoints;
  }
  const infrastructure = objectAt(objectAt(objectAt(objectAt(states)?.profiles)?.[profile])?.skillInfrastructure);
  const deployState = objectAt(objectAt(infrastructure?.['@ask-cli/cfn-deployer'])?.deployState) ?? {};
  for (const [region, state] of Object.entries(deployState)) {
    const outputs = objectAt(state)?.outputs;
    const uri = Array.isArray(outputs) ? (outputs.map(objectAt).find((output) => output?.OutputKey === 'SkillEndpoint')?.OutputValue) : undefined;
    if (typeof uri === 'string') endpoints.set(region, uri);
  }
  return endpoints;
}

/**
 * Where the skill.json the CLI wrote after a profile's last deploy is kept, byte for byte. Its
 * hash is what the CLI compares next time; the CLI writes the regional endpoints in the order its
 * concurrent regional deploys finished, so rebuilding the file could give the same JSON with
 * another key order, and the CLI would upload an unchanged package again.
 */
function deployedManifestFile(stage: string, profile: string): string {
  return path.join(stage, '.ask', 'deployed-manifests', `${encodeURIComponent(profile)}.json`);
}

/** After a successful `ask deploy` with `profile`: keeps the skill.json it wrote (see deployedManifestFile). */
export function rememberDeployedManifest(stage: string, profile: string): void {
  const file = deployedManifestFile(stage, profile);
  mkdirSync(path.dirname(file), { recursive: true });
  cpSync(path.join(stage, MANIFEST), file);
}

function parsedOrUndefined(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new StageError(`${what} could not be read (${(error as Error).message}).`);
  }
}

/**
 * The project's skill package, with the endpoints this profile's last deploy set, written the way
 * the CLI writes them after a deploy (so each profile keeps its own function, even when several
 * profiles deploy from the same copy). When nothing else changed the staged skill.json is left
 * byte for byte, so the CLI's hash sees an unchanged package and skips the upload.
 */
function stageSkillPackage(root: string, stage: string, profile: string, userConfig: Json | undefined): void {
  const stagedManifestFile = path.join(stage, MANIFEST);
  const previousText = existsSync(stagedManifestFile) ? readFileSync(stagedManifestFile, 'utf8') : undefined;
  const manifest = readJson(path.join(root, MANIFEST), MANIFEST) as Json;
  rmSync(path.join(stage, 'skill-package'), { recursive: true, force: true });
  cpSync(path.join(root, 'skill-package'), path.join(stage, 'skill-package'), { recursive: true });
  const endpoints = deployedEndpoints(stage, profile);
  if (endpoints.size === 0) return;
  // A copy made by JSON.parse, like the texts it is compared with (structuredClone's objects can carry another realm's prototype, which isDeepStrictEqual tells apart).
  const merged = JSON.parse(JSON.stringify(manifest)) as Json;
  const body = objectAt(merged.manifest) ?? {};
  // As the CLI's updateSkillManifestWithDeployResult: every API domain, and events when skillEvents is configured.
  const domains = Object.keys(objectAt(body.apis) ?? {});
  for (const [region, uri] of endpoints) {
    const regional = region === 'default' ? [] : ['regions', region];
    for (const domain of domains) setAt(merged, ['manifest', 'apis', domain, ...regional, 'endpoint'], { uri });
    if (objectAt(userConfig?.skillEvents) !== undefined) setAt(merged, ['manifest', 'events', ...regional, 'endpoint'], { uri });
  }
  // …and, like it, the events' subscriptions and publications from skillEvents.
  const skillEvents = objectAt(userConfig?.skillEvents);
  for (const kind of ['publications', 'subscriptions'] as const) {
    const names = skillEvents?.[kind];
    if (Array.isArray(names)) setAt(merged, ['manifest', 'events', kind], names.map((eventName: unknown) => ({ eventName })));
  }
  // The CLI writes JSON.stringify(…, null, 2) without a final newline; matching it, or reusing the very
  // text it wrote for this profile, keeps its hash stable.
  const rememberedFile = deployedManifestFile(stage, profile);
  const remembered = existsSync(rememberedFile) ? readFileSync(rememberedFile, 'utf8') : undefined;
  const same = [remembered, previousText].find((text) => text !== undefined && isDeepStrictEqual(merged, parsedOrUndefined(text)));
  writeFileSync(stagedManifestFile, same ?? JSON.stringify(merged, null, 2));
}

/** ask-resources.json as the CLI needs it for `profile`: a profile it lacks gets the settings of "default". */
function stageResources(root: string, stage: string, profile: string, notes: string[]): Json | undefined {
  const resources = readJson(path.join(root, 'ask-resources.json'), 'ask-resources.json') as Json;
  const profiles = objectAt(resources.profiles);
  if (profiles === undefined || objectAt(profiles.default) === undefined) {
    throw new StageError('ask-resources.json has no "default" profile to deploy from; restore it from git.');
  }
  if (profiles[profile] === undefined) {
    profiles[profile] = structuredClone(profiles.default);
    notes.push(`ask-resources.json has no profile "${profile}": this deploy uses the settings of "default" for it (added in ${STAGE_DIR}/ask-resources.json; your ask-resources.json is unchanged).`);
  }
  writeFileSync(path.join(stage, 'ask-resources.json'), `${JSON.stringify(resources, null, 2)}\n`);
  return objectAt(objectAt(objectAt(profiles[profile])?.skillInfrastructure)?.userConfig);
}

export interface Stage {
  /** Absolute path of the staging copy `ask deploy` runs in. */
  readonly dir: string;
  /** Sentences for the user: what was added or carried over. */
  readonly notes: readonly string[];
}

/** Lays out (or refreshes) the staging copy for a deploy with `profile`. The work tree is only read. */
export function prepareStage(root: string, profile: string): Stage {
  const dir = path.join(root, STAGE_DIR);
  const notes: string[] = [];
  mkdirSync(path.join(dir, '.ask'), { recursive: true });
  for (const name of COPIED) {
    rmSync(path.join(dir, name), { recursive: true, force: true });
    cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  }
  const stagedStates = path.join(dir, '.ask', 'ask-states.json');
  if (!existsSync(stagedStates) && existsSync(path.join(root, ROOT_STATES))) {
    cpSync(path.join(root, ROOT_STATES), stagedStates);
    notes.push(`Carried over the skill ids of an earlier \`ask deploy\` from ${ROOT_STATES}: this deploy updates the same skills.`);
  }
  const userConfig = stageResources(root, dir, profile, notes);
  stageSkillPackage(root, dir, profile, userConfig);
  return { dir, notes };
}

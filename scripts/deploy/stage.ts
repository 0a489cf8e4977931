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

/** The endpoint objects `ask deploy` wrote into a manifest: per API domain, per region, and for skill events. */
function endpointPaths(manifest: unknown): string[][] {
  const paths: string[][] = [];
  const body = objectAt(objectAt(manifest)?.manifest);
  for (const [domain, api] of Object.entries(objectAt(body?.apis) ?? {})) {
    if (objectAt(api)?.endpoint !== undefined) paths.push(['manifest', 'apis', domain, 'endpoint']);
    for (const region of Object.keys(objectAt(objectAt(api)?.regions) ?? {})) {
      if (objectAt(objectAt(objectAt(api)?.regions)?.[region])?.endpoint !== undefined) paths.push(['manifest', 'apis', domain, 'regions', region, 'endpoint']);
    }
  }
  if (objectAt(body?.events)?.endpoint !== undefined) paths.push(['manifest', 'events', 'endpoint']);
  return paths;
}

function getAt(value: unknown, at: readonly string[]): unknown {
  return at.reduce<unknown>((node, key) => objectAt(node)?.[key], value);
}

function setAt(value: Json, at: readonly string[], leaf: unknown): void {
  let node = value;
  for (const key of at.slice(0, -1)) {
    node[key] = objectAt(node[key]) ?? {};
    node = node[key] as Json;
  }
  node[at[at.length - 1]!] = leaf;
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new StageError(`${what} could not be read (${(error as Error).message}).`);
  }
}

/**
 * The project's skill package, plus the endpoints the last deploy wrote into the staged copy.
 * When nothing else changed the staged skill.json is left byte for byte, so the CLI's hash sees
 * an unchanged package and skips the upload.
 */
function stageSkillPackage(root: string, stage: string): void {
  const stagedManifestFile = path.join(stage, MANIFEST);
  const previousText = existsSync(stagedManifestFile) ? readFileSync(stagedManifestFile, 'utf8') : undefined;
  const manifest = readJson(path.join(root, MANIFEST), MANIFEST) as Json;
  rmSync(path.join(stage, 'skill-package'), { recursive: true, force: true });
  cpSync(path.join(root, 'skill-package'), path.join(stage, 'skill-package'), { recursive: true });
  if (previousText === undefined) return;
  let previous: unknown;
  try {
    previous = JSON.parse(previousText) as unknown;
  } catch {
    return;
  }
  const merged = structuredClone(manifest);
  for (const at of endpointPaths(previous)) {
    if (getAt(merged, at) === undefined) setAt(merged, at, getAt(previous, at));
  }
  // The CLI writes JSON.stringify(…, null, 2) without a final newline; matching it keeps its hash stable.
  writeFileSync(stagedManifestFile, isDeepStrictEqual(merged, previous) ? previousText : JSON.stringify(merged, null, 2));
}

/** ask-resources.json as the CLI needs it for `profile`: a profile it lacks gets the settings of "default". */
function stageResources(root: string, stage: string, profile: string, notes: string[]): void {
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
  stageSkillPackage(root, dir);
  stageResources(root, dir, profile, notes);
  const stagedStates = path.join(dir, '.ask', 'ask-states.json');
  if (!existsSync(stagedStates) && existsSync(path.join(root, ROOT_STATES))) {
    cpSync(path.join(root, ROOT_STATES), stagedStates);
    notes.push(`Carried over the skill ids of an earlier \`ask deploy\` from ${ROOT_STATES}: this deploy updates the same skills.`);
  }
  return { dir, notes };
}

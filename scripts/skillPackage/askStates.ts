import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STAGE_DIR } from '../deploy/stage';
import { problem, type Problem } from './problem';

/** Where `npm run deploy` (the ASK CLI, in its staging copy) records, per profile, the id of the skill it created. */
export const ASK_STATES = `${STAGE_DIR}/.ask/ask-states.json`;
/** Where plain `ask deploy` from the project root recorded it, before the staging copy. */
const ROOT_ASK_STATES = '.ask/ask-states.json';

export type SkillIds = { ok: true; value: Map<string, string> } | { ok: false; problem: Problem };

function readOne(root: string, file: string, into: Map<string, string>): Problem | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  let profiles: unknown;
  try {
    profiles = (JSON.parse(text) as { profiles?: unknown } | null)?.profiles;
  } catch (error) {
    return problem(file, [], `is not valid JSON (${(error as Error).message}); \`npm run deploy\` rewrites it.`);
  }
  if (profiles !== null && typeof profiles === 'object') {
    for (const [profile, state] of Object.entries(profiles)) {
      const skillId = (state as { skillId?: unknown } | null)?.skillId;
      if (typeof skillId === 'string' && skillId.trim() !== '') into.set(profile, skillId.trim());
    }
  }
  return undefined;
}

/** Skill ids by profile (`profiles.<profile>.skillId`); none before the first deploy. The staging copy's win. */
export function readSkillIds(root: string): SkillIds {
  const ids = new Map<string, string>();
  for (const file of [ROOT_ASK_STATES, ASK_STATES]) {
    const found = readOne(root, file, ids);
    if (found !== undefined) return { ok: false, problem: found };
  }
  return { ok: true, value: ids };
}

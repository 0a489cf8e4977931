import { readFileSync } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from './problem';

/** Where `ask deploy` records, per ASK CLI profile, the id of the skill it created. */
export const ASK_STATES = '.ask/ask-states.json';

export type SkillIds = { ok: true; value: Map<string, string> } | { ok: false; problem: Problem };

/** Skill ids by profile (`profiles.<profile>.skillId`); none before the first deploy. */
export function readSkillIds(root: string): SkillIds {
  let text: string;
  try {
    text = readFileSync(path.join(root, ASK_STATES), 'utf8');
  } catch {
    return { ok: true, value: new Map() };
  }
  let profiles: unknown;
  try {
    profiles = (JSON.parse(text) as { profiles?: unknown } | null)?.profiles;
  } catch (error) {
    return { ok: false, problem: problem(ASK_STATES, [], `is not valid JSON (${(error as Error).message}); \`ask deploy\` rewrites it.`) };
  }
  const ids = new Map<string, string>();
  if (profiles !== null && typeof profiles === 'object') {
    for (const [profile, state] of Object.entries(profiles)) {
      const skillId = (state as { skillId?: unknown } | null)?.skillId;
      if (typeof skillId === 'string' && skillId.trim() !== '') ids.set(profile, skillId.trim());
    }
  }
  return { ok: true, value: ids };
}

import { loadConfig, type SkillConfig } from '../../lambda/config';
import { ConfigurationError } from '../../lambda/errors';
import { problem, type JsonPath, type Problem } from './problem';
import { secretLookingValueProblems } from './secrets';

export const ASK_RESOURCES = 'ask-resources.json';

/** The variables lambda/config.ts reads; anything else in the Lambda's environment is a typo. */
const KNOWN_VARIABLES = ['SPOTIFY_API_BASE_URL', 'SKILL_ID', 'LOG_LEVEL', 'REQUEST_BUDGET_MS', 'SPOTIFY_TIMEOUT_MS'];
const MIN_NODE_MAJOR = 20;
const LAMBDA_MAX_TIMEOUT_S = 900;

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/**
 * The Lambda the ASK CLI's @ask-cli/lambda-deployer creates: it reads runtime and handler from
 * userConfig, and memorySize, timeout and environmentVariables from userConfig.lambda.
 * `skillIdsByProfile` comes from .ask/ask-states.json once `ask deploy` has created the skill.
 */
export function askResourcesProblems(document: unknown, skillIdsByProfile: ReadonlyMap<string, string>): Problem[] {
  const file = ASK_RESOURCES;
  const profiles = objectAt(objectAt(document)?.profiles);
  if (profiles === undefined) return [problem(file, ['profiles'], 'is required: the ASK CLI reads each profile\'s deploy settings from it.')];
  const out: Problem[] = [];
  for (const [profile, settings] of Object.entries(profiles)) {
    const infrastructure = objectAt(objectAt(settings)?.skillInfrastructure);
    const at: JsonPath = ['profiles', profile, 'skillInfrastructure'];
    if (infrastructure?.type !== '@ask-cli/lambda-deployer') {
      out.push(problem(file, [...at, 'type'], 'must be "@ask-cli/lambda-deployer", the deployer hooks/build.sh is written for.'));
      continue;
    }
    out.push(...lambdaProblems(objectAt(infrastructure.userConfig) ?? {}, [...at, 'userConfig'], skillIdsByProfile.get(profile)));
  }
  out.push(...secretLookingValueProblems(file, document));
  return out;
}

/** The Lambda's environment read by lambda/config.ts itself, or the sentence it refuses it with. */
function skillConfigOf(env: Json): { ok: true; config: SkillConfig } | { ok: false; variable: string; message: string } {
  const strings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  try {
    return { ok: true, config: loadConfig(strings) };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { ok: false, variable: error.variable, message: `${error.message.slice(error.variable.length + 2)}.` };
  }
}

function lambdaProblems(userConfig: Json, at: JsonPath, deployedSkillId: string | undefined): Problem[] {
  const file = ASK_RESOURCES;
  const out: Problem[] = [];
  const runtime = /^nodejs(\d+)\.x$/.exec(String(userConfig.runtime));
  if (runtime === null || Number(runtime[1]) < MIN_NODE_MAJOR) {
    out.push(problem(file, [...at, 'runtime'], `must be a Node.js ${MIN_NODE_MAJOR}+ Lambda runtime such as "nodejs22.x"; the bundle targets node${MIN_NODE_MAJOR}.`));
  }
  if (userConfig.handler !== 'index.handler') {
    out.push(problem(file, [...at, 'handler'], 'must be "index.handler": the zip holds index.js exporting handler.'));
  }
  const lambda = objectAt(userConfig.lambda) ?? {};
  const envAt: JsonPath = [...at, 'lambda', 'environmentVariables'];
  const env = objectAt(lambda.environmentVariables) ?? {};
  const skill = skillConfigOf(env);
  if (!skill.ok) out.push(problem(file, [...envAt, skill.variable], skill.message));
  const timeoutS = lambda.timeout;
  // With a bad budget the timeout is judged against the default; the budget's own problem is reported above.
  const budgetMs = skill.ok ? skill.config.requestBudgetMs : loadConfig({}).requestBudgetMs;
  if (typeof timeoutS !== 'number' || !Number.isInteger(timeoutS) || timeoutS * 1000 <= budgetMs || timeoutS > LAMBDA_MAX_TIMEOUT_S) {
    out.push(problem(file, [...at, 'lambda', 'timeout'],
      `must be whole seconds above the skill's ${budgetMs / 1000} s request budget (Alexa waits 8 s; 8 is right); Lambda's default of 3 s would cut requests off.`));
  }
  const memory = lambda.memorySize;
  if (typeof memory !== 'number' || !Number.isInteger(memory) || memory < 128 || memory > 10240) {
    out.push(problem(file, [...at, 'lambda', 'memorySize'], 'must be whole megabytes from 128 to 10240.'));
  }
  out.push(...environmentProblems(env, envAt, deployedSkillId));
  return out;
}

function environmentProblems(env: Json, at: JsonPath, deployedSkillId: string | undefined): Problem[] {
  const file = ASK_RESOURCES;
  const out: Problem[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!KNOWN_VARIABLES.includes(name)) out.push(problem(file, [...at, name], `is not read by the skill (it reads ${KNOWN_VARIABLES.join(', ')}).`));
    else if (typeof value !== 'string') out.push(problem(file, [...at, name], 'must be a string: Lambda environment values are text.'));
  }
  for (const name of ['SKILL_ID', 'LOG_LEVEL']) {
    if (env[name] === undefined) out.push(problem(file, [...at, name], 'must be set (SKILL_ID may stay "" until the first `ask deploy` has created the skill).'));
  }
  const skillId = typeof env.SKILL_ID === 'string' ? env.SKILL_ID.trim() : '';
  if (deployedSkillId !== undefined && skillId !== deployedSkillId) {
    out.push(problem(file, [...at, 'SKILL_ID'],
      skillId === ''
        ? `is empty, but .ask/ask-states.json records this profile's skill as ${deployedSkillId}; set it so the Lambda refuses requests meant for other skills.`
        : `is ${skillId}, but .ask/ask-states.json records this profile's skill as ${deployedSkillId}; the Lambda would refuse every request.`));
  }
  return out;
}

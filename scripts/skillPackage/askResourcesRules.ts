import { problem, type JsonPath, type Problem } from './problem';
import { secretLookingValueProblems } from './secrets';

export const ASK_RESOURCES = 'ask-resources.json';
/** The CloudFormation template @ask-cli/cfn-deployer deploys, in the CLI's own layout. */
export const SKILL_STACK = 'infrastructure/cfn-deployer/skill-stack.yaml';
const MIN_NODE_MAJOR = 20;

type Json = Record<string, unknown>;

export function objectAt(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** What one profile hands the stack: the values of userConfig.cfn.parameters, by parameter name. */
export type StackParametersByProfile = Map<string, Json>;

/**
 * Each profile deploys with @ask-cli/cfn-deployer: runtime and handler from userConfig (the CLI
 * passes them as the LambdaRuntime and LambdaHandler parameters), the template at SKILL_STACK,
 * and the stack's own parameters under userConfig.cfn.parameters (checked against the template).
 */
export function askResourcesProblems(document: unknown): { problems: Problem[]; stackParameters: StackParametersByProfile } {
  const file = ASK_RESOURCES;
  const stackParameters: StackParametersByProfile = new Map();
  const profiles = objectAt(objectAt(document)?.profiles);
  if (profiles === undefined) {
    return { problems: [problem(file, ['profiles'], 'is required: the ASK CLI reads each profile\'s deploy settings from it.')], stackParameters };
  }
  const out: Problem[] = [];
  if (profiles.default === undefined) {
    out.push(problem(file, ['profiles', 'default'], 'is required: `npm run deploy` uses its settings for any profile ask-resources.json does not name.'));
  }
  for (const [profile, settings] of Object.entries(profiles)) {
    const infrastructure = objectAt(objectAt(settings)?.skillInfrastructure);
    const at: JsonPath = ['profiles', profile, 'skillInfrastructure'];
    if (infrastructure?.type !== '@ask-cli/cfn-deployer') {
      out.push(problem(file, [...at, 'type'], `must be "@ask-cli/cfn-deployer", the deployer of ${SKILL_STACK} (Lambda, role, DynamoDB table).`));
      continue;
    }
    const userConfig = objectAt(infrastructure.userConfig) ?? {};
    out.push(...userConfigProblems(userConfig, [...at, 'userConfig']));
    out.push(...skillEventProblems(userConfig, [...at, 'userConfig', 'skillEvents']));
    const parameters = objectAt(objectAt(userConfig.cfn)?.parameters) ?? {};
    for (const [name, value] of Object.entries(parameters)) {
      if (typeof value !== 'string') out.push(problem(file, [...at, 'userConfig', 'cfn', 'parameters', name], 'must be a string: CloudFormation parameters are text.'));
    }
    stackParameters.set(profile, parameters);
  }
  out.push(...secretLookingValueProblems(file, document));
  return { problems: out, stackParameters };
}

/**
 * The skill events lambda/handlers/skillEvent.ts acts on. They are declared here, not in
 * skill.json: SMAPI wants an endpoint beside the subscriptions, which exists only once the stack
 * is deployed, and the ASK CLI writes both into the manifest after deploying when (and only when)
 * userConfig.skillEvents is set.
 */
export const SKILL_EVENT_SUBSCRIPTIONS = ['SKILL_ENABLED', 'SKILL_DISABLED', 'SKILL_ACCOUNT_LINKED'] as const;

function skillEventProblems(userConfig: Json, at: JsonPath): Problem[] {
  const subscriptions = objectAt(userConfig.skillEvents)?.subscriptions;
  const listed = Array.isArray(subscriptions) ? subscriptions : [];
  const missing = SKILL_EVENT_SUBSCRIPTIONS.filter((event) => !listed.includes(event));
  if (missing.length === 0) return [];
  return [problem(ASK_RESOURCES, [...at, 'subscriptions'],
    `must list ${missing.join(', ')}: the skill forgets a listener who disables it and welcomes one who links only when Alexa sends these events, and ask deploy subscribes the skill to the events listed here.`)];
}

function userConfigProblems(userConfig: Json, at: JsonPath): Problem[] {
  const file = ASK_RESOURCES;
  const out: Problem[] = [];
  const runtime = /^nodejs(\d+)\.x$/.exec(String(userConfig.runtime));
  if (runtime === null || Number(runtime[1]) < MIN_NODE_MAJOR) {
    out.push(problem(file, [...at, 'runtime'], `must be a Node.js ${MIN_NODE_MAJOR}+ Lambda runtime such as "nodejs22.x"; the bundle targets node${MIN_NODE_MAJOR}.`));
  }
  if (userConfig.handler !== 'index.handler') {
    out.push(problem(file, [...at, 'handler'], 'must be "index.handler": the zip holds index.js exporting handler.'));
  }
  if (userConfig.templatePath !== `./${SKILL_STACK}`) {
    out.push(problem(file, [...at, 'templatePath'], `must be "./${SKILL_STACK}", the template \`npm run validate\` checks.`));
  }
  if (typeof userConfig.awsRegion !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(userConfig.awsRegion)) {
    out.push(problem(file, [...at, 'awsRegion'], 'must be an AWS region such as "us-east-1" (Alexa\'s North American endpoint is served best from there).'));
  }
  return out;
}

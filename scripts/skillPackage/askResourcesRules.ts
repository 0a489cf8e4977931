import { ALEXA_REGION_NAMES, ALEXA_REGION_OF_LOCALE, AWS_REGION_OF_ALEXA_REGION, codeEntryOf, servingRegions, type AlexaRegion } from './alexaRegions';
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
 * and the stack's own parameters under userConfig.cfn.parameters (checked against the template);
 * and it deploys to every Alexa region that serves one of `publishedLocales`, in the AWS region
 * that serves it (not checked when skill.json's locales could not be read).
 */
export function askResourcesProblems(document: unknown, publishedLocales?: readonly string[]): { problems: Problem[]; stackParameters: StackParametersByProfile } {
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
    if (publishedLocales !== undefined) out.push(...regionalDeploymentProblems(profile, objectAt(objectAt(settings)?.code) ?? {}, userConfig, publishedLocales));
    const parameters = objectAt(objectAt(userConfig.cfn)?.parameters) ?? {};
    for (const [name, value] of Object.entries(parameters)) {
      if (typeof value !== 'string') out.push(problem(file, [...at, 'userConfig', 'cfn', 'parameters', name], 'must be a string: CloudFormation parameters are text.'));
    }
    stackParameters.set(profile, parameters);
  }
  for (const locale of (publishedLocales ?? []).filter((published) => ALEXA_REGION_OF_LOCALE[published] === undefined)) {
    out.push(problem('skill-package/skill.json', ['manifest', 'publishingInformation', 'locales', locale],
      'is published, but scripts/skillPackage/alexaRegions.ts does not know which Alexa region serves it, so nothing checks that it is deployed there.'));
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

/** The ASK CLI's own choice when regionalOverrides names no awsRegion (skill-infrastructure-controller). */
const CLI_DEFAULT_AWS_REGIONS: Readonly<Record<string, string>> = AWS_REGION_OF_ALEXA_REGION;
/** What a regional override may set: where it deploys and where its artifacts go, never another stack. */
const REGIONAL_OVERRIDE_KEYS = new Set(['awsRegion', 'artifactsS3']);

/**
 * One stack per Alexa region that serves a published locale, in the AWS region that serves it:
 * the ASK CLI deploys each `code` entry (default, EU, FE) as its own stack, in userConfig.awsRegion
 * for `default` and regionalOverrides.<region>.awsRegion (or the CLI's default for the region) for
 * the others, and writes each stack's function into the manifest as that region's endpoint. A
 * missing entry leaves the region on the default endpoint, so a German listener would be served,
 * and remembered, in Virginia.
 */
function regionalDeploymentProblems(profile: string, code: Json, userConfig: Json, publishedLocales: readonly string[]): Problem[] {
  const base: JsonPath = ['profiles', profile];
  const overridesAt: JsonPath = [...base, 'skillInfrastructure', 'userConfig', 'regionalOverrides'];
  const overrides = objectAt(userConfig.regionalOverrides) ?? {};
  const served = servingRegions(publishedLocales);
  const out: Problem[] = [];
  const defaultSrc = objectAt(code.default)?.src;
  const where = (region: AlexaRegion) => `Alexa serves ${served.get(region)!.join(', ')} from its ${ALEXA_REGION_NAMES[region]} endpoint`;
  /** The same code as every other region, in the AWS region that serves `region`. */
  const deploymentProblems = (entry: string, region: AlexaRegion): Problem[] => {
    const found: Problem[] = [];
    if (entry !== 'default' && objectAt(code[entry])?.src !== defaultSrc) {
      found.push(problem(ASK_RESOURCES, [...base, 'code', entry, 'src'], `must be "${String(defaultSrc)}", the code of every other region: one skill answers every locale.`));
    }
    const expected = AWS_REGION_OF_ALEXA_REGION[region];
    const deployedTo = entry === 'default' ? userConfig.awsRegion : (objectAt(overrides[entry])?.awsRegion ?? CLI_DEFAULT_AWS_REGIONS[entry]);
    if (deployedTo !== expected) {
      const at = entry === 'default' ? [...base, 'skillInfrastructure', 'userConfig', 'awsRegion'] : [...overridesAt, entry, 'awsRegion'];
      found.push(problem(ASK_RESOURCES, at, `is "${String(deployedTo)}", but ${where(region)}, which is served from "${expected}": deploy there so those listeners get the nearest function and their stored state stays in that region.`));
    }
    return found;
  };
  for (const region of served.keys()) {
    const entry = codeEntryOf(region);
    if (objectAt(code[entry]) === undefined) {
      out.push(problem(ASK_RESOURCES, [...base, 'code', entry], `is missing: ${where(region)}, and without a deployment of its own there they would be answered, and remembered, in ${String(userConfig.awsRegion)}. Add { "src": "${String(defaultSrc ?? './lambda')}" } and regionalOverrides.${entry}.awsRegion "${AWS_REGION_OF_ALEXA_REGION[region]}".`));
    } else {
      out.push(...deploymentProblems(entry, region));
    }
  }
  for (const entry of Object.keys(code)) {
    if (entry === 'default') continue;
    const region = entry as AlexaRegion;
    if (!(region in ALEXA_REGION_NAMES)) {
      out.push(problem(ASK_RESOURCES, [...base, 'code', entry], 'is not an Alexa region: the ASK CLI deploys "default", "NA", "EU" or "FE".'));
    } else if (!served.has(region)) {
      const locales = Object.keys(ALEXA_REGION_OF_LOCALE).filter((locale) => ALEXA_REGION_OF_LOCALE[locale] === region);
      out.push(problem(ASK_RESOURCES, [...base, 'code', entry], `deploys a stack for ${ALEXA_REGION_NAMES[region]}, which serves none of the published locales (it would serve ${locales.join(', ')}): remove it, or publish one of those.`));
    } else if (codeEntryOf(region) !== entry) {
      // An explicit "NA" beside "default": the CLI deploys it too, and it must run where NA is served.
      out.push(...deploymentProblems(entry, region));
    }
  }
  for (const [entry, override] of Object.entries(overrides)) {
    if (objectAt(code[entry]) === undefined) {
      out.push(problem(ASK_RESOURCES, [...overridesAt, entry], `does nothing: code has no "${entry}" entry, and the ASK CLI deploys only the regions listed there.`));
    }
    for (const key of Object.keys(objectAt(override) ?? {}).filter((name) => !REGIONAL_OVERRIDE_KEYS.has(name))) {
      out.push(problem(ASK_RESOURCES, [...overridesAt, entry, key], 'must not differ by region: every region deploys the same template with userConfig\'s parameters, the ones `npm run validate` checks (only awsRegion and artifactsS3 may).'));
    }
  }
  return out;
}

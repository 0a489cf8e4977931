import { yamlParse } from 'yaml-cfn';
import { loadConfig } from '../../lambda/config';
import { ConfigurationError } from '../../lambda/errors';
import { objectAt, SKILL_STACK } from './askResourcesRules';
import { problem, type JsonPath, type Problem } from './problem';
import { secretLookingValueProblems } from './secrets';

/*
 * Checks infrastructure/cfn-deployer/skill-stack.yaml offline: parsed with CloudFormation's short
 * tags (!Ref, !GetAtt, …), then held to the contract the skill and the ASK CLI rely on: the
 * Lambda's settings, a least-privilege role, the DynamoDB table the persistence code expects
 * (partition key `id`, time to live in `expiresAt`), Alexa's invoke permission bound to the skill
 * id, the SkillEndpoint output the CLI reads, and no account id or credential.
 */

type Json = Record<string, unknown>;

/** What @ask-cli/cfn-deployer always passes (its _mapStackParameters); the template must declare them. */
export const CLI_PARAMETERS = ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'] as const;
/** The variables lambda/config.ts and the persistence code read; anything else in the function's environment is a typo. */
export const KNOWN_VARIABLES = ['SPOTIFY_API_BASE_URL', 'SKILL_ID', 'LOG_LEVEL', 'REQUEST_BUDGET_MS', 'SPOTIFY_TIMEOUT_MS', 'PERSISTENCE_TABLE_NAME'];
/** The item actions the persistence adapter uses, and nothing wider. */
export const TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
const LAMBDA_MAX_TIMEOUT_S = 900;
/** A 12-digit AWS account id, anywhere in the template: an ARN written out by hand would publish it. */
const ACCOUNT_ID = /(^|[^0-9])\d{12}([^0-9]|$)/;
const ACCESS_KEY_ID = /(AKIA|ASIA)[A-Z0-9]{16}/;

export type ParsedStack = { ok: true; template: Json } | { ok: false; problem: Problem };

export function parseSkillStack(text: string): ParsedStack {
  try {
    const template = objectAt(yamlParse(text) as unknown);
    if (template === undefined) return { ok: false, problem: problem(SKILL_STACK, [], 'must be a CloudFormation template (a mapping with Resources).') };
    return { ok: true, template };
  } catch (error) {
    return { ok: false, problem: problem(SKILL_STACK, [], `is not valid CloudFormation YAML (${(error as Error).message.split('\n')[0]}).`) };
  }
}

const isRef = (value: unknown, name: string): boolean => objectAt(value)?.Ref === name;
function isGetAtt(value: unknown, resource: string, attribute: string): boolean {
  const target = objectAt(value)?.['Fn::GetAtt'];
  return Array.isArray(target) ? target[0] === resource && target[1] === attribute : target === `${resource}.${attribute}`;
}
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function resourcesOfType(resources: Json, type: string): [string, Json][] {
  return Object.entries(resources).filter(([, resource]) => objectAt(resource)?.Type === type).map(([name, resource]) => [name, resource as Json]);
}

/** The single resource of a type, or a problem saying it is missing or doubled. */
function single(resources: Json, type: string, what: string, out: Problem[]): [string, Json] | undefined {
  const found = resourcesOfType(resources, type);
  if (found.length !== 1) {
    out.push(problem(SKILL_STACK, ['Resources'], found.length === 0 ? `must declare ${what} (${type}).` : `must declare one ${type}, not ${found.length}.`));
    return undefined;
  }
  return found[0];
}

function walkStrings(value: unknown, at: JsonPath, visit: (text: string, at: JsonPath) => void): void {
  if (typeof value === 'string') visit(value, at);
  else if (typeof value === 'number' && Number.isInteger(value)) visit(String(value), at);
  else if (Array.isArray(value)) value.forEach((item, index) => walkStrings(item, [...at, index], visit));
  else if (objectAt(value) !== undefined) for (const [key, child] of Object.entries(value as Json)) walkStrings(child, [...at, key], visit);
}

/** Every way the template departs from the contract; `stackParameters` are each profile's userConfig.cfn.parameters. */
export function skillStackProblems(template: Json, stackParameters: ReadonlyMap<string, Json>): Problem[] {
  const out: Problem[] = [];
  const resources = objectAt(template.Resources) ?? {};
  const parameters = objectAt(template.Parameters) ?? {};
  out.push(...parameterProblems(parameters, stackParameters));

  const table = single(resources, 'AWS::DynamoDB::Table', 'the table that remembers listeners', out);
  if (table !== undefined) out.push(...tableProblems(table));
  const fn = single(resources, 'AWS::Lambda::Function', 'the skill\'s function', out);
  if (fn !== undefined) out.push(...functionProblems(fn, table?.[0], parameters, stackParameters));
  if (fn !== undefined) {
    const roleName = (objectAt(objectAt(fn[1].Properties)?.Role)?.['Fn::GetAtt'] as unknown[] | undefined)?.[0];
    const role = typeof roleName === 'string' ? objectAt(resources[roleName]) : undefined;
    if (role?.Type !== 'AWS::IAM::Role') out.push(problem(SKILL_STACK, ['Resources', fn[0], 'Properties', 'Role'], 'must be !GetAtt <a role in this template>.Arn, so its permissions are the ones checked here.'));
    else out.push(...roleProblems(String(roleName), role, table?.[0]));
  }
  for (const [name, role] of resourcesOfType(resources, 'AWS::IAM::Role')) out.push(...wildcardProblems(name, role));
  const permission = single(resources, 'AWS::Lambda::Permission', 'Alexa\'s permission to invoke the function', out);
  if (permission !== undefined && fn !== undefined) out.push(...permissionProblems(permission, fn[0]));

  const endpoint = objectAt(objectAt(template.Outputs)?.SkillEndpoint)?.Value;
  if (fn !== undefined && !isGetAtt(endpoint, fn[0], 'Arn')) {
    out.push(problem(SKILL_STACK, ['Outputs', 'SkillEndpoint', 'Value'], `must be !GetAtt ${fn[0]}.Arn: the ASK CLI reads this output and makes it the skill's endpoint.`));
  }
  walkStrings(template, [], (text, at) => {
    if (ACCOUNT_ID.test(text)) out.push(problem(SKILL_STACK, at, 'holds what looks like an AWS account id; use ${AWS::AccountId} or !GetAtt instead, so no account id is committed.'));
    else if (ACCESS_KEY_ID.test(text)) out.push(problem(SKILL_STACK, at, 'holds what looks like an AWS access key id; credentials never belong in the template.'));
  });
  out.push(...secretLookingValueProblems(SKILL_STACK, template));
  return out;
}

function parameterProblems(parameters: Json, stackParameters: ReadonlyMap<string, Json>): Problem[] {
  const out: Problem[] = [];
  for (const name of CLI_PARAMETERS) {
    if (parameters[name] === undefined) out.push(problem(SKILL_STACK, ['Parameters', name], 'must be declared: the ASK CLI always passes it, and CloudFormation refuses undeclared parameters.'));
  }
  for (const [profile, given] of stackParameters) {
    for (const [name, value] of Object.entries(given)) {
      const declared = objectAt(parameters[name]);
      if (declared === undefined) {
        out.push(problem(SKILL_STACK, ['Parameters', name], `must be declared: ask-resources.json passes it for profile "${profile}".`));
      } else if (Array.isArray(declared.AllowedValues) && !declared.AllowedValues.includes(value)) {
        out.push(problem('ask-resources.json', ['profiles', profile, 'skillInfrastructure', 'userConfig', 'cfn', 'parameters', name], `is "${String(value)}", not one of the template's AllowedValues (${declared.AllowedValues.join(', ')}).`));
      }
    }
    for (const [name, declared] of Object.entries(parameters)) {
      if (objectAt(declared)?.Default === undefined && !(CLI_PARAMETERS as readonly string[]).includes(name) && given[name] === undefined) {
        out.push(problem(SKILL_STACK, ['Parameters', name], `has no Default and ask-resources.json does not pass it for profile "${profile}".`));
      }
    }
  }
  return out;
}

function tableProblems([name, table]: [string, Json]): Problem[] {
  const out: Problem[] = [];
  const props = objectAt(table.Properties) ?? {};
  const at: JsonPath = ['Resources', name, 'Properties'];
  const keys = asList(props.KeySchema).map((key) => objectAt(key));
  if (keys.length !== 1 || keys[0]?.AttributeName !== 'id' || keys[0]?.KeyType !== 'HASH') {
    out.push(problem(SKILL_STACK, [...at, 'KeySchema'], 'must be the partition key `id` alone (the Alexa userId), as the ASK SDK\'s DynamoDB adapter lays out its table.'));
  }
  const idType = asList(props.AttributeDefinitions).map((item) => objectAt(item)).find((item) => item?.AttributeName === 'id')?.AttributeType;
  if (idType !== 'S') out.push(problem(SKILL_STACK, [...at, 'AttributeDefinitions'], 'must define `id` as a string (AttributeType S).'));
  if (props.BillingMode !== 'PAY_PER_REQUEST') out.push(problem(SKILL_STACK, [...at, 'BillingMode'], 'must be PAY_PER_REQUEST (on demand): a skill\'s traffic comes in bursts and costs nothing while idle.'));
  const ttl = objectAt(props.TimeToLiveSpecification);
  if (ttl?.AttributeName !== 'expiresAt' || ttl.Enabled !== true) {
    out.push(problem(SKILL_STACK, [...at, 'TimeToLiveSpecification'], 'must enable time to live on `expiresAt`, so abandoned listeners\' data goes away by itself.'));
  }
  if (objectAt(props.PointInTimeRecoverySpecification)?.PointInTimeRecoveryEnabled !== true) {
    out.push(problem(SKILL_STACK, [...at, 'PointInTimeRecoverySpecification'], 'must turn point-in-time recovery on (PointInTimeRecoveryEnabled: true).'));
  }
  return out;
}

/** The skill's config as lambda/config.ts would read it from these variables, or the sentence it refuses them with. */
function configProblem(env: Record<string, string>, at: JsonPath, file = SKILL_STACK): { problem?: Problem; budgetMs: number } {
  try {
    return { budgetMs: loadConfig(env).requestBudgetMs };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { problem: problem(file, [...at, error.variable], `${error.message.slice(error.variable.length + 2)}.`), budgetMs: loadConfig({}).requestBudgetMs };
  }
}

function functionProblems([name, fn]: [string, Json], tableName: string | undefined, parameters: Json, stackParameters: ReadonlyMap<string, Json>): Problem[] {
  const out: Problem[] = [];
  const props = objectAt(fn.Properties) ?? {};
  const at: JsonPath = ['Resources', name, 'Properties'];
  if (!isRef(props.Runtime, 'LambdaRuntime')) out.push(problem(SKILL_STACK, [...at, 'Runtime'], 'must be !Ref LambdaRuntime: the runtime is set once, in ask-resources.json.'));
  if (!isRef(props.Handler, 'LambdaHandler')) out.push(problem(SKILL_STACK, [...at, 'Handler'], 'must be !Ref LambdaHandler: the handler is set once, in ask-resources.json.'));
  const code = objectAt(props.Code) ?? {};
  if (!isRef(code.S3Bucket, 'CodeBucket') || !isRef(code.S3Key, 'CodeKey') || !isRef(code.S3ObjectVersion, 'CodeVersion')) {
    out.push(problem(SKILL_STACK, [...at, 'Code'], 'must be S3Bucket !Ref CodeBucket, S3Key !Ref CodeKey and S3ObjectVersion !Ref CodeVersion: the zip the ASK CLI uploads, so each deploy updates the code.'));
  }
  const memory = props.MemorySize;
  if (typeof memory !== 'number' || !Number.isInteger(memory) || memory < 128 || memory > 10240) {
    out.push(problem(SKILL_STACK, [...at, 'MemorySize'], 'must be whole megabytes from 128 to 10240 (512 keeps the cold start short).'));
  }
  const variables = objectAt(objectAt(props.Environment)?.Variables) ?? {};
  const envAt: JsonPath = [...at, 'Environment', 'Variables'];
  for (const variable of Object.keys(variables)) {
    if (!KNOWN_VARIABLES.includes(variable)) out.push(problem(SKILL_STACK, [...envAt, variable], `is not read by the skill (it reads ${KNOWN_VARIABLES.join(', ')}).`));
  }
  if (!isRef(variables.SKILL_ID, 'SkillId')) out.push(problem(SKILL_STACK, [...envAt, 'SKILL_ID'], 'must be !Ref SkillId, so the function refuses requests meant for any other skill.'));
  if (tableName !== undefined && !isRef(variables.PERSISTENCE_TABLE_NAME, tableName)) {
    out.push(problem(SKILL_STACK, [...envAt, 'PERSISTENCE_TABLE_NAME'], `must be !Ref ${tableName}: without it the skill runs stateless.`));
  }
  // Literal values, and parameters as each profile sets them (or their default), go through lambda/config.ts itself.
  const profiles = stackParameters.size > 0 ? [...stackParameters.values()] : [{}];
  let budgetMs = loadConfig({}).requestBudgetMs;
  for (const given of profiles) {
    const env: Record<string, string> = {};
    for (const [variable, value] of Object.entries(variables)) {
      if (variable === 'SKILL_ID' || variable === 'PERSISTENCE_TABLE_NAME') continue;
      const ref = objectAt(value)?.Ref;
      const resolved = typeof ref === 'string' ? (given[ref] ?? objectAt(parameters[ref])?.Default) : value;
      if (typeof resolved === 'string') env[variable] = resolved;
    }
    const checked = configProblem(env, envAt);
    if (checked.problem !== undefined) out.push(checked.problem);
    budgetMs = Math.max(budgetMs, checked.budgetMs);
  }
  const timeoutS = props.Timeout;
  if (typeof timeoutS !== 'number' || !Number.isInteger(timeoutS) || timeoutS * 1000 <= budgetMs || timeoutS > LAMBDA_MAX_TIMEOUT_S) {
    out.push(problem(SKILL_STACK, [...at, 'Timeout'],
      `must be whole seconds above the skill's ${budgetMs / 1000} s request budget (Alexa waits 8 s; 8 is right); Lambda's default of 3 s would cut requests off.`));
  }
  return out;
}

function statementsOf(role: Json): { statement: Json; at: JsonPath }[] {
  const found: { statement: Json; at: JsonPath }[] = [];
  asList(objectAt(role.Properties)?.Policies).forEach((policy, index) => {
    asList(objectAt(objectAt(policy)?.PolicyDocument)?.Statement).forEach((statement, statementIndex) => {
      const item = objectAt(statement);
      if (item !== undefined) found.push({ statement: item, at: ['Properties', 'Policies', index, 'PolicyDocument', 'Statement', statementIndex] });
    });
  });
  return found;
}

function roleProblems(name: string, role: Json, tableName: string | undefined): Problem[] {
  const out: Problem[] = [];
  const at: JsonPath = ['Resources', name];
  const trust = asList(objectAt(objectAt(role.Properties)?.AssumeRolePolicyDocument)?.Statement).map((item) => objectAt(item));
  if (!trust.some((item) => asList(objectAt(item?.Principal)?.Service).includes('lambda.amazonaws.com'))) {
    out.push(problem(SKILL_STACK, [...at, 'Properties', 'AssumeRolePolicyDocument'], 'must let lambda.amazonaws.com assume the role.'));
  }
  const managed = asList(objectAt(role.Properties)?.ManagedPolicyArns);
  if (managed.length > 0) out.push(problem(SKILL_STACK, [...at, 'Properties', 'ManagedPolicyArns'], 'must be absent: managed policies grant more than the function needs; list its actions in Policies.'));
  const allowed = statementsOf(role).filter(({ statement }) => statement.Effect === 'Allow');
  const granted = new Set(allowed.flatMap(({ statement }) => asList(statement.Action).map(String)));
  for (const action of TABLE_ACTIONS) {
    if (!granted.has(action)) out.push(problem(SKILL_STACK, [...at, 'Properties', 'Policies'], `must allow ${action} on the table: the persistence code uses it.`));
  }
  if (!granted.has('logs:PutLogEvents')) out.push(problem(SKILL_STACK, [...at, 'Properties', 'Policies'], 'must allow logs:CreateLogStream and logs:PutLogEvents, or the skill\'s logs are lost.'));
  for (const { statement, at: statementAt } of allowed) {
    const actions = asList(statement.Action).map(String);
    const tableActions = actions.filter((action) => action.toLowerCase().startsWith('dynamodb:'));
    for (const action of tableActions) {
      if (!TABLE_ACTIONS.includes(action)) out.push(problem(SKILL_STACK, [...at, ...statementAt, 'Action'], `grants ${action}; only ${TABLE_ACTIONS.join(', ')} are needed.`));
    }
    if (tableActions.length > 0) {
      const targets = asList(statement.Resource);
      if (targets.length === 0 || !targets.every((target) => tableName !== undefined && isGetAtt(target, tableName, 'Arn'))) {
        out.push(problem(SKILL_STACK, [...at, ...statementAt, 'Resource'], `must be !GetAtt ${tableName ?? '<the table>'}.Arn alone: table actions on "*" or another table reach other data.`));
      }
    }
  }
  return out;
}

/** No role in the template may allow every action, or every DynamoDB action. */
function wildcardProblems(name: string, role: Json): Problem[] {
  return statementsOf(role)
    .filter(({ statement }) => statement.Effect === 'Allow')
    .flatMap(({ statement, at }) => asList(statement.Action).map(String)
      .filter((action) => action === '*' || /^dynamodb:.*\*/i.test(action))
      .map((action) => problem(SKILL_STACK, ['Resources', name, ...at, 'Action'], `grants "${action}"; name the actions instead (${TABLE_ACTIONS.join(', ')}).`)));
}

function permissionProblems([name, permission]: [string, Json], functionName: string): Problem[] {
  const out: Problem[] = [];
  const props = objectAt(permission.Properties) ?? {};
  const at: JsonPath = ['Resources', name, 'Properties'];
  if (props.Action !== 'lambda:InvokeFunction') out.push(problem(SKILL_STACK, [...at, 'Action'], 'must be lambda:InvokeFunction.'));
  if (props.Principal !== 'alexa-appkit.amazon.com') out.push(problem(SKILL_STACK, [...at, 'Principal'], 'must be alexa-appkit.amazon.com, Alexa\'s service principal for custom skills.'));
  if (!isRef(props.EventSourceToken, 'SkillId')) out.push(problem(SKILL_STACK, [...at, 'EventSourceToken'], 'must be !Ref SkillId: without it any skill could invoke the function.'));
  if (!isGetAtt(props.FunctionName, functionName, 'Arn') && !isRef(props.FunctionName, functionName)) {
    out.push(problem(SKILL_STACK, [...at, 'FunctionName'], `must be !GetAtt ${functionName}.Arn, the skill's function.`));
  }
  return out;
}

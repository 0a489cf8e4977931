import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSkillStack, skillStackProblems } from '../../scripts/skillPackage/skillStackRules';

const root = path.resolve(__dirname, '..', '..');
const STACK_TEXT = readFileSync(path.join(root, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml'), 'utf8');
const PARAMETERS = new Map([['default', { LogLevel: 'info' }]]);

/** The template is changed as loose data on purpose: the point is to break it. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function committed(): Json {
  const parsed = parseSkillStack(STACK_TEXT);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.template;
}

function problemsAfter(change: (template: Json) => void) {
  const template = committed();
  change(template);
  return skillStackProblems(template, PARAMETERS);
}

const statements = (template: Json): Json[] => template.Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement;

describe('infrastructure/cfn-deployer/skill-stack.yaml', () => {
  it('parses with CloudFormation\'s short tags and meets the contract as committed', () => {
    const template = committed();

    expect(template.Resources.SkillFunction.Properties.Environment.Variables.PERSISTENCE_TABLE_NAME).toEqual({ Ref: 'PersistenceTable' });
    expect(template.Outputs.SkillEndpoint.Value).toEqual({ 'Fn::GetAtt': ['SkillFunction', 'Arn'] });
    expect(skillStackProblems(template, PARAMETERS)).toEqual([]);
  });

  it('grants the function exactly the four item actions on its own table, and logs', () => {
    const [table, logs] = statements(committed());

    expect(table.Action).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
    expect(table.Resource).toEqual({ 'Fn::GetAtt': ['PersistenceTable', 'Arn'] });
    expect(logs.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  });

  it('reports YAML that CloudFormation could not read, in one sentence', () => {
    const parsed = parseSkillStack(`${STACK_TEXT}\n  Oops: !NotATag x\n`);

    expect(parsed).toEqual({ ok: false, problem: expect.objectContaining({ path: '(whole file)', message: expect.stringMatching(/^is not valid CloudFormation YAML/) }) });
  });

  const broken: Array<[string, (template: Json) => void, string, RegExp]> = [
    ['every DynamoDB action', (t) => { statements(t)[0].Action = 'dynamodb:*'; }, 'Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement[0].Action', /grants "dynamodb:\*"/],
    ['a DynamoDB action wider than items', (t) => { statements(t)[0].Action.push('dynamodb:Scan'); }, 'Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement[0].Action', /grants dynamodb:Scan/],
    ['every action', (t) => { statements(t)[1].Action = '*'; }, 'Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement[1].Action', /grants "\*"/],
    ['table actions on every resource', (t) => { statements(t)[0].Resource = '*'; }, 'Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource', /must be !GetAtt PersistenceTable\.Arn alone/],
    ['a missing item action the code needs', (t) => { statements(t)[0].Action = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']; }, 'Resources.SkillFunctionRole.Properties.Policies', /must allow dynamodb:DeleteItem/],
    ['a managed policy', (t) => { t.Resources.SkillFunctionRole.Properties.ManagedPolicyArns = ['arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess']; }, 'Resources.SkillFunctionRole.Properties.ManagedPolicyArns', /must be absent/],
    ['no logs', (t) => { statements(t).pop(); }, 'Resources.SkillFunctionRole.Properties.Policies', /logs:PutLogEvents/],
    ['a table keyed on another attribute', (t) => { t.Resources.PersistenceTable.Properties.KeySchema[0].AttributeName = 'userId'; }, 'Resources.PersistenceTable.Properties.KeySchema', /partition key `id`/],
    ['provisioned billing', (t) => { t.Resources.PersistenceTable.Properties.BillingMode = 'PROVISIONED'; }, 'Resources.PersistenceTable.Properties.BillingMode', /PAY_PER_REQUEST/],
    ['time to live on another attribute', (t) => { t.Resources.PersistenceTable.Properties.TimeToLiveSpecification.AttributeName = 'ttl'; }, 'Resources.PersistenceTable.Properties.TimeToLiveSpecification', /`expiresAt`/],
    ['point-in-time recovery off', (t) => { delete t.Resources.PersistenceTable.Properties.PointInTimeRecoverySpecification; }, 'Resources.PersistenceTable.Properties.PointInTimeRecoverySpecification', /point-in-time recovery/],
    ['no table name in the environment', (t) => { delete t.Resources.SkillFunction.Properties.Environment.Variables.PERSISTENCE_TABLE_NAME; }, 'Resources.SkillFunction.Properties.Environment.Variables.PERSISTENCE_TABLE_NAME', /!Ref PersistenceTable/],
    ['a skill id typed in instead of the parameter', (t) => { t.Resources.SkillFunction.Properties.Environment.Variables.SKILL_ID = 'amzn1.ask.skill.1'; }, 'Resources.SkillFunction.Properties.Environment.Variables.SKILL_ID', /!Ref SkillId/],
    ['a hard-coded runtime', (t) => { t.Resources.SkillFunction.Properties.Runtime = 'nodejs22.x'; }, 'Resources.SkillFunction.Properties.Runtime', /!Ref LambdaRuntime/],
    ['code that is not the uploaded zip', (t) => { delete t.Resources.SkillFunction.Properties.Code.S3ObjectVersion; }, 'Resources.SkillFunction.Properties.Code', /S3ObjectVersion !Ref CodeVersion/],
    ['a memory size Lambda refuses', (t) => { t.Resources.SkillFunction.Properties.MemorySize = 64; }, 'Resources.SkillFunction.Properties.MemorySize', /128 to 10240/],
    ['an invoke permission for any skill', (t) => { delete t.Resources.SkillFunctionAlexaPermission.Properties.EventSourceToken; }, 'Resources.SkillFunctionAlexaPermission.Properties.EventSourceToken', /!Ref SkillId/],
    ['an invoke permission for another principal', (t) => { t.Resources.SkillFunctionAlexaPermission.Properties.Principal = '*'; }, 'Resources.SkillFunctionAlexaPermission.Properties.Principal', /alexa-appkit\.amazon\.com/],
    ['no SkillEndpoint output', (t) => { delete t.Outputs.SkillEndpoint; }, 'Outputs.SkillEndpoint.Value', /the ASK CLI reads this output/],
    ['a parameter the CLI passes left undeclared', (t) => { delete t.Parameters.CodeVersion; }, 'Parameters.CodeVersion', /the ASK CLI always passes it/],
    ['no table at all', (t) => { delete t.Resources.PersistenceTable; }, 'Resources', /must declare the table/],
    ['an account id in an ARN', (t) => { statements(t)[1].Resource = 'arn:aws:logs:us-east-1:123456789012:log-group:x'; }, 'Resources.SkillFunctionRole.Properties.Policies[0].PolicyDocument.Statement[1].Resource', /AWS account id/],
    ['an access key id', (t) => { t.Description = 'key AKIAABCDEFGHIJKLMNOP'; }, 'Description', /access key id/],
  ];

  it.each(broken)('reports %s with its path and a sentence', (_what, change, at, message) => {
    expect(problemsAfter(change)).toContainEqual({ file: 'infrastructure/cfn-deployer/skill-stack.yaml', path: at, message: expect.stringMatching(message) });
  });
});

import { yamlParse } from 'yaml-cfn';

/*
 * Just enough of CloudFormation for the rehearsal to see what a stack would become: parameters
 * checked as CloudFormation checks them, and Ref, Fn::GetAtt and Fn::Sub resolved against made-up
 * physical ids, so the function's settings, the permission and the outputs can be read as AWS
 * would set them. Anything else it meets is an error, never a guess.
 */

type Json = Record<string, unknown>;

export class TemplateError extends Error {}

export interface StackContext {
  readonly stackName: string;
  readonly region: string;
  readonly accountId: string;
}

/** A resource as deployed: its type and its properties with every intrinsic function resolved. */
export interface DeployedResource {
  readonly type: string;
  readonly physicalId: string;
  readonly arn: string;
  readonly properties: Json;
}

export interface EvaluatedStack {
  readonly template: Json;
  readonly parameters: Readonly<Record<string, string>>;
  readonly resources: ReadonlyMap<string, DeployedResource>;
  readonly outputs: Readonly<Record<string, string>>;
}

function objectAt(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The ARN AWS would give a resource of this type and physical id. */
function arnOf(type: string, physicalId: string, { region, accountId }: StackContext): string {
  switch (type) {
    case 'AWS::Lambda::Function': return `arn:aws:lambda:${region}:${accountId}:function:${physicalId}`;
    case 'AWS::IAM::Role': return `arn:aws:iam::${accountId}:role/${physicalId}`;
    case 'AWS::DynamoDB::Table': return `arn:aws:dynamodb:${region}:${accountId}:table/${physicalId}`;
    case 'AWS::Logs::LogGroup': return `arn:aws:logs:${region}:${accountId}:log-group:${physicalId}:*`;
    default: return `arn:aws:cloudformation:${region}:${accountId}:resource/${physicalId}`;
  }
}

/** Physical names as CloudFormation makes them: stack name, logical id, a stable suffix. */
function physicalIdOf(type: string, logicalId: string, context: StackContext): string {
  if (type === 'AWS::Logs::LogGroup') return `${context.stackName}-${logicalId}`;
  return `${context.stackName}-${logicalId}-REHEARSAL`.slice(0, 64);
}

export function evaluateStack(templateBody: string, given: Readonly<Record<string, string>>, context: StackContext): EvaluatedStack {
  let template: Json;
  try {
    template = objectAt(yamlParse(templateBody) as unknown) ?? {};
  } catch (error) {
    throw new TemplateError(`Template format error: ${(error as Error).message.split('\n')[0]}`);
  }
  const declared = objectAt(template.Parameters) ?? {};
  const unknown = Object.keys(given).filter((name) => declared[name] === undefined);
  if (unknown.length > 0) throw new TemplateError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const parameters: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name] ?? (objectAt(spec)?.Default === undefined ? undefined : String(objectAt(spec)?.Default));
    if (value === undefined) missing.push(name);
    else if (Array.isArray(objectAt(spec)?.AllowedValues) && !(objectAt(spec)?.AllowedValues as unknown[]).includes(value)) {
      throw new TemplateError(`Parameter '${name}' must be one of AllowedValues`);
    } else parameters[name] = value;
  }
  if (missing.length > 0) throw new TemplateError(`Parameters: [${missing.join(', ')}] must have values`);

  const declaredResources = objectAt(template.Resources) ?? {};
  const ids = new Map<string, { type: string; physicalId: string; arn: string }>();
  for (const [logicalId, resource] of Object.entries(declaredResources)) {
    const type = String(objectAt(resource)?.Type);
    const physicalId = physicalIdOf(type, logicalId, context);
    ids.set(logicalId, { type, physicalId, arn: arnOf(type, physicalId, context) });
  }
  const pseudo: Record<string, string> = {
    'AWS::Region': context.region,
    'AWS::AccountId': context.accountId,
    'AWS::StackName': context.stackName,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const ref = (name: string): string => {
    if (parameters[name] !== undefined) return parameters[name]!;
    if (pseudo[name] !== undefined) return pseudo[name]!;
    const resource = ids.get(name);
    if (resource === undefined) throw new TemplateError(`Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`);
    // Ref gives the ARN for a permission's target function only through GetAtt; for these types it is the name.
    return resource.physicalId;
  };
  const getAtt = (target: unknown): string => {
    const [logicalId, attribute] = Array.isArray(target) ? target.map(String) : String(target).split('.');
    const resource = ids.get(String(logicalId));
    if (resource === undefined || attribute !== 'Arn') throw new TemplateError(`Template error: the rehearsal's CloudFormation cannot resolve Fn::GetAtt ${String(logicalId)}.${String(attribute)}`);
    return resource.arn;
  };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    const node = objectAt(value);
    if (node === undefined) return value;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'Ref') return ref(String(node.Ref));
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') return getAtt(node['Fn::GetAtt']);
    if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof node['Fn::Sub'] === 'string') {
      return node['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, name: string) => (name.includes('.') ? getAtt(name) : ref(name)));
    }
    const intrinsic = keys.find((key) => key.startsWith('Fn::'));
    if (intrinsic !== undefined) throw new TemplateError(`Template error: the rehearsal's CloudFormation does not evaluate ${intrinsic}`);
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, resolve(child)]));
  };

  const resources = new Map<string, DeployedResource>();
  for (const [logicalId, resource] of Object.entries(declaredResources)) {
    const { type, physicalId, arn } = ids.get(logicalId)!;
    resources.set(logicalId, { type, physicalId, arn, properties: (resolve(objectAt(resource)?.Properties ?? {}) as Json) });
  }
  const outputs: Record<string, string> = {};
  for (const [name, output] of Object.entries(objectAt(template.Outputs) ?? {})) outputs[name] = String(resolve(objectAt(output)?.Value));
  return { template, parameters, resources, outputs };
}

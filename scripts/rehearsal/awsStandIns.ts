import { randomInt, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { escapeXml, LoopbackService, sendXml } from './http';
import { evaluateStack, TemplateError, type EvaluatedStack } from './cloudFormation';
import type { Unexpected } from './alexaStandIns';


/** Who called which AWS operation: the access key id from the SigV4 Authorization header, and the region it signed for. */
export interface AwsCall {
  readonly service: string;
  readonly operation: string;
  readonly accessKeyId: string;
  readonly region: string;
}

export interface StoredObject {
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string;
  readonly body: Buffer;
}

export interface StackChange {
  readonly action: 'CreateStack' | 'UpdateStack';
  readonly templateBody: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly capabilities: readonly string[];
  readonly accessKeyId: string;
}

export interface Stack {
  readonly stackId: string;
  readonly stackName: string;
  readonly region: string;
  status: string;
  statusReason?: string;
  readonly changes: StackChange[];
  /** What the stack is now, as CloudFormation would have made it. */
  deployed?: EvaluatedStack;
}

const CFN_NS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/**
 * AWS as the ASK CLI's @ask-cli/cfn-deployer uses it, behind AWS_ENDPOINT_URL: S3 (path-style:
 * head, create and version a bucket, put the code zip) and CloudFormation (create, update and
 * describe a stack, its events). Every call must be signed with a key the rehearsal handed out.
 * The deployer calls nothing else; anything else is recorded as unexpected.
 */
export class AwsStandIns extends LoopbackService {
  readonly unexpected: Unexpected[] = [];
  readonly calls: AwsCall[] = [];
  readonly objects: StoredObject[] = [];
  readonly stacks = new Map<string, Stack>();
  /** The AWS account the stand-ins pretend to be, new each run, so finding it in a file can only mean the deploy put it there. */
  readonly accountId = String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999));
  private readonly buckets = new Map<string, { versioning: boolean; region: string }>();

  constructor(private readonly accessKeyIds: readonly string[]) {
    super();
  }

  protected handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const credential = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''));
    if (credential === null || !this.accessKeyIds.includes(credential[1]!)) {
      this.unexpected.push({ service: 'AWS', request: `${method} ${url.pathname} signed with ${credential?.[1] ?? 'no key'}` });
      return sendXml(res, 403, '<Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error>');
    }
    const [, accessKeyId, region, service] = credential as unknown as [string, string, string, string];
    if (service === 's3') return this.s3(method, url, body, { accessKeyId, region }, res);
    const form = new URLSearchParams(body.toString('utf8'));
    const action = form.get('Action') ?? '';
    this.calls.push({ service, operation: action, accessKeyId, region });
    if (service === 'cloudformation') return this.cloudFormation(action, form, { accessKeyId, region }, res);
    this.unexpected.push({ service, request: action || `${method} ${url.pathname}` });
    sendXml(res, 400, `<ErrorResponse><Error><Code>InvalidAction</Code><Message>The rehearsal does not stand in for ${escapeXml(service)}.</Message></Error></ErrorResponse>`);
  }

  // ---- S3 -------------------------------------------------------------------------------

  private s3(method: string, url: URL, body: Buffer, who: { accessKeyId: string; region: string }, res: http.ServerResponse): void {
    const [bucketName = '', ...keyParts] = url.pathname.slice(1).split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const bucket = this.buckets.get(bucketName);
    const operation = key !== ''
      ? `${method === 'PUT' ? 'PutObject' : `${method}Object`}`
      : url.searchParams.has('versioning') ? (method === 'PUT' ? 'PutBucketVersioning' : 'GetBucketVersioning')
        : method === 'HEAD' ? 'HeadBucket' : method === 'PUT' ? 'CreateBucket' : `${method}Bucket`;
    this.calls.push({ service: 's3', operation, ...who });
    const noBucket = (): void => sendXml(res, 404, `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>${escapeXml(bucketName)}</BucketName></Error>`);
    switch (operation) {
      case 'HeadBucket':
        return bucket === undefined ? void res.writeHead(404).end() : void res.writeHead(200, { 'x-amz-bucket-region': who.region }).end();
      case 'CreateBucket': {
        if (bucket !== undefined) return sendXml(res, 409, '<Error><Code>BucketAlreadyOwnedByYou</Code><Message>Your previous request to create the named bucket succeeded and you already own it.</Message></Error>');
        // As S3: a bucket outside us-east-1 names its region in the body, and it must be the region the request is signed for.
        const constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(body.toString('utf8'))?.[1] || 'us-east-1';
        if (constraint !== who.region) {
          return sendXml(res, 400, `<Error><Code>IllegalLocationConstraintException</Code><Message>The ${escapeXml(constraint)} location constraint is incompatible for the region specific endpoint this request was sent to (${escapeXml(who.region)}).</Message></Error>`);
        }
        this.buckets.set(bucketName, { versioning: false, region: constraint });
        return void res.writeHead(200, { location: `/${bucketName}` }).end();
      }
      case 'GetBucketVersioning':
        if (bucket === undefined) return noBucket();
        return sendXml(res, 200, `<VersioningConfiguration xmlns="${S3_NS}">${bucket.versioning ? '<Status>Enabled</Status>' : ''}</VersioningConfiguration>`);
      case 'PutBucketVersioning':
        if (bucket === undefined) return noBucket();
        bucket.versioning = /<Status>Enabled<\/Status>/.test(body.toString('utf8'));
        return void res.writeHead(200).end();
      case 'PutObject': {
        if (bucket === undefined) return noBucket();
        const versionId = bucket.versioning ? randomUUID().replace(/-/g, '') : 'null';
        this.objects.push({ bucket: bucketName, key, versionId, body });
        return void res.writeHead(200, { etag: `"${randomUUID()}"`, 'x-amz-version-id': versionId }).end();
      }
      default:
        this.unexpected.push({ service: 's3', request: `${method} ${url.pathname}${url.search}` });
        return sendXml(res, 400, '<Error><Code>NotImplemented</Code><Message>The rehearsal\'s S3 does not do that.</Message></Error>');
    }
  }

  object(bucket: string, key: string, versionId: string): StoredObject | undefined {
    return this.objects.find((item) => item.bucket === bucket && item.key === key && item.versionId === versionId);
  }

  /** The region a bucket was created in. */
  bucketRegion(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.region;
  }

  // ---- CloudFormation -------------------------------------------------------------------

  private cloudFormation(action: string, form: URLSearchParams, who: { accessKeyId: string; region: string }, res: http.ServerResponse): void {
    const fail = (status: number, code: string, message: string): void => sendXml(res, status,
      `<ErrorResponse xmlns="${CFN_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`);
    const respond = (body: string): void => sendXml(res, 200,
      `<${action}Response xmlns="${CFN_NS}"><${action}Result>${body}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`);
    const wanted = form.get('StackName') ?? '';
    const stack = [...this.stacks.values()].find((candidate) => candidate.stackId === wanted || candidate.stackName === wanted);

    if (action === 'DescribeStacks') {
      if (stack === undefined) return fail(400, 'ValidationError', `Stack with id ${wanted} does not exist`);
      return respond(`<Stacks><member>${stackXml(stack)}</member></Stacks>`);
    }
    if (action === 'DescribeStackEvents') {
      if (stack === undefined) return fail(400, 'ValidationError', `Stack with id ${wanted} does not exist`);
      const failed = stack.status.endsWith('_FAILED') || stack.status.endsWith('ROLLBACK_COMPLETE')
        ? `<member><LogicalResourceId>SkillFunction</LogicalResourceId><ResourceType>AWS::Lambda::Function</ResourceType><ResourceStatus>CREATE_FAILED</ResourceStatus><ResourceStatusReason>${escapeXml(stack.statusReason ?? '')}</ResourceStatusReason><StackId>${stack.stackId}</StackId><StackName>${stack.stackName}</StackName><EventId>${randomUUID()}</EventId><Timestamp>${new Date().toISOString()}</Timestamp></member>`
        : '';
      return respond(`<StackEvents>${failed}</StackEvents>`);
    }
    if (action !== 'CreateStack' && action !== 'UpdateStack') {
      this.unexpected.push({ service: 'cloudformation', request: action });
      return fail(400, 'InvalidAction', `The rehearsal's CloudFormation does not do ${action}.`);
    }
    const change: StackChange = {
      action,
      templateBody: form.get('TemplateBody') ?? '',
      parameters: Object.fromEntries(listMembers(form, 'Parameters').map((member) => [member.ParameterKey ?? '', member.ParameterValue ?? ''])),
      capabilities: listValues(form, 'Capabilities'),
      accessKeyId: who.accessKeyId,
    };
    let target: Stack;
    if (action === 'CreateStack') {
      if (stack !== undefined) return fail(400, 'AlreadyExistsException', `Stack [${wanted}] already exists`);
      target = { stackId: `arn:aws:cloudformation:${who.region}:${this.accountId}:stack/${wanted}/${randomUUID()}`, stackName: wanted, region: who.region, status: 'CREATE_IN_PROGRESS', changes: [] };
    } else {
      if (stack === undefined) return fail(400, 'ValidationError', `Stack [${wanted}] does not exist`);
      const last = stack.changes[stack.changes.length - 1];
      if (last !== undefined && last.templateBody === change.templateBody && JSON.stringify(last.parameters) === JSON.stringify(change.parameters)) {
        return fail(400, 'ValidationError', 'No updates are to be performed.');
      }
      target = stack;
    }
    let evaluated: EvaluatedStack;
    try {
      evaluated = evaluateStack(change.templateBody, change.parameters, { stackName: target.stackName, region: target.region, accountId: this.accountId });
    } catch (error) {
      if (error instanceof TemplateError) return fail(400, 'ValidationError', error.message);
      throw error;
    }
    const needsIam = [...evaluated.resources.values()].some((resource) => resource.type.startsWith('AWS::IAM::'));
    if (needsIam && !change.capabilities.some((capability) => capability === 'CAPABILITY_IAM' || capability === 'CAPABILITY_NAMED_IAM')) {
      return fail(400, 'InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]');
    }
    target.changes.push(change);
    this.stacks.set(target.stackId, target);
    // Lambda reads the code from S3 while the stack deploys, from a bucket in its own region: a zip
    // that is not there, or a bucket in another region, fails the stack.
    const codeProblem = [...evaluated.resources.values()]
      .filter((resource) => resource.type === 'AWS::Lambda::Function')
      .map((resource) => resource.properties.Code as { S3Bucket?: string; S3Key?: string; S3ObjectVersion?: string } | undefined)
      .map((code) => {
        const where = `s3://${String(code?.S3Bucket)}/${String(code?.S3Key)}`;
        if (this.object(String(code?.S3Bucket), String(code?.S3Key), String(code?.S3ObjectVersion)) === undefined) return `S3 Error Code: NoSuchKey (${where})`;
        const bucketRegion = this.bucketRegion(String(code?.S3Bucket));
        return bucketRegion === target.region ? undefined : `S3 Error Code: PermanentRedirect. The bucket is in this region: ${String(bucketRegion)} (${where})`;
      })
      .find((problem) => problem !== undefined);
    if (codeProblem !== undefined) {
      target.status = action === 'CreateStack' ? 'ROLLBACK_COMPLETE' : 'UPDATE_ROLLBACK_COMPLETE';
      target.statusReason = `Error occurred while GetObject. ${codeProblem}`;
    } else {
      target.status = action === 'CreateStack' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE';
      target.deployed = evaluated;
      delete target.statusReason;
    }
    respond(`<StackId>${target.stackId}</StackId>`);
  }
}

function stackXml(stack: Stack): string {
  const outputs = Object.entries(stack.deployed?.outputs ?? {})
    .map(([key, value]) => `<member><OutputKey>${escapeXml(key)}</OutputKey><OutputValue>${escapeXml(value)}</OutputValue></member>`).join('');
  return `<StackName>${escapeXml(stack.stackName)}</StackName><StackId>${escapeXml(stack.stackId)}</StackId>`
    + `<CreationTime>${new Date().toISOString()}</CreationTime><StackStatus>${stack.status}</StackStatus>`
    + `${stack.statusReason === undefined ? '' : `<StackStatusReason>${escapeXml(stack.statusReason)}</StackStatusReason>`}`
    + `<Outputs>${outputs}</Outputs>`;
}

/** `Name.member.N.Field` entries of an AWS query request, as objects in order. */
function listMembers(form: URLSearchParams, name: string): Record<string, string>[] {
  const members: Record<string, string>[] = [];
  for (const [key, value] of form) {
    const match = new RegExp(`^${name}\\.member\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (match === null) continue;
    const index = Number(match[1]) - 1;
    members[index] = { ...members[index], [match[2]!]: value };
  }
  return members.filter((member) => member !== undefined);
}

/** `Name.member.N` values of an AWS query request, in order. */
function listValues(form: URLSearchParams, name: string): string[] {
  return [...form].filter(([key]) => new RegExp(`^${name}\\.member\\.\\d+$`).test(key)).sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop())).map(([, value]) => value);
}

import type { DependencyOverrides } from '../../lambda/skill';
import { LOCAL_TABLE_NAME, startEmbeddedDynamoDb, type EmbeddedDynamoDb } from './embeddedDynamoDb';

type Env = Readonly<Record<string, string | undefined>>;

/** How the local run remembers listeners, and what the skill's configuration gets from it. */
export interface LocalPersistence {
  /** The embedded table, when the local run started one. */
  readonly table: EmbeddedDynamoDb | undefined;
  /** Added to the skill's environment (PERSISTENCE_TABLE_NAME). */
  readonly env: Env;
  readonly overrides: DependencyOverrides;
  /** One line for the banner. */
  readonly description: string;
  close(): Promise<void>;
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/**
 * By default an embedded DynamoDB-compatible server (dynalite, in memory, on a free port), so
 * the skill's own persistence code runs with no AWS account. `AWS_ENDPOINT_URL_DYNAMODB` set
 * means a table of your own (DynamoDB Local, or AWS itself): the skill then takes
 * PERSISTENCE_TABLE_NAME and the AWS SDK's settings as on Lambda. `LOCAL_PERSISTENCE=off` runs stateless.
 */
export async function startLocalPersistence(env: Env): Promise<LocalPersistence> {
  const none = async () => undefined;
  if (value(env, 'LOCAL_PERSISTENCE')?.toLowerCase() === 'off') {
    return { table: undefined, env: { PERSISTENCE_TABLE_NAME: undefined }, overrides: {}, description: 'off (LOCAL_PERSISTENCE=off): nothing is remembered', close: none };
  }
  const ownEndpoint = value(env, 'AWS_ENDPOINT_URL_DYNAMODB');
  if (ownEndpoint !== undefined) {
    const tableName = value(env, 'PERSISTENCE_TABLE_NAME');
    const description = tableName === undefined ? 'off (PERSISTENCE_TABLE_NAME is not set)' : `table ${tableName} at ${ownEndpoint} (AWS_ENDPOINT_URL_DYNAMODB)`;
    return { table: undefined, env: {}, overrides: {}, description, close: none };
  }
  // Quiet for the local run: it is about which Node.js AWS will support, not about this machine's run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const table = await startEmbeddedDynamoDb({ tableName: value(env, 'PERSISTENCE_TABLE_NAME') ?? LOCAL_TABLE_NAME });
  return {
    table,
    env: { PERSISTENCE_TABLE_NAME: table.tableName },
    overrides: { dynamoDb: table.clientConfig },
    description: `table ${table.tableName} in an embedded DynamoDB (dynalite) at ${table.endpoint}, in memory`,
    close: () => table.close(),
  };
}

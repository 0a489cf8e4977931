import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';

/** The table name the local run uses unless PERSISTENCE_TABLE_NAME names another. */
export const LOCAL_TABLE_NAME = 'playlist-pal-listeners';

/** Not secrets: the embedded server checks no signature, but the AWS SDK will not send a request unsigned. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'local';

export interface EmbeddedDynamoDb {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  readonly tableName: string;
  /** What the skill's DynamoDB client needs to reach it: endpoint, region, throwaway credentials. */
  readonly clientConfig: DynamoDBClientConfig;
  /** The stored item of one Alexa user, as the table holds it (`id`, `attributes`, `expiresAt`, `version`). */
  item(userId: string): Promise<Record<string, unknown> | undefined>;
  /** Every stored item (the local table holds a handful). */
  items(): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the embedded table ${tableName} did not become active`);
}

/**
 * A DynamoDB-compatible server (dynalite) in this process, on a free loopback port, with its data
 * in memory, and the listener table created as the CloudFormation template creates it (partition
 * key `id`, a string). dynalite does not run time to live; the skill treats an expired item as
 * forgotten when it reads one, as it must on DynamoDB too (which deletes expired items within days).
 */
export async function startEmbeddedDynamoDb(options: { tableName?: string; host?: string } = {}): Promise<EmbeddedDynamoDb> {
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const clientConfig: DynamoDBClientConfig = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const client = new DynamoDBClient(clientConfig);
  const documents = DynamoDBDocumentClient.from(client);
  const close = async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await waitUntilActive(client, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    endpoint,
    tableName,
    clientConfig,
    async item(userId) {
      const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { id: userId }, ConsistentRead: true }));
      return Item;
    },
    async items() {
      const { Items } = await documents.send(new ScanCommand({ TableName: tableName, Limit: 100 }));
      return Items ?? [];
    },
    close,
  };
}

import path from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../local/persistence/embeddedDynamoDb';
import { demoAccount } from '../../local/spotify/demoAccount';
import type { AccountRecord } from '../../local/spotify/model';
import { SpotifyStandIn } from '../../local/spotify/standIn';
import { lambdaContext } from '../support/lambdaContext';

const BUNDLE = path.resolve(__dirname, '..', '..', 'build', 'lambda', 'index.js');

type Handler = (event: unknown, context: unknown) => Promise<ResponseEnvelope>;

/** What one invocation came to: the answer or what it threw, and every log line it wrote. */
export interface Invocation {
  readonly response?: ResponseEnvelope;
  readonly thrown?: unknown;
  readonly logs: string;
  readonly ms: number;
}

/**
 * The built Lambda bundle (build/lambda/index.js), loaded once in this process as Lambda would
 * load it, at LOG_LEVEL=debug, talking to a Spotify stand-in on loopback and remembering
 * listeners in a DynamoDB-compatible table (dynalite), so skill events and "play it again" act
 * on stored state as they do deployed. Its log lines (written to stdout, as on Lambda) are
 * captured per invocation.
 */
export class BundleUnderTest {
  private constructor(
    readonly spotify: SpotifyStandIn,
    readonly table: EmbeddedDynamoDb,
    private readonly accounts: Record<string, AccountRecord>,
    private readonly handler: Handler,
  ) {}

  static async start(): Promise<BundleUnderTest> {
    const accounts: Record<string, AccountRecord> = {};
    const spotify = await SpotifyStandIn.start({ accounts });
    const table = await startEmbeddedDynamoDb();
    const { endpoint, region, credentials } = table.clientConfig as { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
    // Read once, on the bundle's first invocation, as a Lambda container reads its environment;
    // the table through the AWS SDK's own settings, as on Lambda.
    Object.assign(process.env, {
      SPOTIFY_API_BASE_URL: spotify.baseUrl,
      LOG_LEVEL: 'debug',
      REQUEST_BUDGET_MS: '1000',
      SPOTIFY_TIMEOUT_MS: '500',
      PERSISTENCE_TABLE_NAME: table.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(BUNDLE) as { handler: Handler };
    return new BundleUnderTest(spotify, table, accounts, handler);
  }

  /** Makes `token` open a copy of the demo account, as if the user had linked with it. */
  link(token: string): void {
    this.accounts[token] ??= demoAccount();
  }

  async invoke(event: unknown): Promise<Invocation> {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    const started = performance.now();
    try {
      const response = await this.handler(event, lambdaContext());
      return { response, logs: lines.join(''), ms: performance.now() - started };
    } catch (thrown) {
      return { thrown, logs: lines.join(''), ms: performance.now() - started };
    } finally {
      write.mockRestore();
    }
  }

  async close(): Promise<void> {
    await this.spotify.close();
    await this.table.close();
  }
}

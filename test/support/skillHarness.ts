import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { loadConfig, type SkillConfig } from '../../lambda/config';
import { Logger } from '../../lambda/logging/logger';
import { buildSkill, createDependencies } from '../../lambda/skill';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { AccountRecord } from '../../local/spotify/model';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../local/persistence/embeddedDynamoDb';
import { SpotifyStandIn } from '../../local/spotify/standIn';
import { lambdaContext } from './lambdaContext';

export interface Harness {
  readonly spotify: SpotifyStandIn;
  /** Every log line the skill wrote, as parsed JSON, plus the raw text. */
  readonly logs: Array<Record<string, unknown>>;
  readonly rawLogs: string[];
  /** Sends an envelope through the real SDK dispatcher and returns what Alexa would get (8 s left on Lambda unless `context` says). */
  ask(envelope: RequestEnvelope, context?: Context): Promise<ResponseEnvelope>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Accounts by token; by default the demo account under DEMO_ACCESS_TOKEN. */
  accounts?: Record<string, AccountRecord>;
  env?: Record<string, string>;
  /** Remember listeners in this table (the embedded one, or any endpoint a test makes up); stateless without it. */
  table?: Pick<EmbeddedDynamoDb, 'tableName' | 'clientConfig'>;
}

/**
 * The whole skill as Lambda runs it (same builder, interceptors, guard and error handler),
 * pointed at a Spotify stand-in on an ephemeral loopback port, with logs captured.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const spotify = await SpotifyStandIn.start({ accounts: options.accounts ?? { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  const rawLogs: string[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const config: SkillConfig = loadConfig({
    SPOTIFY_API_BASE_URL: spotify.baseUrl,
    LOG_LEVEL: 'debug',
    REQUEST_BUDGET_MS: '1500',
    SPOTIFY_TIMEOUT_MS: '600',
    ...(options.table === undefined ? {} : { PERSISTENCE_TABLE_NAME: options.table.tableName }),
    ...options.env,
  });
  const logger = new Logger(config.logLevel, (line) => {
    rawLogs.push(line);
    logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const skill = buildSkill(createDependencies(config, logger, options.table === undefined ? {} : { dynamoDb: options.table.clientConfig }));
  return {
    spotify,
    logs,
    rawLogs,
    ask: (envelope, context = lambdaContext()) => skill.invoke(envelope, context),
    close: () => spotify.close(),
  };
}

export interface RememberingHarness extends Harness {
  /** The embedded DynamoDB table the skill remembers listeners in. */
  readonly table: EmbeddedDynamoDb;
}

/** The harness with a table of its own in an embedded DynamoDB (dynalite); close() stops both. */
export async function startRememberingHarness(options: Omit<HarnessOptions, 'table'> = {}): Promise<RememberingHarness> {
  const table = await startEmbeddedDynamoDb();
  const harness = await startHarness({ ...options, table });
  return {
    ...harness,
    table,
    async close() {
      await harness.close();
      await table.close();
    },
  };
}

import { SkillBuilders, type Skill as CustomSkill } from 'ask-sdk-core';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { requiresLinkedAccount } from './accountLinking/guard';
import type { SkillConfig } from './config';
import { acceptOfferIntentHandler } from './handlers/acceptOfferIntent';
import { canFulfillIntentHandler } from './handlers/canFulfillIntent';
import { errorHandler } from './handlers/errorHandler';
import { exitIntentHandler } from './handlers/exitIntent';
import { fallbackIntentHandler } from './handlers/fallbackIntent';
import { helpIntentHandler } from './handlers/helpIntent';
import { launchRequestHandler } from './handlers/launchRequest';
import { listPlaylistsIntentHandler } from './handlers/listPlaylistsIntent';
import { morePlaylistsIntentHandler } from './handlers/morePlaylistsIntent';
import { noIntentHandler } from './handlers/noIntent';
import { nothingPendingIntentHandler } from './handlers/nothingPendingIntent';
import { playlistChoiceAnswerHandler } from './handlers/playlistChoiceAnswer';
import { playlistDetailsIntentHandler } from './handlers/playlistDetailsIntent';
import { playlistNameElicitationHandler } from './handlers/playlistNameElicitation';
import { playLastPlaylistIntentHandler } from './handlers/playLastPlaylistIntent';
import { playPlaylistIntentHandler } from './handlers/playPlaylistIntent';
import { repeatPlaylistChoiceHandler } from './handlers/repeatPlaylistChoice';
import { sessionEndedRequestHandler } from './handlers/sessionEndedRequest';
import { skillEventHandler } from './handlers/skillEvent';
import { unhandledRequestHandler } from './handlers/unhandledRequest';
import { localizationInterceptor } from './i18n';
import { trustedAlexaApiInterceptor } from './interceptors/alexaApi';
import { requestLoggingInterceptor, requestSecretsInterceptor, responseLoggingInterceptor } from './interceptors/logging';
import { retryInterceptor } from './interceptors/retry';
import { sessionSizeInterceptor, sessionStateInterceptor } from './interceptors/sessionState';
import { Logger } from './logging/logger';
import { DynamoDbPersistenceAdapter } from './persistence';
import { SpotifyClient } from './spotify';

/**
 * Time a name-free check may spend reading the user's playlists: Alexa waits for the candidate
 * skills before it answers the user, and one page of 50 playlists takes a fraction of this.
 */
const CAN_FULFILL_BUDGET_MS = 1500;

export interface SkillDependencies {
  readonly config: SkillConfig;
  readonly spotify: SpotifyClient;
  readonly logger: Logger;
  /** The listener's table; undefined when PERSISTENCE_TABLE_NAME is not set (stateless). */
  readonly persistence?: DynamoDbPersistenceAdapter | undefined;
}

export interface DependencyOverrides {
  /** DynamoDB client settings beyond the AWS SDK's own: the local run's embedded endpoint. */
  readonly dynamoDb?: DynamoDBClientConfig;
}

/**
 * The container-wide parts, from configuration: one Spotify client (one keep-alive agent), one
 * logger, and the listener's table when one is configured (its AWS SDK client is made on first use).
 */
export function createDependencies(config: SkillConfig, logger = new Logger(config.logLevel), overrides: DependencyOverrides = {}): SkillDependencies {
  const spotify = new SpotifyClient({
    baseUrl: config.spotifyApiBaseUrl,
    callTimeoutMs: config.spotifyCallTimeoutMs,
    observe: (call) => logger.debug('spotify call', call),
  });
  if (config.persistenceTableName === undefined) {
    logger.info('stateless: PERSISTENCE_TABLE_NAME is not set, so nothing is remembered between sessions');
    return { config, spotify, logger };
  }
  const persistence = new DynamoDbPersistenceAdapter({
    tableName: config.persistenceTableName,
    callTimeoutMs: config.persistenceTimeoutMs,
    logger,
    ...(overrides.dynamoDb === undefined ? {} : { clientConfig: overrides.dynamoDb }),
  });
  return { config, spotify, logger, persistence };
}

/**
 * The one place where the skill is assembled. Handlers that need Spotify are wrapped by the
 * account-linking guard here, so none of them checks for a token itself. Order matters: the
 * SDK takes the first handler whose canHandle says yes, so the catch-all comes last.
 */
export function buildSkill({ config, spotify, logger, persistence }: SkillDependencies): CustomSkill {
  const linked = requiresLinkedAccount({ spotify, requestBudgetMs: config.requestBudgetMs, memory: persistence });
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      // Skill events come first: they are never a conversation, whatever else they resemble.
      skillEventHandler(logger),
      // Name-free requests get canFulfillIntent only, never speech, so nothing else may answer them.
      canFulfillIntentHandler({ spotify, logger, budgetMs: Math.min(config.requestBudgetMs, CAN_FULFILL_BUDGET_MS) }),
      linked(launchRequestHandler),
      linked(listPlaylistsIntentHandler),
      linked(morePlaylistsIntentHandler),
      // The answer to "which one?" comes in the play or details intent, so it is asked first.
      linked(playlistChoiceAnswerHandler),
      linked(playlistNameElicitationHandler),
      linked(playPlaylistIntentHandler),
      linked(playLastPlaylistIntentHandler),
      linked(playlistDetailsIntentHandler),
      linked(acceptOfferIntentHandler),
      repeatPlaylistChoiceHandler,
      // Yes or next that none of the handlers above was waiting for.
      nothingPendingIntentHandler,
      helpIntentHandler,
      exitIntentHandler,
      noIntentHandler,
      fallbackIntentHandler,
      sessionEndedRequestHandler(logger),
      unhandledRequestHandler,
    )
    .addRequestInterceptors(
      requestSecretsInterceptor(logger),
      localizationInterceptor,
      sessionStateInterceptor,
      retryInterceptor,
      trustedAlexaApiInterceptor(config.trustedAlexaApiOrigin),
      requestLoggingInterceptor(logger),
    )
    .addResponseInterceptors(sessionSizeInterceptor, responseLoggingInterceptor(logger))
    .addErrorHandlers(errorHandler(logger))
    .withCustomUserAgent('playlist-pal');
  if (config.skillId !== undefined) builder.withSkillId(config.skillId);
  if (persistence !== undefined) builder.withPersistenceAdapter(persistence);
  return builder.create();
}

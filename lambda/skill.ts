import { SkillBuilders, type Skill as CustomSkill } from 'ask-sdk-core';
import { requiresLinkedAccount } from './accountLinking/guard';
import type { SkillConfig } from './config';
import { acceptOfferIntentHandler } from './handlers/acceptOfferIntent';
import { errorHandler } from './handlers/errorHandler';
import { exitIntentHandler } from './handlers/exitIntent';
import { fallbackIntentHandler } from './handlers/fallbackIntent';
import { helpIntentHandler } from './handlers/helpIntent';
import { launchRequestHandler } from './handlers/launchRequest';
import { listPlaylistsIntentHandler } from './handlers/listPlaylistsIntent';
import { morePlaylistsIntentHandler } from './handlers/morePlaylistsIntent';
import { noIntentHandler } from './handlers/noIntent';
import { playlistChoiceAnswerHandler } from './handlers/playlistChoiceAnswer';
import { playlistDetailsIntentHandler } from './handlers/playlistDetailsIntent';
import { playlistNameElicitationHandler } from './handlers/playlistNameElicitation';
import { playPlaylistIntentHandler } from './handlers/playPlaylistIntent';
import { repeatPlaylistChoiceHandler } from './handlers/repeatPlaylistChoice';
import { sessionEndedRequestHandler } from './handlers/sessionEndedRequest';
import { skillEventHandler } from './handlers/skillEvent';
import { unhandledRequestHandler } from './handlers/unhandledRequest';
import { localizationInterceptor } from './i18n';
import { trustedAlexaApiInterceptor } from './interceptors/alexaApi';
import { requestLoggingInterceptor, requestSecretsInterceptor, responseLoggingInterceptor } from './interceptors/logging';
import { sessionStateInterceptor } from './interceptors/sessionState';
import { Logger } from './logging/logger';
import { SpotifyClient } from './spotify';

export interface SkillDependencies {
  readonly config: SkillConfig;
  readonly spotify: SpotifyClient;
  readonly logger: Logger;
}

/** The container-wide parts, from configuration: one Spotify client (one keep-alive agent), one logger. */
export function createDependencies(config: SkillConfig, logger = new Logger(config.logLevel)): SkillDependencies {
  const spotify = new SpotifyClient({
    baseUrl: config.spotifyApiBaseUrl,
    callTimeoutMs: config.spotifyCallTimeoutMs,
    observe: (call) => logger.debug('spotify call', call),
  });
  return { config, spotify, logger };
}

/**
 * The one place where the skill is assembled. Handlers that need Spotify are wrapped by the
 * account-linking guard here, so none of them checks for a token itself. Order matters: the
 * SDK takes the first handler whose canHandle says yes, so the catch-all comes last.
 */
export function buildSkill({ config, spotify, logger }: SkillDependencies): CustomSkill {
  const linked = requiresLinkedAccount({ spotify, requestBudgetMs: config.requestBudgetMs });
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      // Skill events come first: they are never a conversation, whatever else they resemble.
      skillEventHandler(logger),
      linked(launchRequestHandler),
      linked(listPlaylistsIntentHandler),
      linked(morePlaylistsIntentHandler),
      // The answer to "which one?" comes in the play or details intent, so it is asked first.
      linked(playlistChoiceAnswerHandler),
      linked(playlistNameElicitationHandler),
      linked(playPlaylistIntentHandler),
      linked(playlistDetailsIntentHandler),
      linked(acceptOfferIntentHandler),
      repeatPlaylistChoiceHandler,
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
      trustedAlexaApiInterceptor(config.trustedAlexaApiOrigin),
      requestLoggingInterceptor(logger),
    )
    .addResponseInterceptors(responseLoggingInterceptor(logger))
    .addErrorHandlers(errorHandler(logger))
    .withCustomUserAgent('playlist-pal');
  if (config.skillId !== undefined) builder.withSkillId(config.skillId);
  return builder.create();
}

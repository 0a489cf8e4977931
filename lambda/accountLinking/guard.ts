import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import type { RequestMemory } from '../persistence';
import { Deadline, type SpotifyApi, type SpotifyClient } from '../spotify';
import { linkedAccessToken } from './accessToken';
import { linkAccountResponse } from './linkAccountResponse';

/** A handler that needs Spotify: it is given a client bound to the user's token and the request's deadline. */
export interface LinkedRequestHandler {
  canHandle(input: HandlerInput): boolean | Promise<boolean>;
  handle(input: HandlerInput, spotify: SpotifyApi): Response | Promise<Response>;
}

export interface GuardOptions {
  readonly spotify: SpotifyClient;
  /** Budget for everything one request asks of Spotify. */
  readonly requestBudgetMs: number;
  /** The listener's table, when there is one: read beside Spotify's first call, saved once at the end, within the same deadline. */
  readonly memory?: RequestMemory | undefined;
}

/** Time kept back from Lambda's own limit to build and return the response. */
const RESPONSE_RESERVE_MS = 300;

function lambdaRemainingMs(input: HandlerInput): number | undefined {
  const context = input.context as Partial<Context> | undefined;
  if (typeof context?.getRemainingTimeInMillis !== 'function') return undefined;
  return context.getRemainingTimeInMillis() - RESPONSE_RESERVE_MS;
}

/**
 * Declares that a handler needs a linked account. Without a token the user gets the
 * LinkAccount card and Spotify is never called; with one the handler receives its client,
 * and the listener's remembered state is read meanwhile (everything the skill remembers
 * serves requests that reach Spotify, so unlinked requests never touch the table).
 */
export function requiresLinkedAccount(options: GuardOptions): (handler: LinkedRequestHandler) => RequestHandler {
  return (handler) => ({
    canHandle: (input) => handler.canHandle(input),
    async handle(input) {
      const token = linkedAccessToken(input.requestEnvelope);
      if (token === undefined) return linkAccountResponse(input, 'notLinked');
      const deadline = Deadline.after(options.requestBudgetMs, lambdaRemainingMs(input));
      const { memory } = options;
      memory?.begin(input, deadline);
      let response: Response;
      try {
        response = await handler.handle(input, options.spotify.forUser(() => token, deadline));
      } catch (error) {
        await memory?.end(input, false);
        throw error;
      }
      await memory?.end(input, true);
      return response;
    },
  });
}

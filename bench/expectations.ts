import type { ResponseEnvelope } from 'ask-sdk-model';
import enUS from '../lambda/i18n/locales/en-US.json';
import { spokenText as speech } from '../test/support/responses';

/*
 * A bench that times the wrong answer (an error path, a misrouted request) measures nothing:
 * every timed response is checked against what it must be, and the run stops when it is not.
 */
export type Expectation = (response: ResponseEnvelope) => boolean;


export const expectLinkAccountCard: Expectation = (response) => response.response.card?.type === 'LinkAccount';

export const expectPlaylistList: Expectation = (response) => {
  const card = response.response.card;
  return card?.type === 'Simple' && card.title === enUS.translation.list.cardTitle;
};

export const expectUnreachable: Expectation = (response) => speech(response).includes(enUS.translation.errors.unreachable);

export const expectRateLimited: Expectation = (response) => speech(response).includes(enUS.translation.errors.rateLimited);

export const expectSpeech =
  (text: string): Expectation =>
  (response) =>
    speech(response).includes(text);

export function check(what: string, expectation: Expectation, response: ResponseEnvelope): void {
  if (!expectation(response)) {
    throw new Error(`${what}: unexpected answer, so its timing would mean nothing: ${JSON.stringify(response.response)}`);
  }
}

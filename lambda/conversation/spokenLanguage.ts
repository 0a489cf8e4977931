import type { HandlerInput } from 'ask-sdk-core';
import { translator } from '../i18n';
import { matchingLanguageFor, type MatchingLanguage } from '../matching';

/**
 * The language the user speaks in, for matching what they said: the locale the skill answers in
 * (so an unknown locale, answered in en-US, is matched as English too).
 */
export function spokenLanguage(input: HandlerInput): MatchingLanguage {
  return matchingLanguageFor(translator(input).locale);
}

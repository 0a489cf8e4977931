import type { MatchingLanguage } from '../language';
import { digitsAsWords, numbersAsDigits } from '../numberWords';
import { referenceReader } from './references';

export const ENGLISH: MatchingLanguage = {
  code: 'en',
  and: 'and',
  symbolWords: { at: 'at', number: 'number', percent: 'percent' },
  numbersAsDigits,
  digitsAsWords,
  leadingFiller: /^(?:(?:my|the|a|an|our) )+/,
  trailingFiller: / (?:play ?lists?|list)$/,
  // "the third one" (said "the 3rd 1" by now), "number two", "the last one"; "it", "that one", "this playlist".
  readReference: referenceReader(
    /^(?:the )?(?:(?<marker>number )?(?<digits>\d+)(?<suffix>st|nd|rd|th)?|(?<last>last))(?: 1| playlist)?(?: on the list)?(?: please)?$/,
    /^(?:it|that|this|that 1|this 1|that playlist|this playlist|the same 1|same 1|the same playlist)(?: please)?$/,
  ),
  declining: ['no', 'nope', 'nah', 'neither', 'none', 'no thanks', 'no thank you', 'neither one', 'neither of them', 'neither of those', 'none of them', 'none of those'],
  agreeing: ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please'],
};

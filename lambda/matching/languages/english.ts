import type { MatchingLanguage } from '../language';
import { digitsAsWords, numbersAsDigits } from '../numberWords';
import { positionReader } from './choicePosition';

export const ENGLISH: MatchingLanguage = {
  code: 'en',
  and: 'and',
  symbolWords: { at: 'at', number: 'number', percent: 'percent' },
  numbersAsDigits,
  digitsAsWords,
  leadingFiller: /^(?:(?:my|the|a|an|our) )+/,
  trailingFiller: / (?:play ?lists?|list)$/,
  // "the second one" (said "the 2nd 1" by now), "number three", "the last one".
  choicePosition: positionReader(/^(?:the )?(?:number )?(?:(\d+)(?:st|nd|rd|th)?|(last))(?: 1| playlist)?$/),
  declining: ['no', 'nope', 'nah', 'neither', 'none', 'no thanks', 'no thank you', 'neither one', 'neither of them', 'neither of those', 'none of them', 'none of those'],
  agreeing: ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please'],
};

import type { MatchingLanguage } from '../language';
import { digitsAsWords, numbersAsDigits } from '../numberWords';

const ORDINAL_ANSWER = /^(?:the )?(?:number )?(\d+(?:st|nd|rd|th)|[1-9]|last)(?: 1| playlist)?$/;

export const ENGLISH: MatchingLanguage = {
  code: 'en',
  and: 'and',
  symbolWords: { at: 'at', number: 'number', percent: 'percent' },
  numbersAsDigits,
  digitsAsWords,
  leadingFiller: /^(?:(?:my|the|a|an|our) )+/,
  trailingFiller: / (?:play ?lists?|list)$/,
  choicePosition(said) {
    const position = ORDINAL_ANSWER.exec(said)?.[1];
    if (position === undefined) return undefined;
    return position === 'last' ? 'last' : Number.parseInt(position, 10);
  },
  declining: ['no', 'nope', 'nah', 'neither', 'none', 'no thanks', 'no thank you', 'neither one', 'neither of them', 'neither of those', 'none of them', 'none of those'],
  agreeing: ['yes', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'yes please'],
};

export {
  exactlyNamed,
  matchSpokenName,
  pickAmongChoices,
  readChoiceAnswer,
  readReference,
  yesOrNo,
  type ChoiceAnswer,
  type MatchOutcome,
  type Named,
  type Reference,
} from './matchPlaylist';
export { normaliseName, normaliseSpoken } from './normalise';
export { spokenForms } from './spokenForms';
export { ENGLISH, FRENCH, GERMAN, matchingLanguageFor, SPANISH, type MatchingLanguage } from './language';

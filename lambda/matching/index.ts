export { matchSpokenName, pickAmongChoices, readChoiceAnswer, yesOrNo, type ChoiceAnswer, type MatchOutcome, type Named } from './matchPlaylist';
export { normaliseName, normaliseSpoken } from './normalise';
export { spokenForms } from './spokenForms';
export { ENGLISH, FRENCH, GERMAN, matchingLanguageFor, SPANISH, type MatchingLanguage } from './language';

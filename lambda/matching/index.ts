export { matchSpokenName, pickAmongChoices, readChoiceAnswer, type ChoiceAnswer, type MatchOutcome, type Named } from './matchPlaylist';
export { normaliseName, normaliseSpoken } from './normalise';
export { spokenForms } from './spokenForms';

export { matchSpokenName, pickAmongChoices, readChoiceAnswer, yesOrNo, type ChoiceAnswer, type MatchOutcome, type Named } from './matchPlaylist';
export { normaliseName, normaliseSpoken } from './normalise';
export { spokenForms } from './spokenForms';

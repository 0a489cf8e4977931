export { matchSpokenName, pickAmongChoices, rankByName, MATCH_THRESHOLD, AMBIGUITY_MARGIN, MAX_CHOICES, type MatchOutcome, type Named } from './matchPlaylist';
export { normaliseName, normaliseSpoken } from './normalise';
export { spokenForms } from './spokenForms';

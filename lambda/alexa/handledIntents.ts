/**
 * Every intent name a handler matches on. `isIntent` accepts only these, so a handler cannot
 * answer an intent that is missing here, and `npm run validate` checks every locale's
 * interaction model against this list in both directions.
 */
export const HANDLED_INTENTS = [
  'ListPlaylistsIntent',
  'PlaylistDetailsIntent',
  'PlayPlaylistIntent',
  'PlayLastPlaylistIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.NextIntent',
] as const;

export type HandledIntent = (typeof HANDLED_INTENTS)[number];

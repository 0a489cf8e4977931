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

/**
 * The intents the skill answers without being named ("Alexa, play my workout playlist"), through
 * CanFulfillIntentRequest. `npm run validate` requires CAN_FULFILL_INTENT_REQUEST in skill.json
 * while this list is not empty, and refuses the declaration when it is.
 */
export const NAME_FREE_INTENTS = ['ListPlaylistsIntent', 'PlayPlaylistIntent', 'PlaylistDetailsIntent'] as const satisfies readonly HandledIntent[];

import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { demoAccount } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { DYNAMIC_AUTHORITY, intentRequest, launchRequest, resolved } from '../support/envelopes';
import { spokenText, ssml } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const TOKEN = 'token-of-a-user-with-very-long-playlist-names';
/** Alexa refuses a response over 24 KB, and speech or card text over 8,000 characters. */
const MAX_RESPONSE_BYTES = 24 * 1024;
const MAX_TEXT_CHARS = 8000;

const longName = (index: number) => `Playlist ${index} ${'with a very long name '.repeat(200)}(${index})`;
const playlists: PlaylistRecord[] = Array.from({ length: 120 }, (_, index) => ({
  id: `long${String(index).padStart(18, '0')}`,
  name: longName(index),
  description: 'A description. '.repeat(500),
  trackCount: index,
}));

function withinAlexaLimits(response: ResponseEnvelope): void {
  expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
  expect(ssml(response).length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
  expect(((response.response.card as ui.SimpleCard | undefined)?.content ?? '').length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
}

describe("Alexa's size limits, with 120 playlists whose names run to thousands of characters", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [TOKEN]: demoAccount({ playlists }) } });
  });
  afterAll(() => harness.close());

  const screen = { accessToken: TOKEN, screen: true };

  // Alexa resolves the spoken name to the playlist's id, so the details are answered, not "did you mean…?".
  const detailsOfThird = () =>
    resolved(intentRequest('PlaylistDetailsIntent', { playlist: 'playlist three' }, screen), { authority: DYNAMIC_AUTHORITY, ids: [playlists[3]!.id] });

  it.each([
    ['the welcome, which teaches Alexa the names', () => launchRequest(screen), /^Welcome to Playlist Pal\. You have 120 playlists\./],
    ['the list on a screen', () => intentRequest('ListPlaylistsIntent', {}, screen), /^You have 120 playlists\. Here are the first 5: Playlist 0 /],
    ['the details on a screen', detailsOfThird, /^Playlist 3 with a very long name .*, has 3 tracks\./],
    ['a name that matches none', () => intentRequest('PlayPlaylistIntent', { playlist: 'nothing like it' }, screen), /^I couldn't find a playlist called nothing like it\./],
  ])('hold for %s', async (_, envelope, answer) => {
    const response = await harness.ask(envelope());

    expect(spokenText(response)).toMatch(answer);
    withinAlexaLimits(response);
  });
});

import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import { demoAccount } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { intentRequest, launchRequest } from '../support/envelopes';
import { ssml } from '../support/responses';
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

  it.each([
    ['the welcome, which teaches Alexa the names', () => launchRequest(screen)],
    ['the list on a screen', () => intentRequest('ListPlaylistsIntent', {}, screen)],
    ['the details on a screen', () => intentRequest('PlaylistDetailsIntent', { playlist: longName(3) }, screen)],
    ['a name that matches none', () => intentRequest('PlayPlaylistIntent', { playlist: 'nothing like it' }, screen)],
  ])('hold for %s', async (_, envelope) => {
    withinAlexaLimits(await harness.ask(envelope()));
  });
});

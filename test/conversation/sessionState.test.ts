import type { RequestEnvelope } from 'ask-sdk-model';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { intentRequest, launchRequest } from '../support/envelopes';
import { spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

describe('session attributes sent back by the device', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it('are not echoed back when the skill did not put them there, however large', async () => {
    const response = await harness.ask(
      intentRequest('AMAZON.HelpIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: { junk: 'x'.repeat(30_000), playlistEntitiesSent: 30 } }),
    );

    expect(response.sessionAttributes).toEqual({ playlistEntitiesSent: 30 });
    expect(JSON.stringify(response).length).toBeLessThan(24 * 1024);
  });

  it('keep a remembered playlist name no longer than it is spoken, and drop a choice whose id is not a Spotify id', async () => {
    const huge = { id: 'abc123', name: 'Deep '.repeat(20_000), uri: 'spotify:playlist:abc123' };
    const odd = { id: '../../me', name: 'Odd', uri: 'spotify:playlist:x' };
    const envelope = intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes: { offer: { kind: 'play', playlist: odd }, pendingChoice: { action: 'play', choices: [huge, huge] } } });

    const response = await harness.ask(envelope);

    const remembered = (response.sessionAttributes?.pendingChoice as { choices: Array<{ name: string }> }).choices;
    expect(remembered.map((choice) => Array.from(choice.name).length)).toEqual([120, 120]);
    expect(response.sessionAttributes?.offer).toBeUndefined();
    expect(JSON.stringify(response).length).toBeLessThan(24 * 1024);
  });

  it("keep a Spotify-owned playlist marked as such, so its details are explained after the user picks it", async () => {
    const deepFocus = { id: '4d5e6f7g8h9i0j1k2l3mDF', name: 'Deep Focus', uri: 'spotify:playlist:4d5e6f7g8h9i0j1k2l3mDF', ownedBySpotify: true };
    const deepHouse = { id: '5e6f7g8h9i0j1k2l3m4nDH', name: 'Deep House', uri: 'spotify:playlist:5e6f7g8h9i0j1k2l3m4nDH' };
    harness.spotify.inject({ path: `/playlists/${deepFocus.id}`, fault: { kind: 'status', status: 404 } });

    const response = await harness.ask(intentRequest('PlaylistDetailsIntent', { playlist: 'deep focus' }, {
      accessToken: DEMO_ACCESS_TOKEN,
      attributes: { pendingChoice: { action: 'details', choices: [deepFocus, deepHouse] } },
    }));

    expect(spokenText(response)).toMatch(/^Deep Focus is one of Spotify's own playlists, and Spotify doesn't share their details with this skill\. Want me to play it\?$/);
    expect(response.sessionAttributes?.offer).toEqual({ kind: 'play', playlist: deepFocus });
  });

  it.each([
    ['a string', 'listNextOffset'],
    ['an array', [1, 2, 3]],
    ['null', null],
  ])('are read as empty when they are %s', async (_, attributes) => {
    const envelope = launchRequest({ accessToken: DEMO_ACCESS_TOKEN });
    (envelope.session as { attributes: unknown }).attributes = attributes;

    const response = await harness.ask(envelope);

    expect(spokenText(response)).toMatch(/^Welcome to Playlist Pal/);
    expect(response.sessionAttributes?.playlistEntitiesSent).toBe(30);
  });

  it('are not needed for a "yes" outside any session: it gets a sentence, not an error', async () => {
    const envelope: RequestEnvelope = { ...intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }), session: undefined };

    const response = await harness.ask(envelope);

    expect(spokenText(response)).toMatch(/^There's nothing to continue right now\./);
    expect(response.sessionAttributes).toBeUndefined();
    expect(harness.logs.filter((line) => line.level === 'error')).toEqual([]);
  });
});

import { demoAccount } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { cardText, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const TOKEN = 'token-of-a-user-with-unspeakable-playlist-names';
const playlists: PlaylistRecord[] = [
  { id: 'run0000000000000000001', name: 'Morning Run', trackCount: 12 },
  { id: 'blank00000000000000002', name: '   ', trackCount: 3 },
  { id: 'fire000000000000000003', name: '🔥🔥🔥', trackCount: 7 },
];
const offerToPlay = (playlist: PlaylistRecord) => ({
  offer: { kind: 'play', playlist: { id: playlist.id, name: playlist.name, uri: `spotify:playlist:${playlist.id}` } },
});

describe('playlist names a voice cannot read (blank, or only emoji)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [TOKEN]: demoAccount({ playlists }) } });
  });
  afterAll(() => harness.close());

  it('are listed as "Untitled playlist" in speech, and the card shows what can be shown', async () => {
    const response = await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: TOKEN }));

    expect(spokenText(response)).toBe(
      'You have 3 playlists: Morning Run, Untitled playlist, and Untitled playlist. You can ask me to play one by name. What would you like?',
    );
    expect(cardText(response)).toContain('2. Untitled playlist\n3. 🔥🔥🔥');
  });

  it.each([
    ['blank', playlists[1]!, 'Untitled playlist'],
    ['emoji-only', playlists[2]!, '🔥🔥🔥'],
  ])('start playing with a whole sentence when the name is %s', async (_, playlist, shown) => {
    const response = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: TOKEN, attributes: offerToPlay(playlist) }));

    expect(spokenText(response)).toMatch(/^Playing Untitled playlist on \S/);
    expect(cardText(response)).toContain(`\n${shown}\non `);
  });
});

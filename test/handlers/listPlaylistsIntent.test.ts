import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import type { PlaylistRecord } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { cardText, cardType, endsSession, repromptText, spokenText, ssml } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const TOKEN = DEMO_ACCESS_TOKEN;
const EMPTY_TOKEN = 'token-of-a-user-without-playlists';
const FEW_TOKEN = 'token-of-a-user-with-three-playlists';
const SIX_TOKEN = 'token-of-a-user-with-six-playlists';

const named = (names: string[]): PlaylistRecord[] => names.map((name, index) => ({ id: `id${index}`, name, trackCount: index }));

describe('listing playlists', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      accounts: {
        [TOKEN]: demoAccount({
          playlists: named(['Rock & Roll <Live>', 'Chill "Vibes"', "Tom's <b>Mix</b>", 'Café del Mar', 'Road Trip 🚗', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve']),
        }),
        [EMPTY_TOKEN]: demoAccount({ playlists: [] }),
        [FEW_TOKEN]: demoAccount({ playlists: named(['One', 'Two', 'Three']) }),
        [SIX_TOKEN]: demoAccount({ playlists: named(['One', 'Two', 'Three', 'Four', 'Five', 'Six']) }),
      },
    });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const list = (token = TOKEN) => harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: token }));

  it('asks Spotify for the first page with the bearer token and a limit within 1..50', async () => {
    await list();

    expect(harness.spotify.requests).toHaveLength(1);
    const [request] = harness.spotify.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/me/playlists', query: { limit: '5', offset: '0' } });
    expect(request?.authorizedAs).toBe(harness.spotify.account(TOKEN)?.id);
    expect(request?.authorizedAs).toBeDefined();
  });

  it('says the count and the first five names, then asks whether to hear more', async () => {
    const response = await list();

    expect(spokenText(response)).toBe(
      'You have 12 playlists. Here are the first 5: Rock & Roll <Live>, Chill "Vibes", Tom\'s <b>Mix</b>, Café del Mar, and Road Trip 🚗. Want to hear more?',
    );
    expect(endsSession(response)).toBe(false);
    expect(repromptText(response)).toMatch(/Say yes or no/);
    expect(response.sessionAttributes?.listNextOffset).toBe(5);
  });

  it('escapes names for SSML once and shows them unescaped on the card', async () => {
    const response = await list();

    expect(ssml(response)).toContain('Rock &amp; Roll &lt;Live&gt;');
    expect(ssml(response)).toContain('Chill &quot;Vibes&quot;');
    expect(ssml(response)).toContain('Tom&apos;s &lt;b&gt;Mix&lt;/b&gt;');
    expect(ssml(response)).not.toContain('&amp;amp;');
    expect(cardType(response)).toBe('Simple');
    expect(cardText(response)).toContain('1. Rock & Roll <Live>');
    expect(cardText(response)).toContain('2. Chill "Vibes"');
  });

  it('continues with the next five on "yes" and "next", and stops asking after the last', async () => {
    const first = await list();
    const second = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: TOKEN, attributes: first.sessionAttributes }));

    expect(spokenText(second)).toBe('Here are the next ones: Six, Seven, Eight, Nine, and Ten. Want to hear more?');
    expect(harness.spotify.requests[1]?.query).toMatchObject({ limit: '5', offset: '5' });

    const third = await harness.ask(intentRequest('AMAZON.NextIntent', {}, { accessToken: TOKEN, attributes: second.sessionAttributes }));

    expect(spokenText(third)).toBe("Here are the next ones: Eleven and Twelve. That's all of them. You can ask me to play one by name. What would you like?");
    expect(third.sessionAttributes?.listNextOffset).toBeUndefined();
    expect(endsSession(third)).toBe(false);
  });

  it('says "the next one" in the singular when one name is left', async () => {
    const first = await list(SIX_TOKEN);
    const last = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: SIX_TOKEN, attributes: first.sessionAttributes }));

    expect(spokenText(last)).toBe("Here's the next one: Six. That's all of them. You can ask me to play one by name. What would you like?");
  });

  it('closes politely on "no" after "want to hear more?"', async () => {
    const first = await list();
    const response = await harness.ask(intentRequest('AMAZON.NoIntent', {}, { accessToken: TOKEN, attributes: first.sessionAttributes }));

    expect(spokenText(response)).toBe('Okay. Enjoy your music.');
    expect(endsSession(response)).toBe(true);
    expect(harness.spotify.requests).toHaveLength(1);
  });

  it('says all names at once when there are five or fewer', async () => {
    const response = await list(FEW_TOKEN);

    expect(spokenText(response)).toBe('You have 3 playlists: One, Two, and Three. You can ask me to play one by name. What would you like?');
    expect(response.sessionAttributes?.listNextOffset).toBeUndefined();
  });

  it('says so when the user has no playlists', async () => {
    const response = await list(EMPTY_TOKEN);

    expect(spokenText(response)).toMatch(/don't have any playlists/);
    expect(endsSession(response)).toBe(true);
  });

  it('does not treat a stray "yes" as a request for more', async () => {
    const response = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: TOKEN }));

    expect(spokenText(response)).toMatch(/^There's nothing to continue right now\./);
    expect(harness.spotify.requests).toHaveLength(0);
  });

  it('ignores a tampered offset in the session attributes', async () => {
    const response = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: TOKEN, attributes: { listNextOffset: 'DROP TABLE' } }));

    expect(spokenText(response)).toMatch(/^There's nothing to continue right now\./);
    expect(harness.spotify.requests).toHaveLength(0);
  });
});

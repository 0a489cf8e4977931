import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { playlistUri } from '../../local/spotify/model';
import { intentRequest } from '../support/envelopes';
import { endsSession, spokenText } from '../support/responses';
import { startHarness, type Harness } from '../support/skillHarness';

const DEEP_HOUSE_ID = '5e6f7g8h9i0j1k2l3m4nDH';

/** The next turn of the same session, as Alexa sends it while a slot is being elicited. */
function inDialog(envelope: RequestEnvelope): RequestEnvelope {
  return { ...envelope, request: { ...(envelope.request as IntentRequest), dialogState: 'IN_PROGRESS' } };
}

describe('a conversation about which playlist', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  const turn = (intent: string, slots: Record<string, string | undefined>, previous?: ResponseEnvelope) =>
    harness.ask(inDialog(intentRequest(intent, slots, { accessToken: DEMO_ACCESS_TOKEN, attributes: previous?.sessionAttributes ?? {} })));
  const calls = () => harness.spotify.requests.map((request) => `${request.method} ${request.path}`);

  async function askedWhichDeep(): Promise<ResponseEnvelope> {
    const question = await turn('PlayPlaylistIntent', { playlist: 'deep' });
    expect(spokenText(question)).toBe('Did you mean Deep Focus or Deep House?');
    harness.spotify.reset();
    return question;
  }

  it.each(['deep house', 'house', 'the second one'])('plays the one the user picks by answering "%s", without listing again', async (answer) => {
    const question = await askedWhichDeep();
    const response = await turn('PlayPlaylistIntent', { playlist: answer }, question);

    expect(spokenText(response)).toBe('Playing Deep House on Kitchen Echo.');
    expect(calls()).toEqual(['GET /me/player/devices', 'PUT /me/player/play']);
    expect(harness.spotify.requests[1]?.body).toEqual({ context_uri: playlistUri(DEEP_HOUSE_ID) });
    expect(response.sessionAttributes?.pendingChoice).toBeUndefined();
  });

  it('looks an answer that is none of the choices up among all playlists, which the session knows since it asked: no listing again', async () => {
    const question = await askedWhichDeep();
    const response = await turn('PlayPlaylistIntent', { playlist: 'morning run' }, question);

    expect(spokenText(response)).toBe('Playing Morning Run on Kitchen Echo.');
    expect([...calls()].sort()).toEqual(['GET /me/player/devices', 'GET /playlists/37i9dQZF1DXcBWIGoYBM5M', 'PUT /me/player/play']);
  });

  it('answers a different question asked instead of choosing, and forgets the choice', async () => {
    const question = await askedWhichDeep();
    const response = await turn('PlaylistDetailsIntent', { playlist: 'deep house' }, question);

    expect(spokenText(response)).toMatch(/^Deep House, by Demo Listener, has 75 tracks\./);
    expect(response.sessionAttributes?.pendingChoice).toBeUndefined();
  });

  it('lists the playlists on "yes" after an unknown name, and closes on "no"', async () => {
    const miss = await turn('PlayPlaylistIntent', { playlist: 'bohemian rhapsody' });
    harness.spotify.reset();

    const yes = await turn('AMAZON.YesIntent', {}, miss);
    expect(spokenText(yes)).toMatch(/^You have 30 playlists\. Here are the first 5: Morning Run,/);
    expect(harness.spotify.requests[0]).toMatchObject({ path: '/me/playlists', query: { limit: '5', offset: '0' } });
    expect(yes.sessionAttributes?.offer).toBeUndefined();
    expect(yes.sessionAttributes?.listNextOffset).toBe(5);

    const no = await turn('AMAZON.NoIntent', {}, miss);
    expect(spokenText(no)).toBe('Okay. Enjoy your music.');
    expect(endsSession(no)).toBe(true);
  });

  it('plays the playlist just described on "yes"', async () => {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
    harness.spotify.reset();
    const response = await turn('AMAZON.YesIntent', {}, described);

    expect(spokenText(response)).toBe('Playing Deep House on Kitchen Echo.');
    expect(calls()).toEqual(['GET /me/player/devices', 'PUT /me/player/play']);
  });

  it('asks again, with the same choices, when the answer to "which one?" is "yes"', async () => {
    const question = await askedWhichDeep();
    const yes = await turn('AMAZON.YesIntent', {}, question);

    expect(spokenText(yes)).toBe('Did you mean Deep Focus or Deep House?');
    expect(yes.response.directives).toContainEqual(expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist' }));
    expect(yes.sessionAttributes?.pendingChoice).toEqual(question.sessionAttributes?.pendingChoice);
    expect(calls()).toEqual([]);

    const answer = await turn('PlayPlaylistIntent', { playlist: 'the first one' }, yes);
    expect(spokenText(answer)).toBe('Playing Deep Focus on Kitchen Echo.');
  });

  it.each(['no', 'nope', 'neither', 'neither of them', 'none of them'])(
    'closes politely, as "no" does anywhere else, when the answer to "which one?" is "%s"',
    async (answer) => {
      const question = await askedWhichDeep();
      const response = await turn('PlayPlaylistIntent', { playlist: answer }, question);

      expect(spokenText(response)).toBe('Okay. Enjoy your music.');
      expect(endsSession(response)).toBe(true);
      expect(calls()).toEqual([]);
    },
  );

  it('asks again, with the same choices, when "yes" arrives in the slot of "which one?"', async () => {
    const question = await askedWhichDeep();
    const response = await turn('PlayPlaylistIntent', { playlist: 'yes' }, question);

    expect(spokenText(response)).toBe('Did you mean Deep Focus or Deep House?');
    expect(response.response.directives).toContainEqual(expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist' }));
    expect(response.sessionAttributes?.pendingChoice).toEqual(question.sessionAttributes?.pendingChoice);
    expect(calls()).toEqual([]);
  });

  it('says how many there were and asks again when the answer is "the third one" of two', async () => {
    const question = await askedWhichDeep();
    const response = await turn('PlayPlaylistIntent', { playlist: 'the third one' }, question);

    expect(spokenText(response)).toBe('There were only 2 to choose from. Did you mean Deep Focus or Deep House?');
    expect(endsSession(response)).toBe(false);
    expect(response.response.directives).toContainEqual(expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist' }));
    expect(response.sessionAttributes?.pendingChoice).toEqual(question.sessionAttributes?.pendingChoice);
    expect(calls()).toEqual([]);

    const answer = await turn('PlayPlaylistIntent', { playlist: 'the second one' }, response);
    expect(spokenText(answer)).toBe('Playing Deep House on Kitchen Echo.');
  });

  it('closes on "no" and asks again on "yes" when they answer "Which playlist should I play?" and no playlist is called that', async () => {
    const asked = await turn('PlayPlaylistIntent', {});
    expect(spokenText(asked)).toBe('Which playlist should I play?');

    const no = await turn('PlayPlaylistIntent', { playlist: 'no' }, asked);
    expect(spokenText(no)).toBe('Okay. Enjoy your music.');
    expect(endsSession(no)).toBe(true);

    const yes = await turn('PlayPlaylistIntent', { playlist: 'yes' }, asked);
    expect(spokenText(yes)).toBe('Which playlist should I play?');
    expect(yes.response.directives).toContainEqual(expect.objectContaining({ type: 'Dialog.ElicitSlot', slotToElicit: 'playlist' }));
    expect(calls()).not.toContain('PUT /me/player/play');
  });

  it('forgets "want me to play it?" once the user lists playlists instead, so a later "yes" plays nothing', async () => {
    const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
    const listed = await turn('ListPlaylistsIntent', {}, described);
    expect(listed.sessionAttributes?.offer).toBeUndefined();

    let previous = listed;
    while (previous.sessionAttributes?.listNextOffset !== undefined) previous = await turn('AMAZON.YesIntent', {}, previous);
    harness.spotify.reset();
    const strayYes = await turn('AMAZON.YesIntent', {}, previous);

    expect(spokenText(strayYes)).toMatch(/^There's nothing to continue right now\./);
    expect(calls()).not.toContain('PUT /me/player/play');
  });

  it('forgets the open choice when the user lists playlists instead, so "the first one" is not taken from it', async () => {
    const question = await askedWhichDeep();
    const listed = await turn('ListPlaylistsIntent', {}, question);
    expect(listed.sessionAttributes?.pendingChoice).toBeUndefined();

    const answer = await turn('PlayPlaylistIntent', { playlist: 'the first one' }, listed);
    expect(spokenText(answer)).not.toMatch(/Deep Focus/);
  });

  it.each(['AMAZON.HelpIntent', 'AMAZON.FallbackIntent', 'SomeIntentFromANewerModel'])(
    'forgets a pending offer when %s asks "what would you like?" instead',
    async (intent) => {
      const described = await turn('PlaylistDetailsIntent', { playlist: 'deep house' });
      const response = await turn(intent, {}, described);

      expect(spokenText(response)).toMatch(/What would you like\?$/);
      expect(response.sessionAttributes?.offer).toBeUndefined();
    },
  );

  it('ignores remembered choices and offers that were tampered with', async () => {
    const attributes = {
      pendingChoice: { action: 'play', choices: [{ id: 'x', name: 'Evil', uri: 'https://example.com' }] },
      offer: { kind: 'play', playlist: { id: '', name: 'Nothing', uri: 'spotify:playlist:x' } },
    };
    const yes = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, attributes }));
    expect(spokenText(yes)).toMatch(/^There's nothing to continue right now\./);

    const answer = await harness.ask(intentRequest('PlayPlaylistIntent', { playlist: 'evil' }, { accessToken: DEMO_ACCESS_TOKEN, attributes }));
    expect(spokenText(answer)).toMatch(/couldn't find a playlist called evil/);
    expect(calls()).not.toContain('PUT /me/player/play');
  });
});

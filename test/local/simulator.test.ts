import { translatorFor } from '../../lambda/i18n';
import { renderTurn } from '../../local/simulator/render';
import { cardType, spokenText } from '../support/responses';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

const { t } = translatorFor('en-US');

describe('the simulator, driving the skill object that /alexa serves, against the demo Spotify', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterEach(() => local.admin('DELETE', '/admin/faults'));
  afterAll(() => local.close());

  it('answers an unlinked launch with the LinkAccount card and ends the session', async () => {
    const simulator = await local.simulator({ linked: false });

    const turn = await simulator.launch();

    expect(cardType(turn.response)).toBe('LinkAccount');
    expect(spokenText(turn.response)).toBe(t('link.speech'));
    expect(turn.sessionOpen).toBe(false);
    expect(renderTurn(turn)).toContain('  card:    LinkAccount (the Alexa app offers to link Spotify)');
  });

  it('after linking, lists the demo playlists and carries the session into "yes"', async () => {
    const simulator = await local.simulator({ linked: false });
    expect((await simulator.linking!.link(simulator.userId)).linked).toBe(true);

    const list = await simulator.say('list my playlists');
    expect(spokenText(list.response)).toMatch(/^You have 30 playlists\. Here are the first 5: Morning Run, Rock & Roll <Live>, .* Want to hear more\?$/);
    expect(list.request.session).toMatchObject({ new: true, user: { accessToken: simulator.linking!.alexa.tokensOf(simulator.userId)!.accessToken } });
    expect(list.sessionOpen).toBe(true);

    const more = await simulator.say('yes');
    expect(more.resolution).toMatchObject({ name: 'AMAZON.YesIntent' });
    expect(more.request.session).toMatchObject({ new: false, sessionId: list.request.session!.sessionId, attributes: { listNextOffset: 5 } });
    expect(spokenText(more.response)).toMatch(/^Here are the next ones: Deep House, Road Trip 🚗, 90s Throwbacks/);
  });

  it('starts a new session after the skill ends one, without the old attributes', async () => {
    const simulator = await local.simulator();
    const first = await simulator.say('list my playlists');
    await simulator.say('stop');

    const after = await simulator.say('list my playlists');

    expect(after.request.session).toMatchObject({ new: true, attributes: {} });
    expect(after.request.session!.sessionId).not.toBe(first.request.session!.sessionId);
  });

  it('sends AMAZON.FallbackIntent for words the model does not know, and the skill answers it', async () => {
    const turn = await (await local.simulator()).say('order me a pizza');

    expect(turn.request.request).toMatchObject({ type: 'IntentRequest', intent: { name: 'AMAZON.FallbackIntent' } });
    expect(spokenText(turn.response)).toBe(t('fallback.speech'));
  });

  it('fills the slot the skill asked for with the next answer, as Alexa does after Dialog.ElicitSlot', async () => {
    const simulator = await local.simulator();

    const question = await simulator.say('play deep');
    expect(spokenText(question.response)).toBe('Did you mean Deep Focus or Deep House?');

    const answer = await simulator.say('the second one');
    expect(answer.resolution).toEqual({ kind: 'intent', name: 'PlayPlaylistIntent', slots: { playlist: 'second' } });
    expect(spokenText(answer.response)).toMatch(/^Playing Deep House on /);

    const asked = await simulator.say('play a playlist');
    expect(asked.resolution).toMatchObject({ name: 'PlayPlaylistIntent', slots: { playlist: undefined } });
    const named = await simulator.say('morning run');
    expect(named.resolution).toEqual({ kind: 'intent', name: 'PlayPlaylistIntent', slots: { playlist: 'morning run' } });
  });

  it.each([
    ['play workout 2', 'PlayPlaylistIntent', { playlist: 'workout 2' }, /^Playing Workout 2 on /],
    ['tell me about deep house', 'PlaylistDetailsIntent', { playlist: 'deep house' }, /^Deep House, by Demo Listener, has 75 tracks\./],
    ['list my playlists', 'ListPlaylistsIntent', {}, /^You have 30 playlists\./],
  ])('sends "%s" said while the skill waits for a slot as the intent it matches, as Alexa does', async (words, name, slots, answer) => {
    const simulator = await local.simulator();
    await simulator.say('play deep');

    const turn = await simulator.say(words);

    expect(turn.resolution).toEqual({ kind: 'intent', name, slots });
    expect(spokenText(turn.response)).toMatch(answer);
  });

  it.each(['tell me about a playlist', 'describe one of my playlists'])('asks which playlist for "%s" rather than looking up "a playlist"', async (words) => {
    const turn = await (await local.simulator()).say(words);

    expect(turn.resolution).toEqual({ kind: 'intent', name: 'PlaylistDetailsIntent', slots: { playlist: undefined } });
    expect(spokenText(turn.response)).toBe(t('playlistName.askDetails'));
  });

  it.each([
    ['stop', 'AMAZON.StopIntent'],
    ['help', 'AMAZON.HelpIntent'],
  ])('still lets "%s" through while the skill waits for a slot', async (words, intent) => {
    const simulator = await local.simulator();
    await simulator.say('play a playlist');

    const answer = await simulator.say(words);

    expect(answer.resolution).toMatchObject({ name: intent });
  });

  it('meets Spotify\'s 401 when the access token Alexa still holds was revoked at Spotify, and asks to link again', async () => {
    const simulator = await local.simulator();
    const { accessToken } = (await simulator.linking!.tokenForRequest(simulator.userId));
    local.runtime.demo.accounts.store.revokeGrant(local.runtime.demo.accounts.store.grantOf(accessToken!)!);

    const turn = await simulator.say('list my playlists');

    expect(spokenText(turn.response)).toBe(t('link.relinkSpeech'));
    expect(cardType(turn.response)).toBe('LinkAccount');
  });

  it.each([
    ['500', t('errors.unreachable')],
    ['429', t('errors.rateLimited')],
    ['garbage', t('errors.unreachable')],
    ['expired', t('link.relinkSpeech')],
  ])('speaks the error sentence while the admin route has switched on the %s fault', async (fault, sentence) => {
    expect((await local.admin('POST', '/admin/faults', { fault })).status).toBe(201);

    const turn = await (await local.simulator()).say('list my playlists');

    expect(spokenText(turn.response)).toBe(sentence);
    // A passing fault offers to try again and waits for the answer; relinking ends the session.
    expect(turn.sessionOpen).toBe(fault !== 'expired');
  });

  it('says Spotify cannot be reached when the slow fault outlasts the per-call timeout', async () => {
    await local.admin('POST', '/admin/faults', { fault: 'slow', ms: 1000 });

    const turn = await (await local.simulator()).say('list my playlists');

    expect(spokenText(turn.response)).toBe(t('errors.unreachable'));
  });

  it('answers normally again once the faults are cleared', async () => {
    await local.admin('POST', '/admin/faults', { fault: '500' });
    expect(await local.admin('DELETE', '/admin/faults')).toMatchObject({ status: 200, json: { active: [] } });

    const turn = await (await local.simulator()).say('list my playlists');

    expect(spokenText(turn.response)).toMatch(/^You have 30 playlists/);
  });

  it('starts with the faults SPOTIFY_FAULT names already switched on', async () => {
    const faulty = await startTestRuntime({ local: { faults: ['500'] } });
    try {
      expect(faulty.runtime.demo.faults.active).toEqual([expect.objectContaining({ name: '500' })]);
      expect(spokenText((await (await faulty.simulator()).say('list my playlists')).response)).toBe(t('errors.unreachable'));
    } finally {
      await faulty.close();
    }
  });

  it('refuses to switch to a locale without an interaction model, keeping the current one', async () => {
    const simulator = await local.simulator();

    expect(() => simulator.setLocale('it-IT')).toThrow(/no interaction model for it-IT .*Available: de-DE, .*en-US, .*es-US, .*fr-FR/);
    expect(simulator.locale).toBe('en-US');
  });
});

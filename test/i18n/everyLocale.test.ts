import type { ResponseEnvelope } from 'ask-sdk-model';
import { SUPPORTED_LOCALES, translatorFor } from '../../lambda/i18n';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { errorJson, type PlaylistRecord } from '../../local/spotify/model';
import { intentRequest, launchRequest, skillEventRequest } from '../support/envelopes';
import { languageOfText } from '../support/language';
import { cardText, cardType, endsSession, spokenText, ssml } from '../support/responses';
import { startHarness, startRememberingHarness, type Harness, type RememberingHarness } from '../support/skillHarness';

/*
 * The core conversations in every locale the skill speaks, through the real dispatcher: each
 * answer is the locale's own sentence and is in the locale's language (never English by default).
 */
const TOKENS = { demo: DEMO_ACCESS_TOKEN, twelve: 'token-twelve-playlists', free: 'token-free', noDevices: 'token-no-devices', revoked: 'token-nobody-issued' } as const;
const TWELVE = ['Morning Run', 'Rock & Roll <Live>', 'Chill "Vibes"', 'Café del Mar', 'Road Trip 🚗', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve'];
const named = (names: readonly string[]): PlaylistRecord[] => names.map((name, index) => ({ id: `id${index}`, name, trackCount: index + 1 }));

/**
 * How each language says "play my Morning Run playlist", names a playlist with "&", and points at
 * what was just heard ("the third one", "it", "the seventh one"): the slot value Alexa sends.
 */
interface Said {
  readonly morningRun: string;
  readonly rockAndRoll: string;
  readonly everything: string;
  readonly third: string;
  readonly it: string;
  readonly seventh: string;
}
const SAID: Readonly<Record<string, Said>> = {
  en: { morningRun: 'my morning run playlist', rockAndRoll: 'rock and roll', everything: 'everything i ever liked', third: 'the third one', it: 'it', seventh: 'the seventh one' },
  de: { morningRun: 'die morning run playlist', rockAndRoll: 'rock und roll', everything: 'die playlist everything i ever liked', third: 'die dritte', it: 'sie', seventh: 'die siebte' },
  fr: { morningRun: 'la playlist morning run', rockAndRoll: 'rock et roll', everything: 'ma playlist everything i ever liked', third: 'la troisième', it: 'la', seventh: 'la septième' },
  es: { morningRun: 'la lista morning run', rockAndRoll: 'rock y roll', everything: 'mi playlist everything i ever liked', third: 'la tercera', it: 'esa', seventh: 'la séptima' },
};
/** 9,812 tracks as each locale writes it. */
const NINE_THOUSAND: Readonly<Record<string, string>> = {
  'en-US': '9,812', 'en-GB': '9,812', 'en-CA': '9,812', 'en-AU': '9,812', 'en-IN': '9,812',
  'de-DE': '9.812', 'fr-FR': '9\u202f812', 'fr-CA': '9\u00a0812', 'es-ES': '9812', 'es-MX': '9,812', 'es-US': '9,812',
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    accounts: {
      [TOKENS.demo]: demoAccount(),
      [TOKENS.twelve]: demoAccount({ playlists: named(TWELVE) }),
      [TOKENS.free]: demoAccount({ premium: false }),
      [TOKENS.noDevices]: demoAccount({ devices: [] }),
    },
  });
});
afterEach(() => harness.spotify.reset());
afterAll(() => harness.close());

describe.each(SUPPORTED_LOCALES)('in %s', (locale) => {
  const language = locale.slice(0, 2);
  const said = SAID[language]!;
  const { t, list } = translatorFor(locale);
  const english = translatorFor('en-US');
  const ask = (name: string, token: string | null, slots: Record<string, string> = {}, attributes?: Record<string, unknown>) =>
    harness.ask(intentRequest(name, slots, { accessToken: token, locale, ...(attributes && { attributes }) }));

  /** The answer, checked to be in the locale's language before anything else. */
  function heard(response: ResponseEnvelope): string {
    const speech = spokenText(response);
    expect({ speech, language: languageOfText(speech) }).toEqual({ speech, language });
    return speech;
  }

  it('sends the LinkAccount card to a listener who has not linked Spotify', async () => {
    const response = await harness.ask(launchRequest({ accessToken: null, locale }));

    expect(heard(response)).toBe(t('link.speech'));
    expect(cardType(response)).toBe('LinkAccount');
    expect(endsSession(response)).toBe(true);
  });

  it('lists the playlists five at a time, and goes on after "yes"', async () => {
    const first = await ask('ListPlaylistsIntent', TOKENS.twelve);
    // Names go to Alexa escaped for SSML; what is heard has them as they are.
    const names = (from: number, to: number) => list(TWELVE.slice(from, to));

    expect(heard(first)).toBe(`${t('list.first', { count: 12, shown: 5, names: names(0, 5) })} ${t('list.wantMore')}`);
    expect(cardText(first).split('\n').slice(0, 2)).toEqual([t('list.cardTitle'), t('list.cardSummary', { count: 12 })]);

    const next = await ask('AMAZON.YesIntent', TOKENS.twelve, {}, first.sessionAttributes);
    expect(heard(next)).toBe(`${t('list.next', { count: 5, names: names(5, 10) })} ${t('list.wantMore')}`);
  });

  it('plays a playlist named with the words around it that the language uses', async () => {
    const response = await ask('PlayPlaylistIntent', TOKENS.demo, { playlist: said.morningRun });

    expect(heard(response)).toBe(t('play.playing', { name: 'Morning Run', device: 'Kitchen Echo' }));
  });

  it('plays "Rock & Roll <Live>" when the "&" is said in the language', async () => {
    const response = await ask('PlayPlaylistIntent', TOKENS.demo, { playlist: said.rockAndRoll });

    expect(heard(response)).toBe(t('play.playing', { name: 'Rock & Roll <Live>', device: 'Kitchen Echo' }));
  });

  it("describes a playlist with its number of tracks written the locale's way", async () => {
    const response = await ask('PlaylistDetailsIntent', TOKENS.demo, { playlist: said.everything });
    const speech = heard(response);
    // What is heard has its spaces made plain; the SSML keeps the locale's own (a narrow no-break space in France).
    const summary = t('details.summary', { name: 'Everything I Ever Liked', owner: 'Demo Listener', count: 9812 });

    expect(speech.startsWith(summary.replace(/\s/g, ' '))).toBe(true);
    expect(ssml(response)).toContain(NINE_THOUSAND[locale]!);
    expect(speech.endsWith(t('details.offerPlay'))).toBe(true);
    expect(cardText(response)).toContain(t('details.cardTracks', { count: 9812 }));
  });

  it('helps and says goodbye', async () => {
    expect(heard(await ask('AMAZON.HelpIntent', TOKENS.demo))).toBe(t('help.speech'));
    expect(heard(await ask('AMAZON.StopIntent', TOKENS.demo))).toBe(t('goodbye'));
  });

  it('asks to link again when Spotify no longer takes the token', async () => {
    const response = await ask('ListPlaylistsIntent', TOKENS.revoked);

    expect(heard(response)).toBe(t('link.relinkSpeech'));
    expect(cardType(response)).toBe('LinkAccount');
  });

  it.each([
    ['Spotify fails', 503, undefined, 'errors.unreachable'],
    ['Spotify is busy for longer than the skill can wait', 429, { 'retry-after': '30' }, 'errors.rateLimited'],
  ] as const)('says what happened when %s', async (_case, status, headers, key) => {
    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status, headers }, times: 2 });

    expect(heard(await ask('ListPlaylistsIntent', TOKENS.demo))).toBe(t(key));
  });

  it('says what to do when playback needs Premium, when there is no device, and when a playlist is gone', async () => {
    expect(heard(await ask('PlayPlaylistIntent', TOKENS.free, { playlist: said.morningRun }))).toBe(t('play.premiumRequired', { name: 'Morning Run' }));
    expect(heard(await ask('PlayPlaylistIntent', TOKENS.noDevices, { playlist: said.morningRun }))).toBe(t('play.noDevice', { name: 'Morning Run' }));

    harness.spotify.inject({ path: /^\/playlists\//, fault: { kind: 'status', status: 404, body: errorJson(404, 'Not found') }, times: 2 });
    expect(heard(await ask('PlaylistDetailsIntent', TOKENS.demo, { playlist: said.morningRun }))).toBe(t('errors.notFound'));
  });

  it("plays a second name from the session's library index, matched in the language, without listing again", async () => {
    const first = await ask('PlayPlaylistIntent', TOKENS.demo, { playlist: said.morningRun });
    harness.spotify.reset();

    const second = await ask('PlayPlaylistIntent', TOKENS.demo, { playlist: said.rockAndRoll }, first.sessionAttributes);

    expect(heard(second)).toBe(t('play.playing', { name: 'Rock & Roll <Live>', device: 'Kitchen Echo' }));
    expect(harness.spotify.requests.map((request) => request.path)).not.toContain('/me/playlists');
  });

  it('plays the third of the names just listed when the language says "the third one"', async () => {
    const listed = await ask('ListPlaylistsIntent', TOKENS.twelve);

    const response = await ask('PlayPlaylistIntent', TOKENS.twelve, { playlist: said.third }, listed.sessionAttributes);

    expect(heard(response)).toBe(t('play.playing', { name: 'Chill "Vibes"', device: 'Kitchen Echo' }));
  });

  it('plays the playlist just described when the language says "it"', async () => {
    const described = await ask('PlaylistDetailsIntent', TOKENS.demo, { playlist: said.everything });

    const response = await ask('PlayPlaylistIntent', TOKENS.demo, { playlist: said.it }, described.sessionAttributes);

    expect(heard(response)).toBe(t('play.playing', { name: 'Everything I Ever Liked', device: 'Kitchen Echo' }));
  });

  it('says how many names it read out for "the seventh one" after five, and offers the list for "the third one" before any', async () => {
    const listed = await ask('ListPlaylistsIntent', TOKENS.twelve);

    const beyond = await ask('PlayPlaylistIntent', TOKENS.twelve, { playlist: said.seventh }, listed.sessionAttributes);
    const before = await ask('PlayPlaylistIntent', TOKENS.twelve, { playlist: said.third });

    expect(heard(beyond)).toBe(`${t('references.onlyListed', { count: 5 })} ${t('playlistName.askWhichReprompt')}`);
    expect(heard(before)).toBe(t('references.nothingListed'));
  });

  it("says Spotify keeps its own playlists' details from the skill, and that its app is not open to the listener yet", async () => {
    harness.spotify.inject({ path: '/playlists/4d5e6f7g8h9i0j1k2l3mDF', fault: { kind: 'status', status: 404, body: errorJson(404, 'Resource not found') } });
    expect(heard(await ask('PlaylistDetailsIntent', TOKENS.demo, { playlist: 'deep focus' }))).toBe(`${t('details.notShared', { name: 'Deep Focus' })} ${t('details.offerPlay')}`);

    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'raw', status: 403, contentType: 'text/plain', body: 'User not registered in the Developer Dashboard' }, times: 2 });
    expect(heard(await ask('ListPlaylistsIntent', TOKENS.demo))).toBe(t('errors.userNotRegistered'));
  });

  it(language === 'en' ? 'speaks English' : 'never answers in English', () => {
    const same = t('help.speech') === english.t('help.speech');
    expect(same).toBe(language === 'en');
  });
});

/*
 * What the listener's memory adds (issue 14), in every locale: the one-time welcome after linking
 * and "play it again", against an embedded DynamoDB table.
 */
describe.each(SUPPORTED_LOCALES)('remembering the listener in %s', (locale) => {
  const language = locale.slice(0, 2);
  const { t } = translatorFor(locale);
  const userId = `amzn1.ask.account.LOCALE-${locale}`;
  let remembering: RememberingHarness;
  beforeAll(async () => {
    remembering = await startRememberingHarness();
  });
  afterAll(() => remembering.close());

  const linked = (newSession: boolean) => ({ accessToken: DEMO_ACCESS_TOKEN, locale, userId, newSession });
  const heard = (response: ResponseEnvelope) => {
    const speech = spokenText(response);
    expect({ speech, language: languageOfText(speech) }).toEqual({ speech, language });
    return speech;
  };

  it('welcomes the listener once after linking, then knows nothing to play again yet, then plays it again', async () => {
    await remembering.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId, locale }));

    expect(heard(await remembering.ask(launchRequest(linked(true))))).toBe(t('launch.firstWelcome', { count: 30 }));
    expect(heard(await remembering.ask(intentRequest('PlayLastPlaylistIntent', {}, linked(true))))).toBe(`${t('playLast.nothingYet')} ${t('playlistName.askPlay')}`);
    await remembering.ask(intentRequest('PlayPlaylistIntent', { playlist: SAID[language]!.morningRun }, linked(true)));
    expect(heard(await remembering.ask(intentRequest('PlayLastPlaylistIntent', {}, linked(true))))).toBe(t('play.playing', { name: 'Morning Run', device: 'Kitchen Echo' }));
  });

  it('says it cannot recall the last playlist without a table, and asks which to play', async () => {
    const stateless = await startHarness();
    try {
      const response = await stateless.ask(intentRequest('PlayLastPlaylistIntent', {}, linked(true)));
      expect(heard(response)).toBe(`${t('playLast.unavailable')} ${t('playlistName.askPlay')}`);
    } finally {
      await stateless.close();
    }
  });
});

import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import enUS from '../../lambda/i18n/locales/en-US.json';
import { loadConfig } from '../../lambda/config';
import { Logger } from '../../lambda/logging/logger';
import { buildSkill, createDependencies } from '../../lambda/skill';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { errorJson, type DeviceRecord } from '../../local/spotify/model';
import { intentRequest, launchRequest, skillEventRequest } from '../support/envelopes';
import { lambdaContext } from '../support/lambdaContext';
import { endsSession, repromptText, spokenText } from '../support/responses';
import { startRememberingHarness, type Harness } from '../support/skillHarness';

/*
 * Every sentence in en-US.json, decided once: does the session stay open after it, and does a
 * "yes" then do what it offered? The walk below says each sentence through the skill and holds
 * the answer to that decision, so a sentence that offers something can never close the session,
 * and a closing one can never ask.
 */
type Kind =
  /** A yes/no offer ("Want me to try again?"): open with a reprompt, and "yes" does it. */
  | 'offer'
  /** A question that is not yes/no ("What would you like?"): open with a reprompt. */
  | 'asks'
  /** The last word: the session ends, and the sentence neither asks nor invites an answer. */
  | 'ends'
  /** A piece of a longer answer, decided by the sentence it comes with. */
  | 'part'
  /** Only ever heard as a reprompt. */
  | 'reprompt'
  /** Not spoken: card and screen text, the "one moment" while Spotify is slow, list punctuation, digit grouping. */
  | 'shown';

const SENTENCES: Readonly<Record<string, Kind>> = {
  'link.speech': 'ends',
  'link.relinkSpeech': 'ends',
  'launch.welcome_zero': 'asks',
  'launch.welcome_one': 'asks',
  'launch.welcome_other': 'asks',
  'launch.reprompt': 'reprompt',
  'launch.firstWelcome_zero': 'asks',
  'launch.firstWelcome_one': 'asks',
  'launch.firstWelcome_other': 'asks',
  'list.none': 'ends',
  'list.all_one': 'part',
  'list.all_other': 'part',
  'list.first_other': 'part',
  'list.next_one': 'part',
  'list.next_other': 'part',
  'list.wantMore': 'offer',
  'list.moreReprompt': 'reprompt',
  'list.done': 'asks',
  'list.afterAll': 'asks',
  'list.reprompt': 'reprompt',
  'list.cardTitle': 'shown',
  'list.cardSummary_other': 'shown',
  'list.cardSummary_one': 'shown',
  'help.speech': 'asks',
  'help.reprompt': 'reprompt',
  'help.unlinkedSpeech': 'asks',
  'help.unlinkedReprompt': 'reprompt',
  goodbye: 'ends',
  no: 'ends',
  'fallback.speech': 'asks',
  'fallback.reprompt': 'reprompt',
  'nothingPending.speech': 'asks',
  'unhandled.speech': 'asks',
  'listJoin.separator': 'shown',
  'listJoin.two': 'shown',
  'listJoin.many': 'shown',
  'numberFormat.groupSeparator': 'shown',
  'numberFormat.groupSizes': 'shown',
  'numberFormat.minimumGroupingDigits': 'shown',
  'errors.unreachable': 'offer',
  'errors.rateLimited': 'offer',
  'errors.premiumRequired': 'offer',
  'errors.noActiveDevice': 'offer',
  'errors.notFound': 'offer',
  'errors.forbidden': 'ends',
  'errors.userNotRegistered': 'ends',
  'errors.generic': 'ends',
  'errors.retryReprompt': 'reprompt',
  'playlistName.askPlay': 'asks',
  'playlistName.askDetails': 'asks',
  'playlistName.askReprompt': 'reprompt',
  'playlistName.askWhich2': 'asks',
  'playlistName.askWhich3': 'asks',
  'playlistName.askWhichReprompt': 'reprompt',
  'playlistName.onlyChoices_one': 'part',
  'playlistName.onlyChoices_other': 'part',
  'playlistName.noMatch': 'offer',
  'playlistName.noMatchReprompt': 'reprompt',
  'playlistName.noPlaylists': 'ends',
  'playlistName.lookingUp': 'shown',
  'playlistName.untitled': 'part',
  'references.nothingListed': 'offer',
  'references.onlyListed_one': 'part',
  'references.onlyListed_other': 'part',
  'play.playing': 'ends',
  'play.cardTitle': 'shown',
  'play.cardText': 'shown',
  'play.noDevice': 'offer',
  'play.unclearDevice': 'offer',
  'play.deviceAsleep': 'offer',
  'play.premiumRequired': 'offer',
  'play.restricted': 'ends',
  'play.empty': 'ends',
  'play.tryAgainReprompt': 'reprompt',
  'playLast.nothingYet': 'part',
  'playLast.unavailable': 'part',
  'playLast.gone': 'part',
  'details.summary_zero': 'part',
  'details.summary_one': 'part',
  'details.summary_other': 'part',
  'details.summaryNoOwner_zero': 'part',
  'details.summaryNoOwner_one': 'part',
  'details.summaryNoOwner_other': 'part',
  'details.public': 'part',
  'details.private': 'part',
  'details.collaborative': 'part',
  'details.description': 'part',
  'details.offerPlay': 'offer',
  'details.notShared': 'part',
  'details.nothingToPlay': 'asks',
  'details.offerPlayReprompt': 'reprompt',
  'details.cardOwner': 'shown',
  'details.cardTracks_zero': 'shown',
  'details.cardTracks_one': 'shown',
  'details.cardTracks_other': 'shown',
  'details.cardPublic': 'shown',
  'details.cardPrivate': 'shown',
  'details.cardCollaborative': 'shown',
  'details.summaryUncounted': 'part',
  'details.summaryUncountedNoOwner': 'part',
};

function localeSentences(tree: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : localeSentences(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

const SENTENCE_TEXT = new Map(localeSentences(enUS.translation));
const keysOf = (...kinds: Kind[]) => Object.keys(SENTENCES).filter((key) => kinds.includes(SENTENCES[key]!));

/** The sentence as a pattern over what the user hears: each {{value}} stands for some words. */
function sentencePattern(text: string): RegExp {
  const parts = text.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+?'));
}
const PATTERNS = new Map([...SENTENCE_TEXT].map(([key, text]) => [key, sentencePattern(text)]));
const sentencesIn = (said: string, kinds: Kind[]) => keysOf(...kinds).filter((key) => PATTERNS.get(key)!.test(said));

/** Words that invite an answer: a closing sentence must have none of them. */
const INVITATION = /\?$|\bsay yes\b|\bask me again\b|\btry again\b|\bwant (?:me|to)\b/i;

describe('every sentence in en-US.json', () => {
  it('is decided: each one the skill can say has a kind in the table, and the table names no other', () => {
    expect(Object.keys(SENTENCES).sort()).toEqual([...SENTENCE_TEXT.keys()].sort());
  });

  it('never closes after a question or an invitation to answer, and never asks as its last word', () => {
    const closingButInviting = keysOf('ends').filter((key) => INVITATION.test(SENTENCE_TEXT.get(key)!));
    const askingButNotOpen = [...SENTENCE_TEXT].filter(([key, text]) => text.endsWith('?') && !['offer', 'asks', 'reprompt'].includes(SENTENCES[key]!));

    expect(closingButInviting).toEqual([]);
    expect(askingButNotOpen).toEqual([]);
  });
});

const TOKENS = {
  demo: DEMO_ACCESS_TOKEN,
  none: 'token-no-playlists',
  one: 'token-one-playlist',
  three: 'token-three-playlists',
  six: 'token-six-playlists',
  threeDeep: 'token-three-deep',
  free: 'token-free',
  noDevices: 'token-no-devices',
  idleLaptopAndPhone: 'token-idle-laptop-and-phone',
  revoked: 'token-nobody-issued',
} as const;

const laptop: DeviceRecord = { id: 'laptop-1', name: "Sam's MacBook", type: 'Computer', isActive: false };
const phone: DeviceRecord = { id: 'phone-1', name: 'Pixel', type: 'Smartphone', isActive: false };
const firstOf = (count: number) => demoAccount().playlists.slice(0, count);

interface Said {
  readonly what: string;
  readonly token: string | null;
  readonly response: ResponseEnvelope;
}

describe('the walk through every sentence the skill says', () => {
  let harness: Harness;
  const walked: Said[] = [];

  beforeAll(async () => {
    // With a table, so that the one-time welcome after linking is said too.
    harness = await startRememberingHarness({
      accounts: {
        [TOKENS.demo]: demoAccount(),
        [TOKENS.none]: demoAccount({ playlists: [] }),
        [TOKENS.one]: demoAccount({ playlists: firstOf(1) }),
        [TOKENS.three]: demoAccount({ playlists: firstOf(3) }),
        [TOKENS.six]: demoAccount({ playlists: firstOf(6) }),
        [TOKENS.threeDeep]: demoAccount({
          playlists: [...firstOf(6), { id: 'deepWork0000000000000DW', name: 'Deep Work', trackCount: 12 }],
        }),
        [TOKENS.free]: demoAccount({ premium: false }),
        [TOKENS.noDevices]: demoAccount({ devices: [] }),
        [TOKENS.idleLaptopAndPhone]: demoAccount({ devices: [{ ...laptop }, { ...phone }] }),
      },
    });

    const ask = async (what: string, envelope: RequestEnvelope, token: string | null) => {
      const response = await harness.ask(envelope);
      walked.push({ what, token, response });
      harness.spotify.reset();
      return response;
    };
    const intent = (name: string, token: string | null, slots: Record<string, string | undefined> = {}, previous?: ResponseEnvelope) =>
      ask(`${name} ${JSON.stringify(slots)}`, intentRequest(name, slots, { accessToken: token, ...(previous && { attributes: previous.sessionAttributes ?? {} }) }), token);
    const failing = (path: string | RegExp, status: number, body?: unknown, headers?: Record<string, string>) =>
      harness.spotify.inject({ path, fault: { kind: 'status', status, body, headers }, times: 2 });

    await intent('ListPlaylistsIntent', null);
    await intent('ListPlaylistsIntent', TOKENS.revoked);
    for (const token of [TOKENS.none, TOKENS.one, TOKENS.demo]) await ask(`launch ${token}`, launchRequest({ accessToken: token }), token);
    for (const token of [TOKENS.none, TOKENS.one, TOKENS.demo]) {
      const userId = `amzn1.ask.account.JUSTLINKED-${token}`;
      await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: token }, { userId }));
      await ask(`first launch after linking, ${token}`, launchRequest({ accessToken: token, userId }), token);
    }
    await intent('ListPlaylistsIntent', TOKENS.none);
    await intent('ListPlaylistsIntent', TOKENS.three);
    await intent('ListPlaylistsIntent', TOKENS.one);
    await intent('AMAZON.YesIntent', TOKENS.six, {}, await intent('ListPlaylistsIntent', TOKENS.six));
    await intent('AMAZON.NextIntent', TOKENS.demo, {}, await intent('ListPlaylistsIntent', TOKENS.demo));
    await intent('AMAZON.HelpIntent', TOKENS.demo);
    await intent('AMAZON.HelpIntent', null);
    await intent('AMAZON.StopIntent', TOKENS.demo);
    await intent('AMAZON.NoIntent', TOKENS.demo);
    await intent('AMAZON.FallbackIntent', TOKENS.demo);
    await intent('AMAZON.YesIntent', TOKENS.demo);
    await intent('SomeIntentFromANewerModel', TOKENS.demo);

    failing('/me/playlists', 503);
    await intent('ListPlaylistsIntent', TOKENS.demo);
    failing('/me/playlists', 429, undefined, { 'retry-after': '30' });
    await intent('ListPlaylistsIntent', TOKENS.demo);
    failing('/me/playlists', 403, errorJson(403, 'Premium required', 'PREMIUM_REQUIRED'));
    await intent('ListPlaylistsIntent', TOKENS.demo);
    failing('/me/playlists', 404, errorJson(404, 'No active device found', 'NO_ACTIVE_DEVICE'));
    await intent('ListPlaylistsIntent', TOKENS.demo);
    failing(/^\/playlists\//, 404);
    await intent('PlaylistDetailsIntent', TOKENS.demo, { playlist: 'morning run' });
    failing('/me/playlists', 403);
    await intent('ListPlaylistsIntent', TOKENS.demo);
    failing('/me/playlists', 403, errorJson(403, 'User not registered in the Developer Dashboard'));
    await intent('ListPlaylistsIntent', TOKENS.demo);

    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: undefined });
    await intent('PlaylistDetailsIntent', TOKENS.demo, { playlist: undefined });
    const which = await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'deep' });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'the third one' }, which);
    await intent('PlayPlaylistIntent', TOKENS.threeDeep, { playlist: 'deep' });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'bohemian rhapsody' });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'the third one' });
    await intent('PlayPlaylistIntent', TOKENS.none, { playlist: 'morning run' });

    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'morning run' });
    await intent('PlayPlaylistIntent', TOKENS.noDevices, { playlist: 'morning run' });
    await intent('PlayPlaylistIntent', TOKENS.idleLaptopAndPhone, { playlist: 'morning run' });
    harness.spotify.inject({ method: 'PUT', path: '/me/player/play', fault: { kind: 'status', status: 404, body: errorJson(404, 'Device not found') } });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'deep house' });
    await intent('PlayPlaylistIntent', TOKENS.free, { playlist: 'morning run' });
    harness.spotify.inject({ method: 'PUT', path: '/me/player/play', fault: { kind: 'status', status: 403, body: errorJson(403, 'Restriction violated', 'UNKNOWN') } });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'road trip' });
    await intent('PlayPlaylistIntent', TOKENS.demo, { playlist: 'empty for now' });

    await intent('PlaylistDetailsIntent', TOKENS.demo, { playlist: 'deep house' });
    await intent('PlaylistDetailsIntent', TOKENS.demo, { playlist: 'empty for now' });

    // A fault of the skill's own, not Spotify's: the same skill with a client that breaks.
    const config = loadConfig({ SPOTIFY_API_BASE_URL: harness.spotify.baseUrl, LOG_LEVEL: 'silent' });
    const dependencies = createDependencies(config, new Logger('silent'));
    const broken = Object.assign(Object.create(dependencies.spotify) as typeof dependencies.spotify, {
      forUser: () => {
        throw new TypeError('a bug of ours');
      },
    });
    const brokenSkill = buildSkill({ ...dependencies, spotify: broken });
    walked.push({ what: 'a bug of ours', token: TOKENS.demo, response: await brokenSkill.invoke(intentRequest('ListPlaylistsIntent', {}, { accessToken: TOKENS.demo }), lambdaContext()) });
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it('says every sentence that is an offer, a question or a last word, and every reprompt, at least once', () => {
    const said = new Set(walked.flatMap(({ response }) => sentencesIn(spokenText(response), ['offer', 'asks', 'ends'])));
    const reprompted = new Set(walked.flatMap(({ response }) => sentencesIn(repromptText(response), ['reprompt'])));

    expect(keysOf('offer', 'asks', 'ends').filter((key) => !said.has(key))).toEqual([]);
    expect(keysOf('reprompt').filter((key) => !reprompted.has(key))).toEqual([]);
  });

  it('keeps the session open, with a reprompt, after every offer and question, and only then', () => {
    const wrong = walked.flatMap(({ what, response }) => {
      const said = spokenText(response);
      const kinds = new Set(sentencesIn(said, ['offer', 'asks', 'ends']).map((key) => SENTENCES[key]));
      const open = !endsSession(response) && repromptText(response) !== '';
      const shouldBeOpen = kinds.has('offer') || kinds.has('asks') || said.endsWith('?');
      const shouldEnd = kinds.has('ends');
      return shouldBeOpen === open && shouldEnd === endsSession(response) && shouldBeOpen !== shouldEnd ? [] : [`${what}: "${said}"`];
    });

    expect(wrong).toEqual([]);
  });

  it('does what an offer offered when the user says "yes"', async () => {
    const noOffer = [SENTENCE_TEXT.get('nothingPending.speech')!, SENTENCE_TEXT.get('unhandled.speech')!];
    const offers = walked.filter(({ response }) => sentencesIn(spokenText(response), ['offer']).length > 0);
    expect(offers.length).toBeGreaterThanOrEqual(keysOf('offer').length);

    const ignored: string[] = [];
    for (const { what, token, response } of offers) {
      const yes = await harness.ask(intentRequest('AMAZON.YesIntent', {}, { accessToken: token, attributes: response.sessionAttributes ?? {} }));
      if (noOffer.includes(spokenText(yes))) ignored.push(`${what}: "${spokenText(response)}"`);
    }

    expect(ignored).toEqual([]);
  });
});

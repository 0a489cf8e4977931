import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../local/persistence/embeddedDynamoDb';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../local/spotify/demoAccount';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { unreachableTable } from './support/failingTables';
import { intentRequest, launchRequest, sessionEndedRequest, skillEventRequest, TEST_USER_ID } from './support/envelopes';
import { SUPPORTED_LOCALES, translatorFor } from '../lambda/i18n';
import { languageOfText } from './support/language';
import { cardType, endsSession, spokenText, ssml } from './support/responses';

const bundle = path.resolve(__dirname, '..', 'build', 'lambda', 'index.js');
const REVOKED = 'revoked-token-value';

/** Invokes the bundle in a fresh Node process, as Lambda would: responses on stderr, logs on stdout. */
async function invokeBundle(envelopes: RequestEnvelope[], env: Record<string, string>) {
  const script = `const { handler } = require(${JSON.stringify(bundle)});
    (async () => {
      const responses = [];
      for (const envelope of JSON.parse(process.argv[1])) {
        responses.push(await handler(envelope, { getRemainingTimeInMillis: () => 8000 }));
      }
      process.stderr.write(JSON.stringify(responses));
    })();`;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(envelopes)], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { logs: stdout, responses: JSON.parse(stderr) as ResponseEnvelope[] };
}

/** The built artefact (npm test builds it first) answers each case of the core issue. */
describe('build/lambda/index.js', () => {
  let spotify: SpotifyStandIn;
  beforeAll(async () => {
    spotify = await SpotifyStandIn.start({
      accounts: {
        [DEMO_ACCESS_TOKEN]: demoAccount({
          playlists: [
            { id: 'p1', name: 'Rock & Roll <Live>', trackCount: 3 },
            { id: 'p2', name: 'Say "Cheese"', trackCount: 4 },
          ],
        }),
      },
    });
  });
  afterAll(() => spotify.close());

  it('answers unlinked and linked requests as Alexa expects, with no token in its debug logs', async () => {
    const linked = { accessToken: DEMO_ACCESS_TOKEN };
    const { logs, responses } = await invokeBundle(
      [
        launchRequest({ accessToken: null }),
        intentRequest('ListPlaylistsIntent', {}, { accessToken: null }),
        intentRequest('AMAZON.HelpIntent', {}, { accessToken: null }),
        intentRequest('AMAZON.StopIntent', {}, { accessToken: null }),
        sessionEndedRequest('USER_INITIATED', { accessToken: null }),
        launchRequest(linked),
        intentRequest('ListPlaylistsIntent', {}, linked),
        launchRequest({ accessToken: REVOKED }),
        intentRequest('NoSuchIntent', {}, linked),
      ],
      { SPOTIFY_API_BASE_URL: spotify.baseUrl, LOG_LEVEL: 'debug' },
    );
    const [unlinkedLaunch, unlinkedList, help, stop, ended, linkedLaunch, linkedList, expired, unknown] = responses as [
      ResponseEnvelope, ResponseEnvelope, ResponseEnvelope, ResponseEnvelope, ResponseEnvelope,
      ResponseEnvelope, ResponseEnvelope, ResponseEnvelope, ResponseEnvelope,
    ];

    for (const unlinked of [unlinkedLaunch, unlinkedList]) {
      expect(cardType(unlinked)).toBe('LinkAccount');
      expect(endsSession(unlinked)).toBe(true);
    }
    expect(spokenText(help)).toMatch(/list my playlists/);
    expect(spokenText(stop)).toMatch(/Goodbye/);
    expect(ended.response).toEqual({});
    expect(spokenText(linkedLaunch)).toMatch(/You have 2 playlists/);
    expect(ssml(linkedList)).toContain('Rock &amp; Roll &lt;Live&gt; and Say &quot;Cheese&quot;');
    expect(cardType(expired)).toBe('LinkAccount');
    expect(spokenText(expired)).toMatch(/link Spotify again/);
    expect(spokenText(unknown)).toMatch(/didn't get that/);

    expect(logs.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    expect(logs).toContain('"level":"debug"');
    expect(logs).not.toContain(DEMO_ACCESS_TOKEN);
    expect(logs).not.toContain(REVOKED);
  });

  it('answers "list my playlists" in each of the eleven locales in its language, and any other locale in English', async () => {
    const locales = [...SUPPORTED_LOCALES, 'it-IT'];
    const { responses } = await invokeBundle(
      locales.map((locale) => intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN, locale })),
      { SPOTIFY_API_BASE_URL: spotify.baseUrl, LOG_LEVEL: 'silent' },
    );

    const answers = responses.map((response, index) => [locales[index]!, spokenText(response)] as const);
    for (const [locale, answer] of answers) {
      const { t, list } = translatorFor(locale);
      expect(answer).toBe(`${t('list.all', { count: 2, names: list(['Rock & Roll <Live>', 'Say "Cheese"']) })} ${t('list.afterAll')}`);
      expect([locale, languageOfText(answer)]).toEqual([locale, locale === 'it-IT' ? 'en' : locale.slice(0, 2)]);
    }
  });
});

/** The check: the built bundle with PERSISTENCE_TABLE_NAME and AWS_ENDPOINT_URL_DYNAMODB, nothing else. */
describe('build/lambda/index.js with a listener table', () => {
  let spotify: SpotifyStandIn;
  let table: EmbeddedDynamoDb;
  beforeAll(async () => {
    spotify = await SpotifyStandIn.start({ accounts: { [DEMO_ACCESS_TOKEN]: demoAccount() } });
    table = await startEmbeddedDynamoDb();
  });
  afterAll(async () => {
    await spotify.close();
    await table.close();
  });

  /** The AWS SDK's own settings, as Lambda gives them (there from the role; here throwaway values for the local server). */
  const awsEnv = (endpoint: string) => ({
    SPOTIFY_API_BASE_URL: spotify.baseUrl,
    PERSISTENCE_TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  it('stores an item after a successful play, and deletes it on SkillDisabled (NOT_PERSISTED)', async () => {
    const linked = { accessToken: DEMO_ACCESS_TOKEN };

    const played = await invokeBundle([intentRequest('PlayPlaylistIntent', { playlist: 'morning run' }, linked)], awsEnv(table.endpoint));
    const stored = await table.item(TEST_USER_ID);
    const again = await invokeBundle([intentRequest('PlayLastPlaylistIntent', {}, linked)], awsEnv(table.endpoint));
    const disabled = await invokeBundle([skillEventRequest('AlexaSkillEvent.SkillDisabled', { userInformationPersistenceStatus: 'NOT_PERSISTED' })], awsEnv(table.endpoint));

    expect(spokenText(played.responses[0]!)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(stored).toEqual(expect.objectContaining({ id: TEST_USER_ID, attributes: expect.objectContaining({ lastPlaylist: expect.objectContaining({ name: 'Morning Run' }) }) }));
    expect(spokenText(again.responses[0]!)).toBe('Playing Morning Run on Kitchen Echo.');
    expect(disabled.responses[0]!.response).toEqual({});
    expect(await table.item(TEST_USER_ID)).toBeUndefined();
  });

  it('loads the AWS SDK for a linked request only, never for an unlinked launch', async () => {
    const script = `const { handler } = require(${JSON.stringify(bundle)});
      const sdkLoaded = () => Object.keys(require.cache).some((file) => file.includes('@aws-sdk'));
      (async () => {
        const loaded = [];
        for (const envelope of JSON.parse(process.argv[1])) {
          await handler(envelope, { getRemainingTimeInMillis: () => 8000 });
          loaded.push(sdkLoaded());
        }
        process.stderr.write(JSON.stringify(loaded));
      })();`;
    const envelopes = [launchRequest({ accessToken: null }), intentRequest('AMAZON.HelpIntent', {}, { accessToken: null }), launchRequest({ accessToken: DEMO_ACCESS_TOKEN })];
    const { stderr } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(envelopes)], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...awsEnv(table.endpoint) },
    });

    expect(JSON.parse(stderr)).toEqual([false, false, true]);
  });

  it('still lists the playlists by name when the table endpoint is unreachable', async () => {
    const unreachable = await unreachableTable();

    const { responses, logs } = await invokeBundle([intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN })], {
      ...awsEnv(unreachable.clientConfig.endpoint as string),
      LOG_LEVEL: 'debug',
    });

    expect(spokenText(responses[0]!)).toMatch(/^You have 30 playlists\. Here are the first 5: Morning Run, Rock & Roll <Live>/);
    // The list needs nothing remembered: the read failed, or was dropped unfinished when the answer was ready.
    expect(logs).toMatch(/"message":"listener memory (unavailable|read abandoned)"/);
  });
});

describe('build/lambda/index.js given an event that is not an envelope', () => {
  it.each([
    ['null', null, 'null'],
    ['a string', 'hello', 'a string'],
    ['an array', [], 'an array'],
    ['a number', 42, 'a number'],
  ])('rejects %s with a clear error and one log line, never a TypeError', async (_, event, received) => {
    const script = `const { handler } = require(${JSON.stringify(bundle)});
      handler(JSON.parse(process.argv[1]), { getRemainingTimeInMillis: () => 8000 }).then(
        () => process.stderr.write('resolved'),
        (error) => process.stderr.write(JSON.stringify({ name: error.name, message: error.message })),
      );`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(event)], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'debug' },
    });

    expect(JSON.parse(stderr)).toEqual({ name: 'InvalidEventError', message: `the event is not an Alexa request envelope (a JSON object): got ${received}` });
    const lines = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    // The container's own start-up line (no table configured) comes first; the event gets one line.
    const forEvent = lines.filter((line) => !String(line.message).startsWith('stateless:'));
    expect(forEvent).toEqual([expect.objectContaining({ level: 'error', message: 'event is not an Alexa request envelope', received })]);
  });
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { demoAccount, DEMO_ACCESS_TOKEN } from '../local/spotify/demoAccount';
import { SpotifyStandIn } from '../local/spotify/standIn';
import { intentRequest, launchRequest, sessionEndedRequest } from './support/envelopes';
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
    expect(lines).toEqual([expect.objectContaining({ level: 'error', message: 'event is not an Alexa request envelope', received })]);
  });
});

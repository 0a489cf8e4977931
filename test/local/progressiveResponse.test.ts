import { translatorFor } from '../../lambda/i18n';
import type { ProgressiveResponse } from '../../local/alexaApi/directives';
import { finished, launch, stopLeftovers } from '../support/localCommands';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

const { t } = translatorFor('en-US');
const PROGRESSIVE = `Alexa (progressive response, while the skill works): ${t('playlistName.lookingUp')}`;

afterEach(stopLeftovers);

describe('npm run simulate shows what the user hears while a slow Spotify is waited for', () => {
  it('prints the progressive response, marked as such, between how the words were heard and the answer', async () => {
    const run = await finished(launch(['simulate', 'play morning run'], { SPOTIFY_FAULT: 'slow' }));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  (heard as PlayPlaylistIntent { playlist: "morning run" })\n${PROGRESSIVE}\nAlexa: ${t('errors.unreachable')}\n`);
  });

  it('prints it as it arrives for lines piped in too', async () => {
    const running = launch(['simulate'], { SPOTIFY_FAULT: 'slow', SPOTIFY_FAULT_MS: '1000' });
    running.child.stdin.end('play morning run\n');
    const run = await finished(running);

    expect(run.stdout).toMatch(new RegExp(`you> play morning run\\n {2}\\(heard as PlayPlaylistIntent[^\\n]*\\)\\n${PROGRESSIVE.replace(/[().]/g, '\\$&')}\\nAlexa: Playing Morning Run on `));
  });

  it('shows none when Spotify answers at once', async () => {
    // The list first: a fresh process loads the HTTP client on its first Spotify call, which on a
    // busy machine can outlast the wait before a progressive response. The play is then timed warm.
    const run = await finished(launch(['simulate', 'list my playlists', 'play morning run']));

    expect(run.stdout).toMatch(/you> play morning run\n {2}\(heard as PlayPlaylistIntent[^\n]*\)\nAlexa: Playing Morning Run on /);
    expect(run.stdout).not.toContain('progressive response');
  });
});

describe('the local runtime as Alexa\'s directive service', () => {
  let local: TestRuntime;
  let origin: string;
  beforeAll(async () => {
    local = await startTestRuntime();
    origin = new URL(local.runtime.urls.alexa).origin;
  });
  afterEach(() => local.admin('DELETE', '/admin/faults'));
  afterAll(() => local.close());

  const post = (token: string, body: unknown) =>
    fetch(`${origin}/v1/directives`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const speak = (requestId: string, speech = '<speak>Hold on.</speak>') => ({ header: { requestId }, directive: { type: 'VoicePlayer.Speak', speech } });

  it('gives each request an apiEndpoint on the runtime\'s own origin and an Alexa API token of its own', async () => {
    const simulator = await local.simulator();
    const first = (await simulator.say('help')).request.context.System;
    const second = (await simulator.say('help')).request.context.System;

    expect(first.apiEndpoint).toBe(origin);
    expect(second.apiEndpoint).toBe(origin);
    expect(first.apiAccessToken).not.toBe(second.apiAccessToken);
  });

  it('receives the skill\'s progressive response over HTTP while the request is under way, and hands it over at once', async () => {
    await local.admin('POST', '/admin/faults', { fault: 'slow', ms: 1000 });
    const simulator = await local.simulator();
    const heard: Array<{ speech: ProgressiveResponse; at: number }> = [];

    const turn = await simulator.say('play morning run', { progressive: (speech) => heard.push({ speech, at: Date.now() }) });
    const answeredAt = Date.now();

    expect(turn.progressive).toEqual([{ ssml: `<speak>${t('playlistName.lookingUp')}</speak>`, text: t('playlistName.lookingUp') }]);
    expect(heard.map((entry) => entry.speech)).toEqual(turn.progressive);
    expect(heard[0]!.at).toBeLessThan(answeredAt);
  });

  it('takes a VoicePlayer.Speak with the token of a request in flight, as Alexa does (204)', async () => {
    const heard: ProgressiveResponse[] = [];
    const access = local.runtime.directives.open('amzn1.echo-api.request.local-a', (speech) => heard.push(speech));

    expect((await post(access.apiAccessToken, speak('amzn1.echo-api.request.local-a'))).status).toBe(204);
    expect(heard).toEqual([{ ssml: '<speak>Hold on.</speak>', text: 'Hold on.' }]);
    expect(local.runtime.directives.close(access.apiAccessToken)).toEqual(heard);
  });

  it('refuses a token it did not issue (401), another request\'s id (403), a directive after the answer (403) and one that is not speech (400)', async () => {
    const access = local.runtime.directives.open('amzn1.echo-api.request.local-b');

    expect((await post('made-up-token', speak('amzn1.echo-api.request.local-b'))).status).toBe(401);
    expect((await post(access.apiAccessToken, speak('amzn1.echo-api.request.other'))).status).toBe(403);
    expect((await post(access.apiAccessToken, { header: { requestId: 'amzn1.echo-api.request.local-b' }, directive: { type: 'Dialog.Delegate' } })).status).toBe(400);
    expect((await post(access.apiAccessToken, speak('amzn1.echo-api.request.local-b', 'no speak tags'))).status).toBe(400);
    expect(local.runtime.directives.close(access.apiAccessToken)).toEqual([]);

    const late = await post(access.apiAccessToken, speak('amzn1.echo-api.request.local-b'));
    expect(late.status).toBe(403);
    expect(await late.json()).toEqual({ message: expect.stringMatching(/already answered/) });
  });

  it('takes at most five progressive responses for one request', async () => {
    const access = local.runtime.directives.open('amzn1.echo-api.request.local-c');
    const statuses: number[] = [];
    for (let sent = 0; sent < 6; sent += 1) statuses.push((await post(access.apiAccessToken, speak('amzn1.echo-api.request.local-c'))).status);

    expect(statuses).toEqual([204, 204, 204, 204, 204, 403]);
    expect(local.runtime.directives.close(access.apiAccessToken)).toHaveLength(5);
  });
});

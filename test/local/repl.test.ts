import { PassThrough } from 'node:stream';
import { translatorFor } from '../../lambda/i18n';
import type { Simulator } from '../../local/simulator/simulator';
import { startRepl } from '../../local/simulator/repl';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

const { t } = translatorFor('en-US');

describe('the simulator\'s conversation loop, fed a script', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  async function converse(lines: string[], simulator?: Simulator): Promise<string> {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (chunk: Buffer) => (transcript += chunk.toString('utf8')));
    const repl = startRepl({ simulator: simulator ?? (await local.simulator()), input, output, terminal: false });
    input.end(lines.map((line) => `${line}\n`).join(''));
    await repl.done;
    return transcript;
  }

  it('runs the commands and utterances in order and prints what the user hears', async () => {
    const transcript = await converse(['unlink', 'launch', 'link', 'open playlist pal', 'quit', 'help']);

    expect(transcript).toContain(`you> launch\n  (heard as LaunchRequest)\nAlexa: ${t('link.speech')}\n  card:    LinkAccount`);
    expect(transcript).toContain('  (linked: requests now carry the access token)');
    // The first launch after linking gets the one-time welcome (the link was recorded from SkillAccountLinked).
    expect(transcript).toMatch(/Alexa: Your Spotify account is linked\. Welcome to Playlist Pal! You have 30 playlists\..*\n  session: open, Alexa listens; if you say nothing: "/);
    expect(transcript).not.toContain('you> help');
  });

  it('shows the last envelopes as JSON with the access token masked', async () => {
    const simulator = await local.simulator();
    const transcript = await converse(['list my playlists', 'raw'], simulator);

    expect(transcript).toMatch(/request:\n\{\n {2}"version": "1\.0",/);
    expect(transcript).toContain('"accessToken": "[redacted]"');
    expect(transcript).not.toContain(simulator.linking!.alexa.tokensOf(simulator.userId)!.accessToken);
  });

  it('reports a missing locale model as an error line and carries on', async () => {
    const transcript = await converse(['locale it-IT', 'help']);

    expect(transcript).toMatch(/you> locale it-IT\n {2}error: There is no interaction model for it-IT/);
    expect(transcript).toContain(`Alexa: ${t('help.speech')}`);
  });

  it('lists the commands on "commands"', async () => {
    expect(await converse(['commands'])).toMatch(/link .*\n.*unlink.*\n.*expire.*\n.*revoke.*\n.*enable, disable.*\n.*locale xx-XX.*\n.*raw.*\n.*commands.*\n.*quit/);
  });
});

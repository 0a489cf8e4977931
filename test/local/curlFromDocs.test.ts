import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UNSIGNED_REQUEST_HINT } from '../../local/endpoint/alexaEndpoint';
import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { launch, stopLeftovers, waitForOutput } from '../support/localCommands';

const ROOT = path.join(__dirname, '..', '..');
const DOC = readFileSync(path.join(ROOT, 'docs', 'running-locally.md'), 'utf8');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DOCUMENTED_ORIGIN = 'http://127.0.0.1:3000';

/** The first `sh` block with a curl to /alexa under the heading "Talking to /alexa yourself", as a reader copies it. */
function documentedCurl(): string {
  const section = DOC.slice(DOC.indexOf('## Talking to /alexa yourself'));
  const block = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!).find((code) => code.includes('curl') && code.includes('/alexa'));
  if (block === undefined) throw new Error('docs/running-locally.md has no curl to /alexa under "Talking to /alexa yourself"');
  return block;
}

/** Pastes the documented command into a shell, pointed at the `npm start` under test instead of port 3000. */
async function paste(command: string, alexaUrl: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)('sh', ['-c', command.replaceAll(DOCUMENTED_ORIGIN, new URL(alexaUrl).origin)]);
  return JSON.parse(stdout) as unknown;
}

afterEach(stopLeftovers);

describe('talking to /alexa yourself, as docs/running-locally.md says', () => {
  it('documents a curl to the default port with the demo token, and the README points to it', () => {
    const curl = documentedCurl();

    expect(curl).toContain(`${DOCUMENTED_ORIGIN}/alexa`);
    expect(curl).toContain(`"accessToken": "${DEMO_ACCESS_TOKEN}"`);
    expect(DOC).toContain('ALEXA_VERIFY=off npm start');
    expect(README).toContain(DEMO_ACCESS_TOKEN);
    expect(README).toContain('(docs/running-locally.md#talking-to-alexa-yourself)');
  });

  it('gets the linked "list my playlists" answer from npm start with ALEXA_VERIFY=off', async () => {
    const server = launch(['start'], { PORT: '0', ALEXA_VERIFY: 'off' });
    const [, alexaUrl] = await waitForOutput(server, /Alexa endpoint +POST (\S+)/);

    const answer = (await paste(documentedCurl(), alexaUrl!)) as { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } };

    expect(answer.response.outputSpeech.ssml).toMatch(/^<speak>You have 30 playlists\. Here are the first 5: Morning Run,/);
    expect(answer.response.shouldEndSession).toBe(false);
  });

  it('is refused by npm start with the checks on, with a reason that says how to test locally', async () => {
    const server = launch(['start'], { PORT: '0' });
    const [, alexaUrl] = await waitForOutput(server, /Alexa endpoint +POST (\S+)/);

    const refusal = (await paste(documentedCurl(), alexaUrl!)) as { error: string };

    // The documented timestamp is long past: the doc quotes this very refusal.
    expect(refusal.error).toBe(`Timestamp verification failed. ${UNSIGNED_REQUEST_HINT}`);
    expect(DOC).toContain('{"error":"Timestamp verification failed. This request is not signed by Alexa: to test /alexa locally, restart npm start with ALEXA_VERIFY=off …');
    expect(refusal.error).toMatch(/ALEXA_VERIFY=off.*npm run simulate/);
  });
});

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launchRequest } from './support/envelopes';

const bundle = path.resolve(__dirname, '..', 'build', 'lambda', 'index.js');

/** The built artefact as Lambda loads it: a fresh Node process with nothing but the bundle (npm test builds it first). */
describe('build/lambda/index.js', () => {
  it('answers an unlinked launch with a LinkAccount card in a fresh process', () => {
    const script = `require(${JSON.stringify(bundle)})
      .handler(JSON.parse(process.argv[1]), { getRemainingTimeInMillis: () => 8000 })
      .then((response) => process.stdout.write(JSON.stringify(response)))`;

    const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(launchRequest({ accessToken: null }))], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

    const response = JSON.parse(stdout);
    expect(response.response.card).toEqual({ type: 'LinkAccount' });
    expect(response.response.outputSpeech.ssml).toMatch(/link Spotify/);
    expect(response.response.shouldEndSession).toBe(true);
  });
});

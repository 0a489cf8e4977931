import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchRequest } from '../support/envelopes';
import { zipEntries } from '../scripts/zipEntries';

const root = path.resolve(__dirname, '..', '..');

let project: string;

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'playlist pal-ask-build-'));
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('hooks/build.sh, run the way `ask deploy` runs it', () => {
  it('writes a zip whose index.js, bundled from the working copy, answers an unlinked launch with a LinkAccount card', () => {
    // The ASK CLI copies lambda/ to .ask/lambda, runs the hook there with the zip path and the
    // debug flag as arguments, and uploads the zip. A marker sentence in the copy proves the hook
    // bundled the copy it was run in.
    const copy = path.join(project, '.ask', 'lambda');
    cpSync(path.join(root, 'lambda'), copy, { recursive: true });
    const locale = path.join(copy, 'i18n', 'locales', 'en-US.json');
    const resources = JSON.parse(readFileSync(locale, 'utf8'));
    resources.translation.link.speech = 'Marker from the copy: link Spotify in the Alexa app.';
    writeFileSync(locale, JSON.stringify(resources));
    const zipPath = path.join(copy, 'build.zip');

    execFileSync(path.join(root, 'hooks', 'build.sh'), [zipPath, 'false'], { cwd: copy, stdio: 'pipe' });

    const files = zipEntries(readFileSync(zipPath));
    expect([...files.keys()]).toEqual(['index.js']);
    expect(files.get('index.js')!.mode).toBe(0o100644);
    // Run from a folder with nothing but index.js, as on Lambda: no node_modules to fall back on.
    const bundle = path.join(project, 'unzipped', 'index.js');
    mkdirSync(path.dirname(bundle));
    writeFileSync(bundle, files.get('index.js')!.data);
    const script = `require(${JSON.stringify(bundle)})
      .handler(JSON.parse(process.argv[1]), { getRemainingTimeInMillis: () => 8000 })
      .then((response) => process.stdout.write(JSON.stringify(response)))`;
    const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(launchRequest({ accessToken: null }))], {
      cwd: path.dirname(bundle),
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });

    const response = JSON.parse(stdout);
    expect(response.response.card).toEqual({ type: 'LinkAccount' });
    expect(response.response.outputSpeech.ssml).toContain('Marker from the copy');
    expect(response.response.shouldEndSession).toBe(true);
  });
});

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { translatorFor } from '../../lambda/i18n';
import { finished, launch, stopLeftovers } from '../support/localCommands';

const { t } = translatorFor('en-US');

afterEach(stopLeftovers);

/** Lines that are log lines (JSON objects) rather than what a user hears and sees. */
const jsonLines = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('{'));

describe('npm run simulate keeps the skill\'s log out of the transcript', () => {
  it.each([
    ['429', 429, t('errors.rateLimited')],
    ['500', 500, t('errors.unreachable')],
    ['expired', 401, t('link.relinkSpeech')],
  ])('in one shot, Spotify failing with %s brings the answer straight after the turn, and the failure goes to the log file', async (fault, status, answer) => {
    const run = await finished(launch(['simulate', 'list my playlists'], { SPOTIFY_FAULT: fault }));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`you> list my playlists\n  (heard as ListPlaylistsIntent)\nAlexa: ${answer}`);
    expect(jsonLines(run.stdout)).toEqual([]);
    expect(run.stderr).toBe('');
    const failure = jsonLines(readFileSync(run.logFile, 'utf8')).map((line) => JSON.parse(line) as { message: string; error?: { status?: number } }).find((line) => line.message === 'request failed');
    expect(failure?.error?.status).toBe(status);
  });

  it('does the same for lines piped in', async () => {
    const running = launch(['simulate'], { SPOTIFY_FAULT: '500' });
    running.child.stdin.end('list my playlists\nyes\n');
    const run = await finished(running);

    expect(run.stdout).toContain(`you> list my playlists\n  (heard as ListPlaylistsIntent)\nAlexa: ${t('errors.unreachable')}`);
    expect(run.stdout).toContain(`you> yes\n  (heard as AMAZON.YesIntent)\nAlexa: ${t('errors.unreachable')}`);
    expect(jsonLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    expect(readFileSync(run.logFile, 'utf8')).toContain('"message":"request failed"');
  });

  it('says once, first, where the log is: build/local/playlist-pal.log unless LOG_FILE names another', async () => {
    const defaultLog = path.join(__dirname, '..', '..', 'build', 'local', 'playlist-pal.log');
    rmSync(defaultLog, { force: true });
    const run = await finished(launch(['simulate', 'help', 'list my playlists'], { LOG_FILE: undefined }));

    expect(run.stdout.startsWith("  (the skill's log: build/local/playlist-pal.log)\nyou> help\n")).toBe(true);
    expect(run.stdout.split('playlist-pal.log')).toHaveLength(2);
    expect(readFileSync(defaultLog, 'utf8')).toContain('"intent":"ListPlaylistsIntent"');
  });

  it('still says a problem of its own on stderr, in one sentence: a setting it cannot use', async () => {
    const run = await finished(launch(['simulate', 'help'], { SPOTIFY_FAULT: 'meteor' }));

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Configuration: SPOTIFY_FAULT: unknown fault "meteor"; known: [^\n]*slow[^\n]*\n$/);
  });

  it('says in one sentence, naming LOG_FILE, when it cannot write the log', async () => {
    const notADirectory = path.join(os.tmpdir(), `playlist-pal-not-a-dir-${process.pid}`);
    writeFileSync(notADirectory, '');
    try {
      const run = await finished(launch(['simulate', 'help'], { LOG_FILE: path.join(notADirectory, 'skill.log') }));

      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`Configuration: LOG_FILE: cannot write the skill's log to ${path.join(notADirectory, 'skill.log')} (EEXIST); name a file you can write\n`);
    } finally {
      rmSync(notADirectory, { force: true });
    }
  });
});

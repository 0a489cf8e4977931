import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { translatorFor } from '../../lambda/i18n';
import { launchRequest } from '../support/envelopes';

/** What `npm start` and `npm run simulate` run, without npm's own start-up in between. */
const RUNNER = path.join(__dirname, '..', '..', 'scripts', 'runTs.mjs');
const ENTRY: Record<string, string> = { start: 'local/start.ts', simulate: 'local/simulate.ts' };
const { t } = translatorFor('en-US');

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function launch(args: string[], env: Record<string, string> = {}): Running {
  const cleanEnv = { ...process.env };
  for (const name of ['PORT', 'ALEXA_VERIFY', 'SPOTIFY_API_BASE_URL', 'SPOTIFY_FAULT', 'LOG_LEVEL', 'SKILL_ID']) delete cleanEnv[name];
  const [command = '', ...rest] = args;
  const child = spawn(process.execPath, [RUNNER, ENTRY[command] ?? command, ...rest], { env: { ...cleanEnv, ...env } });
  const running: Running = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
  child.stdout.on('data', (chunk: Buffer) => (running.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (running.stderr += chunk.toString('utf8')));
  return running;
}

async function finished(args: string[], env?: Record<string, string>): Promise<Running & { code: number | null }> {
  const running = launch(args, env);
  return Object.assign(running, { code: await running.exited });
}

function waitForOutput(running: Running, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(running.stdout);
      if (match !== null) {
        running.child.stdout.off('data', check);
        resolve(match);
      }
    };
    running.child.stdout.on('data', check);
    void running.exited.then(() => reject(new Error(`exited before printing ${pattern}:\n${running.stdout}\n${running.stderr}`)));
    check();
  });
}

describe('npm run simulate', () => {
  it('answers "list my playlists" with names from the demo account', async () => {
    const run = await finished(['simulate', 'list my playlists']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^you> list my playlists\n {2}\(heard as ListPlaylistsIntent\)\nAlexa: You have 30 playlists\. Here are the first 5: Morning Run, Rock & Roll <Live>,/);
  });

  it('answers with the link-account sentence and card when --unlinked', async () => {
    const run = await finished(['simulate', '--unlinked', 'list my playlists']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Alexa: ${t('link.speech')}\n  card:    LinkAccount`);
  });

  it('explains its usage for an option it does not know', async () => {
    const run = await finished(['simulate', '--loud']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option --loud\nusage: npm run simulate -- /);
  });
});

describe('npm start', () => {
  it('prints its URLs, refuses an unsigned POST /alexa, and stops cleanly on SIGTERM', async () => {
    const server = launch(['start'], { PORT: '0' });
    const [, alexaUrl] = await waitForOutput(server, /Alexa endpoint +POST (\S+) +signature and timestamp checks ON/);
    expect(server.stdout).toMatch(/Demo Spotify +http:\/\/127\.0\.0\.1:\d+\/v1 +30 playlists, 2 devices/);
    expect(server.stdout).toMatch(/Fault switch +http:\/\/127\.0\.0\.1:\d+\/admin\/faults/);

    const refused = await fetch(alexaUrl!, { method: 'POST', body: JSON.stringify(launchRequest()) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'Missing Certificate for the skill request' });

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout).toMatch(/Stopped\.\n$/);
  });

  it('says loudly what a HOST other than loopback exposes, and leaves the fault switch off', async () => {
    const server = launch(['start'], { PORT: '0', HOST: '0.0.0.0' });
    await waitForOutput(server, /Fault switch +off \(HOST is not loopback; EXPOSE_ADMIN_ROUTES=on switches it on\)/);
    await waitForOutput(server, /Ctrl-C stops|Simulator/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr).toContain('!!! HOST=0.0.0.0: other machines can reach this server, not only this one.');
    expect(server.stderr).toMatch(/!!! +\/admin\/… +off \(EXPOSE_ADMIN_ROUTES=on would expose the fault switch\)/);
    expect(server.stderr).toMatch(/!!! +demo Spotify +not exposed: it listens on 127\.0\.0\.1 only/);
    expect(server.stdout).toMatch(/Demo Spotify +http:\/\/127\.0\.0\.1:\d+\/v1/);
  });

  it('says loudly that the admin routes are exposed when EXPOSE_ADMIN_ROUTES=on', async () => {
    const server = launch(['start'], { PORT: '0', HOST: '0.0.0.0', EXPOSE_ADMIN_ROUTES: 'on' });
    await waitForOutput(server, /Fault switch +http:\/\/0\.0\.0\.0:\d+\/admin\/faults/);
    await waitForOutput(server, /Ctrl-C stops|Simulator/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr).toMatch(/!!! +\/admin\/… +EXPOSED \(EXPOSE_ADMIN_ROUTES=on\): anyone who reaches it can switch faults on/);
  });

  it('says loudly on stderr that ALEXA_VERIFY=off, and stops cleanly on Ctrl-C (SIGINT)', async () => {
    const server = launch(['start'], { PORT: '0', ALEXA_VERIFY: 'off' });
    await waitForOutput(server, /signature and timestamp checks OFF/);

    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stderr).toContain('!!! ALEXA_VERIFY=off: /alexa accepts ANY request, unsigned and of any age. !!!');
    expect(server.stderr).toMatch(/"level":"warn".*"message":"ALEXA_VERIFY=off: /);
  });

  it('refuses to start with a setting it cannot use, naming the variable', async () => {
    const run = await finished(['start'], { PORT: 'three thousand' });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Playlist Pal cannot start. Configuration: PORT: "three thousand" must be a port from 0 to 65534\n');
  });
});

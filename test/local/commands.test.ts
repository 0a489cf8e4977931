import { readFileSync } from 'node:fs';
import path from 'node:path';
import { translatorFor } from '../../lambda/i18n';
import { UNSIGNED_REQUEST_HINT } from '../../local/endpoint/alexaEndpoint';
import { launchRequest } from '../support/envelopes';
import { finished as exited, launch, stopLeftovers, waitForOutput } from '../support/localCommands';

const { t } = translatorFor('en-US');

afterEach(stopLeftovers);

const finished = (args: string[], env?: Record<string, string>) => exited(launch(args, env));

describe('npm run simulate', () => {
  it('answers "list my playlists" with names from the demo account', async () => {
    const run = await finished(['simulate', 'list my playlists']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nyou> list my playlists\n {2}\(heard as ListPlaylistsIntent\)\nAlexa: You have 30 playlists\. Here are the first 5: Morning Run, Rock & Roll <Live>,/);
  });

  it('answers with the link-account sentence and card when --unlinked', async () => {
    const run = await finished(['simulate', '--unlinked', 'list my playlists']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Alexa: ${t('link.speech')}\n  card:    LinkAccount`);
  });

  it('answers in German with --locale de-DE', async () => {
    const run = await finished(['simulate', '--locale', 'de-DE', 'liste meine playlists']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^  \(the skill's log: .*\)\nyou> liste meine playlists\n {2}\(heard as ListPlaylistsIntent\)\nAlexa: Du hast 30 Playlists\. Hier sind die ersten 5: Morning Run, Rock & Roll <Live>, .* und Deep Focus\. Möchtest du weitere hören\?/);
  });

  it('explains its usage for an option it does not know', async () => {
    const run = await finished(['simulate', '--loud']);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option --loud\nusage: npm run simulate -- /);
  });
});

describe('npm run simulate: account linking and the commands, the same in one-shot and piped use', () => {
  it('runs the linking lifecycle in one shot: card, playlists, refresh, playlists, failed refresh, card, and prints no token even at LOG_LEVEL=debug', async () => {
    const run = await finished(
      ['simulate', '--unlinked', 'list my playlists', 'link', 'list my playlists', 'expire', 'list my playlists', 'revoke', 'list my playlists'],
      { LOG_LEVEL: 'debug' },
    );

    expect(run.code).toBe(0);
    const card = '  card:    LinkAccount';
    const playlists = 'Alexa: You have 30 playlists.';
    let at = 0;
    for (const step of [card, 'you> link', '  authorize GET ', '  consent   ', '  code      ', '  token     POST ', '  event     AlexaSkillEvent.SkillAccountLinked', '(linked: requests now carry the access token)', playlists, '(Alexa refreshed the expired access token: token#', playlists, "(Alexa's refresh of the expired access token failed (invalid_grant", card]) {
      const found = run.stdout.indexOf(step, at);
      expect({ step, found: found >= 0 }).toEqual({ step, found: true });
      at = found + step.length;
    }
    const log = readFileSync(run.logFile, 'utf8');
    expect(log).toMatch(/"level":"debug"/);
    // The demo server's codes and tokens are 64 hexadecimal characters; none may show, anywhere.
    expect(`${run.stdout}${run.stderr}${log}`).not.toMatch(/[0-9a-f]{64}/);
  });

  it('takes commands in any case, link --deny unquoted, locale without a value as a usage line, and "en-us" as en-US', async () => {
    const run = await finished(['simulate', 'Unlink', 'list my playlists', 'LINK', '--deny', 'locale', 'locale en-us', 'help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('you> Unlink\n  (unlinked in the Alexa app');
    expect(run.stdout).toContain(`Alexa: ${t('link.speech')}\n  card:    LinkAccount`);
    expect(run.stdout).toMatch(/you> LINK --deny\n(.*\n)*? {2}consent {3}.*presses "Cancel"\n(.*\n)*? {2}\(linking failed: access_denied/);
    expect(run.stdout).toContain('you> locale\n  usage: locale xx-XX');
    expect(run.stdout).toContain('you> locale en-us\n  (locale en-US; a new session starts)');
    expect(run.stdout).toContain(`Alexa: ${t('help.unlinkedSpeech')}`);
  });

  it('treats an empty utterance as silence: the reprompt, then Alexa ends the session', async () => {
    const run = await finished(['simulate', 'list my playlists', '', '', '']);

    expect(run.stdout).toContain('you> \nAlexa (reprompt): Want to hear more of your playlists? Say yes or no.');
    expect(run.stdout).toMatch(/you> \n {2}\(heard as SessionEndedRequest \(EXCEEDED_MAX_REPROMPTS\)[^\n]*\)\nAlexa: \(says nothing\)\n {2}session: ended/);
    expect(run.stdout).toMatch(/you> \n {2}\(silence: no session is open, so nothing happens\)\n$/);
  });

  it('runs the same lines piped in as it does in one shot', async () => {
    const running = launch(['simulate']);
    running.child.stdin.end('Unlink\nlist my playlists\nlink\nlist my playlists\n\nEXPIRE\nyes\n');
    expect(await running.exited).toBe(0);

    expect(running.stdout).toContain('you> Unlink\n  (unlinked in the Alexa app');
    expect(running.stdout).toContain(`Alexa: ${t('link.speech')}`);
    expect(running.stdout).toContain('(linked: requests now carry the access token)');
    expect(running.stdout).toContain('you> \nAlexa (reprompt): Want to hear more of your playlists? Say yes or no.');
    expect(running.stdout).toMatch(/you> yes\n {2}\(Alexa refreshed the expired access token: token#[0-9a-f]{6} lives \d+ s\.\)\n {2}\(heard as AMAZON\.YesIntent\)\nAlexa: Here are the next ones/);
  });

  it('says which field of a changed template Alexa could not link with, and stops', async () => {
    const run = await finished(['simulate', 'help'], { LINKING_TEMPLATE: path.join(__dirname, 'no-such.template.json') });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The account-linking template .*no-such\.template\.json cannot be read as JSON: ENOENT/);
  });
});

describe('npm start', () => {
  it('prints its URLs, refuses an unsigned POST /alexa, and stops cleanly on SIGTERM', async () => {
    const server = launch(['start'], { PORT: '0' });
    const [, alexaUrl] = await waitForOutput(server, /Alexa endpoint +POST (\S+) +signature and timestamp checks ON/);
    expect(server.stdout).toMatch(/Demo Spotify +http:\/\/127\.0\.0\.1:\d+\/v1 +30 playlists, 2 devices/);
    expect(server.stdout).toMatch(/Fault switch +http:\/\/127\.0\.0\.1:\d+\/admin\/faults/);
    expect(server.stdout).toMatch(/Demo accounts +http:\/\/127\.0\.0\.1:\d+\/authorize +token endpoint http:\/\/127\.0\.0\.1:\d+\/api\/token/);
    expect(server.stdout).toMatch(/this run's own demo app: client id playlist-pal-local-demo, client secret \S+ \(not Spotify's\)/);
    expect(server.stdout).toMatch(/Account linking +AUTH_CODE, HTTP_BASIC, scopes playlist-read-private .* from account-linking\/spotify\.template\.json/);

    const refused = await fetch(alexaUrl!, { method: 'POST', body: JSON.stringify(launchRequest()) });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: `Missing Certificate for the skill request. ${UNSIGNED_REQUEST_HINT}` });

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
    expect(server.stderr).toMatch(/!!! +\/ \(web simulator\) off, as \/admin\/… is/);
    expect(server.stdout).toMatch(/Web simulator +off \(HOST is not loopback; EXPOSE_ADMIN_ROUTES=on switches it on\)/);
    expect(server.stderr).toMatch(/!!! +demo Spotify +not exposed: its API and its accounts server listen on 127\.0\.0\.1 only/);
    expect(server.stdout).toMatch(/Demo Spotify +http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(server.stdout).toMatch(/Demo accounts +http:\/\/127\.0\.0\.1:\d+\/authorize/);
  });

  it('says loudly that the admin routes are exposed when EXPOSE_ADMIN_ROUTES=on', async () => {
    const server = launch(['start'], { PORT: '0', HOST: '0.0.0.0', EXPOSE_ADMIN_ROUTES: 'on' });
    await waitForOutput(server, /Fault switch +http:\/\/0\.0\.0\.0:\d+\/admin\/faults/);
    await waitForOutput(server, /Ctrl-C stops|Simulator/);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr).toMatch(/!!! +\/admin\/… +EXPOSED \(EXPOSE_ADMIN_ROUTES=on\): anyone who reaches it can switch faults on/);
    expect(server.stderr).toMatch(/!!! +\/ \(web simulator\) EXPOSED \(EXPOSE_ADMIN_ROUTES=on\)/);
    expect(server.stdout).toMatch(/Web simulator +http:\/\/0\.0\.0\.0:\d+\//);
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
    expect(run.stderr).toBe('Playlist Pal cannot start. Configuration: PORT: "three thousand" must be a port from 0 to 65533\n');
  });
});

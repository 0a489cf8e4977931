import path from 'node:path';
import { readLocalConfig, readLogFile } from './localConfig';
import { COMMANDS_HELP, startRepl } from './simulator/repl';
import { Simulator } from './simulator/simulator';
import { fileSink, startLocalRuntime, stderrSink, type LocalRuntime } from './runtime';
import { describeStartupError } from './startupErrors';
import { isLoopbackHost } from './http';
import { startHelp } from './usage';

const print = (text: string) => process.stdout.write(`${text}\n`);

function banner(runtime: LocalRuntime, verify: boolean): string {
  const { account } = runtime.demo;
  const lines = [
    `Playlist Pal runs on this machine (ready in ${Math.round(performance.now())} ms):`,
    runtime.adminAccess.enabled
      ? `  Web simulator    ${runtime.urls.web}   open it in a browser: speech, cards, screens, linking, faults`
      : '  Web simulator    off (HOST is not loopback; EXPOSE_ADMIN_ROUTES=on switches it on)',
    `  Alexa endpoint   POST ${runtime.urls.alexa}   signature and timestamp checks ${verify ? 'ON' : 'OFF'}`,
    `  Demo Spotify     ${runtime.urls.spotify}   ${account.playlists.length} playlists, ${account.devices.length} devices`,
    runtime.adminAccess.enabled
      ? `  Fault switch     ${runtime.urls.admin}   e.g. curl -X POST -H 'content-type: application/json' -d '{"fault":"429"}' ${runtime.urls.admin}`
      : '  Fault switch     off (HOST is not loopback; EXPOSE_ADMIN_ROUTES=on switches it on)',
    `  Demo accounts    ${runtime.urls.authorize}   token endpoint ${runtime.urls.token}`,
    `                   this run's own demo app: client id ${runtime.demo.accounts.client.id}, client secret ${runtime.demo.accounts.client.secret} (not Spotify's)`,
    `  Account linking  ${runtime.template.type}, ${runtime.template.accessTokenScheme}, scopes ${runtime.template.scopes.join(' ') || '(none)'}   from ${path.relative(process.cwd(), runtime.linkingTemplateFile)}`,
    `  Listener memory  ${runtime.persistence.description}${runtime.persistence.table === undefined || !runtime.adminAccess.enabled ? '' : '; GET /admin/state shows it'}`,
  ];
  if (runtime.config.spotifyApiBaseUrl !== runtime.urls.spotify) {
    lines.push(`  The skill uses   ${runtime.config.spotifyApiBaseUrl}   (SPOTIFY_API_BASE_URL)`);
  }
  if (runtime.demo.faults.active.length > 0) {
    lines.push(`  Faults on        ${runtime.demo.faults.active.map((fault) => fault.name).join(', ')}   (SPOTIFY_FAULT)`);
  }
  return lines.join('\n');
}

/** What a HOST other than loopback makes reachable from other machines, said loudly. */
export function exposureWarning(host: string, adminEnabled: boolean): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return [
    '',
    `!!! HOST=${host}: other machines can reach this server, not only this one.`,
    '!!!   /alexa            the skill endpoint (Alexa\'s signature checks guard it unless ALEXA_VERIFY=off)',
    adminEnabled
      ? '!!!   /admin/…          EXPOSED (EXPOSE_ADMIN_ROUTES=on): anyone who reaches it can switch faults on and read the demo state'
      : '!!!   /admin/…          off (EXPOSE_ADMIN_ROUTES=on would expose the fault switch)',
    adminEnabled
      ? '!!!   / (web simulator) EXPOSED (EXPOSE_ADMIN_ROUTES=on): anyone who reaches it can talk to the skill as the demo listener'
      : '!!!   / (web simulator) off, as /admin/… is',
    '!!!   /link/callback    Alexa\'s redirect after consent in a browser (it finishes only a link this run started)',
    '!!!   demo Spotify      not exposed: its API and its accounts server listen on 127.0.0.1 only',
    '',
  ].join('\n');
}

const UNVERIFIED_WARNING = [
  '',
  '!!! ALEXA_VERIFY=off: /alexa accepts ANY request, unsigned and of any age. !!!',
  '!!! Use this only for local experiments, never behind a public tunnel.     !!!',
  '',
].join('\n');

/** `npm start`: the demo Spotify, the skill's endpoint and (on a terminal) the simulator, until Ctrl-C. */
export async function main(argv: readonly string[] = []): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    print(startHelp());
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`npm start takes no arguments (${argv[0]}): its settings are environment variables, listed by npm start -- --help\n`);
    return 2;
  }
  // Listening before anything is printed: a Ctrl-C right after the banner must stop cleanly too.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  let runtime: LocalRuntime | undefined;
  let simulator: Simulator;
  let verify: boolean;
  let host: string;
  const terminal = Boolean(process.stdin.isTTY);
  const logFile = readLogFile(process.env);
  try {
    const local = readLocalConfig(process.env);
    verify = local.verify;
    host = local.host;
    runtime = await startLocalRuntime({ env: process.env, local, sink: terminal ? fileSink(logFile) : stderrSink });
    simulator = new Simulator({ skill: runtime.skill, linking: runtime.linking, directives: runtime.directives, skillId: runtime.config.skillId });
    // The terminal's simulated user starts linked, through the whole flow (quietly: its steps are what `link` shows).
    if (terminal) {
      const problem = await runtime.linking.prepare(simulator.userId, { linked: true, locale: simulator.locale });
      if (problem !== undefined) process.stderr.write(`${problem}\n`);
    }
  } catch (error) {
    process.stderr.write(`Playlist Pal cannot start. ${describeStartupError(error)}\n`);
    await runtime?.close();
    return 1;
  }
  print(banner(runtime, verify));
  const exposure = exposureWarning(host, runtime.adminAccess.enabled);
  if (exposure !== undefined) process.stderr.write(`${exposure}\n`);
  if (!verify) process.stderr.write(UNVERIFIED_WARNING);

  if (terminal) {
    print(`  Skill log        ${path.relative(process.cwd(), logFile) || logFile}   (tail -f it; LOG_LEVEL=debug for more)`);
    print(`  Simulator        below, linked to the demo account\n\n${COMMANDS_HELP}`);
    const repl = startRepl({ simulator, input: process.stdin, output: process.stdout, terminal: true });
    await Promise.race([repl.done, stopSignal]);
    repl.close();
    print('');
  } else {
    print('  Simulator        off here (stdin is not a terminal); try npm run simulate\nCtrl-C stops.');
    await stopSignal;
  }
  await runtime.close();
  print('Stopped.');
  return 0;
}

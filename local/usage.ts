import path from 'node:path';
import { COMMANDS_HELP } from './simulator/commands';
import { availableLocales } from './simulator/interactionModel';
import { INTERACTION_MODELS_DIR } from './paths';
import { FAULTS } from './spotify/faults';

/** The settings `npm start` and `npm run simulate` both read; docs/running-locally.md has them all. */
const SHARED_SETTINGS = [
  '  SPOTIFY_FAULT=slow       faults the demo Spotify has from the start, one or several with commas:',
  `                           ${Object.keys(FAULTS).join(', ')} (SPOTIFY_FAULT_MS: how late slow is)`,
  '  LINKING_TEMPLATE=f.json  link with a changed account-linking template (and DEMO_ACCESS_TOKEN_SECONDS,',
  '                           DEMO_REFRESH_TOKEN_SECONDS, DEMO_CLIENT_AUTH for the demo authorization server)',
  '  LOG_LEVEL=debug          how much the skill logs (default info); LOG_FILE: where the log goes',
  '                           (default build/local/playlist-pal.log)',
  '  and the skill\'s own: SPOTIFY_API_BASE_URL, SKILL_ID, REQUEST_BUDGET_MS, SPOTIFY_TIMEOUT_MS',
];

const MORE = 'More: docs/running-locally.md';

export function simulateHelp(): string {
  const models = path.relative(process.cwd(), INTERACTION_MODELS_DIR) || INTERACTION_MODELS_DIR;
  return [
    'usage: npm run simulate -- [--unlinked] [--locale xx-XX] ["what you would say" or a command ...]',
    '',
    'Talks to Playlist Pal on this machine as an Alexa user would: the skill Lambda runs, a demo Spotify',
    'and Alexa\'s side of account linking, on free loopback ports. Each argument is one turn, said or run',
    'in order, then it exits; with none it is a conversation (or it reads the lines piped in).',
    '',
    'options:',
    '  --unlinked      start as a user who has not linked Spotify (default: linked to the demo account)',
    '  --locale xx-XX  the locale the user speaks (default en-US; en-us is understood): one with an',
    `                  interaction model in ${models}/ (here: ${availableLocales().join(', ') || 'none'})`,
    '  --help, -h      this help',
    '',
    COMMANDS_HELP,
    '',
    'settings (environment):',
    ...SHARED_SETTINGS,
    '',
    MORE,
  ].join('\n');
}

export function startHelp(): string {
  return [
    'usage: npm start [-- --help]',
    '',
    'Runs Playlist Pal on this machine until Ctrl-C: the skill\'s Alexa endpoint (POST /alexa), a demo',
    'Spotify with its authorization server, and a fault switch (/admin/faults); on a terminal, the',
    'simulator below it, to talk to the skill as an Alexa user would.',
    '',
    'settings (environment):',
    '  PORT=3000                the endpoint\'s port; the demo Spotify takes the next two; PORT=0 picks free ports',
    '  HOST=127.0.0.1           the address to listen on',
    '  ALEXA_VERIFY=off         accept requests at /alexa without Alexa\'s signature (local experiments only,',
    '                           never behind a public tunnel)',
    ...SHARED_SETTINGS,
    '',
    MORE,
  ].join('\n');
}

import { runLine } from '../../../local/simulator/commands';
import { startTestRuntime } from '../../support/localRuntime';

describe('tokens in the local run at LOG_LEVEL=debug', () => {
  it('never reach the transcript or the log, through link, refresh, raw, revoke, relink, disable and enable', async () => {
    const local = await startTestRuntime({ env: { LOG_LEVEL: 'debug' } });
    try {
      const simulator = await local.simulator({ linked: false });
      const secrets = new Set<string>([local.runtime.demo.accounts.client.secret]);
      // Every code, access token and refresh token the demo Spotify issues, and every Alexa API token the local Alexa gives out.
      local.runtime.demo.accounts.store.onIssued((issued) => secrets.add(issued));
      const open = local.runtime.directives.open.bind(local.runtime.directives);
      jest.spyOn(local.runtime.directives, 'open').mockImplementation((...args) => {
        const access = open(...args);
        secrets.add(access.apiAccessToken);
        return access;
      });
      const remember = () => {
        const tokens = local.runtime.linking.alexa.tokensOf(simulator.userId);
        if (tokens !== undefined) [tokens.accessToken, tokens.refreshToken].forEach((token) => token !== undefined && secrets.add(token));
      };
      let transcript = '';
      const lines = ['link', 'list my playlists', 'raw', 'expire', 'yes', 'raw', 'revoke', 'list my playlists', 'link', 'play morning run', 'disable', 'enable', 'link'];
      for (const line of lines) {
        remember();
        transcript += (await runLine(line, simulator)).lines.join('\n');
        remember();
      }

      expect(local.logs.some((line) => line.level === 'debug')).toBe(true);
      expect(secrets.size).toBeGreaterThan(12);
      const everything = `${transcript}\n${JSON.stringify(local.logs)}`;
      for (const secret of secrets) expect({ leaked: everything.includes(secret) }).toEqual({ leaked: false });
    } finally {
      await local.close();
    }
  });
});

describe('the secrets of the local run', () => {
  it('are registered with the skill\'s logger, so a line that quotes one loses it: the demo client secret, each refresh token and each Alexa API token', async () => {
    const local = await startTestRuntime();
    try {
      const simulator = await local.simulator({ linked: false });
      await runLine('link', simulator);
      const tokens = local.runtime.linking.alexa.tokensOf(simulator.userId)!;
      const { apiAccessToken } = local.runtime.directives.open('amzn1.echo-api.request.quoted');
      const quoted = [local.runtime.demo.accounts.client.secret, tokens.refreshToken!, tokens.accessToken, apiAccessToken];

      local.runtime.logger.error('something quoted them', { error: new Error(`refused: ${quoted.join(' and ')}`), body: JSON.stringify({ quoted }) });

      const line = JSON.stringify(local.logs.at(-1));
      expect(line).toContain('something quoted them');
      for (const secret of quoted) expect({ leaked: line.includes(secret) }).toEqual({ leaked: false });
    } finally {
      await local.close();
    }
  });
});

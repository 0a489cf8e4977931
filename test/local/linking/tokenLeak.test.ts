import { runLine } from '../../../local/simulator/commands';
import { startTestRuntime } from '../../support/localRuntime';

describe('tokens in the local run at LOG_LEVEL=debug', () => {
  it('never reach the transcript or the log, through link, refresh, raw, revoke, relink, disable and enable', async () => {
    const local = await startTestRuntime({ env: { LOG_LEVEL: 'debug' } });
    try {
      const simulator = await local.simulator({ linked: false });
      const secrets = new Set<string>([local.runtime.demo.accounts.client.secret]);
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
      for (const request of local.runtime.demo.standIn.requests) secrets.add(String(request.headers.authorization).replace(/^Bearer /, ''));

      expect(local.logs.some((line) => line.level === 'debug')).toBe(true);
      expect(secrets.size).toBeGreaterThan(6);
      const everything = `${transcript}\n${JSON.stringify(local.logs)}`;
      for (const secret of secrets) expect({ leaked: everything.includes(secret) }).toEqual({ leaked: false });
    } finally {
      await local.close();
    }
  });
});

import path from 'node:path';
import { readLocalConfig } from '../../local/localConfig';
import { DEFAULT_TEMPLATE } from '../../local/linking/template';

const DEFAULT_LINKING = { templateFile: DEFAULT_TEMPLATE, accessTokenSeconds: 3600, refreshTokenSeconds: 180 * 24 * 3600, clientAuthentication: 'HTTP_BASIC' };

describe('reading the local run\'s settings', () => {
  it('defaults to port 3000 on loopback, with Alexa\'s checks on and no faults', () => {
    expect(readLocalConfig({})).toEqual({ port: 3000, host: '127.0.0.1', verify: true, faults: [], slowMs: undefined, exposeAdmin: false, linking: DEFAULT_LINKING });
  });

  it('reads PORT, HOST, ALEXA_VERIFY=off, EXPOSE_ADMIN_ROUTES=on and a list of faults with their delay', () => {
    expect(
      readLocalConfig({ PORT: '0', HOST: '0.0.0.0', ALEXA_VERIFY: 'OFF', SPOTIFY_FAULT: 'slow, 429', SPOTIFY_FAULT_MS: '900', EXPOSE_ADMIN_ROUTES: 'on' }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      verify: false,
      faults: ['slow', '429'],
      slowMs: 900,
      exposeAdmin: true,
      linking: DEFAULT_LINKING,
    });
  });

  it('reads the account-linking settings: the template to try, the token lifetimes and the client authentication', () => {
    const env = { LINKING_TEMPLATE: 'changed.json', DEMO_ACCESS_TOKEN_SECONDS: '600', DEMO_REFRESH_TOKEN_SECONDS: '7200', DEMO_CLIENT_AUTH: 'request_body_credentials' };

    expect(readLocalConfig(env).linking).toEqual({ templateFile: path.resolve('changed.json'), accessTokenSeconds: 600, refreshTokenSeconds: 7200, clientAuthentication: 'REQUEST_BODY_CREDENTIALS' });
  });

  it.each([
    [{ PORT: '65534' }, /^PORT: "65534" must be a port from 0 to 65533$/],
    [{ DEMO_ACCESS_TOKEN_SECONDS: '1.5' }, /^DEMO_ACCESS_TOKEN_SECONDS: "1.5" must be a whole number of seconds/],
    [{ DEMO_REFRESH_TOKEN_SECONDS: '0' }, /^DEMO_REFRESH_TOKEN_SECONDS: "0" must be a whole number of seconds/],
    [{ DEMO_CLIENT_AUTH: 'digest' }, /^DEMO_CLIENT_AUTH: "DIGEST" must be HTTP_BASIC or REQUEST_BODY_CREDENTIALS$/],
    [{ ALEXA_VERIFY: 'no' }, /^ALEXA_VERIFY: "no" must be on or off$/],
    [{ EXPOSE_ADMIN_ROUTES: 'yes' }, /^EXPOSE_ADMIN_ROUTES: "yes" must be on or off$/],
    [{ SPOTIFY_FAULT: '500,meteor' }, /^SPOTIFY_FAULT: unknown fault "meteor"; known: .*slow/],
    [{ SPOTIFY_FAULT_MS: 'soon' }, /^SPOTIFY_FAULT_MS: "soon" must be a whole number/],
  ])('names the variable when %p cannot be used', (env, message) => {
    expect(() => readLocalConfig(env)).toThrow(message);
  });
});

import { readLocalConfig } from '../../local/localConfig';

describe('reading the local run\'s settings', () => {
  it('defaults to port 3000 on loopback, with Alexa\'s checks on and no faults', () => {
    expect(readLocalConfig({})).toEqual({ port: 3000, host: '127.0.0.1', verify: true, faults: [], slowMs: undefined, exposeAdmin: false });
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
    });
  });

  it.each([
    [{ PORT: '65535' }, /^PORT: "65535" must be a port from 0 to 65534$/],
    [{ ALEXA_VERIFY: 'no' }, /^ALEXA_VERIFY: "no" must be on or off$/],
    [{ EXPOSE_ADMIN_ROUTES: 'yes' }, /^EXPOSE_ADMIN_ROUTES: "yes" must be on or off$/],
    [{ SPOTIFY_FAULT: '500,meteor' }, /^SPOTIFY_FAULT: unknown fault "meteor"; known: .*slow/],
    [{ SPOTIFY_FAULT_MS: 'soon' }, /^SPOTIFY_FAULT_MS: "soon" must be a whole number/],
  ])('names the variable when %p cannot be used', (env, message) => {
    expect(() => readLocalConfig(env)).toThrow(message);
  });
});

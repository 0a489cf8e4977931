import { explainListenError, ListenAddressError, ListenError, PortInUseError } from '../../local/http';
import { startTestRuntime } from '../support/localRuntime';
import { occupyPort } from '../support/occupyPort';

describe('starting on ports that are taken', () => {
  it('says which port is in use and how to pick another when the endpoint\'s port is taken', async () => {
    const taken = await occupyPort();
    try {
      const start = startTestRuntime({ local: { port: taken.port } });

      await expect(start).rejects.toThrow(PortInUseError);
      await expect(start).rejects.toThrow(new RegExp(`^Port ${taken.port} is already in use, so the Alexa endpoint cannot start\\..*let the system pick free ports: PORT=0 npm start$`));
    } finally {
      await taken.close();
    }
  });

  it('names the demo Spotify when the port next to PORT is taken', async () => {
    const taken = await occupyPort();
    try {
      await expect(startTestRuntime({ local: { port: taken.port - 1 } })).rejects.toThrow(
        new RegExp(`^Port ${taken.port} is already in use, so the demo Spotify cannot start`),
      );
    } finally {
      await taken.close();
    }
  });
});

describe('explaining a listen that failed', () => {
  it('says a port below 1024 needs administrator rights, and suggests PORT=0', () => {
    const explained = explainListenError(Object.assign(new Error('listen EACCES'), { code: 'EACCES' }), 80, 'the Alexa endpoint');

    expect(explained).toBeInstanceOf(ListenError);
    expect((explained as Error).message).toBe('Port 80 needs administrator rights on this machine, so the Alexa endpoint cannot start. Pick one above 1023, or let the system pick free ports: PORT=0 npm start');
  });

  it('reads a HOST the resolver could not look up at the time (EAI_AGAIN) as one it cannot resolve', () => {
    const explained = explainListenError(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN', hostname: 'my-laptop.local' }), 3000, 'the Alexa endpoint');

    expect(explained).toBeInstanceOf(ListenAddressError);
    expect((explained as Error).message).toMatch(/^HOST=my-laptop\.local is not a name or address this machine can resolve: /);
  });

  it('leaves any other failure as it was', () => {
    const other = Object.assign(new Error('listen EMFILE'), { code: 'EMFILE' });

    expect(explainListenError(other, 3000, 'the Alexa endpoint')).toBe(other);
  });
});

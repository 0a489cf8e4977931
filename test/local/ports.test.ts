import net from 'node:net';
import { PortInUseError } from '../../local/http';
import { startTestRuntime } from '../support/localRuntime';

function occupyPort(): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: (server.address() as net.AddressInfo).port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe('starting on ports that are taken', () => {
  it('says which port is in use and how to pick another when the endpoint\'s port is taken', async () => {
    const taken = await occupyPort();
    try {
      const start = startTestRuntime({ local: { port: taken.port } });

      await expect(start).rejects.toThrow(PortInUseError);
      await expect(start).rejects.toThrow(new RegExp(`^Port ${taken.port} is already in use, so the Alexa endpoint cannot start\\..*PORT=\\d+ npm start$`));
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

import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { refusedBaseUrl } from './spotifyClient';

/** What the skill harness needs to point the skill at a table. */
export interface TableAt {
  readonly tableName: string;
  readonly clientConfig: DynamoDBClientConfig;
}

const LOCAL = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** A table endpoint where nothing listens. */
export async function unreachableTable(): Promise<TableAt> {
  return { tableName: 'playlist-pal-listeners', clientConfig: { ...LOCAL, endpoint: new URL(await refusedBaseUrl()).origin } };
}

/** A table endpoint that accepts every connection and never answers. */
export async function hangingTable(): Promise<TableAt & { close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    tableName: 'playlist-pal-listeners',
    clientConfig: { ...LOCAL, endpoint: `http://127.0.0.1:${port}` },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

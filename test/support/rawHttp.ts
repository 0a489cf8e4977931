import net from 'node:net';

/** One raw request line, for targets no HTTP client would send; resolves with the status line. */
export function rawStatusLine(origin: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(Number(port), hostname, () => socket.end(`${requestLine}\r\nHost: local\r\nConnection: close\r\n\r\n`));
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

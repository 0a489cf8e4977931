import http from 'node:http';

/**
 * A request with exactly the headers given, as a browser or a DNS-rebinding page would send them
 * (fetch refuses to set Host or Origin); the answer's status and text.
 */
export function rawRequest(url: string, method: string, headers: http.OutgoingHttpHeaders, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

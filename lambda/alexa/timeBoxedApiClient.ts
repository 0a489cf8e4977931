import type { services } from 'ask-sdk-model';

/**
 * An ApiClient for Alexa's own services (the directive service) that gives up after
 * `timeoutMs`, DNS and connect included, and never goes through a proxy from the environment.
 * The SDK's default client has no timeout at all. axios is loaded on first use, as in the
 * Spotify transport, to keep it out of the cold start.
 */
export class TimeBoxedApiClient implements services.ApiClient {
  constructor(private readonly timeoutMs: number) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    const { default: axios } = await import('axios');
    const response = await axios.request<string>({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers.map(({ key, value }) => [key, value])),
      data: request.body,
      signal: AbortSignal.timeout(this.timeoutMs),
      proxy: false,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
    });
    return {
      statusCode: response.status,
      body: typeof response.data === 'string' ? response.data : '',
      headers: Object.entries(response.headers).map(([key, value]) => ({ key, value: String(value) })),
    };
  }
}

import http from 'node:http';
import https from 'node:https';
import { getIntentName, getRequestType, SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { AxiosInstance } from 'axios';

/*
 * The floor for this stack: a bare ask-sdk-core hello-world, plus, for the linked list, the
 * same Spotify call made with the same HTTP client (axios, keep-alive agent) and nothing else:
 * no i18n, no validation, no logging, no deadline. Bundled by scripts/build.mjs like the skill.
 * Like the skill, it loads axios on the first Spotify call, so the unlinked launch measures the
 * bare SDK alone.
 */
let spotify: Promise<AxiosInstance> | undefined;
function spotifyClient(): Promise<AxiosInstance> {
  spotify ??= import('axios').then(({ default: axios }) =>
    axios.create({
      baseURL: process.env.SPOTIFY_API_BASE_URL ?? 'https://api.spotify.com/v1',
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
      proxy: false,
      // As the skill's transport: plain http(s), not follow-redirects.
      maxRedirects: 0,
    }),
  );
  return spotify;
}

const helloWorld: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => input.responseBuilder.speak('Hello world!').getResponse(),
};

const listPlaylists: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest' && getIntentName(input.requestEnvelope) === 'ListPlaylistsIntent',
  async handle(input) {
    const token = input.requestEnvelope.context.System.user.accessToken;
    const { data } = await (await spotifyClient()).get<{ total: number }>('/me/playlists', {
      params: { limit: 5, offset: 0 },
      headers: { Authorization: `Bearer ${token}` },
    });
    return input.responseBuilder.speak(`Hello! You have ${data.total} playlists.`).getResponse();
  },
};

const skill = SkillBuilders.custom().addRequestHandlers(helloWorld, listPlaylists).create();

export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}

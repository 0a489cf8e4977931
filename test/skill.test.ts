import { DEMO_ACCESS_TOKEN } from '../local/spotify/demoAccount';
import type { RequestEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest, otherRequest, sessionEndedRequest, TEST_SKILL_ID } from './support/envelopes';
import { cardType, endsSession, repromptText, spokenText } from './support/responses';
import { startHarness, type Harness } from './support/skillHarness';
import { loadConfig } from '../lambda/config';
import { Logger } from '../lambda/logging/logger';
import { DynamoDbPersistenceAdapter } from '../lambda/persistence';
import { createDependencies } from '../lambda/skill';

describe('the assembled skill', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.spotify.reset());
  afterAll(() => harness.close());

  it('welcomes a linked user with their playlist count and keeps the session open', async () => {
    const response = await harness.ask(launchRequest({ accessToken: DEMO_ACCESS_TOKEN }));

    expect(spokenText(response)).toMatch(/^Welcome to Playlist Pal\. You have 30 playlists\./);
    expect(repromptText(response)).not.toBe('');
    expect(endsSession(response)).toBe(false);
    expect(harness.spotify.requests[0]).toMatchObject({ method: 'GET', path: '/me/playlists', query: { limit: '50', offset: '0' } });
  });

  it('sends the relink card, worded as "link again", when Spotify rejects the token', async () => {
    const response = await harness.ask(launchRequest({ accessToken: 'revoked-token' }));

    expect(cardType(response)).toBe('LinkAccount');
    expect(spokenText(response)).toMatch(/expired.*link Spotify again/);
    expect(endsSession(response)).toBe(true);
  });

  it('sends the relink card when a list request meets a 401', async () => {
    harness.spotify.inject({ path: '/me/playlists', fault: { kind: 'status', status: 401 } });
    const response = await harness.ask(intentRequest('ListPlaylistsIntent', {}, { accessToken: DEMO_ACCESS_TOKEN }));

    expect(cardType(response)).toBe('LinkAccount');
    expect(spokenText(response)).toMatch(/link Spotify again/);
  });

  it('answers an intent it does not know with a spoken fallback', async () => {
    const response = await harness.ask(intentRequest('SomeIntentFromANewerModel', {}, { accessToken: DEMO_ACCESS_TOKEN }));

    expect(spokenText(response)).toMatch(/didn't get that.*list my playlists/);
    expect(endsSession(response)).toBe(false);
  });

  it('answers an unknown request type with speech, and device events with an empty response', async () => {
    const spoken = await harness.ask(otherRequest('Alexa.Something.New', {}, { accessToken: null }));
    expect(spokenText(spoken)).toMatch(/didn't get that/);

    const silent = await harness.ask(otherRequest('System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE' } }));
    expect(silent.response.outputSpeech).toBeUndefined();
  });

  it.each([
    ['without a request', (envelope: RequestEnvelope) => ({ ...envelope, request: undefined })],
    ['without a context', (envelope: RequestEnvelope) => ({ ...envelope, context: undefined })],
    ['with an intent lacking its name', (envelope: RequestEnvelope) => ({ ...envelope, request: { type: 'IntentRequest', requestId: 'r', timestamp: 't', locale: 'en-US' } })],
    ['with an unsupported locale', (envelope: RequestEnvelope) => ({ ...envelope, request: { ...envelope.request, locale: 'xx-XX' } })],
  ])('answers a malformed envelope %s with a sentence, not an exception', async (_, mangle) => {
    const envelope = mangle(intentRequest('AMAZON.HelpIntent', {}, { accessToken: null })) as unknown as RequestEnvelope;

    const response = await harness.ask(envelope);

    expect(spokenText(response).length).toBeGreaterThan(10);
  });

  it('answers a session end with an empty response and logs the reason', async () => {
    const response = await harness.ask(sessionEndedRequest('EXCEEDED_MAX_REPROMPTS', { accessToken: DEMO_ACCESS_TOKEN }));

    expect(response.response).toEqual({});
    expect(harness.logs).toContainEqual(expect.objectContaining({ message: 'session ended', reason: 'EXCEEDED_MAX_REPROMPTS' }));
  });
});

describe('the skill id check', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ env: { SKILL_ID: TEST_SKILL_ID } });
  });
  afterAll(() => harness.close());

  it('answers requests for its own skill id', async () => {
    const response = await harness.ask(intentRequest('AMAZON.HelpIntent', {}, { accessToken: null }));
    expect(spokenText(response)).toMatch(/list my playlists/);
  });

  it('refuses requests for another skill and calls nothing', async () => {
    const envelope = launchRequest({ accessToken: DEMO_ACCESS_TOKEN, skillId: 'amzn1.ask.skill.someone-else' });

    await expect(harness.ask(envelope)).rejects.toThrow(/Skill ID verification failed/);
    expect(harness.spotify.requests).toHaveLength(0);
  });
});

describe('the container-wide parts', () => {
  function logged(config: Record<string, string>) {
    const lines: Array<Record<string, unknown>> = [];
    const dependencies = createDependencies(loadConfig(config), new Logger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)));
    return { dependencies, lines };
  }

  it('runs stateless without PERSISTENCE_TABLE_NAME, and says so once in the log', () => {
    const { dependencies, lines } = logged({});

    expect(dependencies.persistence).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ level: 'info', message: 'stateless: PERSISTENCE_TABLE_NAME is not set, so nothing is remembered between sessions' })]);
  });

  it('remembers listeners in the named table, without a word in the log', () => {
    const { dependencies, lines } = logged({ PERSISTENCE_TABLE_NAME: 'playlist-pal-listeners' });

    expect(dependencies.persistence).toBeInstanceOf(DynamoDbPersistenceAdapter);
    expect(lines).toEqual([]);
  });
});

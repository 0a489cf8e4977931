import { answerOf, compareAnswers, CONVERSATION_FORMAT, parseConversation } from '../../../local/web/conversation';
import { ConversationFullError, RecordedSession } from '../../../local/web/session';
import { startTestRuntime, type TestRuntime } from '../../support/localRuntime';

const minimal = { format: CONVERSATION_FORMAT, locale: 'en-US', linked: true, screen: false, steps: [{ line: 'help', answer: { note: 'x' } }] };

describe('a conversation file', () => {
  it('is read when it has the format, the start and at least one step', () => {
    expect(parseConversation(JSON.stringify(minimal))).toEqual(minimal);
  });

  it('is refused with the reason and the place when it is not JSON, not a conversation, or names an unknown fault', () => {
    expect(() => parseConversation('{', 'a.json')).toThrow(/^a\.json is not JSON: /);
    expect(() => parseConversation(JSON.stringify({ ...minimal, locale: 'english' }), 'b.json')).toThrow(/^b\.json is not a conversation \(playlist-pal-conversation\/1\): locale: /);
    expect(() => parseConversation(JSON.stringify({ ...minimal, steps: [{ faults: ['teapot'] }] }), 'c.json')).toThrow(/^c\.json is not a conversation .*steps\.0/);
    expect(() => parseConversation(JSON.stringify({ ...minimal, steps: [{ line: 'help', answer: { tokens: 'x' } }] }), 'd.json')).toThrow(/steps\.0/);
    expect(() => parseConversation(' '.repeat(300 * 1024), 'e.json')).toThrow('e.json is larger than 256 KB');
  });
});

describe('what a conversation keeps of an answer', () => {
  it('leaves out token fingerprints, which change on every run, and keeps what happened to the token', () => {
    const answer = answerOf({ kind: 'note', text: 'Alexa refreshed the expired access token: token#1a2b3c lives 3600 s.' });

    expect(answer).toEqual({ note: 'Alexa refreshed the expired access token: token#… lives 3600 s.' });
  });

  it('is compared part by part, saying what was expected and what was heard', () => {
    expect(compareAnswers({ speech: 'a', session: 'open' }, { speech: 'a', session: 'open' })).toEqual([]);
    expect(compareAnswers({ speech: 'a', session: 'open' }, { speech: 'b', session: 'open', card: { type: 'LinkAccount' } })).toEqual([
      'speech: expected "a", heard "b"',
      'card: expected (nothing), heard {"type":"LinkAccount"}',
    ]);
  });
});

describe('a recorded session', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('stops at the number of steps a file keeps, with a sentence that says what to do', async () => {
    const session = await RecordedSession.begin(local.sessionParts(), { locale: 'en-US', linked: false, screen: false });
    for (let step = 0; step < 299; step += 1) await session.run('unlink');

    await expect(session.run('unlink')).rejects.toThrow(ConversationFullError);
    await expect(session.run('unlink')).rejects.toThrow('this conversation has 300 steps, as many as a conversation file keeps: export it, then start a new one');
    expect(session.toConversation().steps).toHaveLength(299);
  });

  it('keeps out what changes nothing (the command list, the raw envelopes)', async () => {
    const session = await RecordedSession.begin(local.sessionParts(), { locale: 'en-US', linked: true, screen: false });
    await session.run('commands');
    await session.run('raw');
    await session.run('help');

    expect(session.toConversation().steps.map((step) => ('line' in step ? step.line : step))).toEqual(['help']);
  });
});

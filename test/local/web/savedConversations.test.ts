import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConversation } from '../../../local/web/conversation';
import { replayConversation } from '../../../local/web/session';
import { startTestRuntime, type TestRuntime } from '../../support/localRuntime';

/**
 * Every conversation saved as a test (test/conversations/*.json, exported from the web
 * simulator) is replayed through the local runtime, as the page replays it: each line typed
 * again by a new simulated user, each answer compared with what was heard when it was saved.
 */
const DIR = path.join(__dirname, '..', '..', 'conversations');
const files = readdirSync(DIR).filter((file) => file.endsWith('.json'));

describe('the conversations saved as tests in test/conversations', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('are there to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s is answered today as it was when it was saved', async (file) => {
    const conversation = parseConversation(readFileSync(path.join(DIR, file), 'utf8'), file);

    const result = await replayConversation(conversation, local.sessionParts());

    const differing = result.steps.flatMap((step) => ('differences' in step && step.differences.length > 0 ? [`step ${step.index + 1} ("${step.line}"): ${step.differences.join('; ')}`] : []));
    expect(differing).toEqual([]);
    expect(result.matched).toBe(true);
  });
});

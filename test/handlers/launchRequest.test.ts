import { DEMO_ACCESS_TOKEN } from '../../local/spotify/demoAccount';
import { launchRequest, skillEventRequest } from '../support/envelopes';
import { endsSession, spokenText } from '../support/responses';
import { startRememberingHarness, type RememberingHarness } from '../support/skillHarness';

const LINKED = { accessToken: DEMO_ACCESS_TOKEN };
const USUAL = 'Welcome to Playlist Pal. You have 30 playlists. You can say, list my playlists, or play a playlist by name. What would you like?';

describe('the launch after linking', () => {
  let harness: RememberingHarness;
  beforeAll(async () => {
    harness = await startRememberingHarness();
  });
  afterAll(() => harness.close());

  it('welcomes the listener once, saying what to try, on the first launch after SkillAccountLinked', async () => {
    const userId = 'amzn1.ask.account.WELCOMED';
    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId }));

    const first = await harness.ask(launchRequest({ ...LINKED, userId }));
    const second = await harness.ask(launchRequest({ ...LINKED, userId }));

    expect(spokenText(first)).toBe(
      "Your Spotify account is linked. Welcome to Playlist Pal! You have 30 playlists. Here's what to try: say, list my playlists, tell me about my workout playlist, or play my chill playlist. Next time, just say, play it again, and I'll start the last one you played. What would you like?",
    );
    expect(endsSession(first)).toBe(false);
    expect(spokenText(second)).toBe(USUAL);
    expect((await harness.table.item(userId))?.attributes).toEqual({ linkedAt: expect.any(String), welcomedAt: expect.any(String) });
  });

  it('does not welcome again after the account is linked again', async () => {
    const userId = 'amzn1.ask.account.RELINKED';
    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId }));
    await harness.ask(launchRequest({ ...LINKED, userId }));
    await harness.ask(skillEventRequest('AlexaSkillEvent.SkillAccountLinked', { accessToken: DEMO_ACCESS_TOKEN }, { userId }));

    expect(spokenText(await harness.ask(launchRequest({ ...LINKED, userId })))).toBe(USUAL);
  });

  it('gives the usual welcome when no link was recorded, and stores nothing for it', async () => {
    const userId = 'amzn1.ask.account.NOLINKEVENT';

    expect(spokenText(await harness.ask(launchRequest({ ...LINKED, userId })))).toBe(USUAL);
    expect(await harness.table.item(userId)).toBeUndefined();
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { translatorFor } from '../../lambda/i18n';
import { parseConversation } from '../../local/web/conversation';
import { BROWSER_ARTEFACTS, launchChromium, type Browser } from '../support/browser';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

jest.setTimeout(60_000);

const { t } = translatorFor('en-US');

/**
 * The web simulator in Debian's chromium, as a developer uses it: one conversation, step by
 * step, each step's screenshot kept under build/browser/ (the steps build on each other, so
 * they run in order).
 */
describe('the web simulator in a real browser', () => {
  let local: TestRuntime;
  let browser: Browser;
  let page: Page;
  let origin: string;

  beforeAll(async () => {
    local = await startTestRuntime();
    origin = new URL(local.runtime.urls.web).origin;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${origin}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await local?.close();
  });

  const input = () => page.getByLabel('What you would say to Alexa');
  const turnsSaying = (line: string) => page.getByRole('article', { name: `Turn: ${line}`, exact: true });

  /** Types a line and presses Enter, as a person would; resolves with the turn it added. */
  async function say(line: string): Promise<Locator> {
    const before = await turnsSaying(line).count();
    await input().fill(line);
    await input().press('Enter');
    await page.waitForFunction(
      ([name, count]) => document.querySelectorAll(`article[aria-label="Turn: ${name}"]`).length > count,
      [line, before] as const,
    );
    return turnsSaying(line).last();
  }

  it('shows the LinkAccount card and its link button for an unlinked launch', async () => {
    await page.getByLabel('Linked to the demo Spotify account').uncheck();
    await page.getByRole('button', { name: 'Start new conversation' }).click();
    await page.getByText('New conversation: en-US, not linked').waitFor();

    const turn = await say('open playlist pal');

    await expectText(turn, t('link.speech'));
    const card = turn.getByRole('group', { name: 'LinkAccount card in the Alexa app' });
    expect(await card.getByRole('button', { name: 'Link account' }).isVisible()).toBe(true);
    expect(await turn.getByText('Session ended.').isVisible()).toBe(true);
    expect(await page.locator('#link-status').textContent()).toContain('not linked');
    await browser.screenshot(page, '01-unlinked-launch');
  });

  it('links through the demo Spotify\'s consent page in a window, and comes back linked', async () => {
    const card = turnsSaying('open playlist pal').last().getByRole('group', { name: 'LinkAccount card in the Alexa app' });
    const [popup] = await Promise.all([page.waitForEvent('popup'), card.getByRole('button', { name: 'Link account' }).click()]);
    await popup.getByRole('heading', { name: /Connect Playlist Pal to your Spotify account/ }).waitFor();
    expect(new URL(popup.url()).port).toBe(new URL(local.runtime.urls.authorize).port);
    await browser.screenshot(popup, '02-consent-page');

    await popup.getByRole('button', { name: 'Agree' }).click();

    await page.getByText('You linked in the browser window (the consent page).').waitFor();
    await page.getByText('Linked: requests now carry the access token.').last().waitFor();
    await page.waitForFunction(() => document.getElementById('link-status')?.textContent?.startsWith('linked'));
    expect(await page.locator('#token-lifetime').textContent()).toMatch(/^expires in (?:59 min \d+|60 min 0) s$/);
    await browser.screenshot(page, '03-linked');
  });

  it('answers "list my playlists" with the count, the names, the card and the screen', async () => {
    const turn = await say('list my playlists');

    await expectText(turn, 'You have 30 playlists. Here are the first 5: Morning Run, Rock & Roll <Live>, Chill "Vibes", Café del Mar, and Deep Focus. Want to hear more?');
    const card = turn.getByRole('group', { name: 'Simple card in the Alexa app' });
    expect(await card.textContent()).toContain('Your playlists30 playlists\n1. Morning Run\n2. Rock & Roll <Live>');
    expect(await turn.locator('figure[data-screen="playlistList"]').count()).toBe(2);
    expect(await turn.locator('figure').first().textContent()).toContain('Rock & Roll <Live>');
    expect(await turn.getByText('Session open: Alexa listens for your answer.').isVisible()).toBe(true);
    expect(await turn.getByText('If you say nothing:').isVisible()).toBe(true);
    await browser.screenshot(page, '04-list-my-playlists');
    await turn.locator('.screens').screenshot({ path: path.join(BROWSER_ARTEFACTS, '04-screens-echo-show-and-round.png') });
  });

  it('keeps every line of the screen inside the circle of a round display', async () => {
    const round = turnsSaying('list my playlists').last().locator('.apl-round');
    const circle = (await round.boundingBox())!;
    const texts = round.locator('[data-apl="Text"]');

    // Each line's ink (the text itself, not its box) must lie within the circle, so nothing is cut off.
    const corners = await texts.evaluateAll((elements) =>
      elements.flatMap((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return [...range.getClientRects()].flatMap((rect) => [
          [rect.left, rect.top],
          [rect.right, rect.top],
          [rect.left, rect.bottom],
          [rect.right, rect.bottom],
        ]);
      }),
    );
    const radius = circle.width / 2;
    const [cx, cy] = [circle.x + radius, circle.y + radius];
    const outside = corners.filter(([x, y]) => Math.hypot(x! - cx, y! - cy) > radius);

    expect(await texts.count()).toBe(7);
    expect(corners.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });

  it('shows a turn\'s request and response with every token masked', async () => {
    await turnsSaying('list my playlists').last().getByRole('button', { name: 'Raw JSON of "list my playlists"' }).click();

    const request = await page.locator('#raw-request').textContent();
    const token = local.runtime.linking.alexa.tokensOf((await state()).userId)!.accessToken;
    expect(request).toContain('"accessToken": "[redacted]"');
    expect(request).not.toContain(token);
    expect(await page.locator('#raw-response').textContent()).toContain('"outputSpeech"');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('raw-heading');
  });

  it('pages on with "yes"', async () => {
    const turn = await say('yes');

    await expectText(turn, 'Here are the next ones: Deep House, Road Trip 🚗, 90s Throwbacks, Empty for Now, and Everything I Ever Liked. Want to hear more?');
    await browser.screenshot(page, '05-yes-pages-on');
  });

  it('says the fault\'s sentence while a fault is switched on', async () => {
    await page.getByRole('checkbox', { name: /^500 / }).check();
    await page.getByText('Spotify faults on: 500.').waitFor();

    const turn = await say('list my playlists');

    await expectText(turn, "Sorry, I couldn't reach Spotify just now. Want me to try again?");
    expect(local.runtime.demo.faults.active.map((fault) => fault.name)).toEqual(['500']);
    await browser.screenshot(page, '06-fault-500');
    await page.getByRole('checkbox', { name: /^500 / }).uncheck();
    await page.getByText('Spotify faults: all off.').waitFor();
  });

  it('shows Alexa refreshing an expired token, then the card again once access is revoked', async () => {
    await page.getByRole('button', { name: 'Expire token' }).click();
    await page.waitForFunction(() => document.getElementById('token-lifetime')?.textContent?.startsWith('expired'));

    const refreshed = await say('list my playlists');

    expect(await refreshed.getByText(/^Alexa refreshed the expired access token: token#[0-9a-f]{6} lives 3600 s\.$/).isVisible()).toBe(true);
    await expectText(refreshed, 'You have 30 playlists.');
    await browser.screenshot(page, '07-expired-and-refreshed');

    await page.getByRole('button', { name: 'Revoke access' }).click();
    const revoked = await say('list my playlists');

    expect(await revoked.getByText(/^Alexa's refresh of the expired access token failed \(invalid_grant/).isVisible()).toBe(true);
    expect(await revoked.getByRole('group', { name: 'LinkAccount card in the Alexa app' }).isVisible()).toBe(true);
    expect(await page.locator('#link-status').textContent()).toContain('needs linking again');
    await browser.screenshot(page, '08-revoked-card-again');
  });

  it('shows the demo Spotify\'s playback and what the skill remembers', async () => {
    await page.getByRole('button', { name: 'Start new conversation' }).click();
    await page.getByText('New conversation: en-US, not linked').last().waitFor();
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#link-button').click()]);
    await popup.getByRole('button', { name: 'Agree' }).click();
    await page.waitForFunction(() => document.getElementById('link-status')?.textContent?.startsWith('linked'));

    await expectText(await say('play Deep Focus'), 'Playing Deep Focus on Kitchen Echo.');

    await page.waitForFunction(() => document.getElementById('playback')?.textContent === 'playing Deep Focus on Kitchen Echo');
    expect(await page.locator('#devices').textContent()).toContain('Kitchen Echo (Speaker): active');
    expect(await page.locator('#remembered').textContent()).toContain('Deep Focus');
    await browser.screenshot(page, '09-playback-and-memory');
  });

  it('exports the conversation as a file that replays on the page, every answer as saved', async () => {
    await say('list my playlists');
    await page.getByLabel('What the conversation shows (optional)').fill('Linked in a browser window, played, listed.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export conversation' }).click()]);
    const file = path.join(BROWSER_ARTEFACTS, 'exported-conversation.json');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const conversation = parseConversation(text, 'the exported file');
    expect(conversation).toMatchObject({ linked: false, locale: 'en-US', about: 'Linked in a browser window, played, listed.' });
    expect(conversation.steps.map((step) => ('line' in step ? step.line : step))).toEqual(['link', 'play Deep Focus', 'list my playlists']);
    expect(text).not.toMatch(/token#[0-9a-f]|accessToken|amzn1\.|\d{4}-\d\d-\d\dT/);

    await page.getByLabel('Replay a conversation file').setInputFiles(file);

    await page.getByText('Replayed 3 steps: all 3 lines answered as saved.').waitFor();
    await browser.screenshot(page, '10-replayed');
  });

  it('reports each answer that differs from the file when a conversation no longer replays', async () => {
    const file = path.join(BROWSER_ARTEFACTS, 'exported-conversation.json');
    const changed = JSON.parse(readFileSync(file, 'utf8')) as { steps: Array<{ answer?: { speech?: string } }> };
    changed.steps[2]!.answer!.speech = 'You have 31 playlists.';
    const changedFile = path.join(BROWSER_ARTEFACTS, 'changed-conversation.json');
    writeFileSync(changedFile, JSON.stringify(changed));

    await page.getByLabel('Replay a conversation file').setInputFiles(changedFile);

    const report = page.getByRole('alert').filter({ hasText: 'Replayed 3 steps: 1 of 3 lines answered differently.' });
    await report.waitFor();
    expect(await page.locator('.differences').last().textContent()).toContain('Step 3 ("list my playlists"): speech: expected "You have 31 playlists.", heard "You have 30 playlists.');
  });

  it('can be used with the keyboard alone: skip link, typing, Enter, a suggestion', async () => {
    await page.goto(`${origin}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to what you would say');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('say-input');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await turnsSaying('help').last().waitFor();

    await page.getByRole('button', { name: 'what are my playlists' }).focus();
    await page.keyboard.press('Enter');

    await expectText(turnsSaying('what are my playlists').last(), 'You have 30 playlists.');
  });

  it('passes axe-core\'s checks with no serious or critical violation, wide and at phone width', async () => {
    const results = [];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      const result = await new AxeBuilder({ page }).analyze();
      results.push({ viewport, violations: result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.length })), passes: result.passes.length });
    }
    writeFileSync(path.join(BROWSER_ARTEFACTS, 'axe-results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const serious = results.flatMap((result) => result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'));
    expect(serious).toEqual([]);
    // Nothing wider than the phone: no sideways scrolling (the screens' inner layout is scaled, so it is left out).
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => !element.closest('.apl-frame') && element.getBoundingClientRect().right > window.innerWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(tooWide).toEqual([]);
    await browser.screenshot(page, '11-phone-width');
  });

  async function state(): Promise<{ userId: string }> {
    return page.evaluate(async () => (await (await fetch('/simulator/api/state')).json()) as { userId: string });
  }
});

async function expectText(turn: Locator, text: string): Promise<void> {
  expect(await turn.locator('.speech').textContent()).toContain(text);
}

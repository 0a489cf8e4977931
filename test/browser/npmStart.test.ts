import { launchChromium, type Browser } from '../support/browser';
import { launch, stopLeftovers, waitForOutput } from '../support/localCommands';

jest.setTimeout(60_000);

afterEach(stopLeftovers);

describe('npm start, opened in a browser', () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it('serves the web simulator at its root URL: "list my playlists" and Enter show "You have 30 playlists" and the names, and a Link account control is there', async () => {
    const run = launch(['start'], { PORT: '0' });
    const [, url] = await waitForOutput(run, /Web simulator +(http:\/\/\S+)/);
    browser = await launchChromium();
    const page = await browser.newPage();

    await page.goto(url!);
    await page.getByLabel('What you would say to Alexa').fill('list my playlists');
    await page.keyboard.press('Enter');

    await page.getByText('You have 30 playlists').waitFor();
    const card = page.getByRole('group', { name: 'Simple card in the Alexa app' });
    for (const name of ['Morning Run', 'Rock & Roll <Live>', 'Chill "Vibes"', 'Café del Mar', 'Deep Focus']) expect(await card.textContent()).toContain(name);
    expect(await page.getByRole('button', { name: 'Link account' }).isVisible()).toBe(true);
    await browser.screenshot(page, '00-npm-start-list-my-playlists');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });
});

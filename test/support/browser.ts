import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium: the browser tests never download one of their own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests keep their screenshots and results, as test artefacts. */
export const BROWSER_ARTEFACTS = path.join(__dirname, '..', '..', 'build', 'browser');

/**
 * Flags that keep headless chromium from reaching for a network this machine does not have
 * (it would hang waiting), and from needing a sandbox or a GPU.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot under build/browser/, named for the step. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The sentence every browser test fails with when the browser is not installed. */
export const CHROMIUM_MISSING = `The browser tests need Debian's chromium at ${CHROMIUM}, which is missing: run apt-get install -y chromium (.ci/run does when it can).`;

/** Chromium with a fresh profile of its own, downloads allowed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
  mkdirSync(BROWSER_ARTEFACTS, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport !== undefined) await page.setViewportSize(viewport);
      return page;
    },
    async screenshot(page, name) {
      const file = path.join(BROWSER_ARTEFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../paths';

/** The page's own files: plain HTML and CSS, and TypeScript that esbuild bundles for the browser. */
export const PAGE_DIR = path.join(PROJECT_ROOT, 'local', 'web', 'page');

export interface PageAssets {
  readonly html: string;
  readonly css: string;
  readonly script: string;
}

/** The page's script: local/web/page/main.ts and what it imports, in one file for current browsers, no framework. */
async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: ['chrome110', 'firefox115', 'safari16'],
    tsconfig: path.join(PAGE_DIR, 'tsconfig.json'),
    sourcemap: 'inline',
    logLevel: 'silent',
    absWorkingDir: PROJECT_ROOT,
  });
  return result.outputFiles[0]!.text;
}

let assets: Promise<PageAssets> | undefined;

/** Read and bundled once per process, on the first request for the page: `npm start` itself pays nothing for it. */
export function pageAssets(): Promise<PageAssets> {
  assets ??= Promise.all([readFile(path.join(PAGE_DIR, 'index.html'), 'utf8'), readFile(path.join(PAGE_DIR, 'styles.css'), 'utf8'), bundleScript()]).then(
    ([html, css, script]) => ({ html, css, script }),
  );
  // A failed bundle is tried again on the next request (the developer may be fixing the page).
  assets.catch(() => (assets = undefined));
  return assets;
}

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipEntries } from './zipEntries';

const root = path.resolve(__dirname, '..', '..');
const zipScript = path.join(root, 'scripts', 'zip.mjs');

let dir: string;

beforeEach(() => {
  // A space in the path, as in many home folders.
  dir = mkdtempSync(path.join(os.tmpdir(), 'playlist pal-zip-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/zip.mjs', () => {
  it('zips every file below a folder with their contents intact, when the project path has a space', () => {
    const script = path.join(dir, 'zip.mjs');
    copyFileSync(zipScript, script);
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const source = path.join(dir, 'bundle');
    mkdirSync(path.join(source, 'nested'), { recursive: true });
    const big = 'console.log("playlist pal");\n'.repeat(500);
    writeFileSync(path.join(source, 'index.js'), big);
    writeFileSync(path.join(source, 'nested', 'tiny.txt'), 'hi');
    const out = path.join(dir, 'out.zip');

    execFileSync(process.execPath, [script, out, source]);

    const entries = zipEntries(readFileSync(out));
    expect([...entries.keys()]).toEqual(['index.js', 'nested/tiny.txt']);
    expect(entries.get('index.js')!.data.toString()).toBe(big);
    expect(entries.get('nested/tiny.txt')!.data.toString()).toBe('hi');
  });

  it("makes every file readable by Lambda's user even when the owner alone could read it", () => {
    const source = path.join(dir, 'bundle');
    mkdirSync(source);
    writeFileSync(path.join(source, 'index.js'), 'exports.handler = 1;');
    writeFileSync(path.join(source, 'run.sh'), '#!/bin/sh\n');
    chmodSync(path.join(source, 'index.js'), 0o600);
    chmodSync(path.join(source, 'run.sh'), 0o700);
    const out = path.join(dir, 'out.zip');

    execFileSync(process.execPath, [zipScript, out, source]);

    const entries = zipEntries(readFileSync(out));
    expect(entries.get('index.js')!.mode).toBe(0o100644);
    expect(entries.get('run.sh')!.mode).toBe(0o100755);
  });

  it('fails with one line and exit code 1 when it cannot write the zip', () => {
    const source = path.join(dir, 'bundle');
    mkdirSync(source);
    writeFileSync(path.join(source, 'index.js'), '');

    const result = spawnSync(process.execPath, [zipScript, path.join(dir, 'missing', 'out.zip'), source], { encoding: 'utf8' });

    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^zip\.mjs: could not write .*ENOENT/)]);
  });
});

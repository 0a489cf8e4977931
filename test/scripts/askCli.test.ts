import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AskCliError, findOnPath, globalCli, pinnedVersion } from '../../scripts/askCli/cli';
import { parseAskOptions } from '../../scripts/askCli/options';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-askcli-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An ask-cli package as npm installs it, with its shims beside node_modules as npm lays them out globally. */
function globalInstall(into: string, shims: string[]): string {
  const pkg = path.join(into, 'node_modules', 'ask-cli');
  mkdirSync(path.join(pkg, 'dist', 'bin'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'ask-cli', version: '2.30.7', bin: { ask: 'dist/bin/ask.js' } }));
  writeFileSync(path.join(pkg, 'dist', 'bin', 'ask.js'), '');
  for (const shim of shims) writeFileSync(path.join(into, shim), '@ECHO off\r\n');
  return pkg;
}

describe('finding the ASK CLI', () => {
  it('finds ask.cmd on a Windows PATH, through PATHEXT, and never the bare shell shim beside it', () => {
    globalInstall(dir, ['ask', 'ask.cmd', 'ask.ps1']);

    expect(findOnPath('ask', { Path: `C:\\nowhere;${dir}`, PATHEXT: '.COM;.EXE;.BAT;.CMD' }, 'win32')).toBe(path.join(dir, 'ask.cmd'));
  });

  it('runs the package npm\'s ask.cmd starts with Node itself, so no .cmd is spawned', () => {
    const pkg = globalInstall(dir, ['ask.cmd']);

    const cli = globalCli({ PATH: dir, PATHEXT: '.CMD' }, 'win32');

    expect(cli).toEqual({ command: process.execPath, prefixArgs: [path.join(pkg, 'dist', 'bin', 'ask.js')], packageDir: pkg, version: '2.30.7', origin: 'global' });
  });

  it('follows a Unix `ask` link into its package', () => {
    const pkg = globalInstall(path.join(dir, 'lib'), []);
    mkdirSync(path.join(dir, 'bin'));
    symlinkSync(path.join(pkg, 'dist', 'bin', 'ask.js'), path.join(dir, 'bin', 'ask'));

    expect(globalCli({ PATH: path.join(dir, 'bin') }, 'linux').packageDir).toBe(pkg);
  });

  it('says in one sentence when --use-global-ask finds no ask, or one that is not ask-cli', () => {
    expect(() => globalCli({ PATH: dir }, 'linux')).toThrow(new AskCliError('--use-global-ask was given, but there is no `ask` on PATH; leave the option out to use the ASK CLI the project pins (installed on first use).'));
    writeFileSync(path.join(dir, 'ask'), '#!/bin/sh\n');
    expect(() => globalCli({ PATH: dir }, 'linux')).toThrow(/is not an npm-installed ask-cli/);
  });

  it('accepts only an exact pinned version, never a range', () => {
    mkdirSync(path.join(dir, 'tools', 'ask-cli'), { recursive: true });
    const pin = (version: string) => writeFileSync(path.join(dir, 'tools', 'ask-cli', 'package.json'), JSON.stringify({ dependencies: { 'ask-cli': version } }));

    pin('2.30.7');
    expect(pinnedVersion(dir)).toBe('2.30.7');
    pin('^2.30.7');
    expect(() => pinnedVersion(dir)).toThrow(/must pin ask-cli to one exact version/);
  });
});

describe('the options of npm run deploy and link:configure', () => {
  it('reads --profile, -p and --use-global-ask', () => {
    expect(parseAskOptions(['--profile', 'work', '--use-global-ask'], { ignoreHash: false })).toEqual({ ok: true, options: { profile: 'work', useGlobalAsk: true, help: false, ignoreHash: false } });
    expect(parseAskOptions(['-p', 'ci'], { ignoreHash: true })).toMatchObject({ ok: true, options: { profile: 'ci' } });
  });

  it('takes --ignore-hash for deploy only', () => {
    expect(parseAskOptions(['--ignore-hash'], { ignoreHash: true })).toMatchObject({ ok: true, options: { ignoreHash: true } });
    expect(parseAskOptions(['--ignore-hash'], { ignoreHash: false })).toEqual({ ok: false, message: expect.stringMatching(/--ignore-hash.*see --help\.$/) });
  });

  it('refuses an empty profile name and stray words in one sentence', () => {
    expect(parseAskOptions(['--profile', ' '], { ignoreHash: false })).toEqual({ ok: false, message: '--profile needs a profile name after it.' });
    expect(parseAskOptions(['work'], { ignoreHash: false })).toEqual({ ok: false, message: expect.stringMatching(/see --help\.$/) });
  });
});

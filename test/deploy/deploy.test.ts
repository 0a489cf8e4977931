import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deploy } from '../../scripts/deploy/deploy';

const root = path.resolve(__dirname, '..', '..');
let project: string;

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-deploy-'));
  for (const name of ['skill-package', 'account-linking', 'lambda', 'hooks', 'infrastructure', 'tools', 'ask-resources.json']) {
    cpSync(path.join(root, name), path.join(project, name), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = deploy({ root: project, args, env: { PATH: path.dirname(process.execPath), HOME: project }, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('npm run deploy', () => {
  it('prints its usage for --help and exits 0, touching nothing', () => {
    const { code, out } = run(['--help']);

    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^Usage: npm run deploy .*--profile NAME/s);
    expect(existsSync(path.join(project, '.ask'))).toBe(false);
  });

  it('refuses an unknown option in one sentence with exit code 2', () => {
    const { code, err } = run(['--target', 'lambda']);

    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/--target.*; see --help\.$/)]);
  });

  it('stops on a validation problem before installing or running the ASK CLI', () => {
    writeFileSync(path.join(project, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml'), 'Resources: !NotATag x\n');

    const { code, err } = run([]);

    expect(code).toBe(1);
    expect(err[0]).toMatch(/^infrastructure\/cfn-deployer\/skill-stack\.yaml: \(whole file\): is not valid CloudFormation YAML/);
    expect(err[err.length - 1]).toBe('1 problem found by `npm run validate`; nothing was deployed.');
    expect(existsSync(path.join(project, 'tools', 'ask-cli', 'node_modules'))).toBe(false);
    expect(existsSync(path.join(project, '.ask'))).toBe(false);
  });
});

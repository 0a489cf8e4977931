import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the skill events the skill subscribes to', () => {
  it('are enabling, disabling and account linking, which lambda/handlers/skillEvent.ts answers, listed for ask deploy in ask-resources.json', () => {
    const subscriptions = read('ask-resources.json').profiles.default.skillInfrastructure.userConfig.skillEvents.subscriptions as string[];

    expect([...subscriptions].sort()).toEqual(['SKILL_ACCOUNT_LINKED', 'SKILL_DISABLED', 'SKILL_ENABLED']);
  });

  it('are not in the committed skill.json, where their endpoint would be made up or carry the AWS account id', () => {
    expect(read('skill-package/skill.json').manifest.events).toBeUndefined();
  });
});

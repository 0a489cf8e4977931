import { readFileSync } from 'node:fs';
import path from 'node:path';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'skill-package', 'skill.json'), 'utf8')) as {
  manifest: { events?: { endpoint?: { uri?: string }; subscriptions?: Array<{ eventName: string }> } };
};

describe('the skill events skill.json subscribes to', () => {
  it('are enabling, disabling and account linking, which lambda/handlers/skillEvent.ts answers', () => {
    expect(manifest.manifest.events?.subscriptions?.map((subscription) => subscription.eventName).sort()).toEqual([
      'SKILL_ACCOUNT_LINKED',
      'SKILL_DISABLED',
      'SKILL_ENABLED',
    ]);
  });

  it('go to an endpoint ask deploy fills in: a Lambda ARN with no real account id committed', () => {
    expect(manifest.manifest.events?.endpoint?.uri).toBe('arn:aws:lambda:us-east-1:000000000000:function:set-by-ask-deploy');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InteractionModelError, loadLanguageModel } from '../../local/simulator/interactionModel';
import { Simulator } from '../../local/simulator/simulator';
import { describeStartupError } from '../../local/startupErrors';

describe('loading an interaction model for the simulator', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'models-'));
    writeFileSync(path.join(dir, 'en-US.json'), JSON.stringify({ interactionModel: { languageModel: { invocationName: 'x', intents: [{ name: 'A' }] } } }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const failure = (locale: string) => {
    try {
      loadLanguageModel(locale, dir);
    } catch (error) {
      expect(error).toBeInstanceOf(InteractionModelError);
      return (error as Error).message;
    }
    throw new Error('expected the model to be refused');
  };

  it('reads the project model with its intents and invocation name', () => {
    const model = loadLanguageModel('en-US');
    expect(model.invocationName).toBe('playlist pal');
    expect(model.intents.map((intent) => intent.name)).toContain('ListPlaylistsIntent');
  });

  it('names the file and the JSON error when the model is not valid JSON', () => {
    writeFileSync(path.join(dir, 'en-GB.json'), '{ "interactionModel": { ');
    expect(failure('en-GB')).toMatch(/en-GB\.json is not valid JSON: .+/);
  });

  it('says which field is wrong when the file is JSON but not an interaction model', () => {
    writeFileSync(path.join(dir, 'en-GB.json'), JSON.stringify({ interactionModel: { languageModel: { intents: [] } } }));
    expect(failure('en-GB')).toMatch(/en-GB\.json is not shaped like one: interactionModel\.languageModel\.invocationName: .+/);
  });

  it('lists the locales that do have a model when one is missing', () => {
    expect(failure('de-DE')).toMatch(/no interaction model for de-DE .*Available: en-US\./);
  });

  it('refuses something that is not a locale before touching the disk', () => {
    expect(failure('../../etc/passwd')).toMatch(/is not a locale like en-US/);
  });

  it('stops the simulator from starting, with the sentence and no stack trace', () => {
    writeFileSync(path.join(dir, 'en-US.json'), 'not json');
    let message = '';
    try {
      new Simulator({ skill: { invoke: jest.fn() }, modelsDir: dir });
    } catch (error) {
      message = describeStartupError(error);
    }
    expect(message).toMatch(/^The interaction model .*en-US\.json is not valid JSON/);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

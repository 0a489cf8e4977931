import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Problem } from '../../scripts/skillPackage/problem';
import { validateProject } from '../../scripts/skillPackage/validateProject';

const root = path.resolve(__dirname, '..', '..');
const MANIFEST = 'skill-package/skill.json';
const MODELS = 'skill-package/interactionModels/custom';
const SENTENCES = 'lambda/i18n/locales';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of what `npm run validate` reads, to break on purpose. */
function copyProject(): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-locales-'));
  for (const part of ['skill-package', 'account-linking', 'ask-resources.json', 'infrastructure', 'lambda']) cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  return copy;
}

let project: string;
beforeEach(() => {
  project = copyProject();
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

const change = (file: string, how: (json: Json) => void) => {
  const json = JSON.parse(readFileSync(path.join(project, file), 'utf8')) as Json;
  how(json);
  writeFileSync(path.join(project, file), `${JSON.stringify(json, null, 2)}\n`);
};
const model = (locale: string) => `${MODELS}/${locale}.json`;
const sentences = (locale: string) => `${SENTENCES}/${locale}.json`;
const intentOf = (json: Json, name: string) => json.interactionModel.languageModel.intents.find((intent: Json) => intent.name === name);
const published = (json: Json) => json.manifest.publishingInformation;

describe('npm run validate across locales', () => {
  const seeded: Array<[string, () => void, Partial<Problem>]> = [
    [
      'a German sentence missing',
      () => change(sentences('de-DE'), (json) => { delete json.translation.list.wantMore; }),
      { file: sentences('de-DE'), path: 'translation.list.wantMore', message: 'is missing: en-US says "Want to hear more?", and de-DE listeners must hear it in their language.' },
    ],
    [
      'a new en-US sentence not yet written in Spanish',
      () => change(sentences('en-US'), (json) => { json.translation.list.reprompt = 'What would you like to do?'; json.translation.goodbyeAgain = 'Bye again.'; }),
      { file: sentences('es-ES'), path: 'translation.goodbyeAgain', message: expect.stringMatching(/^is missing: en-US says "Bye again\."/) },
    ],
    [
      'a translation that renames a placeholder',
      () => change(sentences('fr-FR'), (json) => { json.translation.play.playing = 'Je lance {{nom}} sur {{device}}.'; }),
      { file: sentences('fr-FR'), path: 'translation.play.playing', message: 'uses the placeholders {device, nom} where en-US uses {device, name}: each value must appear, and only those.' },
    ],
    [
      'a French plural without the form CLDR gives a million',
      () => change(sentences('fr-FR'), (json) => { delete json.translation.list.cardSummary_many; }),
      { file: sentences('fr-FR'), path: 'translation.list.cardSummary_many', message: expect.stringMatching(/^is missing/) },
    ],
    [
      'a translation with a sentence en-US does not have',
      () => change(sentences('de-DE'), (json) => { json.translation.list.bonus = 'Extra.'; }),
      { file: sentences('de-DE'), path: 'translation.list.bonus', message: expect.stringContaining('is not in lambda/i18n/locales/en-US.json') },
    ],
    [
      'a translation out of en-US order',
      () => change(sentences('es-ES'), (json) => { const { goodbye } = json.translation; delete json.translation.goodbye; json.translation.goodbye = goodbye; }),
      { file: sentences('es-ES'), message: expect.stringMatching(/^is out of en-US's order \(expected goodbye here\)/) },
    ],
    [
      'a regional file rewording a sentence its language lacks',
      () => change(sentences('fr-CA'), (json) => { json.translation.play.extra = 'Bonjour.'; }),
      { file: sentences('fr-CA'), path: 'translation.play.extra', message: expect.stringContaining('is not in lambda/i18n/locales/fr-FR.json') },
    ],
    [
      'sentences for a locale the code does not list',
      () => cpSync(path.join(project, sentences('fr-FR')), path.join(project, sentences('it-IT'))),
      { file: sentences('it-IT'), message: expect.stringContaining('which lambda/i18n/locales.ts does not list') },
    ],
    [
      'sentences for a locale the code speaks but never loads',
      () => writeFileSync(path.join(project, sentences('es-US')), JSON.stringify({ translation: { goodbye: 'Adiós.' } })),
      { file: sentences('es-US'), message: 'is never loaded: add es-US to RESOURCE_LOADERS in lambda/i18n/index.ts.' },
    ],
    [
      'a sentence nothing says',
      () => change(sentences('en-US'), (json) => { json.translation.list.neverSaid = 'Nobody hears this.'; }),
      { file: sentences('en-US'), path: 'translation.list.neverSaid', message: 'is never said: no code asks for it. Remove it from every language, or use it.' },
    ],
    [
      'a sentence the code asks for that no file has',
      () => writeFileSync(path.join(project, 'lambda', 'extra.ts'), "export const key = 'list.brandNew';\n"),
      { file: sentences('en-US'), message: 'lacks "list.brandNew", which the code asks for.' },
    ],
    [
      'a sentence key built at run time',
      () => writeFileSync(path.join(project, 'lambda', 'extra.ts'), 'export const key = (name: string) => `list.${name}`;\n'),
      { file: 'lambda/extra.ts', message: expect.stringContaining('builds a sentence key at run time') },
    ],
    [
      'a German model without an intent the code answers',
      () => change(model('de-DE'), (json) => { json.interactionModel.languageModel.intents.splice(2, 1); }),
      { file: model('de-DE'), message: expect.stringMatching(/^PlayPlaylistIntent is missing, but the code answers it/) },
    ],
    [
      'a model with fewer sample utterances than en-US',
      () => change(model('fr-FR'), (json) => { intentOf(json, 'ListPlaylistsIntent').samples.splice(3); }),
      { file: model('fr-FR'), path: 'interactionModel.languageModel.intents[0].samples', message: "has 3 sample utterances for ListPlaylistsIntent, fewer than en-US's 14: write as many ways to say it in fr-FR." },
    ],
    [
      'a model asking for the name in other words than the skill',
      () => change(model('es-ES'), (json) => { json.interactionModel.prompts[0].variations[0].value = 'Which playlist should I play?'; }),
      { file: model('es-ES'), path: 'interactionModel.prompts[0].variations', message: expect.stringMatching(/^must be \["¿Qué playlist pongo\?"\]/) },
    ],
    [
      'a produced regional model edited by hand',
      () => change(model('en-GB'), (json) => { intentOf(json, 'ListPlaylistsIntent').samples.push('give us the playlists'); }),
      { file: model('en-GB'), path: '(whole file)', message: expect.stringContaining('is not what `npm run models` produces from en-US.json') },
    ],
    [
      'a language model changed without producing its regions again',
      () => change(model('es-ES'), (json) => { intentOf(json, 'PlayPlaylistIntent').samples.push('pon mi lista {playlist}'); }),
      { file: model('es-MX'), message: expect.stringContaining('is not what `npm run models` produces from es-ES.json') },
    ],
    [
      'a published locale the code does not speak',
      () => change(MANIFEST, (json) => { published(json).locales['it-IT'] = published(json).locales['en-US']; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["it-IT"]', message: expect.stringContaining('its listeners would be answered in en-US') },
    ],
    [
      'a locale the code speaks left unpublished',
      () => change(MANIFEST, (json) => { delete published(json).locales['es-US']; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales', message: 'lacks es-US, which the code speaks: publish it or drop it from lambda/i18n/locales.ts.' },
    ],
    [
      'a published locale without privacy links',
      () => change(MANIFEST, (json) => { delete json.manifest.privacyAndCompliance.locales['de-DE']; }),
      { file: MANIFEST, path: 'manifest.privacyAndCompliance.locales', message: 'lacks de-DE: each published locale needs its privacy policy and terms links.' },
    ],
    [
      'a locale published where it is not spoken',
      () => change(MANIFEST, (json) => { published(json).distributionCountries = published(json).distributionCountries.filter((country: string) => country !== 'DE'); }),
      { file: MANIFEST, path: 'manifest.publishingInformation.distributionCountries', message: 'lacks DE, where de-DE is spoken: the locale would be published nowhere it is heard.' },
    ],
    [
      'a country where none of the locales is spoken',
      () => change(MANIFEST, (json) => { published(json).distributionCountries.push('JP'); }),
      { file: MANIFEST, path: 'manifest.publishingInformation.distributionCountries[12]', message: expect.stringMatching(/^JP: none of the published locales/) },
    ],
    [
      'a German example phrase with English launch words',
      () => change(MANIFEST, (json) => { published(json).locales['de-DE'].examplePhrases[1] = 'Alexa, ask playlist pal to list my playlists'; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["de-DE"].examplePhrases[1]', message: expect.stringContaining('must start "Alexa, öffne playlist pal" or "Alexa, frag playlist pal, …"') },
    ],
    [
      'a French example phrase asking for something no French sample says',
      () => change(MANIFEST, (json) => { published(json).locales['fr-FR'].examplePhrases[2] = 'Alexa, demande à Playlist Pal de chanter'; }),
      { file: MANIFEST, message: expect.stringContaining('"chanter" is not one of the fr-FR model\'s sample utterances') },
    ],
    [
      'a Spanish example phrase for another invocation name',
      () => change(model('es-ES'), (json) => { json.interactionModel.languageModel.invocationName = 'mis listas'; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["es-ES"].examplePhrases[0]', message: expect.stringContaining('must start "Alexa, abre mis listas"') },
    ],
    [
      'a German invocation name with a German launch word',
      () => change(model('de-DE'), (json) => { json.interactionModel.languageModel.invocationName = 'öffne playlist'; }),
      { file: model('de-DE'), path: 'interactionModel.languageModel.invocationName', message: expect.stringContaining('contains "öffne"') },
    ],
    [
      'an English invocation name with a French letter',
      () => change(model('en-GB'), (json) => { json.interactionModel.languageModel.invocationName = 'playlist café'; }),
      { file: model('en-GB'), message: expect.stringContaining('may contain only letters') },
    ],
  ];

  it.each(seeded)('reports %s', (_mistake, seed, expected) => {
    seed();
    expect(validateProject(project).problems).toContainEqual(expect.objectContaining(expected));
  });

  it("accepts an invocation name written with its language's own letters", () => {
    change(model('de-DE'), (json) => { json.interactionModel.languageModel.invocationName = 'playlist bär'; });
    change(MANIFEST, (json) => { published(json).locales['de-DE'].examplePhrases = ['Alexa, öffne Playlist Bär', 'Alexa, starte Playlist Bär und spiel Morning Run']; });

    expect(validateProject(project).problems).toEqual([]);
  });

  it('accepts a sentence a region words differently', () => {
    change(sentences('es-MX'), (json) => { json.translation.list = { wantMore: '¿Quieres escuchar más?' }; });

    expect(validateProject(project).problems).toEqual([]);
  });

  it('reports a resource file the code loads but that is gone', () => {
    unlinkSync(path.join(project, sentences('en-CA')));

    expect(validateProject(project).problems).toEqual([
      { file: sentences('en-CA'), path: '(whole file)', message: 'is missing, but lambda/i18n/index.ts loads it (RESOURCE_LOADERS).' },
    ]);
  });
});

describe('npm run models', () => {
  it('writes the regional models from their language, with the regional samples and prompts, and changes nothing when run again', async () => {
    change(model('fr-FR'), (json) => { intentOf(json, 'PlayPlaylistIntent').samples.push('balance {playlist}'); });
    unlinkSync(path.join(project, model('en-IN')));
    const run = () => promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'scripts', 'main.ts'), path.join(root, 'scripts', 'models.ts')], { cwd: project });

    const first = await run();
    const frCA = JSON.parse(readFileSync(path.join(project, model('fr-CA')), 'utf8')) as Json;

    expect(first.stdout).toContain('wrote skill-package/interactionModels/custom/fr-CA.json (from fr-FR.json)');
    expect(first.stdout).toContain('wrote skill-package/interactionModels/custom/en-IN.json (from en-US.json)');
    expect(intentOf(frCA, 'PlayPlaylistIntent').samples).toEqual(expect.arrayContaining(['balance {playlist}', 'fais jouer {playlist}']));
    expect(validateProject(project).problems).toEqual([]);
    expect((await run()).stdout).toBe('');
  });
});

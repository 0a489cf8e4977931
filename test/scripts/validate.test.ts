import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { yamlDump, yamlParse } from 'yaml-cfn';
import os from 'node:os';
import path from 'node:path';
import type { Problem } from '../../scripts/skillPackage/problem';
import { HANDLED_INTENTS } from '../../lambda/alexa/handledIntents';
import { validateProject } from '../../scripts/skillPackage/validateProject';

const root = path.resolve(__dirname, '..', '..');
const MANIFEST = 'skill-package/skill.json';
const MODEL = 'skill-package/interactionModels/custom/en-US.json';
const TEMPLATE = 'account-linking/spotify.template.json';
const RESOURCES = 'ask-resources.json';
/** Where an intent added at the end of the model stands. */
const NEXT_INTENT_INDEX = (JSON.parse(readFileSync(path.join(root, MODEL), 'utf8')) as { interactionModel: { languageModel: { intents: unknown[] } } })
  .interactionModel.languageModel.intents.length;
const STACK = 'infrastructure/cfn-deployer/skill-stack.yaml';
const FUNCTION = 'Resources.SkillFunction.Properties';

/** The files are edited as loose JSON on purpose: the point is to break their shape. */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let project: string;

beforeEach(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'playlist-pal-validate-'));
  cpSync(path.join(root, 'skill-package'), path.join(project, 'skill-package'), { recursive: true });
  cpSync(path.join(root, 'account-linking'), path.join(project, 'account-linking'), { recursive: true });
  cpSync(path.join(root, RESOURCES), path.join(project, RESOURCES));
  cpSync(path.join(root, 'lambda'), path.join(project, 'lambda'), { recursive: true });
  cpSync(path.join(root, 'infrastructure'), path.join(project, 'infrastructure'), { recursive: true });
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

function edit(file: string, change: (json: Json) => void): void {
  const full = path.join(project, file);
  const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
  change(json);
  writeFileSync(full, JSON.stringify(json, null, 2));
}

function intent(model: Json, name: string): Json {
  return model.interactionModel.languageModel.intents.find((candidate: Json) => candidate.name === name);
}

function removeIntent(model: Json, name: string): void {
  const intents = model.interactionModel.languageModel.intents as Json[];
  intents.splice(intents.findIndex((candidate) => candidate.name === name), 1);
}

/** The CloudFormation template, edited through CloudFormation's own YAML tags. */
function editStack(change: (template: Json) => void): void {
  const full = path.join(project, STACK);
  const template = yamlParse(readFileSync(full, 'utf8')) as Json;
  change(template);
  writeFileSync(full, yamlDump(template));
}

/** The function's timeout (s) and the skill's REQUEST_BUDGET_MS, as the template sets them. */
function lambdaWith(timeoutS: number, requestBudgetMs: string): void {
  editStack((template) => {
    const fn = template.Resources.SkillFunction.Properties;
    fn.Timeout = timeoutS;
    fn.Environment.Variables.REQUEST_BUDGET_MS = requestBudgetMs;
  });
}

function problems(): Problem[] {
  return validateProject(project).problems;
}

describe('npm run validate', () => {
  it('finds nothing wrong with the project as committed', () => {
    expect(validateProject(root).problems).toEqual([]);
  });

  const seeded: Array<[string, () => void, Partial<Problem>]> = [
    [
      'a misspelled skill.json field',
      () => edit(MANIFEST, (json) => { json.manifest.publishingInfo = json.manifest.publishingInformation; delete json.manifest.publishingInformation; }),
      { file: MANIFEST, path: 'manifest.publishingInfo', message: expect.stringContaining('not a field Alexa knows') },
    ],
    [
      'a skill.json value of the wrong type',
      () => edit(MANIFEST, (json) => { json.manifest.publishingInformation.isAvailableWorldwide = 'no'; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.isAvailableWorldwide', message: 'must be a boolean, not a string.' },
    ],
    [
      'a field that belongs to another kind of interface (the type field picks the definition)',
      () => edit(MANIFEST, (json) => { json.manifest.apis.custom.interfaces.unshift({ type: 'RENDER_TEMPLATE', supportedViewports: [] }); }),
      { file: MANIFEST, path: 'manifest.apis.custom.interfaces[0].supportedViewports', message: expect.stringContaining('not a field Alexa knows here (known: type, minimumTemplateVersion') },
    ],
    [
      'a misspelled interaction-model field',
      () => edit(MODEL, (model) => { const list = intent(model, 'ListPlaylistsIntent'); list.sample = list.samples; delete list.samples; }),
      { file: MODEL, path: 'interactionModel.languageModel.intents[0].sample', message: expect.stringContaining('not a field Alexa knows') },
    ],
    [
      'an intent the code answers missing from the model',
      () => edit(MODEL, (model) => removeIntent(model, 'AMAZON.NoIntent')),
      { file: MODEL, path: 'interactionModel.languageModel.intents', message: expect.stringMatching(/AMAZON\.NoIntent is missing, but the code answers it/) },
    ],
    [
      'a required built-in intent missing from the model',
      () => edit(MODEL, (model) => removeIntent(model, 'AMAZON.HelpIntent')),
      { file: MODEL, message: 'AMAZON.HelpIntent is missing; certification requires it in every locale.' },
    ],
    [
      'a model intent no handler answers',
      () => edit(MODEL, (model) => model.interactionModel.languageModel.intents.push({ name: 'WeatherIntent', samples: ['what is the weather'] })),
      { file: MODEL, path: `interactionModel.languageModel.intents[${NEXT_INTENT_INDEX}].name`, message: expect.stringMatching(/^no handler answers WeatherIntent/) },
    ],
    [
      'an intent declared twice',
      () => edit(MODEL, (model) => model.interactionModel.languageModel.intents.push({ name: 'AMAZON.StopIntent', samples: [] })),
      { file: MODEL, message: 'AMAZON.StopIntent is declared more than once.' },
    ],
    [
      'a slot type that is neither built in nor declared',
      () => edit(MODEL, (model) => { intent(model, 'PlayPlaylistIntent').slots[0].type = 'PlaylistTitle'; }),
      { file: MODEL, path: 'interactionModel.languageModel.intents[2].slots[0].type', message: expect.stringContaining('"PlaylistTitle", which is neither an AMAZON built-in nor declared') },
    ],
    [
      'a sample shared by two intents',
      () => edit(MODEL, (model) => intent(model, 'PlayPlaylistIntent').samples.push('List my  playlists')),
      { file: MODEL, path: 'interactionModel.languageModel.intents[2].samples[15]', message: expect.stringContaining('already appears in ListPlaylistsIntent') },
    ],
    [
      'a sample using a slot its intent does not declare',
      () => edit(MODEL, (model) => intent(model, 'PlayPlaylistIntent').samples.push('play the song {song}')),
      { file: MODEL, message: 'sample "play the song {song}" uses slot {song}, which PlayPlaylistIntent does not declare.' },
    ],
    [
      'a sample with digits',
      () => edit(MODEL, (model) => intent(model, 'ListPlaylistsIntent').samples.push('list my 5 playlists')),
      { file: MODEL, message: expect.stringContaining('spell out numbers and symbols') },
    ],
    [
      'a one-word invocation name',
      () => edit(MODEL, (model) => { model.interactionModel.languageModel.invocationName = 'playlists'; }),
      { file: MODEL, path: 'interactionModel.languageModel.invocationName', message: expect.stringContaining('must have at least two words') },
    ],
    [
      'an invocation name with capitals',
      () => edit(MODEL, (model) => { model.interactionModel.languageModel.invocationName = 'Playlist Pal'; }),
      { file: MODEL, message: '"Playlist Pal" must be all lower case.' },
    ],
    [
      'an invocation name with a launch phrase',
      () => edit(MODEL, (model) => { model.interactionModel.languageModel.invocationName = 'open playlist pal'; }),
      { file: MODEL, message: expect.stringContaining('contains "open"') },
    ],
    [
      'an invocation name that is only a brand',
      () => edit(MODEL, (model) => { model.interactionModel.languageModel.invocationName = 'spotify'; }),
      { file: MODEL, message: '"spotify" is only a brand name that is not ours; certification rejects it.' },
    ],
    [
      'an example phrase that does not say the invocation name',
      () => edit(MANIFEST, (json) => json.manifest.publishingInformation.locales['en-US'].examplePhrases.push('Alexa, play my music')),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["en-US"].examplePhrases[3]', message: expect.stringContaining('must start "Alexa, open playlist pal"') },
    ],
    [
      'an example phrase asking for something no sample utterance says',
      () => edit(MANIFEST, (json) => json.manifest.publishingInformation.locales['en-US'].examplePhrases.push('Alexa, ask playlist pal to sing me a song')),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["en-US"].examplePhrases[3]', message: expect.stringContaining('"sing me a song" is not one of the en-US model\'s sample utterances') },
    ],
    [
      'a manifest without the APL interface the screens need',
      () => edit(MANIFEST, (json) => { json.manifest.apis.custom.interfaces = []; }),
      { file: MANIFEST, path: 'manifest.apis.custom.interfaces', message: expect.stringMatching(/^lacks ALEXA_PRESENTATION_APL: lambda\/alexa\/panel\.ts/) },
    ],
    [
      'a manifest with no interfaces list at all',
      () => edit(MANIFEST, (json) => { delete json.manifest.apis.custom.interfaces; }),
      { file: MANIFEST, path: 'manifest.apis.custom.interfaces', message: expect.stringContaining('lacks ALEXA_PRESENTATION_APL') },
    ],
    [
      'a manifest that does not declare the name-free requests the code answers',
      () => edit(MANIFEST, (json) => {
        json.manifest.apis.custom.interfaces = json.manifest.apis.custom.interfaces.filter((entry: Json) => entry.type !== 'CAN_FULFILL_INTENT_REQUEST');
      }),
      { file: MANIFEST, path: 'manifest.apis.custom.interfaces', message: expect.stringMatching(/^lacks CAN_FULFILL_INTENT_REQUEST: lambda\/handlers\/canFulfillIntent\.ts answers CanFulfillIntentRequest for ListPlaylistsIntent, PlayPlaylistIntent, PlaylistDetailsIntent/) },
    ],
    [
      'a published locale without an interaction model',
      () => edit(MANIFEST, (json) => { json.manifest.publishingInformation.locales['it-IT'] = json.manifest.publishingInformation.locales['en-US']; }),
      { file: MANIFEST, message: 'has no interaction model; add skill-package/interactionModels/custom/it-IT.json.' },
    ],
    [
      'an interaction model that is not valid JSON',
      () => writeFileSync(path.join(project, MODEL), '{ "interactionModel": '),
      { file: MODEL, path: '(whole file)', message: expect.stringMatching(/^is not valid JSON/) },
    ],
    [
      'swapped authorization and token URLs in the account-linking template',
      () => edit(TEMPLATE, (json) => {
        const request = json.accountLinkingRequest;
        [request.authorizationUrl, request.accessTokenUrl] = [request.accessTokenUrl, request.authorizationUrl];
      }),
      { file: TEMPLATE, path: 'accountLinkingRequest.authorizationUrl', message: 'must be "https://accounts.spotify.com/authorize", not "https://accounts.spotify.com/api/token".' },
    ],
    [
      'credentials sent in the body instead of HTTP Basic',
      () => edit(TEMPLATE, (json) => { json.accountLinkingRequest.accessTokenScheme = 'REQUEST_BODY_CREDENTIALS'; }),
      { file: TEMPLATE, path: 'accountLinkingRequest.accessTokenScheme', message: 'must be "HTTP_BASIC", not "REQUEST_BODY_CREDENTIALS".' },
    ],
    [
      'a scope the skill needs missing from the template',
      () => edit(TEMPLATE, (json) => { json.accountLinkingRequest.scopes.pop(); }),
      { file: TEMPLATE, path: 'accountLinkingRequest.scopes', message: "lacks user-modify-playback-state, which the skill's Spotify calls need." },
    ],
    [
      'a field Alexa requires missing from the template',
      () => edit(TEMPLATE, (json) => { delete json.accountLinkingRequest.defaultTokenExpirationInSeconds; }),
      { file: TEMPLATE, path: 'accountLinkingRequest.defaultTokenExpirationInSeconds', message: expect.stringContaining('positive whole number of seconds') },
    ],
    [
      'a real client secret committed in the template',
      () => edit(TEMPLATE, (json) => { json.accountLinkingRequest.clientSecret = '0123456789abcdef0123456789abcdef'; }),
      { file: TEMPLATE, path: 'accountLinkingRequest.clientSecret', message: expect.stringContaining('where a secret belongs') },
    ],
    [
      'a real client id committed in the template',
      () => edit(TEMPLATE, (json) => { json.accountLinkingRequest.clientId = 'fedcba9876543210fedcba9876543210'; }),
      { file: TEMPLATE, path: 'accountLinkingRequest.clientId', message: expect.stringContaining('looks like a credential') },
    ],
    [
      "a Lambda timeout below the skill's time budget",
      () => editStack((template) => { template.Resources.SkillFunction.Properties.Timeout = 3; }),
      { file: STACK, path: `${FUNCTION}.Timeout`, message: expect.stringContaining('above the skill\'s 6.5 s request budget') },
    ],
    [
      'a Lambda timeout below a request budget left empty, which means the default',
      () => lambdaWith(6, ''),
      { file: STACK, path: `${FUNCTION}.Timeout`, message: expect.stringContaining('above the skill\'s 6.5 s request budget') },
    ],
    [
      'a Lambda timeout below a raised request budget',
      () => lambdaWith(7, '7500'),
      { file: STACK, path: `${FUNCTION}.Timeout`, message: expect.stringContaining('above the skill\'s 7.5 s request budget') },
    ],
    [
      'a Lambda environment value the skill cannot use',
      () => editStack((template) => { template.Resources.SkillFunction.Properties.Environment.Variables.LOG_LEVEL = 'verbose'; }),
      { file: STACK, path: `${FUNCTION}.Environment.Variables.LOG_LEVEL`, message: expect.stringContaining('"verbose" is not one of') },
    ],
    [
      'a log level in ask-resources.json the template does not allow',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.cfn.parameters.LogLevel = 'verbose'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.cfn.parameters.LogLevel', message: expect.stringContaining('not one of the template\'s AllowedValues') },
    ],
    [
      'a stack parameter in ask-resources.json the template does not declare',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.cfn.parameters.LogLvl = 'info'; }),
      { file: STACK, path: 'Parameters.LogLvl', message: expect.stringContaining('ask-resources.json passes it') },
    ],
    [
      'a misspelled Lambda environment variable',
      () => editStack((template) => { template.Resources.SkillFunction.Properties.Environment.Variables.LOGLEVEL = 'debug'; }),
      { file: STACK, path: `${FUNCTION}.Environment.Variables.LOGLEVEL`, message: expect.stringMatching(/^is not read by the skill/) },
    ],
    [
      'a client secret put into the Lambda environment',
      () => editStack((template) => { template.Resources.SkillFunction.Properties.Environment.Variables.SPOTIFY_CLIENT_SECRET = 'x'; }),
      { file: STACK, path: `${FUNCTION}.Environment.Variables.SPOTIFY_CLIENT_SECRET`, message: expect.stringContaining('where a secret belongs') },
    ],
    [
      'the Lambda-only deployer, which provisions no table',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.type = '@ask-cli/lambda-deployer'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.type', message: expect.stringContaining('"@ask-cli/cfn-deployer"') },
    ],
    [
      'a template path the CLI would not find',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.templatePath = './infrastructure/skill-stack.yaml'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.templatePath', message: expect.stringContaining('./infrastructure/cfn-deployer/skill-stack.yaml') },
    ],
    [
      'a skill event the skill acts on missing from ask deploy\'s subscriptions',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.skillEvents.subscriptions = ['SKILL_ENABLED', 'SKILL_ACCOUNT_LINKED']; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.skillEvents.subscriptions', message: expect.stringMatching(/^must list SKILL_DISABLED: /) },
    ],
    [
      'skill events declared in skill.json, where their endpoint would have to be made up',
      () => edit(MANIFEST, (json) => { json.manifest.events = { endpoint: { uri: 'arn:aws:lambda:us-east-1:000000000000:function:x' }, subscriptions: [{ eventName: 'SKILL_ENABLED' }] }; }),
      { file: MANIFEST, path: 'manifest.events', message: expect.stringContaining('userConfig.skillEvents in ask-resources.json') },
    ],
    [
      'no deployment in Europe, where Alexa serves the German, French, Spanish, British and Indian listeners',
      () => edit(RESOURCES, (json) => { delete json.profiles.default.code.EU; }),
      { file: RESOURCES, path: 'profiles.default.code.EU', message: expect.stringMatching(/^is missing: Alexa serves en-GB, en-IN, de-DE, fr-FR, es-ES from its Europe endpoint.*answered, and remembered, in us-east-1/) },
    ],
    [
      'the European deployment sent to Virginia',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.regionalOverrides.EU.awsRegion = 'us-east-1'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.regionalOverrides.EU.awsRegion', message: expect.stringContaining('is "us-east-1", but Alexa serves en-GB, en-IN, de-DE, fr-FR, es-ES from its Europe endpoint, which is served from "eu-west-1"') },
    ],
    [
      'the default deployment, North America\'s, outside us-east-1',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.awsRegion = 'eu-central-1'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.awsRegion', message: expect.stringContaining('from its North America endpoint, which is served from "us-east-1"') },
    ],
    [
      'another code base for one region',
      () => edit(RESOURCES, (json) => { json.profiles.default.code.FE.src = './lambda-fe'; }),
      { file: RESOURCES, path: 'profiles.default.code.FE.src', message: expect.stringContaining('must be "./lambda"') },
    ],
    [
      'a region deploying a template parameter of its own',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.regionalOverrides.EU.cfn = { parameters: { LogLevel: 'debug' } }; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.regionalOverrides.EU.cfn', message: expect.stringMatching(/^must not differ by region/) },
    ],
    [
      'a Far East stack once no Far East locale is published',
      () => edit(MANIFEST, (json) => { delete json.manifest.publishingInformation.locales['en-AU']; }),
      { file: RESOURCES, path: 'profiles.default.code.FE', message: expect.stringContaining('serves none of the published locales (it would serve en-AU, ja-JP)') },
    ],
    [
      'an explicit North American entry deployed to Europe',
      () => edit(RESOURCES, (json) => { json.profiles.default.code.NA = { src: './lambda' }; json.profiles.default.skillInfrastructure.userConfig.regionalOverrides.NA = { awsRegion: 'eu-west-1' }; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.regionalOverrides.NA.awsRegion', message: expect.stringContaining('from its North America endpoint, which is served from "us-east-1"') },
    ],
    [
      'an override for a region the CLI does not deploy',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.regionalOverrides.NA = { awsRegion: 'us-east-1' }; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.regionalOverrides.NA', message: expect.stringMatching(/^does nothing: code has no "NA" entry/) },
    ],
    [
      'a published locale whose Alexa region is unknown',
      () => edit(MANIFEST, (json) => { json.manifest.publishingInformation.locales['nl-NL'] = json.manifest.publishingInformation.locales['de-DE']; }),
      { file: MANIFEST, path: 'manifest.publishingInformation.locales["nl-NL"]', message: expect.stringContaining('does not know which Alexa region serves it') },
    ],
    [
      'a Node.js runtime older than the bundle targets',
      () => edit(RESOURCES, (json) => { json.profiles.default.skillInfrastructure.userConfig.runtime = 'nodejs18.x'; }),
      { file: RESOURCES, path: 'profiles.default.skillInfrastructure.userConfig.runtime', message: expect.stringContaining('Node.js 20+') },
    ],
  ];

  it.each(seeded)('reports %s with file, path and a sentence', (_mistake, seed, expected) => {
    seed();
    expect(problems()).toContainEqual(expect.objectContaining(expected));
  });

  it('reports a skill.json that is not an object once, in plain words', () => {
    writeFileSync(path.join(project, MANIFEST), '[]');
    expect(problems()).toEqual([{ file: MANIFEST, path: '(whole file)', message: 'must be an object, not an array.' }]);
  });

  it('reports a model intent that no handler answers, in every locale', () => {
    const withoutPlayback = HANDLED_INTENTS.filter((name) => name !== 'PlayPlaylistIntent');
    const found = validateProject(project, withoutPlayback).problems;
    expect(found.map((each) => each.message)).toEqual(Array(11).fill(expect.stringMatching(/^no handler answers PlayPlaylistIntent/)));
    expect(new Set(found.map((each) => each.file)).size).toBe(11);
  });

  it('reports CAN_FULFILL_INTENT_REQUEST declared while the code answers no intent name-free', () => {
    expect(validateProject(project, HANDLED_INTENTS, []).problems).toEqual([
      { file: MANIFEST, path: 'manifest.apis.custom.interfaces', message: expect.stringMatching(/^declares CAN_FULFILL_INTENT_REQUEST, but the code answers no intent name-free/) },
    ]);
  });

  it('accepts a manifest without CAN_FULFILL_INTENT_REQUEST when the code answers no intent name-free', () => {
    edit(MANIFEST, (json) => {
      json.manifest.apis.custom.interfaces = json.manifest.apis.custom.interfaces.filter((entry: Json) => entry.type !== 'CAN_FULFILL_INTENT_REQUEST');
    });
    expect(validateProject(project, HANDLED_INTENTS, []).problems).toEqual([]);
  });
});

import { SUPPORTED_LOCALES, translatorFor } from '../../lambda/i18n';
import { loadLanguageModel } from '../../local/simulator/interactionModel';
import { UtteranceResolver } from '../../local/simulator/utterances';
import { languageOfText } from '../support/language';
import { spokenText } from '../support/responses';
import { startTestRuntime, type TestRuntime } from '../support/localRuntime';

describe.each(SUPPORTED_LOCALES)('the simulator in %s', (locale) => {
  const model = loadLanguageModel(locale);
  const resolver = new UtteranceResolver(model, locale);

  it("resolves every sample of the locale's model to its intent, with the name in the slot", () => {
    const wrong = model.intents.flatMap((intent) =>
      (intent.samples ?? []).flatMap((sample) => {
        const said = sample.replace(/\{playlist\}/g, 'morning run');
        const resolution = resolver.resolve(said);
        const slotOk = !sample.includes('{playlist}') || (resolution.kind === 'intent' && resolution.slots.playlist === 'morning run');
        return resolution.kind === 'intent' && resolution.name === intent.name && slotOk ? [] : [`${said} → ${JSON.stringify(resolution)}`];
      }),
    );

    expect(wrong).toEqual([]);
  });
});

describe.each([
  ['de-DE', ['öffne playlist pal', 'Playlist Pal öffnen', 'Alexa, starte Playlist Pal'], 'frag playlist pal welche playlists ich habe', 'starte playlist pal und spiel morning run', ['ja', 'nein', 'hilfe', 'stopp', 'weiter', 'abbrechen'], 'beenden'],
  ['fr-FR', ['ouvre playlist pal', 'Alexa, lance Playlist Pal'], 'demande à playlist pal quelles sont mes playlists', 'demande à playlist pal de mettre morning run', ['oui', 'non', 'aide', 'stop', 'suivant', 'annule'], 'quitte'],
  ['fr-CA', ['ouvre playlist pal'], 'demande à playlist pal quelles sont mes listes de lecture', 'demande à playlist pal de faire jouer morning run', ['oui', 'non', 'aide', 'arrête', 'suivant', 'annule'], 'quitter'],
  ['es-MX', ['abre playlist pal', 'Alexa, inicia Playlist Pal'], 'pregúntale a playlist pal qué playlists tengo', 'pídele a playlist pal que ponga morning run', ['sí', 'no', 'ayuda', 'para', 'siguiente', 'cancela'], 'salir'],
] as const)('opening the skill and built-ins in %s', (locale, opens, question, request, builtIns, exit) => {
  const resolver = new UtteranceResolver(loadLanguageModel(locale), locale);

  it('opens the skill with the launch words of the language', () => {
    for (const said of opens) expect(resolver.resolve(said)).toEqual({ kind: 'launch' });
  });

  it('passes a question and a request to the skill in a new session', () => {
    expect(resolver.resolve(question)).toMatchObject({ kind: 'intent', name: 'ListPlaylistsIntent', newSession: true });
    expect(resolver.resolve(request)).toMatchObject({ kind: 'intent', name: 'PlayPlaylistIntent', slots: { playlist: 'morning run' }, newSession: true });
  });

  it("knows yes, no, help, stop, next and cancel as the language says them, and the word that closes the skill", () => {
    expect(builtIns.map((said) => resolver.resolve(said))).toEqual(
      ['AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.NextIntent', 'AMAZON.CancelIntent'].map((name) => ({ kind: 'intent', name, slots: {} })),
    );
    expect(resolver.resolve(exit)).toEqual({ kind: 'exit' });
  });
});

describe('typing without accents', () => {
  it('still finds the sample, and keeps the accents that were typed in the slot', () => {
    const resolver = new UtteranceResolver(loadLanguageModel('es-ES'), 'es-ES');

    expect(resolver.resolve('cuales son mis playlists')).toMatchObject({ name: 'ListPlaylistsIntent' });
    expect(resolver.resolve('háblame de Café del Mar')).toMatchObject({ name: 'PlaylistDetailsIntent', slots: { playlist: 'café del mar' } });
    expect(resolver.resolve('hablame de cafe del mar')).toMatchObject({ name: 'PlaylistDetailsIntent', slots: { playlist: 'cafe del mar' } });
  });
});

describe('switching the simulator among locales', () => {
  let local: TestRuntime;
  beforeAll(async () => {
    local = await startTestRuntime();
  });
  afterAll(() => local.close());

  it('answers each locale in its language, with the demo names as they are', async () => {
    const simulator = await local.simulator();
    const said: Record<string, string> = { 'de-DE': 'welche playlists habe ich', 'fr-CA': 'quelles sont mes listes de lecture', 'es-US': 'cuáles son mis playlists', 'en-IN': 'list my playlists' };

    for (const [locale, question] of Object.entries(said)) {
      simulator.setLocale(locale);
      const answer = spokenText((await simulator.say(question)).response);

      expect(answer.startsWith(translatorFor(locale).t('list.first', { count: 30, shown: 5, names: '' }).split(':')[0]!)).toBe(true);
      expect(answer).toContain('Rock & Roll <Live>');
      expect(languageOfText(answer)).toBe(locale.slice(0, 2));
    }
  });

  it.each([
    ['de-DE', 'liste meine playlists', 'spiel die dritte', 'Ich spiele Chill "Vibes" auf Kitchen Echo.'],
    ['fr-FR', 'quelles sont mes playlists', 'mets la dernière', 'Je lance Deep Focus sur Kitchen Echo.'],
    ['es-MX', 'cuáles son mis playlists', 'pon la segunda', 'Reproduciendo Rock & Roll <Live> en Kitchen Echo.'],
    ['fr-FR', 'parle-moi de deep house', 'joue-la', 'Je lance Deep House sur Kitchen Echo.'],
    ['de-DE', 'erzähl mir was über deep house', 'spiel sie ab', 'Ich spiele Deep House auf Kitchen Echo.'],
    ['es-ES', 'háblame de deep house', 'pon esa', 'Reproduciendo Deep House en Kitchen Echo.'],
  ])('in %s, after "%s", plays what "%s" points at', async (locale, before, pointing, playing) => {
    const simulator = await local.simulator({ locale });

    await simulator.say(before);
    const played = await simulator.say(pointing);

    expect(played.resolution).toMatchObject({ name: 'PlayPlaylistIntent' });
    expect(spokenText(played.response)).toBe(playing);
  });

  it('fills the slot the skill asked for in French, and plays what was named', async () => {
    const simulator = await local.simulator({ locale: 'fr-FR' });

    const ask = await simulator.say('mets une playlist');
    expect(spokenText(ask.response)).toBe(translatorFor('fr-FR').t('playlistName.askPlay'));

    const play = await simulator.say('la playlist rock et roll');
    expect(play.resolution).toMatchObject({ name: 'PlayPlaylistIntent', slots: { playlist: 'rock et roll' } });
    expect(spokenText(play.response)).toBe('Je lance Rock & Roll <Live> sur Kitchen Echo.');
  });
});

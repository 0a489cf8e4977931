import type { SupportedLocale } from '../../lambda/i18n';

/**
 * The locales whose interaction model is produced from their language's hand-written one
 * (`npm run models`), with what people there say besides. Each produced file is what Alexa gets
 * and is committed; `npm run validate` fails when one is not what this produces.
 */
export interface RegionalVariant {
  /** The language's hand-written model: skill-package/interactionModels/custom/<from>.json. */
  readonly from: SupportedLocale;
  /** Sample utterances only this region says, per intent, after the language's own. */
  readonly extraSamples?: Readonly<Record<string, readonly string[]>>;
  /** Values of the playlist slot type this region adds. */
  readonly extraValues?: readonly string[];
}

const LATIN_AMERICAN_SPANISH: RegionalVariant = {
  from: 'es-ES',
  extraSamples: {
    ListPlaylistsIntent: ['cuáles playlists tengo'],
    PlayPlaylistIntent: ['ponle {playlist}', 'ponle mi playlist {playlist}'],
  },
};

const HAVE_GOT: RegionalVariant = { from: 'en-US', extraSamples: { ListPlaylistsIntent: ['what playlists have I got'] } };

export const REGIONAL_VARIANTS: Readonly<Partial<Record<SupportedLocale, RegionalVariant>>> = {
  'en-GB': HAVE_GOT,
  'en-CA': { from: 'en-US' },
  'en-AU': HAVE_GOT,
  'en-IN': { from: 'en-US' },
  // Québec says "liste de lecture" and "faire jouer".
  'fr-CA': {
    from: 'fr-FR',
    extraSamples: {
      ListPlaylistsIntent: ["quelles listes de lecture j'ai", 'montre moi mes listes de lecture'],
      PlaylistDetailsIntent: ['parle moi de ma liste de lecture {playlist}', 'décris ma liste de lecture {playlist}'],
      PlayPlaylistIntent: ['fais jouer {playlist}', 'fais jouer ma liste de lecture {playlist}', 'faire jouer {playlist}', 'mets ma liste de lecture {playlist}'],
    },
  },
  'es-MX': LATIN_AMERICAN_SPANISH,
  'es-US': LATIN_AMERICAN_SPANISH,
};

import type { MatchingLanguage } from '../language';
import { cardinalsAsDigits, ordinalDigits, spelledDigits, type CardinalSpeller, type CardinalWords } from './cardinals';
import { referenceReader } from './references';

/*
 * French numbers add up ("soixante-dix" is 60 + 10), except "quatre-vingts", which is read as one
 * word; hyphens are spaces by the time words arrive, accents are folded ("deuxieme").
 * Belgian and Swiss "septante", "huitante", "nonante" are understood too.
 */

/** "quatre vingt(s)" read as one part. */
const FOUR_TWENTIES = 'quatre-vingts';

const WORDS: CardinalWords = {
  values: {
    zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
    dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
    vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
    [FOUR_TWENTIES]: 80,
  },
  multipliers: { cent: 100, cents: 100, mille: 1000 },
  joiner: 'et',
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  premier: 1, premiere: 1, deuxieme: 2, second: 2, seconde: 2, troisieme: 3, quatrieme: 4, cinquieme: 5, sixieme: 6,
  septieme: 7, huitieme: 8, neuvieme: 9, dixieme: 10, onzieme: 11, douzieme: 12,
};
const ORDINAL_SUFFIX = /^(?:er|re|ere|e|eme|nd|nde)$/;

/** Ordinals as one spelling, "2e": "deuxième", "2ème", "2e" and "2nd" meet. */
function ordinal(token: string): string {
  const position = Object.hasOwn(ORDINAL_WORDS, token) ? ORDINAL_WORDS[token] : ordinalDigits(token, ORDINAL_SUFFIX);
  return position === undefined ? token : `${position}e`;
}

function numbersAsDigits(tokens: readonly string[]): string[] {
  // "quatre vingt(s)" is one part, 80: "quatre-vingt-dix" is 80 + 10, never 4 + 20 + 10.
  const joined: string[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    if (tokens[at] === 'quatre' && (tokens[at + 1] === 'vingt' || tokens[at + 1] === 'vingts')) {
      joined.push(FOUR_TWENTIES);
      at += 1;
    } else {
      joined.push(tokens[at]!);
    }
  }
  return cardinalsAsDigits(WORDS, joined, ordinal);
}

const BELOW_17 = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function below100(value: number): string {
  if (value < 17) return BELOW_17[value]!;
  if (value < 20) return `dix ${BELOW_17[value - 10]!}`;
  if (value >= 80) return value === 80 ? 'quatre vingts' : `quatre vingt ${below100(value - 80)}`;
  // 70..79 is "soixante-dix" .. "soixante-dix-neuf", "soixante et onze".
  const tens = value >= 70 ? 6 : Math.floor(value / 10);
  const rest = value - tens * 10;
  if (rest === 0) return TENS[tens]!;
  return rest === 1 || rest === 11 ? `${TENS[tens]!} et ${below100(rest)}` : `${TENS[tens]!} ${below100(rest)}`;
}

const SPELLER: CardinalSpeller = {
  below100,
  hundreds: (count, rest) => (count === 1 ? 'cent' : `${below100(count)} ${rest === 0 ? 'cents' : 'cent'}`),
  thousands: (count) => (count === 1 ? 'mille' : `${below100(count)} mille`),
  glue: ' ',
};

export const FRENCH: MatchingLanguage = {
  code: 'fr',
  and: 'et',
  symbolWords: { at: 'arobase', number: 'numero', percent: 'pour cent' },
  numbersAsDigits,
  digitsAsWords: (tokens) => spelledDigits(SPELLER, tokens),
  leadingFiller: /^(?:(?:la|le|les|l|ma|mon|mes|1|notre|nos|cette|ce|cet) )*(?:(?:play ?lists?|listes? de lecture|liste|compilation) (?:(?:de|du|des|d) )?)?/,
  trailingFiller: / (?:play ?lists?|liste)$/,
  // "la troisième" (said "la 3e" by now), "numéro deux", "la dernière"; "la" (of "joue-la"), "celle-là", "cette playlist".
  readReference: referenceReader(
    /^(?:(?<article>la|le|l|celle|celui) )?(?:(?<marker>numero )?(?<digits>\d+)(?<suffix>e)?|(?<last>derniere?))(?: (?:playlist|liste|de la liste))?(?: sil te plait| sil vous plait)?$/,
    /^(?:la|le|ca|celle la|celle ci|celui la|celui ci|cette playlist|cette liste|la meme|la meme playlist|celle que tu viens de decrire)(?: sil te plait| sil vous plait)?$/,
  ),
  declining: [
    'non', 'non merci', 'nan', 'aucune', 'aucun', 'aucune des deux', 'aucun des deux', "aucune d'entre elles", "ni l'une ni l'autre", "ni l'un ni l'autre", 'pas du tout',
  ],
  agreeing: ['oui', 'ouais', "d'accord", 'ok', 'okay', 'bien sûr', 'volontiers', 'oui merci', "oui s'il te plaît", "oui s'il vous plaît", 'carrément'],
};

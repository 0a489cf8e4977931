import type { MatchingLanguage } from '../language';
import { cardinalsAsDigits, ordinalDigits, spelledDigits, type CardinalSpeller, type CardinalWords } from './cardinals';
import { referenceReader } from './references';

/*
 * Spanish writes 16..29 and the hundreds as one word ("veinticuatro", "doscientos") and joins
 * tens and units with "y" ("treinta y dos"). Accents arrive folded ("veintitres", "dieciseis").
 */

const BELOW_30 = [
  'cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince',
  'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco',
  'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

const folded = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '');

const WORDS: CardinalWords = {
  values: {
    ...Object.fromEntries(BELOW_30.map((word, value) => [folded(word), value])),
    un: 1, una: 1, veintiun: 21, veintiuna: 21,
    ...Object.fromEntries(TENS.flatMap((word, tens) => (word === '' ? [] : [[word, tens * 10]]))),
    cien: 100,
    ...Object.fromEntries(HUNDREDS.flatMap((word, count) => (word === '' ? [] : [[word, count * 100], [word.replace(/os$/, 'as'), count * 100]]))),
  },
  multipliers: { mil: 1000 },
  joiner: 'y',
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  primero: 1, primera: 1, primer: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, tercer: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5,
  sexto: 6, sexta: 6, septimo: 7, septima: 7, setimo: 7, setima: 7, octavo: 8, octava: 8, noveno: 9, novena: 9, decimo: 10, decima: 10,
};
/** "1º", "1ª" (folded to "1o", "1a"), "1ro", "2do", "3er", "4to". */
const ORDINAL_SUFFIX = /^(?:o|a|er|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)$/;

/** Ordinals as one spelling, "2o": "segunda", "2ª" and "2do" meet. */
function ordinal(token: string): string {
  const position = Object.hasOwn(ORDINAL_WORDS, token) ? ORDINAL_WORDS[token] : ordinalDigits(token, ORDINAL_SUFFIX);
  return position === undefined ? token : `${position}o`;
}

const SPELLER: CardinalSpeller = {
  below100: (value) => (value < 30 ? BELOW_30[value]! : value % 10 === 0 ? TENS[value / 10]! : `${TENS[Math.floor(value / 10)]!} y ${BELOW_30[value % 10]!}`),
  hundreds: (count, rest) => (count === 1 && rest === 0 ? 'cien' : HUNDREDS[count]!),
  thousands: (count) => (count === 1 ? 'mil' : `${SPELLER.below100(count)} mil`),
  glue: ' ',
};

export const SPANISH: MatchingLanguage = {
  code: 'es',
  and: 'y',
  symbolWords: { at: 'arroba', number: 'numero', percent: 'por ciento' },
  numbersAsDigits: (tokens) => cardinalsAsDigits(WORDS, tokens, ordinal),
  digitsAsWords: (tokens) => spelledDigits(SPELLER, tokens),
  leadingFiller: /^(?:(?:la|el|los|las|mi|mis|1|nuestra|nuestro|esa|esta|tu) )*(?:(?:play ?lists?|listas? de reproduccion|listas?) (?:(?:de|del) )?)?/,
  trailingFiller: / (?:play ?lists?|lista)$/,
  // "la tercera" (said "la 3o" by now), "número dos", "la última"; "esa", "la misma", "esa lista".
  readReference: referenceReader(
    /^(?:(?<article>la|el|lo) )?(?:(?<marker>numero )?(?<digits>\d+)(?<suffix>o)?|(?<last>ultim[oa]))(?: (?:playlist|lista|de la lista))?(?: por favor)?$/,
    /^(?:la|lo|esa|ese|esta|este|eso|esto|esa de ahi|esa lista|esta lista|esa playlist|esta playlist|esa misma|la misma|la misma lista|la que me acabas de decir)(?: por favor)?$/,
  ),
  declining: ['no', 'no gracias', 'nop', 'ninguna', 'ninguno', 'ninguna de las dos', 'ninguno de los dos', 'ninguna de ellas', 'ni una ni otra', 'ni la una ni la otra', 'para nada'],
  agreeing: ['sí', 'claro', 'vale', 'ok', 'okay', 'por supuesto', 'dale', 'sí por favor', 'de acuerdo', 'venga', 'claro que sí'],
};

import type { MatchingLanguage } from '../language';
import { cardinalsAsDigits, spelledDigits, type CardinalSpeller, type CardinalWords } from './cardinals';
import { referenceReader } from './references';

/*
 * German writes numbers as one word ("zweiundzwanzig", "neunzehnhundertneunundneunzig"), units
 * before tens, and ordinals as digits with a full stop ("1. Mai"). Words arrive lower case,
 * umlauts folded and ß as ss ("funfzig", "dreissig").
 */

const UNITS: Readonly<Record<string, number>> = {
  null: 0, eins: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, funf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
  zehn: 10, elf: 11, zwolf: 12, dreizehn: 13, vierzehn: 14, funfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const TENS: Readonly<Record<string, number>> = {
  zwanzig: 20, dreissig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
/** "ein" counts only inside a number ("einundzwanzig", "einhundert"); alone it is the article. */
const MORPHEMES = [...Object.keys(UNITS), ...Object.keys(TENS), 'hundert', 'tausend', 'und', 'ein'].sort((a, b) => b.length - a.length);

/** A compound number word split into its parts (longest part first), or undefined when the word is not made of them. */
function morphemes(word: string): string[] | undefined {
  const parts: string[] = [];
  let at = 0;
  while (at < word.length) {
    const part = MORPHEMES.find((candidate) => word.startsWith(candidate, at));
    if (part === undefined) return undefined;
    parts.push(part);
    at += part.length;
  }
  return parts;
}

/** Marks a number put together from "unit und tens", so that digits the user wrote are never joined to it. */
const JOINED = '#';
const JOINED_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  Object.values(TENS).flatMap((tens) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((unit) => [`${tens + unit}${JOINED}`, tens + unit])),
);

function unitValue(word: string | undefined): number | undefined {
  if (word === 'ein') return 1;
  const value = word === undefined ? undefined : UNITS[word];
  return value !== undefined && value >= 1 && value <= 9 ? value : undefined;
}

/**
 * The parts of a number as the additive parser reads them: "vier und zwanzig" (from
 * "vierundzwanzig" or said apart) becomes 24; "ein" before "hundert" or "tausend" is "eins".
 */
function readableParts(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < parts.length; at += 1) {
    const unit = unitValue(parts[at]);
    const tens = parts[at + 2] === undefined ? undefined : TENS[parts[at + 2]!];
    if (unit !== undefined && parts[at + 1] === 'und' && tens !== undefined) {
      out.push(`${tens + unit}${JOINED}`);
      at += 2;
    } else if (parts[at] === 'ein' && (parts[at + 1] === 'hundert' || parts[at + 1] === 'tausend')) {
      out.push('eins');
    } else {
      out.push(parts[at]!);
    }
  }
  return out;
}

const READABLE: CardinalWords = { values: { ...UNITS, ...TENS, ...JOINED_VALUES }, multipliers: { hundert: 100, tausend: 1000 } };

const ORDINALS: Readonly<Record<string, number>> = {
  erst: 1, zweit: 2, dritt: 3, viert: 4, funft: 5, sechst: 6, siebt: 7, siebent: 7, acht: 8, neunt: 9, zehnt: 10, elft: 11, zwolft: 12,
};
const ORDINAL = /^([a-z]+?)e[nmrs]?$/;
/** Decades as said: "neunziger" for "90er". */
const DECADE = /^(zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)er$/;

/** Ordinal words as the digits German writes them with ("erster" as in "1. Mai"), decades as "90er". */
function ordinalOrDecade(token: string): string {
  const decade = DECADE.exec(token)?.[1];
  if (decade !== undefined) return `${TENS[decade]!}er`;
  // "90s" in an English name is the same decade.
  if (/^\d0s$/.test(token)) return `${token.slice(0, -1)}er`;
  const stem = ORDINAL.exec(token)?.[1];
  const position = stem === undefined || !Object.hasOwn(ORDINALS, stem) ? undefined : ORDINALS[stem];
  return position === undefined ? token : String(position);
}

function numbersAsDigits(tokens: readonly string[]): string[] {
  // Number words are split into their parts only when the whole word is made of them ("achtzig", not "achtung").
  const parts = tokens.flatMap((token) => {
    const split = morphemes(token);
    return split !== undefined && split.some((part) => part !== 'und' && part !== 'ein') ? split : [token];
  });
  return cardinalsAsDigits(READABLE, readableParts(parts), ordinalOrDecade);
}

const UNIT_WORDS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS_WORDS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
const IN_COMPOUND = (value: number) => (value === 1 ? 'ein' : UNIT_WORDS[value]!);

const SPELLER: CardinalSpeller = {
  below100: (value) => {
    if (value < 20) return UNIT_WORDS[value]!;
    const unit = value % 10;
    const tens = TENS_WORDS[Math.floor(value / 10)]!;
    return unit === 0 ? tens : `${IN_COMPOUND(unit)}und${tens}`;
  },
  hundreds: (count) => `${IN_COMPOUND(count)}hundert`,
  thousands: (count) => `${IN_COMPOUND(count)}tausend`,
  glue: '',
};

export const GERMAN: MatchingLanguage = {
  code: 'de',
  and: 'und',
  symbolWords: { at: 'at', number: 'nummer', percent: 'prozent' },
  numbersAsDigits,
  digitsAsWords: (tokens) => spelledDigits(SPELLER, tokens).map((token) => (/^[2-9]0er$/.test(token) ? `${TENS_WORDS[Number(token[0])]!}er` : token)),
  leadingFiller: /^(?:(?:meine[nmrs]?|mein|die|der|das|den|dem|eine[nmrs]?|ein|unsere[nmrs]?|unser) )*(?:(?:playlist|playliste|wiedergabeliste) (?:namens |mit dem namen )?)?/,
  trailingFiller: /(?: ?play ?liste?n?| wiedergabeliste| liste)$/,
  // "die dritte" (said "die 3" by now: German ordinals read as digits, so the article marks the
  // position), "nummer zwei", "die letzte"; "sie", "die da", "diese Playlist", "dieselbe".
  readReference: referenceReader(
    /^(?:(?<article>die|der|das|den) )?(?:(?<marker>nummer )?(?<digits>\d+)|(?<last>letzte[nrs]?))(?: (?:playlist|davon|auf der liste))?(?: bitte)?$/,
    /^(?:sie|es|die|das|diese|dieses|die da|das da|diese da|die hier|diese hier|diese playlist|die playlist|dieselbe|dieselbe playlist|die gleiche|die gleiche playlist|genau die)(?: bitte)?$/,
  ),
  declining: ['nein', 'ne', 'nee', 'nö', 'keine', 'keins', 'keine davon', 'keine von beiden', 'keine von denen', 'keine der beiden', 'weder noch', 'weder die eine noch die andere', 'nein danke'],
  agreeing: ['ja', 'jawohl', 'genau', 'klar', 'na klar', 'okay', 'ok', 'gerne', 'gern', 'ja bitte', 'sicher', 'jep', 'jo'],
};

/*
 * Number words that add up, as German, French and Spanish build them: "vingt et un" is 20 + 1,
 * "mil novecientos noventa y nueve" is 1000 + 900 + 90 + 9, "quatre-vingt-dix" is 80 + 10.
 * A word adds to what came before only where a smaller part can follow ("deux trois" is two
 * numbers, "vingt trois" is one); hundreds and thousands multiply what came before them.
 * Work is one pass over the words: each word is looked at once.
 */

export interface CardinalWords {
  /** Words with a value of their own, already lower case and without accents. */
  readonly values: Readonly<Record<string, number>>;
  /** Words that multiply the number before them ("cent", "hundert", "mil"). */
  readonly multipliers: Readonly<Record<string, number>>;
  /** The word between tens and units ("et", "y"), consumed only inside a number. */
  readonly joiner?: string;
}

interface Parsed {
  readonly value: number;
  readonly next: number;
}

/** Whether `value` may follow `current` inside one number: it must fill a place still empty. */
function canAdd(current: number, value: number): boolean {
  if (current === 0) return true;
  if (value < 10) return current % 10 === 0;
  if (value < 20) return current % 100 === 0 || current % 100 === 60 || current % 100 === 80;
  if (value < 100) return current % 100 === 0;
  return current % 1000 === 0 && value < 1000;
}

function valueOf(words: CardinalWords, word: string | undefined): number | undefined {
  return word !== undefined && Object.hasOwn(words.values, word) ? words.values[word] : undefined;
}

function multiplierOf(words: CardinalWords, word: string | undefined): number | undefined {
  return word !== undefined && Object.hasOwn(words.multipliers, word) ? words.multipliers[word] : undefined;
}

/** The longest number that starts at `at`, or undefined when no number word is there. */
function cardinal(words: CardinalWords, tokens: readonly string[], at: number): Parsed | undefined {
  let thousands = 0;
  let current = 0;
  let seen = false;
  let index = at;
  while (index < tokens.length) {
    const token = tokens[index];
    const value = valueOf(words, token);
    if (value !== undefined) {
      if (seen && !canAdd(current, value)) break;
      current += value;
      seen = true;
      index += 1;
      continue;
    }
    const multiplier = multiplierOf(words, token);
    if (multiplier !== undefined) {
      if (multiplier >= 1000) {
        if (thousands > 0 || current >= multiplier) break;
        thousands = (current || 1) * multiplier;
        current = 0;
      } else {
        if (current >= multiplier) break;
        current = (current || 1) * multiplier;
      }
      seen = true;
      index += 1;
      continue;
    }
    // "vingt et un", "treinta y dos": the joiner belongs to the number only between two of its parts.
    const following = valueOf(words, tokens[index + 1]);
    if (seen && token === words.joiner && following !== undefined && current % 10 === 0 && following < 20 && canAdd(current, following)) {
      index += 1;
      continue;
    }
    break;
  }
  return seen ? { value: thousands + current, next: index } : undefined;
}

/** Replaces each run of number words with its digits; every other word stays as it is. */
export function cardinalsAsDigits(words: CardinalWords, tokens: readonly string[], other: (token: string) => string = (token) => token): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < tokens.length) {
    const parsed = cardinal(words, tokens, at);
    if (parsed !== undefined) {
      out.push(String(parsed.value));
      at = parsed.next;
    } else {
      out.push(other(tokens[at]!));
      at += 1;
    }
  }
  return out;
}

/** "2e", "2eme", "2nd" (French) or "2o", "2a", "2do" (Spanish): digits written as an ordinal, as the position they name. */
export function ordinalDigits(token: string, suffixes: RegExp): number | undefined {
  const match = /^(\d{1,3})([a-z]+)$/.exec(token);
  return match !== null && suffixes.test(match[2]!) ? Number(match[1]) : undefined;
}

/** Words for 0..9999 from a language's rule for 0..99, its hundreds and its thousands, for synonyms. */
export interface CardinalSpeller {
  below100(value: number): string;
  /** `rest` is what follows below 100: "deux cents" but "deux cent un", "cien" but "ciento uno". */
  hundreds(count: number, rest: number): string;
  thousands(count: number): string;
  /** How the parts are put together: "zweitausendvierundzwanzig" or "deux mille vingt". */
  readonly glue: string;
}

function spellCardinal(speller: CardinalSpeller, value: number): string {
  const parts: string[] = [];
  const thousands = Math.floor(value / 1000);
  const hundreds = Math.floor((value % 1000) / 100);
  const rest = value % 100;
  if (thousands > 0) parts.push(speller.thousands(thousands));
  if (hundreds > 0) parts.push(speller.hundreds(hundreds, rest));
  if (rest > 0 || parts.length === 0) parts.push(speller.below100(rest));
  return parts.join(speller.glue);
}

/** Digits as words for the synonyms Alexa is taught: numbers up to 9999 ("50", "2024"); other tokens stay. */
export function spelledDigits(speller: CardinalSpeller, tokens: readonly string[]): string[] {
  return tokens.map((token) => (/^(?:0|[1-9]\d{0,3})$/.test(token) ? spellCardinal(speller, Number(token)) : token));
}

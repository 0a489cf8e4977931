/*
 * Spoken numbers become digits, so that "workout two", "workout 2" and "Workout 2" meet in the
 * middle, and so do "top fifty" and "Top 50" or "twenty twenty four" and "(2024)". English only,
 * up to the thousands: playlist names rarely need more.
 */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Decades as people say them: "nineties" for "90s" (the apostrophe of "'90s" is gone by now). */
const DECADES: Readonly<Record<string, string>> = {
  twenties: '20s', thirties: '30s', forties: '40s', fifties: '50s', sixties: '60s', seventies: '70s', eighties: '80s', nineties: '90s',
};
const ORDINALS: Readonly<Record<string, string>> = {
  first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th',
};
/** Roman numerals that are not also everyday words or letters ("i", "v", "x", "mix" stay). */
const ROMAN: Readonly<Record<string, string>> = { ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9' };

interface Parsed {
  readonly value: number;
  readonly next: number;
  /** A teen or a round ten ("nineteen", "twenty"): the first half of a year as people say it. */
  readonly yearHead: boolean;
}

function below100(tokens: readonly string[], at: number): Parsed | undefined {
  const word = tokens[at];
  if (word === undefined) return undefined;
  const small = SMALL[word];
  if (small !== undefined) return { value: small, next: at + 1, yearHead: small >= 10 };
  const tens = TENS[word];
  if (tens === undefined) return undefined;
  const unit = SMALL[tokens[at + 1] ?? ''];
  if (unit !== undefined && unit >= 1 && unit <= 9) return { value: tens + unit, next: at + 2, yearHead: false };
  return { value: tens, next: at + 1, yearHead: true };
}

/** "[and] <below 100>" after "hundred" or "thousand". */
function tail(tokens: readonly string[], at: number, parse: (at: number) => Parsed | undefined): Parsed | undefined {
  return (tokens[at] === 'and' ? parse(at + 1) : undefined) ?? parse(at);
}

function below1000(tokens: readonly string[], at: number): Parsed | undefined {
  const head = below100(tokens, at);
  if (head === undefined || tokens[head.next] !== 'hundred' || head.value === 0) return head;
  const rest = tail(tokens, head.next + 1, (from) => below100(tokens, from));
  const value = head.value * 100 + (rest?.value ?? 0);
  return { value, next: rest?.next ?? head.next + 1, yearHead: false };
}

function cardinal(tokens: readonly string[], at: number): Parsed | undefined {
  const head = below1000(tokens, at);
  if (head === undefined) return undefined;
  if (tokens[head.next] === 'thousand' && head.value > 0) {
    const rest = tail(tokens, head.next + 1, (from) => below1000(tokens, from));
    return { value: head.value * 1000 + (rest?.value ?? 0), next: rest?.next ?? head.next + 1, yearHead: false };
  }
  if (!head.yearHead) return head;
  // "nineteen eighty four", "twenty twenty", "twenty oh five": a year in two halves.
  if (tokens[head.next] === 'oh') {
    const unit = SMALL[tokens[head.next + 1] ?? ''];
    if (unit !== undefined && unit <= 9) return { value: head.value * 100 + unit, next: head.next + 2, yearHead: false };
  }
  const second = below100(tokens, head.next);
  if (second !== undefined && second.value >= 10) return { value: head.value * 100 + second.value, next: second.next, yearHead: false };
  return head;
}

/** Replaces number words in already lower-cased, space-separated tokens with digits. */
export function numbersAsDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let at = 0;
  while (at < tokens.length) {
    const word = tokens[at]!;
    const parsed = cardinal(tokens, at);
    if (parsed !== undefined) {
      out.push(String(parsed.value));
      at = parsed.next;
      continue;
    }
    out.push(DECADES[word] ?? ORDINALS[word] ?? ROMAN[word] ?? word);
    at += 1;
  }
  return out;
}

const SMALL_WORDS = Object.keys(SMALL);
const TENS_WORDS: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(TENS).map(([word, value]) => [value, word]));
const DECADE_WORDS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DECADES).map(([word, digits]) => [digits, word]));

function wordsBelow100(value: number): string {
  if (value < 20) return SMALL_WORDS[value]!;
  const unit = value % 10;
  const tens = TENS_WORDS[value - unit]!;
  return unit === 0 ? tens : `${tens} ${SMALL_WORDS[unit]!}`;
}

/** The other way round, for the synonyms Alexa is taught: "90s" as "nineties", "2024" as "twenty twenty four". */
export function digitsAsWords(tokens: readonly string[]): string[] {
  return tokens.map((token) => {
    const decade = DECADE_WORDS[token];
    if (decade !== undefined) return decade;
    if (!/^\d{1,4}$/.test(token)) return token;
    const value = Number(token);
    if (value < 100 && String(value) === token) return wordsBelow100(value);
    // Years as people say them; 2000..2009 is "two thousand …", which the parser also reads.
    if (token.length === 4 && value >= 1100 && value <= 2099 && !(value >= 2000 && value < 2010) && value % 100 >= 10) {
      return `${wordsBelow100(Math.floor(value / 100))} ${wordsBelow100(value % 100)}`;
    }
    return token;
  });
}

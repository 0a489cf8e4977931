/** Words that point at a playlist just heard instead of naming one. */
export type Reference =
  /** "The third one", "die dritte", "la troisième", "number two"; a bare "two" is not `explicit`: it may be a name. */
  | { readonly kind: 'position'; readonly position: number; readonly explicit: boolean }
  /** "The last one", "die letzte", "la dernière", "la última". */
  | { readonly kind: 'last' }
  /** "It", "that one", "sie", "celle-là", "esa". */
  | { readonly kind: 'this' };

/**
 * Reads what an answer or a slot value points at with a language's two patterns, run on
 * normalised words (number words and ordinals are digits by now). `position` has the named groups
 * `digits` (the position) and `last` (the word for last); any other named group that matched
 * (an ordinal ending, "number", an article where the language's ordinals read as bare digits)
 * makes the position explicit. A bare number is a position only up to nine: "fifty" or
 * "cinquante" alone is more likely a name. `pointing` is a whole answer that means "the one just
 * heard".
 */
export function referenceReader(position: RegExp, pointing: RegExp): (said: string) => Reference | undefined {
  return (said) => {
    if (pointing.test(said)) return { kind: 'this' };
    const groups = position.exec(said)?.groups;
    if (groups === undefined) return undefined;
    if (groups['last'] !== undefined) return { kind: 'last' };
    const digits = groups['digits'];
    if (digits === undefined) return undefined;
    const explicit = Object.entries(groups).some(([name, value]) => name !== 'digits' && name !== 'last' && value !== undefined);
    if (!explicit && digits.length > 1) return undefined;
    return { kind: 'position', position: Number.parseInt(digits, 10), explicit };
  };
}

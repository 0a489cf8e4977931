/**
 * Reads the position an answer names with a language's pattern, whose group 1 is the position in
 * digits (number words and ordinals are digits by now) and group 2 the word for "last". A bare
 * number is a position only up to nine: "fifty" or "cinquante" alone is more likely a name.
 */
export function positionReader(pattern: RegExp): (said: string) => number | 'last' | undefined {
  return (said) => {
    const match = pattern.exec(said);
    if (match === null) return undefined;
    if (match[2] !== undefined) return 'last';
    const position = Number.parseInt(match[1]!, 10);
    return /^\d+$/.test(said) && position > 9 ? undefined : position;
  };
}

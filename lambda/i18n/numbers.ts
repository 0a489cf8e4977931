/**
 * How a locale groups the digits of a number: "9,812" in English, "9.812" in German, "9 812" in
 * French, "1,00,000" in India, and no grouping below 10,000 in Spain ("9812", "98.120").
 * The values come from the locale's resources (`numberFormat`), so adding a locale is adding a file.
 */
export interface DigitGrouping {
  readonly separator: string;
  /** Digits in the group nearest the units (3 everywhere here). */
  readonly primary: number;
  /** Digits in each further group (2 in India, else the same as primary). */
  readonly secondary: number;
  /** A number is grouped only when it has at least primary + this many digits (2 in Spain). */
  readonly minimumGroupingDigits: number;
}

function positive(text: string, fallback: number): number {
  const value = Number.parseInt(text, 10);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** Reads `groupSizes` ("3" or "3,2") and `minimumGroupingDigits` ("1" or "2") as CLDR writes them. */
export function digitGrouping(separator: string, groupSizes: string, minimumGroupingDigits: string): DigitGrouping {
  const [primaryText = '', secondaryText] = groupSizes.split(',');
  const primary = positive(primaryText, 3);
  return { separator, primary, secondary: secondaryText === undefined ? primary : positive(secondaryText, primary), minimumGroupingDigits: positive(minimumGroupingDigits, 1) };
}

/*
 * Not Intl.NumberFormat: its first use loads ICU's number data, 13 to 50 ms of a cold start on
 * this project's machine, for the count in "You have 30 playlists". Integers are all the skill
 * speaks; anything else is left as JavaScript writes it.
 */
export function groupDigits(value: number, grouping: DigitGrouping): string {
  if (!Number.isSafeInteger(value)) return String(value);
  const digits = String(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  if (digits.length < grouping.primary + grouping.minimumGroupingDigits) return `${sign}${digits}`;
  const groups = [digits.slice(-grouping.primary)];
  for (let end = digits.length - grouping.primary; end > 0; end -= grouping.secondary) {
    groups.unshift(digits.slice(Math.max(0, end - grouping.secondary), end));
  }
  return `${sign}${groups.join(grouping.separator)}`;
}

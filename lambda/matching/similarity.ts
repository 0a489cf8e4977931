import { distance } from 'fastest-levenshtein';
import { compact } from './normalise';

/** 0..1 from the edit distance, relative to the longer string. */
function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

/*
 * A part of a name ("lo fi beats" for "Lo-Fi Beats to Study To") scores below any whole-name
 * match: at most PARTIAL_BASE + PARTIAL_SPAN = 0.93, so an exact "Workout" always beats
 * "Workout 2" by more than the ambiguity margin, while "deep" ties Deep Focus with Deep House.
 */
const PARTIAL_BASE = 0.78;
const PARTIAL_SPAN = 0.15;

function bestWindow(query: string, nameTokens: readonly string[], width: number): number {
  let best = 0;
  for (let start = 0; start + width <= nameTokens.length; start += 1) {
    best = Math.max(best, editSimilarity(query, nameTokens.slice(start, start + width).join('')));
  }
  return best;
}

/** How well a normalised spoken query fits a normalised playlist name, 0..1 (1: the same words). */
export function nameSimilarity(query: string, name: string): number {
  const compactQuery = compact(query);
  const compactName = compact(name);
  if (compactQuery === '' || compactName === '') return 0;
  if (compactQuery === compactName) return 1;
  const whole = editSimilarity(compactQuery, compactName);
  const queryWords = query.split(' ').length;
  const nameTokens = name.split(' ');
  if (queryWords >= nameTokens.length) return whole;
  const coverage = compactQuery.length / compactName.length;
  const partial = bestWindow(compactQuery, nameTokens, queryWords) * (PARTIAL_BASE + PARTIAL_SPAN * coverage);
  return Math.max(whole, partial);
}

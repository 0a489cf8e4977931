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

/**
 * The best edit similarity between the query and a run of neighbouring name words joined without
 * spaces, so that words split or joined differently ("lofi" and "Lo-Fi", "e d m" and "EDM",
 * "hiphop" and "Hip-Hop") meet. From each word, only the runs just shorter and just longer than
 * the query are scored (the closest lengths are the only ones that can score well), so the work
 * is two comparisons per word of the name, however the words are spaced.
 */
function bestWindow(compactQuery: string, nameTokens: readonly string[]): number {
  let best = 0;
  for (let start = 0; start < nameTokens.length; start += 1) {
    let shorter = '';
    let joined = '';
    for (let end = start; end < nameTokens.length && joined.length < compactQuery.length; end += 1) {
      shorter = joined;
      joined += nameTokens[end];
    }
    best = Math.max(best, editSimilarity(compactQuery, joined));
    if (shorter !== '') best = Math.max(best, editSimilarity(compactQuery, shorter));
  }
  return best;
}

/** How well a normalised spoken query fits a normalised playlist name, 0..1 (1: the same words, however spaced). */
export function nameSimilarity(query: string, name: string): number {
  const compactQuery = compact(query);
  const compactName = compact(name);
  if (compactQuery === '' || compactName === '') return 0;
  if (compactQuery === compactName) return 1;
  const whole = editSimilarity(compactQuery, compactName);
  const nameTokens = name.split(' ');
  if (nameTokens.length === 1 || compactQuery.length >= compactName.length) return whole;
  const coverage = compactQuery.length / compactName.length;
  const partial = bestWindow(compactQuery, nameTokens) * (PARTIAL_BASE + PARTIAL_SPAN * coverage);
  return Math.max(whole, partial);
}

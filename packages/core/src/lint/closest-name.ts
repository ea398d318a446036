import { editDistance } from './edit-distance.js';

/**
 * "Did you mean" suggestions: the candidate nearest to a misspelled name by edit distance
 * (Levenshtein, case-insensitive), when it is near enough to be a plausible typo.
 */
export function closestName(target: string, candidates: Iterable<string>): string | undefined {
  const wanted = target.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)`, or nothing when there is no close candidate. */
export function didYouMean(target: string, candidates: Iterable<string>): string {
  const near = closestName(target, candidates);
  return near === undefined ? '' : `; did you mean '${near}'?`;
}

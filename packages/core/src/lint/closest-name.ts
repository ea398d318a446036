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

/** Levenshtein distance of `a` and `b`, giving up (returning `cap`) once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length]!;
}

/** ` (did you mean 'x'?)`, or nothing when there is no close candidate. */
export function didYouMean(target: string, candidates: Iterable<string>): string {
  const near = closestName(target, candidates);
  return near === undefined ? '' : `; did you mean '${near}'?`;
}

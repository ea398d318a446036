/**
 * "Did you mean" suggestions for misspelled expression parts (`$respons` → `$response`).
 */

/** Levenshtein distance between two strings (case-insensitive). */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidate closest to `word`, when it is close enough to be a plausible misspelling
 * (a case difference, a prefix of it, or at most a third of its letters wrong).
 */
export function suggestName(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d =
      word.length > 0 && candidate.toLowerCase().startsWith(word.toLowerCase())
        ? 1
        : distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor((best?.length ?? 0) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` ; did you mean 'x'?` or an empty string. */
export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const suggestion = suggestName(word, candidates);
  return suggestion === undefined ? '' : `; did you mean '${prefix}${suggestion}'?`;
}

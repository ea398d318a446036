/** Edit distance between two short strings (Levenshtein, two rows). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The declared flag closest to the unknown `raw` (`--formt` -> `--format`), when close enough to be a typo. */
export function suggestFlag(raw: string, names: readonly string[]): string | undefined {
  const best = closest(raw.replace(/^-+/, '').split('=')[0] ?? '', names);
  return best === undefined ? undefined : `--${best}`;
}

/** The command name closest to the unknown `typed` (`valdiate` -> `validate`), when close enough. */
export function suggestCommand(typed: string, names: readonly string[]): string | undefined {
  return closest(typed, names);
}

/** The name within a third of its length in edits (at least one) of `typed`, the closest first. */
function closest(typed: string, names: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const score = distance(typed, name);
    if (score <= Math.max(1, Math.floor(name.length / 3)) && (best === undefined || score < best.score))
      best = { name, score };
  }
  return best?.name;
}

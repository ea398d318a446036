/** Thrown inside the fast reader when the text leaves what it reads with certainty; never escapes it. */
export class FastYamlGiveUp {
  /** Why (for tests and debugging): a short phrase. */
  constructor(readonly reason: string) {}
}

/** Stop the fast reader: the caller parses the whole text with js-yaml instead. */
export function giveUp(reason: string): never {
  throw new FastYamlGiveUp(reason);
}

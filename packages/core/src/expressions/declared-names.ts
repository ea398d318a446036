/**
 * Names a document declares, given to the expression parsers so that a name the strict grammar
 * would cut short still resolves: the ABNF's `name` is `*CHAR`, so `$inputs.$orderby` names the
 * input `$orderby`, and `$steps.get pet.outputs.id` names the step `get pet` when one is declared.
 */

/** Declared names per kind of expression, each list of the scope the expression is read in. */
export interface DeclaredNames {
  /** Input names of the enclosing workflow (`$inputs.x`). */
  readonly inputs?: readonly string[];
  /** Output names `$outputs.x` may name (the workflow's, or the called workflow's in a workflow step). */
  readonly outputs?: readonly string[];
  /** stepIds of the enclosing workflow (`$steps.x`). */
  readonly steps?: readonly string[];
  /** workflowIds of the document (`$workflows.x`). */
  readonly workflows?: readonly string[];
  /** sourceDescription names (`$sourceDescriptions.x`). */
  readonly sources?: readonly string[];
}

/** The kinds of DeclaredNames. */
export type DeclaredNameKind = keyof DeclaredNames;

/**
 * The longest declared name of `names` that starts at `start` in `text`, is longer than `minimum`
 * characters, and is followed by a character `ends` accepts; undefined when none is.
 */
export function longestDeclaredName(options: {
  text: string;
  start: number;
  minimum: number;
  names: readonly string[] | undefined;
  ends: (next: string) => boolean;
}): string | undefined {
  const { text, start, minimum, names, ends } = options;
  let best: string | undefined;
  for (const name of names ?? []) {
    if (name.length <= minimum || (best !== undefined && name.length <= best.length)) continue;
    if (text.startsWith(name, start) && ends(text[start + name.length] ?? '')) best = name;
  }
  return best;
}

import pc from 'picocolors';

/** The colour functions telaio uses (picocolors' shape). */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours for output written to `stream`: on only when it is a terminal (not for `TERM=dumb`),
 * `NO_COLOR` turns them off and `FORCE_COLOR` on, whatever the stream.
 */
export function colorsFor(
  stream: { readonly isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Colors {
  let enabled = stream.isTTY === true && env.TERM !== 'dumb';
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') enabled = true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') enabled = false;
  return pc.createColors(enabled);
}

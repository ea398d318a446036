// What every Node process on this machine pays at start besides Node itself, printed by the compare
// benches next to their figures: NODE_EXTRA_CA_CERTS makes Node parse that certificate file (and
// build its root store) before any JavaScript runs, in every process, `node -e 0` included. On a
// machine where it names the system's bundle (~140 certificates) that is most of `node -e 0`'s time,
// the same for telaio and the peer: a constant that pulls every ratio towards 1.
import { readFileSync } from 'node:fs';

/**
 * A line saying whether NODE_EXTRA_CA_CERTS is set for the timed commands and how many
 * certificates it names, or undefined when it is not set.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function describeNodeStart(env = process.env) {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (file === undefined || file === '') return undefined;
  let certificates = 'an unreadable file';
  try {
    const count = readFileSync(file, 'latin1').split('-----BEGIN CERTIFICATE-----').length - 1;
    certificates = `${count} certificates`;
  } catch {}
  return `NODE_EXTRA_CA_CERTS=${file} (${certificates}) is set: every Node process here parses it at start, node -e 0 included, before any of its JavaScript runs; the figures include it (to compare without: env -u NODE_EXTRA_CA_CERTS node ${process.argv[1] ? process.argv[1].split('/').slice(-2).join('/') : 'bench/...'})`;
}

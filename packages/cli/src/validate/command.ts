import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The report formats of `telaio validate`; the handler's formatter table is keyed by exactly these. */
export const VALIDATE_FORMATS = ['stylish', 'json', 'sarif', 'junit'] as const;
/** One of VALIDATE_FORMATS. */
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** The flags of `telaio validate`. */
const flags = {
  format: {
    kind: 'choice',
    short: 'f',
    choices: VALIDATE_FORMATS,
    default: 'stylish',
    help: 'report format: file:line:col lines, the JSON object, SARIF 2.1.0 or JUnit XML',
  },
  'max-warnings': {
    kind: 'integer',
    min: 0,
    placeholder: 'N',
    env: 'TELAIO_MAX_WARNINGS',
    help: 'exit 1 when there are more than N warnings (as ESLint does)',
  },
  severity: SHARED_FLAGS.severity,
  strict: {
    ...SHARED_FLAGS.strict,
    help: 'warnings count as errors for the exit code',
  },
  'no-cache': {
    kind: 'boolean',
    env: 'TELAIO_NO_CACHE',
    help: 'do not read or write the cache of parsed sources',
  },
  'cache-dir': {
    kind: 'string',
    placeholder: 'DIR',
    env: 'TELAIO_CACHE_DIR',
    help: 'keep the cache of parsed sources in DIR',
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type ValidateFlags = typeof flags;

/** `telaio validate [options] FILE...`: static checks of Arazzo documents and the sources they name. */
export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check Arazzo documents and the sources they name',
  description: `Check Arazzo documents and the sources they name (OpenAPI operations, Arazzo workflows):
schema, operationIds and operationPaths, goto/retry targets, runtime expressions and what they
reference, criteria, parameters, dependsOn cycles. Each problem has a severity from the
specification's own words: a MUST violation, or anything that makes a step impossible, is an error;
a SHOULD, a RECOMMENDED or a portability concern is a warning.`,
  positionals: { name: 'FILE', min: 1, max: Number.POSITIVE_INFINITY },
  flags,
  sections: [
    {
      title: 'Exit status',
      text: `0 no errors (warnings allowed, up to --max-warnings), 1 at least one error (or a warning
under --strict, or more warnings than --max-warnings), 2 bad usage.`,
    },
    {
      title: 'Cache',
      text: `Parsed OpenAPI sources are cached by content hash, by default in node_modules/.cache/telaio
beside the nearest package.json above the working directory (else telaio-cache in the system's
temporary folder). The result of a whole run is kept there too (validate-results/), with the
size, times and inode of every file it read: the same command line in the same folder, with no such
file changed (or created, where one was missing), prints that result without parsing anything.
Files changed in the last two seconds are not trusted this way. It is only a speed-up: clear it by
deleting that folder (rm -rf node_modules/.cache/telaio), or bypass it with --no-cache.`,
    },
  ],
  examples: [
    'telaio validate specs/arazzo/*.yml',
    "telaio validate --format json login.arazzo.yaml | jq '.summary'",
    'telaio validate --format sarif arazzo/*.yml > telaio.sarif   # upload with github/codeql-action/upload-sarif',
    'telaio validate --strict --no-cache flows/*.arazzo.yaml      # a pre-commit hook that enforces the SHOULDs',
    'telaio validate --format junit --max-warnings 10 flows/*.yaml > junit.xml',
  ],
  handler: async () => (await import('./handle-validate.js')).handleValidate,
});

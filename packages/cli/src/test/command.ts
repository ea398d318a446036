import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** Report formats of `telaio test`; the report writers are keyed by exactly these. */
export const TEST_FORMATS = ['pretty', 'json', 'junit', 'sarif', 'github'] as const;
/** One of TEST_FORMATS. */
export type TestFormat = (typeof TEST_FORMATS)[number];

/** The environment variable of a flag, as Respect reads REDOCLY_CLI_RESPECT_<FLAG>: `TELAIO_CLIENT_CERT`. */
const env = (flag: string): string => `TELAIO_${flag.toUpperCase().replace(/-/g, '_')}`;

/** The flags of `telaio test`; every one can come from its TELAIO_ variable (the command line wins). */
const flags = {
  workflow: {
    kind: 'string',
    multiple: true,
    short: 'w',
    placeholder: 'ID',
    env: env('workflow'),
    help: 'run only this workflow',
  },
  skip: { kind: 'string', multiple: true, placeholder: 'ID', env: env('skip'), help: 'skip this workflow' },
  jobs: {
    kind: 'integer',
    min: 1,
    short: 'j',
    placeholder: 'N',
    env: env('jobs'),
    help: 'independent workflows run in parallel, N at a time (default: the number of cores)',
  },
  input: {
    ...SHARED_FLAGS.input,
    env: env('input'),
    help: 'an input for every workflow that declares NAME; VALUE is JSON when it parses\n(the variable may also hold a JSON object)',
  },
  inputs: {
    ...SHARED_FLAGS.inputs,
    env: env('inputs'),
    help: 'inputs from a JSON or YAML object: keyed by workflowId, or one flat map for all',
  },
  'input-from': {
    ...SHARED_FLAGS['input-from'],
    env: env('input-from'),
    help: 'an input resolved when first read: prompt, env:VAR, totp:EXPR (as for run)',
  },
  server: {
    ...SHARED_FLAGS.server,
    env: env('server'),
  },
  auth: {
    ...SHARED_FLAGS.auth,
    env: env('auth'),
    help: 'a credential for a source (as for run; VALUE parts may be env:VAR)',
  },
  severity: {
    kind: 'string',
    multiple: true,
    placeholder: 'CHECK=LEVEL,...',
    env: env('severity'),
    help: 'error|warn|off per response check (status-code, content-type, schema;\nRespect names STATUS_CODE_CHECK, CONTENT_TYPE_CHECK, SCHEMA_CHECK accepted)',
  },
  'no-checks': {
    kind: 'boolean',
    env: env('no-checks'),
    help: 'no response checks at all (successCriteria only)',
  },
  'client-cert': {
    kind: 'string',
    multiple: true,
    placeholder: '[SOURCE=]PATH',
    env: env('client-cert'),
    help: 'TLS client certificate (PEM) for SOURCE, or for every source',
  },
  'client-key': {
    kind: 'string',
    multiple: true,
    placeholder: '[SOURCE=]PATH',
    env: env('client-key'),
    help: 'its private key (PEM; never logged)',
  },
  'ca-cert': {
    kind: 'string',
    multiple: true,
    placeholder: '[SOURCE=]PATH',
    env: env('ca-cert'),
    help: 'CA certificate (PEM) to trust for SOURCE, or for every source',
  },
  insecure: {
    kind: 'boolean',
    env: env('insecure'),
    help: 'do not verify TLS certificates (a warning is printed)',
  },
  format: {
    kind: 'choice',
    short: 'f',
    choices: TEST_FORMATS,
    default: 'pretty',
    env: env('format'),
    help: 'report format',
  },
  output: {
    ...SHARED_FLAGS.output,
    env: env('output'),
  },
  report: {
    ...SHARED_FLAGS.report,
    env: env('report'),
    help: `also write FILE: one self-contained HTML page (no network) with a
summary of every workflow tested (passed, failed, skipped, durations) and,
per workflow run, its timeline, requests and responses, criteria, outputs,
failure with its Arazzo line and graph with the path taken; masked`,
  },
  timeout: {
    ...SHARED_FLAGS.timeout,
    env: env('timeout'),
  },
  'execution-timeout': {
    kind: 'duration',
    placeholder: 'DURATION',
    env: env('execution-timeout'),
    help: 'time limit for the whole test run: workflows still running are aborted (failed)',
  },
  'max-steps': {
    ...SHARED_FLAGS['max-steps'],
    env: env('max-steps'),
    help: 'step executions (attempts included) allowed per workflow run',
  },
  har: {
    ...SHARED_FLAGS.har,
    env: env('har'),
    help: 'write every request and response of every workflow as HAR 1.2 (secrets masked)',
  },
  sandbox: {
    ...SHARED_FLAGS.sandbox,
    env: env('sandbox'),
  },
  'reveal-secrets': {
    ...SHARED_FLAGS['reveal-secrets'],
    env: env('reveal-secrets'),
  },
  'log-level': {
    ...SHARED_FLAGS['log-level'],
    env: env('log-level'),
    help: 'HTTP log lines on stderr',
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type TestFlags = typeof flags;

/** `telaio test [options] FILE|DIR|GLOB...`: every workflow of every document as a test suite, with response checks. */
export const testCommand = defineCommand({
  name: 'test',
  summary: 'run every workflow of documents as tests, responses checked against their OpenAPI',
  description: `Run every workflow of every given Arazzo document as a test suite (a DIR is searched for files
with an arazzo field; GLOB takes *, **, ?, [..] and {a,b}). Workflows run after those they
dependsOn, which run once: dependants read that run's outputs through $workflows (a failed
dependency skips them); independent ones run in parallel, --jobs at a time.`,
  positionals: { name: 'FILE|DIR|GLOB', min: 1, max: Number.POSITIVE_INFINITY },
  flags,
  sections: [
    {
      title: 'Response checks',
      text: `On by default; each failed check fails the step like an unmet successCriteria entry, so the
step's onFailure actions apply; severity error fails, warn reports, off skips:
${'status-code'.padEnd(14)}${'STATUS_CODE_CHECK'.padEnd(20)}the status code is one the operation documents (ranges such as 4XX and default count)
${'content-type'.padEnd(14)}${'CONTENT_TYPE_CHECK'.padEnd(20)}the Content-Type is one the documented response of that status lists
${'schema'.padEnd(14)}${'SCHEMA_CHECK'.padEnd(20)}a JSON body matches the schema of the documented response for its status and media type
A failure names the JSON pointer in the body, the schema keyword and the line in the OpenAPI file.`,
    },
    {
      title: 'Environment',
      text: `Every option may be set as TELAIO_<OPTION> (shown with each), as Respect reads
REDOCLY_CLI_RESPECT_<OPTION>; the command line wins. Repeatable options take a comma-separated
list (TELAIO_SKIP=a,b); TELAIO_INPUT also takes a JSON object; switches take 1/true/yes.`,
    },
    {
      title: 'Inputs',
      text: `--inputs FILE may key inputs by workflowId ({"checkout": {"petId": 7}}) and give flat
inputs for every workflow beside them; each workflow receives only the inputs it declares.
A key FILE#workflowId ({"shop.arazzo.yaml#checkout": {...}}, FILE a path from the cwd or a tail
of the document's path) serves that file's workflow only, over its workflowId entry.`,
    },
    {
      title: 'TLS',
      text: `--client-cert/--client-key/--ca-cert take SOURCE=PATH for one source description or PATH for
every source; key files are read once and never logged. --insecure turns verification off (warned).`,
    },
    {
      title: 'Reports',
      text: `pretty (a summary table per file), json (with each workflow's startedAt/endedAt),
junit (a testsuite per workflow, a testcase per step), sarif (check findings at their OpenAPI
line), github (Actions annotations on the Arazzo line of each failed step).
--report html FILE writes an HTML page besides the --format report (open it in a browser).`,
    },
    {
      title: 'Exit status',
      text: `0 every selected workflow passed (warnings allowed), 1 at least one failed, 2 it could not
start (bad usage, an invalid document), 130 interrupted.`,
    },
  ],
  examples: [
    'telaio test flows/ --server petstore=http://localhost:8080',
    "telaio test 'flows/**/*.arazzo.yaml' --jobs 4 --format junit -o junit.xml",
    'telaio test flows/pets.arazzo.yaml --severity status-code=warn,SCHEMA_CHECK=error --skip slowFlow',
    'TELAIO_SEVERITY=schema=warn telaio test flows/ --client-cert api=client.pem --client-key api=client.key',
    'telaio test flows/ --report html test-report.html',
  ],
  handler: async () => (await import('./handle-test.js')).handleTest,
});

import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';
import { RUN_SECTIONS } from './run-help.js';

/** The report formats of `telaio run`; the report writer is keyed by exactly these. */
export const RUN_FORMATS = ['pretty', 'json', 'junit'] as const;
/** One of RUN_FORMATS. */
export type RunFormat = (typeof RUN_FORMATS)[number];

/** The flags of `telaio run`. */
const flags = {
  workflow: {
    kind: 'string',
    short: 'w',
    placeholder: 'ID',
    help: 'the workflow to run (may be left out when FILE has one)',
  },
  input: {
    ...SHARED_FLAGS.input,
    help: `an input; VALUE is JSON when it parses, else a string
(a string when the input's schema says string: code=012345)`,
  },
  inputs: { ...SHARED_FLAGS.inputs, help: 'inputs from a JSON or YAML object (--input wins)' },
  'input-from': {
    ...SHARED_FLAGS['input-from'],
    help: `an input resolved when the workflow first reads it:
  prompt     ask on the terminal
  env:VAR    the environment variable VAR
  totp:EXPR  the current TOTP code for the base32 secret EXPR yields`,
  },
  server: SHARED_FLAGS.server,
  auth: {
    ...SHARED_FLAGS.auth,
    help: `a credential for a source's security schemes:
  bearer:TOKEN            http bearer (or a ready oauth2 token)
  basic:USER:PASSWORD     http basic
  apikey:VALUE            apiKey in header, query or cookie
  oauth2:CLIENT_ID:CLIENT_SECRET[:SCOPE,SCOPE]
                          oauth2 client credentials (token fetched)
without .SCHEME: every scheme of SOURCE that KIND fits; any VALUE
part may be env:VAR (recommended: the command line shows in ps)`,
  },
  sandbox: SHARED_FLAGS.sandbox,
  format: { kind: 'choice', short: 'f', choices: RUN_FORMATS, default: 'pretty', help: 'report format' },
  output: SHARED_FLAGS.output,
  har: { ...SHARED_FLAGS.har, help: 'write every request and response as HAR 1.2' },
  report: SHARED_FLAGS.report,
  timeout: SHARED_FLAGS.timeout,
  'max-steps': {
    ...SHARED_FLAGS['max-steps'],
    help: 'stop the run after N step executions (retries and nested workflows count)',
  },
  'max-response-size': {
    kind: 'string',
    placeholder: 'SIZE',
    env: 'TELAIO_MAX_RESPONSE_SIZE',
    help: `most bytes of one response body, counted after decompression while
it streams: 50M, 512K, 1G (1024-based; default 50M); past it the
step fails with response-too-large`,
  },
  'max-retry-wait': {
    kind: 'duration',
    placeholder: 'DURATION',
    env: 'TELAIO_MAX_RETRY_WAIT',
    help: `longest wait before a retry, from Retry-After or retryAfter: 30s,
10m, 1h (default 5m); a longer one fails the step with
retry-after-too-long, naming what was asked for`,
  },
  'allow-insecure-redirects': {
    kind: 'boolean',
    help: `follow https -> http redirects (refused by default: redirect-insecure);
credentials never follow a redirect to another origin either way`,
  },
  'dry-run': {
    kind: 'boolean',
    help: `resolve and print every request and message, send nothing (not with --har);
answers are placeholders, and every value they could not give is shown
as a <unresolved ...> marker; a successCriteria entry that fails on
them is not judged: counted as met and listed`,
  },
  checks: {
    kind: 'boolean',
    help: `check every response against its OpenAPI operation (documented
status, content type, body schema), as telaio test does: a failed
check fails the step like an unmet successCriteria entry`,
  },
  severity: SHARED_FLAGS.severity,
  strict: {
    ...SHARED_FLAGS.strict,
    help: 'an --input the workflow does not declare is an error, not a warning',
  },
  'reveal-secrets': SHARED_FLAGS['reveal-secrets'],
  'log-level': {
    ...SHARED_FLAGS['log-level'],
    help: 'HTTP log lines on stderr; -v is debug',
  },
  verbose: { kind: 'boolean', short: 'v', help: 'the same as --log-level debug' },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type RunFlags = typeof flags;

/** `telaio run [options] FILE`: runs one workflow of FILE. */
export const runCommand = defineCommand({
  name: 'run',
  summary: 'run one workflow of an Arazzo document',
  description: 'Run one workflow of the Arazzo document FILE.',
  positionals: { name: 'FILE', min: 1, max: 1 },
  flags,
  sections: RUN_SECTIONS,
  examples: [
    'telaio run flow.arazzo.yaml --input petId=42 --server petstore=http://localhost:8080',
    'telaio run flow.arazzo.yaml --workflow checkout --inputs inputs.yaml --format junit -o report.xml',
    'telaio run flow.arazzo.yaml --dry-run --input petId=42',
    'telaio run flow.arazzo.yaml --input petId=42 --report html run.html',
    'telaio run examples/order-events/order-events.arazzo.yaml --server shop=http://127.0.0.1:8080 \\',
    '    --server orderEvents=mqtt://127.0.0.1:1883 --auth orderEvents=basic:shop:env:BROKER_PASSWORD \\',
    '    --input item=loom --input correlationId=c-1',
    'PETSTORE_TOKEN=... telaio run flow.arazzo.yaml --auth petstore=bearer:env:PETSTORE_TOKEN \\',
    "    --auth 'billing.clientAuth=oauth2:my-client:env:BILLING_SECRET:invoices.read,invoices.write'",
    'telaio run specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml --sandbox \\',
    '    --input organization_id=organization-test-00000000-0000-4000-8000-000000000001 \\',
    '    --input member_id=member-test-00000000-0000-4000-8000-000000000001 \\',
    "    --input-from 'code=totp:$steps.createTotp.outputs.secret' --format json",
    'STYTCH_PROJECT_ID=project-test-... STYTCH_SECRET=secret-test-... \\',
    '  telaio run specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml \\',
    '    --input organization_id=... --input member_id=...     # asks for the code after the QR code',
  ],
  handler: async () => (await import('./handle-run.js')).handleRun,
});

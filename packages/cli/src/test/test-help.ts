import { RESPONSE_CHECK_CODES, RESPONSE_CHECKS } from '@telaio/core';
import { envNameOf, TEST_FLAGS, type TestFlag } from './test-flags.js';

/** The text of `telaio test --help`, options and environment variables derived from TEST_FLAGS. */
export function testHelp(): string {
  const options = (Object.entries(TEST_FLAGS) as [string, TestFlag][]).map(([name, flag]) => {
    const head = `${flag.short === undefined ? '    ' : `-${flag.short}, `}--${name}${flag.arg === undefined ? '' : ` ${flag.arg}`}`;
    const env = flag.env === false ? '' : ` [${envNameOf(name)}]`;
    return head.length < 30
      ? `  ${head.padEnd(30)}${flag.help}${env}`
      : `  ${head}\n  ${''.padEnd(30)}${flag.help}${env}`;
  });
  const checks = RESPONSE_CHECK_CODES.map(
    (code) =>
      `  ${code.padEnd(14)}${RESPONSE_CHECKS[code].respectName.padEnd(20)}${RESPONSE_CHECKS[code].summary}`,
  );
  return `Usage: telaio test [options] FILE|DIR|GLOB...

Run every workflow of every given Arazzo document as a test suite (a DIR is searched for files
with an arazzo field; GLOB takes *, **, ?, [..] and {a,b}). Workflows run after those they
dependsOn (a failed dependency skips them); independent ones run in parallel, --jobs at a time.

Options:
${options.join('\n')}

Response checks (on by default; each failed check fails the step like an unmet successCriteria
entry, so the step's onFailure actions apply; severity error fails, warn reports, off skips):
${checks.join('\n')}
  A failure names the JSON pointer in the body, the schema keyword and the line in the OpenAPI file.

Environment: every option may be set as TELAIO_<OPTION> (shown in brackets), as Respect reads
REDOCLY_CLI_RESPECT_<OPTION>; the command line wins. Repeatable options take a comma-separated
list (TELAIO_SKIP=a,b); TELAIO_INPUT also takes a JSON object; switches take 1/true/yes.

Inputs: --inputs FILE may key inputs by workflowId ({"checkout": {"petId": 7}}) and give flat
inputs for every workflow beside them; each workflow receives only the inputs it declares.

TLS: --client-cert/--client-key/--ca-cert take SOURCE=PATH for one source description or PATH for
every source; key files are read once and never logged. --insecure turns verification off (warned).

Reports: pretty (a summary table per file), json (with each workflow's startedAt/endedAt),
junit (a testsuite per workflow, a testcase per step), sarif (check findings at their OpenAPI
line), github (Actions annotations on the Arazzo line of each failed step).

Exit codes: 0 every selected workflow passed (warnings allowed), 1 at least one failed, 2 it could
not start (bad usage, an invalid document), 130 interrupted.

Examples:
  telaio test flows/ --server petstore=http://localhost:8080
  telaio test 'flows/**/*.arazzo.yaml' --jobs 4 --format junit -o junit.xml
  telaio test flows/pets.arazzo.yaml --severity status-code=warn,SCHEMA_CHECK=error --skip slowFlow
  TELAIO_SEVERITY=schema=warn telaio test flows/ --client-cert api=client.pem --client-key api=client.key
`;
}

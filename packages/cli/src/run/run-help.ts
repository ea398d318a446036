/** The text of `telaio run --help`. */
export const RUN_HELP = `Usage: telaio run [options] FILE

Run one workflow of the Arazzo document FILE.

Options:
  -w, --workflow ID            the workflow to run (may be left out when FILE has one)
  -i, --input NAME=VALUE       an input (repeatable); VALUE is JSON when it parses, else a string
                               (a string when the input's schema says string: code=012345)
      --inputs FILE            inputs from a JSON or YAML object (--input wins)
      --input-from NAME=PROVIDER[:ARG]
                               an input resolved when the workflow first reads it (repeatable):
                                 prompt     ask on the terminal
                                 env:VAR    the environment variable VAR
                                 totp:EXPR  the current TOTP code for the base32 secret EXPR yields
      --server SOURCE=URL      base URL for one source description (repeatable)
      --auth SOURCE[.SCHEME]=KIND:VALUE
                               a credential for a source's security schemes (repeatable):
                                 bearer:TOKEN            http bearer (or a ready oauth2 token)
                                 basic:USER:PASSWORD     http basic
                                 apikey:VALUE            apiKey in header, query or cookie
                                 oauth2:CLIENT_ID:CLIENT_SECRET[:SCOPE,SCOPE]
                                                         oauth2 client credentials (token fetched)
                               without .SCHEME: every scheme of SOURCE that KIND fits; any VALUE
                               part may be env:VAR (recommended: the command line shows in ps)
      --sandbox                start the embedded Stytch sandbox and point Stytch sources at it
  -f, --format pretty|json|junit
                               report format (default pretty)
  -o, --output FILE            write the report to FILE instead of stdout
      --har FILE               write every request and response as HAR 1.2
      --timeout DURATION       per-request time limit: 30s, 500ms, 2m (default 30s)
      --dry-run                resolve and print every request, send nothing (not with --har);
                               answers are placeholders, so a successCriteria entry that fails on
                               them is not judged: counted as met and listed (action criteria are
                               not guessed)
      --checks                 check every response against its OpenAPI operation (documented
                               status, content type, body schema), as telaio test does: a failed
                               check fails the step like an unmet successCriteria entry
      --reveal-secrets         show credentials and secret-looking values (masked by default)
      --log-level LEVEL        HTTP log lines on stderr (trace|debug|info|warn|error); -v is debug
  -h, --help                   this help

Output: progress (a line per step, actions, retry countdowns, prompts) goes to stderr; the report
(pretty summary with the outputs, or json/junit) goes to stdout, or to --output FILE. In json and
junit formats progress is shown only when stderr is a terminal.

Inputs: a required input not given is asked for on a terminal when the workflow first reads it
(hidden for secret-looking names); off a terminal it is an error (exit 2).

Secrets: credentials and values named like secret, *_token/*Token, *_jwt, password, qr_code,
recovery_codes, client_secret, api keys (and anything an input provider marks secret) are shown as
[REDACTED] in every output (pretty, json, junit, HAR, logs) unless --reveal-secrets.

Exit codes: 0 the workflow succeeded, 1 it ran and failed, 2 it could not start (bad usage, invalid
document, inputs that do not match the workflow's input schema, a missing required input,
missing credentials); 130 interrupted (Ctrl-C).

Credentials: --auth fills the OpenAPI security schemes of any source; an unknown source or
scheme, a KIND the scheme does not take or an unset env:VAR is exit 2 before anything is sent.
Stytch sources use STYTCH_PROJECT_ID and STYTCH_SECRET (HTTP Basic) unless --auth names them.

Examples:
  telaio run flow.arazzo.yaml --input petId=42 --server petstore=http://localhost:8080
  telaio run flow.arazzo.yaml --workflow checkout --inputs inputs.yaml --format junit -o report.xml
  telaio run flow.arazzo.yaml --dry-run --input petId=42
  PETSTORE_TOKEN=... telaio run flow.arazzo.yaml --auth petstore=bearer:env:PETSTORE_TOKEN \\
      --auth 'billing.clientAuth=oauth2:my-client:env:BILLING_SECRET:invoices.read,invoices.write'
  telaio run specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml --sandbox \\
      --input organization_id=organization-test-00000000-0000-4000-8000-000000000001 \\
      --input member_id=member-test-00000000-0000-4000-8000-000000000001 \\
      --input-from 'code=totp:$steps.createTotp.outputs.secret' --format json
  STYTCH_PROJECT_ID=project-test-... STYTCH_SECRET=secret-test-... \\
    telaio run specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml \\
      --input organization_id=... --input member_id=...     # asks for the code after the QR code
`;

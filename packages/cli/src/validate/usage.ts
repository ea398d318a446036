/** The `telaio validate --help` text (also printed, to stderr, after a usage error). */
export const VALIDATE_USAGE = `Usage: telaio validate [options] FILE...

Check Arazzo documents and the sources they name (OpenAPI operations, Arazzo workflows):
schema, operationIds and operationPaths, goto/retry targets, runtime expressions and what they
reference, criteria, parameters, dependsOn cycles.

Options:
  -f, --format FORMAT   stylish (default), json, sarif or junit
      --no-cache        do not read or write the cache of parsed sources
      --cache-dir DIR   keep the cache of parsed sources in DIR
  -h, --help            show this help

Exit status: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage.

Examples:
  telaio validate workflows/*.arazzo.yaml
  telaio validate --format json login.arazzo.yaml | jq '.summary'
  telaio validate --format sarif arazzo/*.yml > telaio.sarif   # upload with github/codeql-action/upload-sarif
  telaio validate --format junit --no-cache flows/*.yaml > junit.xml
`;

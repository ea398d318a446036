/** The text of `telaio mcp --help`. */
export const MCP_HELP = `Usage: telaio mcp [options] FILE...

Serve every workflow of the Arazzo documents FILE... as a Model Context Protocol tool, for AI
agents (Claude, VS Code, Cursor...). Documents are loaded and checked once, at start: an invalid
one is reported on stderr and not served.

Each tool runs its workflow end to end and returns its status, outputs (secrets masked) and, on
failure, the failed step and why. Progress is reported per step; cancelling the call aborts the run.
Inputs the agent must not invent are asked of the person through the client (MCP elicitation)
when the workflow first reads them: --input-from NAME=prompt, inputs with format: password, and
TOTP codes sent to a TOTP authenticate operation (with the enrolment key URI when the run just
created it).

Options:
      --http PORT              serve Streamable HTTP on http://127.0.0.1:PORT/mcp (0: a free port,
                               printed on stderr); stdio when left out
      --server SOURCE=URL      base URL for one source description (repeatable)
      --auth SOURCE[.SCHEME]=KIND:VALUE
                               a credential, as for telaio run (VALUE parts may be env:VAR);
                               credentials never come from the agent
      --input-from NAME=PROVIDER[:ARG]
                               prompt (ask the person through the client), env:VAR, totp:EXPR
      --sandbox                start the embedded Stytch sandbox and point Stytch sources at it
      --reveal-secrets         hand secret-looking outputs to the agent unmasked
      --reveal-output WORKFLOW.OUTPUT
                               hand this one output unmasked (repeatable), e.g.
                               totp-enrollment.sessionToken
      --timeout DURATION       per-request time limit: 30s, 500ms, 2m (default 30s)
      --log-level LEVEL        HTTP log lines on stderr (masked)
  -h, --help                   show this help

Stdout carries the MCP protocol with stdio; everything else goes to stderr. Exit 2 when no given
document can be served.

Examples:
  telaio mcp specs/arazzo/*.yml --sandbox
  STYTCH_PROJECT_ID=project-test-... STYTCH_SECRET=... telaio mcp specs/arazzo/*.yml
  telaio mcp flow.arazzo.yaml --http 8931 --auth 'petstore=bearer:env:PETSTORE_TOKEN'

An MCP client configuration (Claude Desktop, VS Code's mcp.json...):
  {"mcpServers": {"telaio": {"command": "npx", "args": ["telaio", "mcp", "/abs/path/flow.arazzo.yaml"],
    "env": {"STYTCH_PROJECT_ID": "...", "STYTCH_SECRET": "..."}}}}
`;

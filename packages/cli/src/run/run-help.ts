/** The sections of `telaio run --help` after its options (the options come from the command's flags). */
export const RUN_SECTIONS: readonly { readonly title: string; readonly text: string }[] = [
  {
    title: 'Output',
    text: `Progress (a line per step, actions, retry countdowns, prompts) goes to stderr; the report
(pretty summary with the outputs, or json/junit) goes to stdout, or to --output FILE. In json and
junit formats progress is shown only when stderr is a terminal.`,
  },
  {
    title: 'Inputs',
    text: `A required input not given is asked for on a terminal when the workflow first reads it
(hidden for secret-looking names); off a terminal it is an error (exit 2). An input the workflow
does not declare is a warning naming the declared ones (an error under --strict, or when the
workflow's input schema forbids additional properties).`,
  },
  {
    title: 'Document',
    text: `Only errors in what the chosen workflow reaches stop a run (the workflow, the workflows it
calls or depends on, the sources and components they use); errors elsewhere in FILE are printed,
with a line saying they do not affect this workflow. Warnings are printed once.`,
  },
  {
    title: 'Secrets',
    text: `Credentials and values named like secret, *_token/*Token, *_jwt, password, qr_code,
recovery_codes, client_secret, api keys (and anything an input provider marks secret) are shown as
[REDACTED] in every output (pretty, json, junit, HAR, logs) unless --reveal-secrets.`,
  },
  {
    title: 'Exit status',
    text: `0 the workflow succeeded, 1 it ran and failed, 2 it could not start (bad usage, invalid
document, inputs that do not match the workflow's input schema, a missing required input,
missing credentials); 128+N when stopped by signal N (130 Ctrl-C/SIGINT, 143 SIGTERM, 129 SIGHUP),
after the report is written with the interrupted step marked.`,
  },
  {
    title: 'Credentials',
    text: `--auth fills the OpenAPI security schemes of any source, and the security schemes of an
AsyncAPI source's servers (userPassword, plain, SCRAM: basic:USER:PASSWORD; http bearer:
bearer:TOKEN) as broker logins; an unknown source or scheme, a KIND the scheme does not take or an
unset env:VAR is exit 2 before anything is sent. Stytch sources use STYTCH_PROJECT_ID and
STYTCH_SECRET (HTTP Basic) unless --auth names them.`,
  },
  {
    title: 'Messages (Arazzo 1.1 AsyncAPI steps)',
    text: `A step on an AsyncAPI source sends or receives through the broker its server names (or
--server SOURCE=URL): MQTT 3.1.1/5, WebSocket, AMQP 0-9-1, chosen by the protocol. A receive step
is subscribed when its workflow starts, so a reply faster than the step is not lost; it waits
for the message matching its correlationId up to its timeout (default 30 s). Progress shows
"⇢ send ADDRESS" and "⇠ receive ADDRESS" lines with the server, correlation id and payload; json
gives each step's sentMessage/receivedMessage, junit and --har (log._messages) carry them too,
masked as request bodies. --dry-run prints each message it would send and answers receives with
placeholders. Connections close when the run ends.`,
  },
];

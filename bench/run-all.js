#!/usr/bin/env node
// Runs every benchmark of bench/ one after the other (never in parallel: they would measure each
// other) and prints their figures. `pnpm bench` builds first, then runs this.
//   engine.js    engine overhead per step (in-memory transport), heap over 10,000 runs
//   http.js      requests/s of the got transport next to a bare got loop
//   validate.js  cold and warm `telaio validate` of the 24 Stytch workflows
//   validate-large.js  `telaio validate` of generated 1-5 MB documents (linear growth)
//   run.js       cold `telaio run` of a 2-step workflow against a loopback server
//   checks.js    cost of the response checks per step, and of the first (compile) check
//   durable.js   durable runs (DBOS, PostgreSQL) vs in-process: runs/s at 1/2/4 workers, added ms per step;
//                skipped with a line when TELAIO_DATABASE_URL is unset
//   messages.js  MQTT send→receive round trips/s, telaio (transport path, and the engine running a
//                workflow) next to a bare mqtt.js loop, on aedes and on Mosquitto when installed
//   compare-validate.js  telaio validate (cold, warm) next to `redocly lint`, alternating (issue 19)
//   compare-run.js       cold telaio run next to `redocly respect`, same workflow and server
//   scale-run.js         run overhead per step, 500 steps next to 2
//   yaml-parse.js        MB/s of the fast YAML reader next to js-yaml, cold and warm (Stytch OpenAPI)
// (Redocly CLI is installed on first use into bench/.peers/ by install-peer.js; profile-cli.js
// prints where a command's time goes and is run by hand.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = [
  ['engine.js', ['--expose-gc']],
  ['http.js', []],
  ['validate.js', []],
  ['validate-large.js', []],
  ['run.js', []],
  ['checks.js', []],
  ['messages.js', []],
  ['compare-validate.js', []],
  ['compare-run.js', []],
  ['scale-run.js', []],
  ['yaml-parse.js', []],
  ['durable.js', []],
];
let failed = 0;
for (const [file, nodeFlags] of benches) {
  process.stdout.write(`\n=== bench/${file} ===\n`);
  const r = spawnSync(process.execPath, [...nodeFlags, path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`bench/${file} exited with ${r.status ?? r.signal}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;

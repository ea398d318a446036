import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ArazzoDocument } from '@telaio/core';
import type { Command } from '../main.js';
import { colorsFor } from '../shared/colors-for.js';
import { describeWorkflows } from './describe-workflows.js';
import { formatWorkflowList } from './format-workflow-list.js';

const HELP = `Usage: telaio list [--format pretty|json] FILE

List the workflows of the Arazzo document FILE with their inputs (name, type, required) and
outputs. The document is only parsed, not validated (use 'telaio validate' for that).

Options:
  -f, --format pretty|json   output format (default pretty)
  -h, --help                 this help

Examples:
  telaio list specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml
  telaio list flow.arazzo.yaml --format json | jq '.workflows[].workflowId'
`;

/** `telaio list FILE`: the workflows of a document. Exit 0, or 2 for bad usage or an unreadable file. */
export const command: Command = async (argv) => {
  let values: { help?: boolean; format?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', short: 'f' } },
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\nRun 'telaio list --help' for the options.`);
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = values.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json')
    return fail(`--format must be pretty or json, got '${format}'`);
  if (positionals.length !== 1)
    return fail(`expected one FILE, got ${positionals.length}\nRun 'telaio list --help' for the options.`);
  const file = positionals[0] as string;
  let document: ArazzoDocument;
  try {
    const { parse } = await import('yaml');
    document = parse(await readFile(file, 'utf8')) as ArazzoDocument;
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
  if (document === null || typeof document !== 'object' || !Array.isArray(document.workflows)) {
    return fail(`${file}: not an Arazzo document (no workflows list)`);
  }
  const workflows = describeWorkflows(document);
  const title = typeof document.info?.title === 'string' ? document.info.title : undefined;
  if (format === 'json')
    process.stdout.write(
      `${JSON.stringify({ file, ...(title === undefined ? {} : { title }), workflows }, null, 2)}\n`,
    );
  else
    process.stdout.write(
      formatWorkflowList({
        file,
        ...(title === undefined ? {} : { title }),
        workflows,
        colors: colorsFor(process.stdout),
      }),
    );
  return 0;
};

function fail(message: string): number {
  process.stderr.write(`telaio list: ${message}\n`);
  return 2;
}

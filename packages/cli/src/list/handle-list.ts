import { readFile } from 'node:fs/promises';
import type { ArazzoDocument } from '@telaio/core';
import type { CommandHandler } from '../commands/command-spec.js';
import { displayPath } from '../formatters/display-path.js';
import { checkReadableFile } from '../shared/check-readable-file.js';
import { colorsFor } from '../shared/colors-for.js';
import { importYaml } from '../shared/import-yaml.js';
import { UsageError } from '../shared/usage-error.js';
import type { ListFlags } from './command.js';
import { describeWorkflows } from './describe-workflows.js';
import { formatWorkflowList } from './format-workflow-list.js';

/** `telaio list FILE`: prints the workflows of FILE (pretty columns or JSON). Exit 0; UsageError (2) when FILE cannot be read or parsed. */
export const handleList: CommandHandler<ListFlags> = async ({ flags, positionals }) => {
  const file = positionals[0] ?? '';
  const shown = displayPath(file, process.cwd());
  const unreadable = await checkReadableFile(file);
  if (unreadable !== undefined) throw new UsageError(unreadable);
  const { parse, YAMLParseError } = await importYaml();
  let document: ArazzoDocument;
  try {
    document = parse(await readFile(file, 'utf8')) as ArazzoDocument;
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
    throw new UsageError(
      `${shown}${at === undefined ? '' : `:${at.line}:${at.col}`}: not YAML or JSON: ${reason}`,
    );
  }
  if (document === null || typeof document !== 'object' || !Array.isArray(document.workflows))
    throw new UsageError(`${shown}: not an Arazzo document (no workflows list)`);
  const workflows = describeWorkflows(document);
  const title = typeof document.info?.title === 'string' ? document.info.title : undefined;
  if (flags.format === 'json')
    process.stdout.write(
      `${JSON.stringify({ file, ...(title === undefined ? {} : { title }), workflows }, null, 2)}\n`,
    );
  else
    process.stdout.write(
      formatWorkflowList({
        file: shown,
        ...(title === undefined ? {} : { title }),
        workflows,
        colors: colorsFor(process.stdout),
      }),
    );
  return 0;
};

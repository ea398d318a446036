import { resolve as resolvePath } from 'node:path';
import type { CommandHandler } from '../commands/command-spec.js';
import { followRun } from '../durable/follow-run.js';
import { withDurableClient } from '../durable/open-durable-client.js';
import { createMasker } from '../mask/create-masker.js';
import { checkServerUrls } from '../run/check-server-urls.js';
import { createCliEngine } from '../run/engine-api.js';
import { loadRunDocument } from '../run/load-run-document.js';
import { prepareInputs } from '../run/prepare-inputs.js';
import { selectWorkflow } from '../run/select-workflow.js';
import { checkReadableFile } from '../shared/check-readable-file.js';
import { checkServerNames } from '../shared/check-server-names.js';
import { colorsFor } from '../shared/colors-for.js';
import { UsageError } from '../shared/usage-error.js';
import type { SubmitFlags } from './command.js';
import { toSubmitRequest } from './to-submit-request.js';

/**
 * `telaio submit FILE`: checks the document, the workflow and `--server` names here (nothing is
 * sent), then enqueues the run (or creates the schedule) and prints its run id (schedule name);
 * `--wait` follows the run to its end and prints its report.
 */
export const handleSubmit: CommandHandler<SubmitFlags> = async ({ flags, positionals }) => {
  const file = positionals[0] ?? '';
  const unreadable = await checkReadableFile(file);
  if (unreadable !== undefined) throw new UsageError(unreadable);
  if (flags.wait && flags.schedule !== undefined)
    throw new UsageError(
      '--wait follows one run; a --schedule starts many: use one or the other',
      undefined,
      {
        showUsage: true,
      },
    );
  const parsed = toSubmitRequest(flags);
  const path = resolvePath(file);
  const errColors = colorsFor(process.stderr);
  const engine = await createCliEngine({
    transport: {
      send: () => Promise.reject(new Error('telaio submit sends nothing')),
    },
  });
  const loaded = await loadRunDocument({
    engine,
    path,
    workflowId: parsed.workflowId,
    color: errColors.isColorSupported,
    write: (text) => void process.stderr.write(text),
  });
  const workflowId = selectWorkflow(loaded, parsed.workflowId);
  checkServerNames({ servers: parsed.servers, documents: [loaded.document], holders: 'the document has' });
  await checkServerUrls({ servers: parsed.servers, sources: loaded.sources });
  const { readDeclaredInputs } = await import('@telaio/core');
  const schema = readDeclaredInputs({
    document: loaded.document,
    workflow: loaded.document.workflows.find((w) => w.workflowId === workflowId),
  });
  const inputs = await prepareInputs(parsed, schema);
  const request = {
    document: path,
    workflowId,
    inputs,
    servers: parsed.servers,
    externalInputs: parsed.externalInputs,
    inputFrom: parsed.inputFrom,
  };
  return withDurableClient('submit', flags['database-url'], async (client) => {
    if (flags.schedule !== undefined) {
      let name: string;
      try {
        name = await client.schedule(
          request,
          flags.schedule,
          flags['run-id'] === undefined ? {} : { name: flags['run-id'] },
        );
      } catch (error) {
        throw new UsageError(`--schedule '${flags.schedule}': ${(error as Error).message}`);
      }
      process.stdout.write(`${name}\n`);
      return 0;
    }
    const runId = await client.submit(
      request,
      flags['run-id'] === undefined ? {} : { runId: flags['run-id'] },
    );
    process.stdout.write(`${runId}\n`);
    if (!flags.wait) return 0;
    return followRun({
      client,
      runId,
      format: flags.format,
      masker: createMasker({ reveal: flags['reveal-secrets'] }),
    });
  });
};

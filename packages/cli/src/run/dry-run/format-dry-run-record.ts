import type { Colors } from '../../shared/colors-for.js';
import type { DryRunRecord } from './create-dry-run-transport.js';

/**
 * One request of `--dry-run` as text: step, method and full URL, the headers, and the body indented
 * below. Pure; mask the record first.
 */
export function formatDryRunRecord(record: DryRunRecord, options: { readonly colors: Colors }): string {
  const c = options.colors;
  const { request } = record;
  const lines = [`${c.cyan('⇢')} ${c.bold(record.stepId)}  ${c.bold(request.method)} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers))
    lines.push(`    ${c.dim(`${name}:`)} ${value}`);
  if (request.body !== undefined) for (const line of request.body.split('\n')) lines.push(`    ${line}`);
  lines.push(`    ${c.dim(`(not sent; answered ${record.statusCode} with placeholders)`)}`);
  return `${lines.join('\n')}\n`;
}

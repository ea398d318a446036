import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { displayPath } from './display-path.js';
import { describeRule } from './rule-descriptions.js';
import type { DiagnosticFormatter } from './types.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * `--format sarif`: SARIF 2.1.0 in the shape GitHub code scanning accepts: one run whose
 * tool.driver lists a rule per code used, and one result per diagnostic with ruleId, ruleIndex,
 * level, message.text and a physicalLocation (sarifUri, 1-based region).
 */
export const formatSarif: DiagnosticFormatter = (diagnostics, options) => {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: describeRule(id) },
    helpUri: 'https://spec.openapis.org/arazzo/v1.0.1.html',
  }));
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: LEVELS[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(d.file, options.cwd),
          region: {
            startLine: d.range.start.line,
            startColumn: d.range.start.column,
            endLine: d.range.end.line,
            endColumn: d.range.end.column,
          },
        },
        ...(d.pointer === ''
          ? {}
          : { logicalLocations: [{ fullyQualifiedName: d.pointer, kind: 'element' }] }),
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'telaio',
            informationUri: 'https://github.com/telaio/telaio',
            ...(options.toolVersion === undefined
              ? {}
              : { version: options.toolVersion, semanticVersion: options.toolVersion }),
            rules,
          },
        },
        // Relative artifact URIs resolve against the working directory the command ran in.
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${options.cwd}${path.sep}`).href } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** The base id that relative artifact URIs name (SARIF §3.4.4, as GitHub code scanning reads it). */
const SRCROOT = '%SRCROOT%';

/** An artifactLocation: a relative uri with its base id, or an absolute URI alone. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const uri = sarifUri(file, cwd);
  return /^[a-z][a-z0-9+.-]+:/i.test(uri) ? { uri } : { uri, uriBaseId: SRCROOT };
}

/**
 * SARIF's artifactLocation.uri: relative to `cwd` (forward slashes) for a file under it, as code
 * scanning expects; a file elsewhere is an absolute file:// URI rather than a `../` climb out of the
 * checkout; other URLs stay as they are.
 */
export function sarifUri(file: string, cwd: string): string {
  const isFileUrl = /^file:/i.test(file);
  if (!isFileUrl && /^[a-z][a-z0-9+.-]+:\/\//i.test(file)) return file;
  const local = isFileUrl ? fileURLToPath(file) : path.resolve(cwd, file);
  const relative = path.relative(cwd, local);
  if (
    relative === '' ||
    relative === '..' ||
    relative.startsWith(`..${path.sep}`) ||
    path.isAbsolute(relative)
  )
    return pathToFileURL(local).href;
  return displayPath(local, cwd);
}

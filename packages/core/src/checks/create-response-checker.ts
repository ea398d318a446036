/**
 * The response checker an engine (or any tool) runs on every response of an operation step: the
 * enabled checks of RESPONSE_CHECKS in registry order, each finding carrying its check's code,
 * Respect's name and severity. OpenAPI files are read once and schemas compiled once per checker,
 * whatever the number of runs sharing it.
 */
import { createDefaultLoader } from '../sources/create-default-loader.js';
import { resolveSourceUri } from '../sources/resolve-source-uri.js';
import type { SourceLoader } from '../sources/types.js';
import type {
  CheckSeverities,
  CheckSeverity,
  ResponseCheckCode,
  ResponseChecker,
  ResponseCheckFailure,
} from './check-types.js';
import { createDescriptionFiles } from './create-description-files.js';
import { createSchemaValidators } from './create-schema-validators.js';
import { matchResponseStatus } from './match-documented.js';
import type { CheckContext } from './response-check.js';
import { RESPONSE_CHECK_CODES, RESPONSE_CHECKS } from './response-checks.js';

/** Options of createResponseChecker. */
export interface ResponseCheckerOptions {
  /** Severity per check (default `error` for each, as in Respect). */
  readonly severities?: CheckSeverities;
  /** Reads the OpenAPI files (default: files and http(s), as the engine's default loader). */
  readonly loader?: SourceLoader;
}

/** Build a checker. Nothing is read or compiled until a response is checked. */
export function createResponseChecker(options: ResponseCheckerOptions = {}): ResponseChecker {
  const severities = Object.fromEntries(
    RESPONSE_CHECK_CODES.map((code) => [code, options.severities?.[code] ?? 'error']),
  ) as Record<ResponseCheckCode, CheckSeverity>;
  const files = createDescriptionFiles({ loader: options.loader ?? createDefaultLoader() });
  const validators = createSchemaValidators({ files });
  const enabled = RESPONSE_CHECK_CODES.filter((code) => severities[code] !== 'off');
  return {
    severities,
    async check({ operation, response, source, documentUri }) {
      if (enabled.length === 0) return [];
      const sourceUri =
        source === undefined || documentUri === undefined || typeof source.url !== 'string'
          ? undefined
          : safeUri(documentUri, source.url);
      const statusKey = matchResponseStatus({
        responses: operation.responses,
        statusCode: response.statusCode,
      });
      const documented =
        statusKey === undefined ? undefined : (operation.responses[statusKey] as CheckContext['documented']);
      const located =
        statusKey === undefined || sourceUri === undefined
          ? undefined
          : await files.locate(sourceUri, `${operation.pointer}/responses/${statusKey.replace(/~/g, '~0')}`);
      const ctx: CheckContext = {
        operation,
        response,
        statusKey,
        documented,
        sourceUri,
        located,
        files,
        validators,
      };
      const failures: ResponseCheckFailure[] = [];
      for (const code of enabled) {
        const check = RESPONSE_CHECKS[code];
        const severity = severities[code] as 'error' | 'warn';
        for (const finding of await check.run(ctx))
          failures.push({ check: code, respectName: check.respectName, severity, ...finding });
      }
      return failures;
    },
  };
}

function safeUri(base: string, ref: string): string | undefined {
  try {
    return resolveSourceUri({ base, ref });
  } catch {
    return undefined;
  }
}

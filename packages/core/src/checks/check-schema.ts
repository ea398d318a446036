import { escapePointerToken } from '../document/json-pointer.js';
import { describeSchemaErrors } from './describe-schema-errors.js';
import { isJsonMediaType, matchMediaType } from './match-documented.js';
import type { CheckFinding, ResponseCheck } from './response-check.js';

/**
 * SCHEMA_CHECK: a JSON body matches the schema of the documented response for its status and media
 * type (OpenAPI 3.0 or 3.1 dialect, see convert-schema-document.ts). Not judged when there is no
 * documented response, no schema, no body, a body that is not JSON, or when the OpenAPI file
 * cannot be read; a schema that does not compile is reported once per exchange, as a finding
 * without a pointer into the body.
 */
export const schemaCheck: ResponseCheck<'schema'> = {
  code: 'schema',
  respectName: 'SCHEMA_CHECK',
  summary: 'a JSON body matches the schema of the documented response for its status and media type',
  async run(ctx): Promise<readonly CheckFinding[]> {
    const { response, located } = ctx;
    const content = ctx.documented?.content;
    if (located === undefined || content === undefined || response.body === undefined) return [];
    if (response.body instanceof Uint8Array) return [];
    const listed = Object.keys(content);
    const received = response.headers['content-type'];
    const mediaKey =
      received === undefined
        ? listed.length === 1
          ? listed[0]
          : undefined
        : matchMediaType({ documented: listed, contentType: received });
    if (mediaKey === undefined || !isJsonMediaType(received ?? mediaKey)) return [];
    const schemaAt = await ctx.files.locate(
      located.file.uri,
      `${located.pointer}/content/${escapePointerToken(mediaKey)}/schema`,
    );
    if (schemaAt === undefined) return [];
    const validator = await ctx.validators.get(schemaAt.file, schemaAt.pointer);
    if (!validator.ok) {
      const location = await ctx.files.where(schemaAt.file.uri, schemaAt.pointer);
      return [
        {
          message: `the response schema cannot be used: ${validator.reason}`,
          ...(location === undefined ? {} : { location }),
        },
      ];
    }
    if (validator.validate(response.body)) return [];
    return describeSchemaErrors({ errors: validator.validate.errors ?? [], files: ctx.files });
  },
};

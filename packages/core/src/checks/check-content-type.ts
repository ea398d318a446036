import { matchMediaType, mediaTypeEssence } from './match-documented.js';
import type { ResponseCheck } from './response-check.js';

/**
 * CONTENT_TYPE_CHECK: a response with a body carries a Content-Type that the documented response
 * of its status lists (parameters ignored; `type/*` and `*\/*` keys cover what they name). Not
 * judged when the status is undocumented (STATUS_CODE_CHECK says so), when the documented response
 * lists no content, or when the body is empty.
 */
export const contentTypeCheck: ResponseCheck<'content-type'> = {
  code: 'content-type',
  respectName: 'CONTENT_TYPE_CHECK',
  summary: 'the Content-Type is one the documented response of that status lists',
  async run(ctx) {
    const content = ctx.documented?.content;
    const listed = content === undefined ? [] : Object.keys(content);
    if (ctx.statusKey === undefined || listed.length === 0 || ctx.response.body === undefined) return [];
    const received = ctx.response.headers['content-type'];
    if (received !== undefined && matchMediaType({ documented: listed, contentType: received }) !== undefined)
      return [];
    const where =
      ctx.located === undefined
        ? undefined
        : await ctx.files.where(ctx.located.file.uri, `${ctx.located.pointer}/content`);
    const got =
      received === undefined ? 'no Content-Type header' : `Content-Type ${mediaTypeEssence(received)}`;
    return [
      {
        message: `${got} is not documented for status ${ctx.response.statusCode}${ctx.statusKey === String(ctx.response.statusCode) ? '' : ` (${ctx.statusKey})`} of ${ctx.operation.method.toUpperCase()} ${ctx.operation.path} (documented: ${listed.join(', ')})`,
        ...(where === undefined ? {} : { location: where }),
      },
    ];
  },
};

import type { ResponseCheck } from './response-check.js';

/**
 * STATUS_CODE_CHECK: the status is one the operation documents, exactly, through a range (`4XX`) or
 * through `default`. An operation that documents no responses at all is not judged.
 */
export const statusCodeCheck: ResponseCheck<'status-code'> = {
  code: 'status-code',
  respectName: 'STATUS_CODE_CHECK',
  summary: 'the status code is one the operation documents (ranges such as 4XX and default count)',
  async run(ctx) {
    const documented = Object.keys(ctx.operation.responses);
    if (ctx.statusKey !== undefined || documented.length === 0) return [];
    const { method, path } = ctx.operation;
    const pointer = `${ctx.operation.pointer}/responses`;
    const location = ctx.sourceUri === undefined ? undefined : await ctx.files.where(ctx.sourceUri, pointer);
    return [
      {
        message: `status ${ctx.response.statusCode} is not documented for ${method.toUpperCase()} ${path} (documented: ${documented.join(', ')})`,
        ...(location === undefined ? {} : { location }),
      },
    ];
  },
};

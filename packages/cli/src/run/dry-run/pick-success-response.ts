import type { OperationInfo, ResponseShape } from '@telaio/core';

/**
 * The operation's first documented 2xx response (`200`, `201`..., then `2XX`, else `default`) as
 * a status code, its media type (JSON preferred) and the shape core built for its JSON body, for
 * `--dry-run`'s made-up answer. 200 with no media type when the operation documents none.
 */
export function pickSuccessResponse(operation: OperationInfo): {
  statusCode: number;
  mediaType?: string;
  shape?: ResponseShape;
} {
  const codes = Object.keys(operation.responses);
  const exact = codes.filter((code) => /^2\d\d$/.test(code)).sort()[0];
  const chosen =
    exact ?? codes.find((code) => /^2xx$/i.test(code)) ?? codes.find((code) => code === 'default');
  const statusCode = exact === undefined ? 200 : Number(exact);
  if (chosen === undefined) return { statusCode };
  const response = operation.responses[chosen] as { content?: Record<string, unknown> } | undefined;
  const content = response?.content ?? {};
  const mediaType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
  if (mediaType === undefined) return { statusCode };
  const shape = operation.responseShapes?.[chosen];
  return { statusCode, mediaType, ...(shape === undefined ? {} : { shape }) };
}

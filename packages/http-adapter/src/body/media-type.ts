/** Families of media types the transport treats differently. */
export type MediaKind = 'json' | 'form' | 'multipart' | 'xml' | 'text' | 'binary';

/**
 * Classifies a media type (parameters such as `charset` ignored): JSON (`application/json`,
 * `*+json`, `text/json`), url-encoded form, multipart, XML (`*\/xml`, `*+xml`), text (`text/*`,
 * JavaScript, YAML, CSV...), and everything else as binary.
 */
export function classifyMediaType(options: { readonly mediaType: string }): MediaKind {
  const type = options.mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json' || type === '*/*' || type === '') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.endsWith('/xml') || type.endsWith('+xml')) return 'xml';
  if (
    type.startsWith('text/') ||
    type === 'application/javascript' ||
    type === 'application/yaml' ||
    type === 'application/x-yaml' ||
    type === 'application/graphql'
  ) {
    return 'text';
  }
  return 'binary';
}

/** Families of media types the transport treats differently. */
export type MediaKind = 'json' | 'form' | 'multipart' | 'xml' | 'text' | 'binary';

/**
 * Classifies a media type (parameters such as `charset` ignored): JSON (`application/json`,
 * `*+json`, `text/json`), url-encoded form, multipart, XML (`*\/xml`, `*+xml`), text (`text/*`,
 * JavaScript, YAML, CSV...), and everything else as binary.
 */
export function classifyMediaType(options: { readonly mediaType: string }): MediaKind {
  let kind = known.get(options.mediaType);
  if (kind === undefined) {
    kind = classify(options.mediaType.split(';')[0]?.trim().toLowerCase() ?? '');
    if (known.size < 256) known.set(options.mediaType, kind);
  }
  return kind;
}

/** Media type strings seen so far (responses repeat the same few). */
const known = new Map<string, MediaKind>();

function classify(type: string): MediaKind {
  if (
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'text/json' ||
    type === '*/*' ||
    type === ''
  )
    return 'json';
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

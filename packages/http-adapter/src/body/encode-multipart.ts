import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { COLLECTION_DELIMITERS, itemText } from '../url/serialize-collection.js';

/** A file part given by path (read when the request is sent). */
interface FileByPath {
  readonly path: string;
  readonly filename?: string;
  readonly contentType?: string;
}

/** A file part given as bytes or text. */
interface FileByData {
  readonly data: Uint8Array | string;
  readonly filename?: string;
  readonly contentType?: string;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.yaml': 'application/yaml',
  '.zip': 'application/zip',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/** The per-property content type from an OpenAPI encoding object, if any. */
function encodingType(encoding: unknown, name: string): string | undefined {
  if (!isRecord(encoding)) return undefined;
  const entry = encoding[name];
  return isRecord(entry) && typeof entry.contentType === 'string' ? entry.contentType : undefined;
}

/** The Swagger 2.0 `collectionFormat` of a property (see convertSwagger2), if any. */
function collectionFormat(encoding: unknown, name: string): string | undefined {
  if (!isRecord(encoding)) return undefined;
  const entry = encoding[name];
  return isRecord(entry) && typeof entry.collectionFormat === 'string' ? entry.collectionFormat : undefined;
}

/** One part of the body. */
interface Part {
  readonly name: string;
  readonly data: Uint8Array | string;
  readonly filename?: string;
  readonly contentType?: string;
}

function quote(text: string): string {
  return text.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));
}

async function collect(parts: Part[], name: string, value: unknown, encoding: unknown): Promise<void> {
  const declared = encodingType(encoding, name);
  if (value instanceof Uint8Array) {
    parts.push({ name, data: value, filename: name, contentType: declared ?? 'application/octet-stream' });
  } else if (isRecord(value) && typeof value.path === 'string') {
    const file = value as unknown as FileByPath;
    const contentType =
      file.contentType ?? declared ?? TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    parts.push({
      name,
      data: await readFile(file.path),
      filename: file.filename ?? basename(file.path),
      contentType,
    });
  } else if (isRecord(value) && (typeof value.data === 'string' || value.data instanceof Uint8Array)) {
    const file = value as unknown as FileByData;
    parts.push({
      name,
      data: file.data,
      filename: file.filename ?? name,
      contentType: file.contentType ?? declared ?? 'application/octet-stream',
    });
  } else if (Array.isArray(value)) {
    const format = collectionFormat(encoding, name);
    if (format !== undefined && format !== 'multi' && value.every((item) => typeof item !== 'object')) {
      // Swagger 2.0 formData array with csv/ssv/tsv/pipes: one field, items joined
      const delimiter = COLLECTION_DELIMITERS[format as keyof typeof COLLECTION_DELIMITERS] ?? ',';
      parts.push({ name, data: value.map(itemText).join(delimiter) });
    } else for (const item of value) await collect(parts, name, item, encoding);
  } else if (isRecord(value)) {
    parts.push({ name, data: JSON.stringify(value), contentType: declared ?? 'application/json' });
  } else if (value !== undefined) {
    parts.push({
      name,
      data: value === null ? '' : String(value),
      ...(declared === undefined ? {} : { contentType: declared }),
    });
  }
}

/**
 * Encodes an object as multipart/form-data: primitives as text fields, arrays as repeated fields,
 * objects as JSON parts (`Content-Type: application/json`), and files from `{path}` (read from disk, filename and type from the path),
 * `{data, filename?, contentType?}` or a bare Uint8Array/Buffer. The encoding object's
 * `contentType` per property is honoured. Returns the bytes and the content type with boundary.
 */
export async function encodeMultipart(options: {
  readonly value: unknown;
  readonly encoding?: unknown;
}): Promise<{ readonly payload: Buffer; readonly contentType: string }> {
  const parts: Part[] = [];
  if (isRecord(options.value)) {
    for (const [name, value] of Object.entries(options.value))
      await collect(parts, name, value, options.encoding);
  }
  const boundary = `----telaio${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.filename !== undefined) head += `; filename="${quote(part.filename)}"`;
    if (part.contentType !== undefined) head += `\r\nContent-Type: ${part.contentType}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenApiSummary } from './build-operations.js';
import { createShapeDecoder } from './decode-shape.js';
import { digestSha256Hex } from './digest-sha256.js';
import { type EncodedShapes, encodeShapes } from './encode-shapes.js';
import type { ResponseShape } from './types.js';

/** Bump when OpenApiSummary's shape or its building changes: old entries are then ignored. */
const FORMAT_VERSION = 'telaio-openapi-summary-7';

/** A file an entry was built from besides the root text: where (see loadSourceFile) and its sha256. */
export interface CachedFile {
  readonly uri: string;
  readonly hash: string;
}

/**
 * Cache key of a source text: sha256 of the format version, the text, and for remote sources their
 * URL (relative server URLs are resolved against it).
 */
export function cacheKeyOf(text: string, remoteUri = ''): string {
  return digestSha256Hex([`${FORMAT_VERSION}\u0000${remoteUri}\u0000`, text]);
}

let defaultDir: string | undefined;

/**
 * Default cache directory: `node_modules/.cache/telaio` next to the nearest package.json above the
 * working directory, else `telaio-cache` in the OS temporary directory.
 */
export function defaultCacheDir(): string {
  if (defaultDir !== undefined) return defaultDir;
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      defaultDir = join(dir, 'node_modules', '.cache', 'telaio');
      return defaultDir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      defaultDir = join(tmpdir(), 'telaio-cache');
      return defaultDir;
    }
    dir = parent;
  }
}

/**
 * Read a cached summary and the referenced files it was built from (the caller checks their hashes);
 * undefined on a miss or an unreadable entry (the cache is only a speed-up). Read synchronously:
 * through the thread pool, open, fstat, read and close were round trips the main thread only waited for.
 */
export async function readCachedSummary(options: {
  dir: string;
  key: string;
}): Promise<{ summary: OpenApiSummary; files: readonly CachedFile[] } | undefined> {
  try {
    const entry = JSON.parse(readFileSync(join(options.dir, `${options.key}.json`), 'utf8')) as {
      format?: string;
      summary?: OpenApiSummary;
      shapes?: EncodedShapes;
      files?: CachedFile[];
    };
    if (entry.format !== FORMAT_VERSION || entry.summary === undefined) return undefined;
    const files = Array.isArray(entry.files) ? entry.files : [];
    const summary = entry.shapes === undefined ? entry.summary : withLazyShapes(entry.summary, entry.shapes);
    return { summary, files };
  } catch {
    return undefined;
  }
}

/**
 * Write a summary and the referenced files it was built from atomically (temp file + rename), synchronously
 * as the read is; failures are ignored.
 */
export async function writeCachedSummary(options: {
  dir: string;
  key: string;
  summary: OpenApiSummary;
  files?: readonly CachedFile[];
}): Promise<void> {
  try {
    mkdirSync(options.dir, { recursive: true });
    const target = join(options.dir, `${options.key}.json`);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const { summary, files = [] } = options;
    const shapes = encodeShapes(summary.operations);
    const operations = summary.operations.map(({ responseShapes: _, ...op }) => op);
    writeFileSync(
      temp,
      JSON.stringify({ format: FORMAT_VERSION, summary: { ...summary, operations }, shapes, files }),
    );
    renameSync(temp, target);
  } catch {
    // A read-only or full disk only costs speed.
  }
}

/**
 * Attach response shapes to cached operations, each decoded on first read: a validate run looks at
 * the shapes of the few operations its workflows call, not at the hundreds a source describes.
 */
function withLazyShapes(summary: OpenApiSummary, shapes: EncodedShapes): OpenApiSummary {
  const decode = createShapeDecoder(shapes.table);
  const operations = summary.operations.map((op, i) => {
    const encoded = shapes.byOperation[i];
    if (encoded === undefined || encoded === 0) return op;
    const responseShapes: Record<string, ResponseShape> = {};
    for (const [status, text] of Object.entries(encoded)) {
      let shape: ResponseShape | undefined;
      Object.defineProperty(responseShapes, status, {
        enumerable: true,
        get: () => {
          if (shape === undefined) {
            try {
              shape = decode(text);
            } catch {
              shape = { open: true };
            }
          }
          return shape;
        },
      });
    }
    return { ...op, responseShapes };
  });
  return { ...summary, operations };
}

import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLoader } from '@telaio/core/lint';

/** A SourceLoader that notes what it was asked for: local paths, and whether anything was remote. */
export interface RecordingLoader {
  readonly loader: SourceLoader;
  /** Absolute paths of every local file asked for (read or not: a missing one counts too). */
  readonly files: ReadonlySet<string>;
  /** True once a non-file URI (http, https) was asked for. */
  remote(): boolean;
}

/**
 * A loader (`inner`, else core's default loader) noting every URI it is asked to load, so a cached
 * result can name the files it depends on (writeCachedResult, run/create-lint-result-cache.ts).
 */
export async function createRecordingLoader(inner?: SourceLoader): Promise<RecordingLoader> {
  if (inner === undefined) inner = (await import('@telaio/core/lint')).createDefaultLoader();
  const reading = inner;
  const files = new Set<string>();
  let remote = false;
  const loader: SourceLoader = {
    load(uri, options) {
      if (uri.startsWith('file:')) files.add(fileURLToPath(uri));
      else if (isAbsolute(uri)) files.add(uri);
      else remote = true;
      return reading.load(uri, options);
    },
  };
  return { loader, files, remote: () => remote };
}

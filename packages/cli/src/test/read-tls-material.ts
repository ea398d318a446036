import { readFile } from 'node:fs/promises';
import type { TlsMaterial, TlsOptions } from '@telaio/http-adapter';
import { UsageError } from '../shared/usage-error.js';
import type { TlsFiles, TlsFlags } from './parse-tls-flags.js';

/**
 * Read the PEM files the TLS flags name. Undefined when no TLS flag was given (the plain transport
 * is used). An unreadable file, or one that is not PEM, is a UsageError naming the flag and the
 * path, never the content (a key is a secret).
 */
export async function readTlsMaterial(flags: TlsFlags): Promise<TlsOptions | undefined> {
  const sources = Object.entries(flags.bySource);
  if (sources.length === 0 && !flags.insecure) return undefined;
  const bySource: Record<string, TlsMaterial> = {};
  let all: TlsMaterial | undefined;
  for (const [source, files] of sources) {
    const material = await readFiles(files);
    if (source === '*') all = material;
    else bySource[source] = material;
  }
  return { ...(all === undefined ? {} : { all }), bySource, insecure: flags.insecure };
}

async function readFiles(files: TlsFiles): Promise<TlsMaterial> {
  const read = async (flag: string, path: string | undefined): Promise<string | undefined> => {
    if (path === undefined) return undefined;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(
        `${flag}: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (!text.includes('-----BEGIN ')) throw new UsageError(`${flag}: '${path}' is not a PEM file`);
    return text;
  };
  const cert = await read('--client-cert', files.clientCert);
  const key = await read('--client-key', files.clientKey);
  const ca = await read('--ca-cert', files.caCert);
  return {
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(ca === undefined ? {} : { ca }),
  };
}

import type { ResolveDocumentOptions, ResolvedDocument } from './types.js';

export type { ResolvedDocument, ResolveDocumentOptions } from './types.js';

/**
 * Load an Arazzo document, check it against the schema and resolve its sourceDescriptions.
 * Never throws for a broken document or an unreachable source: those are diagnostics.
 */
export async function resolveDocument(uri: string, options: ResolveDocumentOptions = {}): Promise<ResolvedDocument> {
  void uri;
  void options;
  throw new Error('not yet implemented');
}

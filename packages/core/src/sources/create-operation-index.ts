import { splitFragment } from '../document/json-pointer.js';
import type { OperationIndex, OperationInfo, ResolvedSource } from './types.js';

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
const TEMPLATED_PATH = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/;

/**
 * Index the operations of a document's own OpenAPI sources by operationId and by operationPath.
 * operationPath pointers are compared decoded: `~1`/`~0` escapes and percent-encoding both accepted.
 */
export function createOperationIndex(sources: readonly ResolvedSource[]): OperationIndex {
  const byId = new Map<string, OperationInfo[]>();
  const bySource = new Map<string, { ids: Map<string, OperationInfo>; paths: Map<string, OperationInfo> }>();
  for (const source of sources) {
    if (source.kind !== 'openapi') continue;
    const entry = { ids: new Map<string, OperationInfo>(), paths: new Map<string, OperationInfo>() };
    for (const op of source.operations) {
      if (op.operationId !== undefined) {
        byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), op]);
        entry.ids.set(op.operationId, op);
      }
      entry.paths.set(pathKey(op.path, op.method), op);
    }
    if (!bySource.has(source.description.name)) bySource.set(source.description.name, entry);
  }
  const findSource = (ref: string): string | undefined =>
    sources.find((s) => s.kind === 'openapi' && (s.description.url === ref || s.uri === ref))?.description
      .name;
  return {
    byOperationId(ref: string): readonly OperationInfo[] {
      const qualified = QUALIFIED.exec(ref);
      if (qualified !== null) {
        const op = bySource.get(qualified[1] ?? '')?.ids.get(qualified[2] ?? '');
        return op === undefined ? [] : [op];
      }
      return byId.get(ref) ?? [];
    },
    byOperationPath(ref: string): OperationInfo | undefined {
      let name: string | undefined;
      let pointer: string | undefined;
      const templated = TEMPLATED_PATH.exec(ref);
      if (templated !== null) {
        name = templated[1];
        pointer = templated[2];
      } else {
        const hash = ref.indexOf('#');
        if (hash < 0) return undefined;
        name = findSource(ref.slice(0, hash));
        pointer = ref.slice(hash);
      }
      const tokens = splitFragment(pointer ?? '') ?? [];
      if (tokens.length !== 3 || tokens[0] !== 'paths') return undefined;
      return bySource.get(name ?? '')?.paths.get(pathKey(tokens[1] ?? '', tokens[2] ?? ''));
    },
  };
}

function pathKey(path: string, method: string): string {
  return `${path}\u0000${method.toLowerCase()}`;
}

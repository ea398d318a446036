import { identityKeys, identityOf } from '../../sources/collect-identities.js';
import { documentBaseUri } from '../../sources/document-base-uri.js';
import { resolveSourceUri } from '../../sources/resolve-source-uri.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/**
 * Arazzo 1.1.0 §Identity-Based Referencing: "when referencing an Arazzo Description by URI,
 * references MUST use the target document's `$self` URI if the `$self` field is present in that
 * document". An Arazzo source that declares a `$self` but was named by another URI (its location)
 * is `source-not-by-identity`: telaio found it by location, which the spec allows ("MAY support
 * referencing by other identifiers (such as retrieval URIs)") but calls not interoperable, "NOT
 * RECOMMENDED"; hence a warning naming the identity to write.
 */
export function checkSourceIdentity(context: LintContext): void {
  if (!isArazzo11(context)) return;
  const base = documentBaseUri({ uri: context.file.uri, self: context.root.$self });
  asArray(context.root.sourceDescriptions).forEach((item, i) => {
    const url = asString(asRecord(item)?.url);
    const source = context.sources[i];
    if (url === undefined || source?.kind !== 'arazzo') return;
    const self = identityOf(source.file);
    if (self === undefined) return;
    let named: string;
    try {
      named = resolveSourceUri({ base, ref: url });
    } catch {
      return;
    }
    const keys = identityKeys(self);
    if (keys.includes(url) || keys.includes(named)) return;
    reportV11(context, 'source-not-by-identity', {
      message: `source '${asString(asRecord(item)?.name) ?? i}' is the Arazzo document whose $self is '${self}', named here by its location '${url}': references MUST use its $self (found by location, which is not interoperable)`,
      pointer: `/sourceDescriptions/${i}/url`,
    });
  });
}

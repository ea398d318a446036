import type { LintRule } from '../lint-context.js';
import { checkActionParameters } from './check-action-parameters.js';
import { checkChannelPaths } from './check-channel-paths.js';
import { checkMessageActions } from './check-message-actions.js';
import { checkMessageExpressions } from './check-message-expressions.js';
import { checkQuerystring } from './check-querystring.js';
import { checkSelectors } from './check-selectors.js';
import { checkSourceIdentity } from './check-source-identity.js';
import { checkSourceReferences } from './check-source-references.js';
import { checkStepDependencies } from './check-step-dependencies.js';
import { checkStepOrder } from './check-step-order.js';

/**
 * The rules for what Arazzo 1.1 adds, by name, in reading order. Each is a no-op on a 1.0 document
 * (whose schema refuses the fields they judge) except `message-expressions`, which reports the 1.1
 * expressions `$self` and `$message` there.
 */
export const V11_RULES: readonly (readonly [string, LintRule])[] = [
  ['channel-paths', checkChannelPaths],
  ['message-actions', checkMessageActions],
  ['message-expressions', checkMessageExpressions],
  ['step-dependencies', checkStepDependencies],
  ['step-order', checkStepOrder],
  ['selectors', checkSelectors],
  ['querystring', checkQuerystring],
  ['action-parameters', checkActionParameters],
  ['source-references', checkSourceReferences],
  ['source-identity', checkSourceIdentity],
];

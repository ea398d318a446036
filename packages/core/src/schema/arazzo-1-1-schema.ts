import { arazzoSchema } from './arazzo-schema.js';
import { v11ActionDefs } from './schema-defs-v11-actions.js';
import { v11ObjectDefs } from './schema-defs-v11-objects.js';
import { v11WorkflowDefs } from './schema-defs-v11-workflow.js';

/**
 * telaio's JSON Schema (draft 2020-12) for Arazzo 1.1.x documents, written from the 1.1.0 text beside
 * the 1.0 one (arazzo-schema.ts) and sharing what did not change: the root gains `$self` (a
 * URI-reference without a fragment); sources may be `asyncapi`; steps gain channelPath, timeout,
 * correlationId, action and dependsOn; actions gain parameters; Selector and Expression Type Objects
 * appear where 1.1 allows them. Rules that need the sources or the other steps are lint's.
 */
export const arazzo11Schema = {
  ...arazzoSchema,
  $id: 'https://telaio.dev/schema/arazzo-1.1.json',
  properties: {
    ...arazzoSchema.properties,
    arazzo: { type: 'string', pattern: '^1\\.1\\.\\d+(-.+)?$' },
    $self: { type: 'string', format: 'uri-reference', pattern: '^[^#]*$' },
  },
  $defs: { ...arazzoSchema.$defs, ...v11ObjectDefs, ...v11WorkflowDefs, ...v11ActionDefs },
} as const;

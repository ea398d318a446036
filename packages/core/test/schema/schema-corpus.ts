// biome-ignore-all lint/suspicious/noAssignInExpressions: mutations are one-line expressions
/** Documents for the schema agreement test: a valid base and named mutations of it. */

type Doc = Record<string, unknown>;

/** A small valid Arazzo document exercising most objects. */
export function baseDocument(): Doc {
  return {
    arazzo: '1.0.1',
    info: { title: 'Pets', version: '1.0.0', 'x-owner': 'me' },
    sourceDescriptions: [{ name: 'petStore', url: './pets.yaml', type: 'openapi' }],
    workflows: [
      {
        workflowId: 'buy',
        inputs: { type: 'object', properties: { id: { type: 'string' } } },
        steps: [
          {
            stepId: 'find',
            operationId: 'findPet',
            parameters: [
              { name: 'id', in: 'path', value: '$inputs.id' },
              { reference: '$components.parameters.page' },
            ],
            successCriteria: [
              { condition: '$statusCode == 200' },
              { context: '$response.body', condition: '^a', type: 'regex' },
            ],
            onSuccess: [{ name: 'next', type: 'goto', stepId: 'pay' }],
            onFailure: [{ name: 'again', type: 'retry', stepId: 'find', retryAfter: 1, retryLimit: 3 }],
            outputs: { pet: '$response.body#/id' },
          },
          {
            stepId: 'pay',
            operationPath: '{$sourceDescriptions.petStore.url}#/paths/~1pay/post',
            requestBody: {
              contentType: 'application/json',
              payload: { a: 1 },
              replacements: [{ target: '/a', value: '2' }],
            },
          },
        ],
        outputs: { pet: '$steps.find.outputs.pet' },
      },
      {
        workflowId: 'outer',
        dependsOn: ['buy'],
        steps: [{ stepId: 's', workflowId: 'buy', parameters: [{ name: 'id', value: 1 }] }],
      },
    ],
    components: {
      parameters: { page: { name: 'page', in: 'query', value: 1 } },
      failureActions: { stop: { name: 'stop', type: 'end' } },
    },
  };
}

const step0 = (d: Doc) => ((d.workflows as Doc[])[0]!.steps as Doc[])[0] as Doc;

/** [name, mutate] pairs: each applied to a fresh base document. */
export const mutations: readonly (readonly [string, (d: Doc) => void])[] = [
  ['valid base', () => {}],
  ['missing arazzo', (d) => void delete d.arazzo],
  ['arazzo not a string', (d) => void (d.arazzo = 1.0)],
  ['missing info.title', (d) => void delete (d.info as Doc).title],
  ['unknown root property', (d) => void (d.foo = 1)],
  ['root extension', (d) => void (d['x-foo'] = { any: 1 })],
  ['empty sourceDescriptions', (d) => void (d.sourceDescriptions = [])],
  ['bad source type', (d) => void ((d.sourceDescriptions as Doc[])[0]!.type = 'graphql')],
  ['source without url', (d) => void delete (d.sourceDescriptions as Doc[])[0]!.url],
  ['empty workflows', (d) => void (d.workflows = [])],
  ['workflow without steps', (d) => void delete (d.workflows as Doc[])[0]!.steps],
  ['step without stepId', (d) => void delete step0(d).stepId],
  ['step with two targets', (d) => void (step0(d).workflowId = 'outer')],
  ['step with no target', (d) => void delete step0(d).operationId],
  ['operation parameter without in', (d) => void delete ((step0(d).parameters as Doc[])[0] as Doc).in],
  ['parameter bad in', (d) => void (((step0(d).parameters as Doc[])[0] as Doc).in = 'body')],
  ['parameter without value', (d) => void delete ((step0(d).parameters as Doc[])[0] as Doc).value],
  ['reusable with extension', (d) => void (((step0(d).parameters as Doc[])[1] as Doc)['x-a'] = 1)],
  [
    'criterion without condition',
    (d) => void delete ((step0(d).successCriteria as Doc[])[0] as Doc).condition,
  ],
  [
    'criterion type without context',
    (d) => void delete ((step0(d).successCriteria as Doc[])[1] as Doc).context,
  ],
  ['criterion bad type', (d) => void (((step0(d).successCriteria as Doc[])[1] as Doc).type = 'glob')],
  ['empty successCriteria', (d) => void (step0(d).successCriteria = [])],
  ['goto without target', (d) => void delete ((step0(d).onSuccess as Doc[])[0] as Doc).stepId],
  ['goto with both targets', (d) => void (((step0(d).onSuccess as Doc[])[0] as Doc).workflowId = 'outer')],
  ['success action retry', (d) => void (((step0(d).onSuccess as Doc[])[0] as Doc).type = 'retry')],
  ['negative retryLimit', (d) => void (((step0(d).onFailure as Doc[])[0] as Doc).retryLimit = -1)],
  ['fractional retryLimit', (d) => void (((step0(d).onFailure as Doc[])[0] as Doc).retryLimit = 1.5)],
  [
    'retry with workflowId and retryAfter',
    (d) => void (((step0(d).onFailure as Doc[])[0] as Doc).workflowId = 'outer'),
  ],
  ['outputs value not a string', (d) => void (step0(d).outputs = { pet: 1 })],
  ['unknown step property', (d) => void (step0(d).operationRef = 'x')],
  [
    'bad component name',
    (d) => void ((d.components as Doc).parameters = { 'bad name': { name: 'p', in: 'query', value: 1 } }),
  ],
  [
    'component parameter without name',
    (d) => void ((d.components as Doc).parameters = { p: { in: 'query', value: 1 } }),
  ],
  ['inputs not a schema', (d) => void ((d.workflows as Doc[])[0]!.inputs = { type: 'banana' })],
  [
    'workflow step parameter with in',
    (d) =>
      void ((((d.workflows as Doc[])[1]!.steps as Doc[])[0] as Doc).parameters = [
        { name: 'id', in: 'query', value: 1 },
      ]),
  ],
  // Ours has no uniqueItems on these arrays; lint's duplicate-id rejects them (identical items share an id).
  [
    'two identical steps',
    (d) => void ((d.workflows as Doc[])[0]!.steps as Doc[]).push(structuredClone(step0(d))),
  ],
  [
    'two identical workflows',
    (d) => void (d.workflows as Doc[]).push(structuredClone((d.workflows as Doc[])[0]!)),
  ],
  [
    'two identical sourceDescriptions',
    (d) => void (d.sourceDescriptions as Doc[]).push(structuredClone((d.sourceDescriptions as Doc[])[0]!)),
  ],
  [
    'two identical parameters',
    (d) => void (step0(d).parameters as Doc[]).push(structuredClone((step0(d).parameters as Doc[])[0]!)),
  ],
  [
    'two identical onSuccess actions',
    (d) => void (step0(d).onSuccess as Doc[]).push(structuredClone((step0(d).onSuccess as Doc[])[0]!)),
  ],
  ['url not a uri-reference', (d) => void ((d.sourceDescriptions as Doc[])[0]!.url = 'http://a b')],
  ['not an object', (d) => void Object.assign(d, { info: 'x' })],
];

/** Mutations where the specification text wins over the published schema: [name, mutate, ours valid]. */
export const exceptions: readonly (readonly [string, (d: Doc) => void, boolean])[] = [
  [
    'source name outside [A-Za-z0-9_-]+ (text: SHOULD conform; a lint warning, id-not-portable)',
    (d) => void ((d.sourceDescriptions as Doc[])[0]!.name = 'pet store'),
    true,
  ],
  [
    'duplicate dependsOn (only the published schema forbids it; a lint warning)',
    (d) => void ((d.workflows as Doc[])[1]!.dependsOn = ['buy', 'buy']),
    true,
  ],
  [
    'two identical successCriteria (only the published schema forbids it; a lint warning)',
    (d) =>
      void (step0(d).successCriteria as Doc[]).push(structuredClone((step0(d).successCriteria as Doc[])[0]!)),
    true,
  ],
  [
    'two identical replacements (only the published schema forbids it; a lint warning)',
    (d) =>
      void (step0(d).requestBody = {
        replacements: [
          { target: '/a', value: 'x' },
          { value: 'x', target: '/a' },
        ],
      }),
    true,
  ],
  [
    'two identical action criteria (only the published schema forbids it; a lint warning)',
    (d) =>
      void (((step0(d).onFailure as Doc[])[0] as Doc).criteria = [
        { condition: '$statusCode == 503' },
        { condition: '$statusCode == 503' },
      ]),
    true,
  ],
  [
    'retry without retryAfter (OAI #341)',
    (d) => void delete ((step0(d).onFailure as Doc[])[0] as Doc).retryAfter,
    true,
  ],
  [
    'retry without a stepId or workflowId (OAI #342)',
    (d) => void delete ((step0(d).onFailure as Doc[])[0] as Doc).stepId,
    true,
  ],
  [
    'criterion type as expression-type object (OAI #336)',
    (d) => {
      ((step0(d).successCriteria as Doc[])[1] as Doc).type = {
        type: 'jsonpath',
        version: 'draft-goessner-dispatch-jsonpath-00',
      };
    },
    true,
  ],
  [
    'payload replacement value that is not a string (spec: "Any | {expression}", its example has value: 10)',
    (d) => void ((step0(d) as Doc).requestBody = { replacements: [{ target: '/a', value: 2 }] }),
    true,
  ],
  [
    'criterion flat version field (not in the spec text; the published schema accepts it)',
    (d) => {
      Object.assign((step0(d).successCriteria as Doc[])[1] as Doc, { type: 'xpath', version: 'xpath-30' });
    },
    false,
  ],
];

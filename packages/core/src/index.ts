/**
 * @telaio/core: Arazzo documents, sources, runtime expressions, criteria, lint and the engine.
 * The public API, named one by one and grouped by pipeline stage; anything not listed here is
 * internal and may change in any release. `@telaio/core/lint` and `@telaio/core/testing` are
 * narrower entry points.
 */

// Adapters: the seams an embedder plugs in (transport, credentials, inputs, hooks) and helpers.
export { combineCredentials } from './adapters/combine-credentials.js';
export { combineSignals } from './adapters/combine-signals.js';
export { createMessageQueue, type MessageQueue } from './adapters/create-message-queue.js';
export { credentialFromValues } from './adapters/credential-from-values.js';
export type {
  Credential,
  CredentialProvider,
  CredentialRequest,
  RequestSecurity,
} from './adapters/credentials.js';
export type { EngineHooks, EventScope } from './adapters/hooks.js';
export type { InputProvider, InputRequest } from './adapters/inputs.js';
export { matchesCorrelation, readCorrelationValue } from './adapters/match-correlation.js';
export {
  decodeMessagePayload,
  encodeMessagePayload,
  isJsonContentType,
} from './adapters/message-payload.js';
export type {
  CorrelationFilter,
  MessageBindings,
  MessageContext,
  MessageSecurity,
  MessageServer,
  MessageSubscription,
  MessageTarget,
  MessageTransport,
  OutgoingMessage,
  ReceivedMessage,
  SentMessage,
  SubscribeRequest,
} from './adapters/message-transport.js';
export { NEVER_ABORTED, onAbort } from './adapters/on-abort.js';
export { raceAbort } from './adapters/race-abort.js';
export {
  createStaticCredentials,
  credentialFitsScheme,
  credentialSecrets,
  type StaticCredentialEntry,
} from './adapters/static-credentials.js';
export {
  type PreparedRequest,
  type ReceivedResponse,
  type RequestParameter,
  type SentRequest,
  type Transport,
  type TransportContext,
  TransportError,
} from './adapters/transport.js';
// Response checks: does a response match what the OpenAPI operation documents (status, content type, schema)?
export type {
  CheckSeverities,
  CheckSeverity,
  DescriptionLocation,
  ResponseCheckCode,
  ResponseChecker,
  ResponseCheckFailure,
} from './checks/check-types.js';
export { createResponseChecker, type ResponseCheckerOptions } from './checks/create-response-checker.js';
export { checkCodeOf, parseCheckSeverities } from './checks/parse-check-severities.js';
export type { ResponseCheck } from './checks/response-check.js';
export { RESPONSE_CHECK_CODES, RESPONSE_CHECKS } from './checks/response-checks.js';
// Criteria: the registry of criterion evaluators (simple, regex, jsonpath, xpath) and its seam.
export {
  type CriterionCompileOptions,
  type CriterionRegistry,
  createCriterionRegistry,
} from './criteria/registry.js';
export {
  type CompiledCriterion,
  type CriterionEvaluator,
  type CriterionSource,
  CriterionSyntaxError,
} from './criteria/types.js';
export { type DeclaredInputsView, readDeclaredInputs } from './document/declared-inputs.js';
// Documents: parsing Arazzo text (YAML or JSON) into a document with source positions.
export { type LoadArazzoTextResult, loadArazzoText } from './document/load-arazzo-text.js';
// The engine: load a document once, run its workflows many times, get results as data.
export { createEngine } from './engine/create-engine.js';
export type {
  CompletedWorkflow,
  Engine,
  EngineOptions,
  LoadTarget,
  RunOptions,
  SleepFunction,
  WorkflowDocument,
  WorkflowSummary,
} from './engine/engine-types.js';
// Dry runs of message steps: a MessageTransport that records what would be sent and answers receives at once.
export {
  createDryRunMessageTransport,
  type DryRunMessageRecord,
  type DryRunMessageTransport,
  isDryRunTransport,
} from './engine/steps/message/create-dry-run-message-transport.js';
export type {
  FailedCriterion,
  MessageErrorCode,
  ResponseSummary,
  RunError,
  RunErrorCode,
  RunResult,
  StepResult,
  TransportLimitCode,
} from './engine/types.js';
// Errors: misconfiguration and bugs are thrown as TelaioError, always with a `code`.
export { TelaioError } from './errors.js';
// Runtime expressions and templates: parse once into an AST, evaluate against a context.
export type {
  ExpressionSyntaxError,
  MessageSource,
  ParseResult,
  PointerTokens,
  RuntimeExpression,
  Template,
  TemplatePart,
} from './expressions/ast.js';
export { classifyValue, type ValueClass } from './expressions/classify-value.js';
export { type CompiledValue, type CompileValueOptions, compileValue } from './expressions/compile-value.js';
export type { ExpressionContext, MessageView, MissingValueListener } from './expressions/context.js';
export type { DeclaredNames } from './expressions/declared-names.js';
export { evaluateExpression } from './expressions/evaluate-expression.js';
export { parseExpression } from './expressions/parse-expression.js';
export { parseTemplate } from './expressions/parse-template.js';
export { renderTemplate } from './expressions/render-template.js';
// Graph: a document's workflows as a graph (steps, actions, calls, dependsOn) and its renderers.
export { buildDocumentGraph } from './graph/build-document-graph.js';
export type {
  DocumentGraph,
  EdgeKind,
  ExternalWorkflowNode,
  GraphEdge,
  StepKind,
  StepNode,
  WorkflowGraph,
} from './graph/graph-types.js';
export { renderDot } from './graph/render-dot.js';
export { renderMermaid } from './graph/render-mermaid.js';
export { selectWorkflowGraph } from './graph/select-workflow-graph.js';
// Hosts: where a run's non-deterministic effects happen (clock, sleeps, external waits, ids, journal).
export { createProcessHost, type ProcessHost } from './host/create-process-host.js';
export { type ExternalInput, externalInput, isExternalInput } from './host/external-input.js';
export type {
  EffectKind,
  EffectRequest,
  EffectSite,
  Host,
  RunBegin,
  RunHost,
  SleepRequest,
  WaitOutcome,
  WaitRequest,
} from './host/host-types.js';
export type { JournalValue } from './host/journal-value.js';
// The severity table (docs/rules.md) and user overrides of it.
export {
  applySeverityOverrides,
  parseSeverityOverrides,
  type SeverityOverrides,
} from './lint/apply-severity.js';
// Lint: schema and semantic checks of a resolved document, reported as diagnostics.
export type { Diagnostic, DiagnosticCode, Severity } from './lint/diagnostic.js';
export { type LintOptions, lintDocument } from './lint/lint-document.js';
export { type LintResultCache, lintCacheKey } from './lint/lint-result-cache.js';
export { renderRuleTable } from './lint/rules/render-rule-table.js';
export {
  RULE_IDS,
  RULE_TABLE,
  type RuleBasis,
  type RuleId,
  type RuleRow,
  ruleRow,
  type SeverityOverride,
} from './lint/rules/rule-table.js';
// The Arazzo document model: the typed objects of a parsed document and their source positions.
export type {
  ArazzoDocument,
  Components,
  Criterion,
  CriterionExpressionType,
  ExpressionType,
  Extensions,
  FailureAction,
  Info,
  JsonSchema,
  JsonValue,
  MessageAction,
  Outputs,
  Parameter,
  ParameterLocation,
  PayloadReplacement,
  RequestBody,
  ReusableObject,
  SelectorObject,
  SelectorType,
  SourceDescription,
  SourceType,
  Step,
  SuccessAction,
  Workflow,
} from './model/arazzo.js';
export type { PositionMap, SourcePosition, SourceRange } from './model/positions.js';
// Sources: loading files and URLs, resolving sourceDescriptions, the OpenAPI operation index.
export { createDefaultLoader, type DefaultLoaderOptions } from './sources/create-default-loader.js';
export { createOperationIndex } from './sources/create-operation-index.js';
export { exampleFromShape } from './sources/example-from-shape.js';
export { resolveDocument } from './sources/resolve-document.js';
export type {
  ArazzoFile,
  ChannelInfo,
  LoadedText,
  MessageInfo,
  MessageOperationInfo,
  MessageServerInfo,
  OperationIndex,
  OperationInfo,
  OperationParameter,
  ResolveDocumentOptions,
  ResolvedArazzoSource,
  ResolvedAsyncApiSource,
  ResolvedDocument,
  ResolvedOpenApiSource,
  ResolvedSource,
  ResponseShape,
  SecurityRequirement,
  SecurityScheme,
  ServerInfo,
  SourceLoader,
  UnresolvedSource,
} from './sources/types.js';
export { readMonotonicMs } from './time/read-monotonic-ms.js';

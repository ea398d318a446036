/**
 * @telaio/mcp: serves the workflows of Arazzo documents as Model Context Protocol tools, on the
 * official MCP TypeScript SDK: one tool per workflow, progress per step, cancellation, and inputs
 * meant for the person asked through elicitation when the workflow first reads them.
 */
export { buildToolCatalog, type ToolCatalogOptions } from './build-tool-catalog.js';
export { callWorkflowTool, type ToolCall } from './call-workflow-tool.js';
export { createElicitationProvider, type Elicit, toFormField } from './create-elicitation-provider.js';
export { createProgressHooks, type ProgressUpdate } from './create-progress-hooks.js';
export { createToolServer } from './create-tool-server.js';
export { type NameRequest, nameTools } from './name-tools.js';
export { passwordInputs, promptInputs } from './person-input-plugins.js';
export { type HttpEndpoint, serveHttp } from './serve-http.js';
export { serveStdio } from './serve-stdio.js';
export { toToolResult } from './to-tool-result.js';
export type {
  InputClaimContext,
  PersonInputPlugin,
  ProviderCall,
  ResultMasker,
  RunObserver,
  WorkflowTool,
  WorkflowToolsOptions,
} from './types.js';

/**
 * @telaio/mcp: serves the workflows of Arazzo documents as Model Context Protocol tools, on the
 * official MCP TypeScript SDK: one tool per workflow, progress per step, cancellation, and inputs
 * meant for the person asked through elicitation when the workflow first reads them.
 */
export {};

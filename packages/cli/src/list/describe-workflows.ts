import { type ArazzoDocument, readDeclaredInputs } from '@telaio/core';

/** One workflow as `telaio list` shows it. */
export interface WorkflowListing {
  readonly workflowId: string;
  readonly summary?: string;
  readonly inputs: readonly {
    readonly name: string;
    readonly type: string;
    readonly required: boolean;
    readonly description?: string;
  }[];
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  readonly steps: readonly string[];
}

/** The workflows of a document with their inputs (name, type, required) and outputs. Pure. */
export function describeWorkflows(document: ArazzoDocument): WorkflowListing[] {
  return (document.workflows ?? []).map((workflow) => {
    const schema = readDeclaredInputs({ document, workflow });
    const required = new Set(schema.required);
    const names = [...new Set([...Object.keys(schema.properties), ...schema.required])];
    const inputs = names.map((name) => {
      const property = schema.properties[name] ?? {};
      const type = Array.isArray(property.type)
        ? property.type.join('|')
        : typeof property.type === 'string'
          ? property.type
          : 'any';
      return {
        name,
        type,
        required: required.has(name),
        ...(typeof property.description === 'string' ? { description: property.description } : {}),
      };
    });
    const outputs = Object.entries(workflow.outputs ?? {}).map(([name, value]) => ({
      name,
      value: String(value),
    }));
    return {
      workflowId: workflow.workflowId,
      ...(workflow.summary === undefined ? {} : { summary: workflow.summary }),
      inputs,
      outputs,
      steps: (workflow.steps ?? []).map((step) => step.stepId),
    };
  });
}

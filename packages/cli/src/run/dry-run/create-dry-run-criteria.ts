import type {
  ArazzoDocument,
  CompiledCriterion,
  CriterionEvaluator,
  CriterionRegistry,
  EngineHooks,
  ExpressionContext,
} from '@telaio/core';

/** A success criterion `--dry-run` could not judge: it read the placeholder answer. */
export interface UnjudgedCriterion {
  readonly stepId: string;
  readonly condition: string;
}

/** Criterion evaluators and hooks that keep a dry run from judging placeholder answers. */
export interface DryRunCriteria {
  /** Pass to the engine as `criteria`: the standard languages, wrapped. */
  readonly evaluators: readonly CriterionEvaluator[];
  /** Merge into the run's hooks: they say which step's success criteria are being tested. */
  readonly hooks: EngineHooks;
  /** Tell which document runs (its steps' successCriteria counts); call after `engine.load`. */
  useDocument(document: ArazzoDocument): void;
  /** The success criteria not judged so far, in order. */
  readonly unjudged: UnjudgedCriterion[];
}

/** Runtime values a dry run knows for real: the request it built. Anything else may be a placeholder. */
const REAL = new Set(['$url', '$method', '$request']);

/** True when the criterion reads run-time values (response, status, outputs, inputs...) a dry run made up. */
function readsPlaceholders(condition: string, hasContext: boolean): boolean {
  if (hasContext) return true;
  return (condition.match(/\$[A-Za-z]+/g) ?? []).some((name) => !REAL.has(name));
}

function isDryRunAnswer(ctx: ExpressionContext): boolean {
  // A message step's $message in a dry run: the placeholder message (receive) or one built from placeholders.
  if (ctx.response === undefined && ctx.message !== undefined) return true;
  for (const [name, value] of Object.entries(ctx.response?.headers ?? {}))
    if (name.toLowerCase() === 'x-telaio-dry-run') return value === 'true';
  return false;
}

/**
 * The `--dry-run` answer to successCriteria: the dry-run transport answers every request with a
 * made-up 2xx status and placeholder bodies, so a success criterion that fails against that answer
 * while reading such values (`$response.header.X-Rate == 42`, `$response.body#/state == 'ok'`) was
 * not judged, not failed. Such a criterion counts as met (so the dry run goes on along the path of
 * success) and is listed in `unjudged`. Criteria of onSuccess/onFailure actions are left as they
 * are (a goto or retry is not taken on a guess), and so is any criterion that reads only the request
 * (`$url`, `$method`, `$request...`). The engine's own criterion events still say `passed`.
 */
export function createDryRunCriteria(options: {
  /** core's registry of the standard criterion languages (`createCriterionRegistry()`). */
  readonly registry: CriterionRegistry;
  /** Called for each criterion not judged, as it happens. */
  readonly onUnjudged?: (criterion: UnjudgedCriterion) => void;
}): DryRunCriteria {
  const { registry } = options;
  const unjudged: UnjudgedCriterion[] = [];
  let document: ArazzoDocument | undefined;
  /**
   * Per answer (a response or message, known by its headers object, which the criteria's context
   * holds as `$response.header` / `$message.header`): whose success criteria it is, and how many of
   * them are still to be tested. Not one slot for the run: steps running at once (step dependsOn)
   * have their messages in before either's criteria are tested.
   */
  const slots = new WeakMap<object, { readonly stepId: string; pending: number }>();
  const slotOf = (ctx: ExpressionContext) => {
    const key = ctx.message?.headers ?? ctx.response?.headers;
    return key === undefined ? undefined : slots.get(key);
  };
  const wrap = (evaluator: CriterionEvaluator): CriterionEvaluator => ({
    ...evaluator,
    compile(source) {
      const compiled = evaluator.compile(source);
      const guessed = readsPlaceholders(source.condition, source.context !== undefined);
      const wrapped: CompiledCriterion = {
        ...compiled,
        test(ctx, onMissing) {
          const slot = slotOf(ctx);
          const success = slot !== undefined && slot.pending > 0;
          if (slot !== undefined && success) slot.pending -= 1;
          const passed = compiled.test(ctx, onMissing);
          if (passed || !success || slot === undefined) return passed;
          if (!guessed || !isDryRunAnswer(ctx)) {
            slot.pending = 0;
            return false;
          }
          const criterion = { stepId: slot.stepId, condition: source.condition };
          unjudged.push(criterion);
          options.onUnjudged?.(criterion);
          return true;
        },
      };
      return wrapped;
    },
  });
  const evaluators: CriterionEvaluator[] = [];
  for (const type of ['simple', 'regex', 'jsonpath', 'xpath']) {
    const evaluator = registry.get(type);
    if (evaluator !== undefined) evaluators.push(wrap(evaluator));
  }
  /** The success criteria of `e.stepId` are tested next against the answer whose headers are `headers`. */
  const judging = (
    e: { readonly workflowId: string; readonly stepId: string },
    headers: object | undefined,
  ): void => {
    if (headers === undefined) return;
    const step = document?.workflows
      .find((w) => w.workflowId === e.workflowId)
      ?.steps.find((s) => s.stepId === e.stepId);
    slots.set(headers, { stepId: e.stepId, pending: step?.successCriteria?.length ?? 0 });
  };
  return {
    evaluators,
    unjudged,
    useDocument(loaded) {
      document = loaded;
    },
    hooks: {
      onResponse: (e) => judging(e, e.response.headers),
      // A send step's $message is the message built (the dry-run transport reports a copy as sent).
      onMessageSend: (e) => judging(e, e.message.headers),
      onMessageReceived: (e) => judging(e, e.message.headers),
    },
  };
}

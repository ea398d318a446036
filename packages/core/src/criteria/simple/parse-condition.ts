/**
 * Recursive-descent parser of `simple` conditions (Arazzo 1.0.1 §4.6.10 Criterion Object). From
 * loosest to tightest: `||`, `&&`, `== !=`, `< <= > >=`, prefix `!`, then `.name` / `[index]` after
 * an operand. Comparisons do not chain. No eval anywhere.
 */
import type { DeclaredNames } from '../../expressions/declared-names.js';
import { CriterionSyntaxError } from '../types.js';
import type { ComparisonOperator, ConditionNode, ConditionToken } from './condition-ast.js';
import { lexCondition } from './lex-condition.js';

const EQUALITY = new Set(['==', '!=']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);

/**
 * Parse a condition into its AST; throws CriterionSyntaxError with the 0-based offset. `names`:
 * declared names for the lenient reading of expressions (see DeclaredNames).
 */
export function parseCondition(text: string, names?: DeclaredNames): ConditionNode {
  const parser = new ConditionParser(text, lexCondition(text, names));
  if (parser.peek().type === 'end') throw new CriterionSyntaxError('the condition is empty', 0);
  const node = parser.or();
  const next = parser.peek();
  if (next.type !== 'end')
    throw new CriterionSyntaxError(
      `unexpected ${describe(next)}; expected an operator such as && or ==`,
      next.offset,
    );
  return node;
}

function describe(token: ConditionToken): string {
  switch (token.type) {
    case 'end':
      return 'end of condition';
    case 'expression':
      return `expression '${token.expression.text}'`;
    case 'number':
      return `number ${token.raw}`;
    case 'string':
      return 'string';
    default:
      return `'${token.value}'`;
  }
}

class ConditionParser {
  private index = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: readonly ConditionToken[],
  ) {}

  peek(): ConditionToken {
    return this.tokens[this.index] as ConditionToken;
  }

  private isOp(values: Set<string> | string): boolean {
    const t = this.peek();
    return t.type === 'op' && (typeof values === 'string' ? t.value === values : values.has(t.value));
  }

  private take(): ConditionToken {
    return this.tokens[this.index++] as ConditionToken;
  }

  or(): ConditionNode {
    let left = this.and();
    while (this.isOp('||')) {
      this.take();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): ConditionNode {
    let left = this.comparison(EQUALITY, () => this.comparison(RELATIONAL, () => this.unary()));
    while (this.isOp('&&')) {
      this.take();
      left = {
        kind: 'and',
        left,
        right: this.comparison(EQUALITY, () => this.comparison(RELATIONAL, () => this.unary())),
      };
    }
    return left;
  }

  private comparison(ops: Set<string>, operand: () => ConditionNode): ConditionNode {
    const left = operand();
    if (!this.isOp(ops)) return left;
    const op = this.take() as { value: string };
    const right = operand();
    if (this.isOp(ops))
      throw new CriterionSyntaxError(
        'comparisons cannot be chained; combine them with && or ||',
        this.peek().offset,
      );
    return { kind: 'compare', op: op.value as ComparisonOperator, left, right };
  }

  private unary(): ConditionNode {
    if (this.isOp('!')) {
      this.take();
      return { kind: 'not', operand: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): ConditionNode {
    const start = this.peek().offset;
    let node = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.take();
        const name = this.take();
        if (name.type !== 'name' && !(name.type === 'number' && /^[0-9]+$/.test(name.raw))) {
          throw new CriterionSyntaxError(
            `expected a property name after '.' but found ${describe(name)}`,
            name.offset,
          );
        }
        const key = name.type === 'number' ? name.raw : String(name.value);
        node = { kind: 'member', object: node, key, text: this.text.slice(start, name.end) };
      } else if (this.isOp('[')) {
        this.take();
        const index = this.take();
        if (index.type !== 'string' && !(index.type === 'number' && /^[0-9]+$/.test(index.raw))) {
          throw new CriterionSyntaxError(
            `expected an index (0-based) or a quoted name inside [] but found ${describe(index)}`,
            index.offset,
          );
        }
        const close = this.take();
        if (close.type !== 'op' || close.value !== ']')
          throw new CriterionSyntaxError(`expected ']' but found ${describe(close)}`, close.offset);
        const key = index.type === 'number' ? index.raw : index.value;
        node = { kind: 'member', object: node, key, text: this.text.slice(start, close.end) };
      } else {
        return node;
      }
    }
  }

  private primary(): ConditionNode {
    const token = this.take();
    switch (token.type) {
      case 'expression':
        return { kind: 'expression', expression: token.expression };
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'name':
        if (token.value === 'true' || token.value === 'false')
          return { kind: 'literal', value: token.value === 'true' };
        if (token.value === 'null') return { kind: 'literal', value: null };
        throw new CriterionSyntaxError(
          `unexpected name '${token.value}'; strings must be quoted ('${token.value}') and expressions start with '$'`,
          token.offset,
        );
      case 'op':
        if (token.value === '(') {
          const inner = this.or();
          const close = this.take();
          if (close.type !== 'op' || close.value !== ')')
            throw new CriterionSyntaxError(`expected ')' but found ${describe(close)}`, close.offset);
          return inner;
        }
        throw new CriterionSyntaxError(`expected a value but found '${token.value}'`, token.offset);
      default:
        throw new CriterionSyntaxError('expected a value but the condition ends', token.offset);
    }
  }
}

/**
 * Low-level reading of runtime expression pieces (Arazzo 1.0.1 §4.6.13 ABNF): identifiers, header
 * tokens, free-form names and JSON pointers. Failures are thrown as ScanFailure and caught by
 * scanExpression, so nothing here escapes to callers.
 */
import type { PointerTokens } from './ast.js';
import { type DeclaredNameKind, type DeclaredNames, longestDeclaredName } from './declared-names.js';

/** Where an expression sits, which decides where its free-form parts (names, pointers) end. */
export type ScanMode = 'whole' | 'embedded' | 'condition';

/** Internal control-flow error of the scanner; converted to an ExpressionSyntaxError. */
export class ScanFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const IDENTIFIER = /[A-Za-z0-9._-]/;
const STRICT = /[A-Za-z0-9_-]/;
const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const CONDITION_STOP = /[\s()<>=!&|[\],]/;

/** A cursor over one expression's text. */
export class ExpressionScanner {
  pos: number;

  constructor(
    readonly text: string,
    start: number,
    readonly mode: ScanMode,
    readonly names: DeclaredNames = {},
  ) {
    this.pos = start;
  }

  /** The current character, or '' at the end. */
  peek(): string {
    return this.text[this.pos] ?? '';
  }

  /** True where a free-form part (query name, pointer, source property) must stop. */
  isStop(c: string): boolean {
    if (c === '') return true;
    if (this.mode === 'embedded') return c === '}';
    if (this.mode === 'condition') return CONDITION_STOP.test(c);
    return false;
  }

  /** Fail at the current position (or `offset`). */
  fail(message: string, offset = this.pos): never {
    throw new ScanFailure(message, offset);
  }

  /** Read a run of letters (a source or property keyword). */
  word(): string {
    const start = this.pos;
    while (/[A-Za-z]/.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Consume a '.' or fail with a message naming what it should follow. */
  dot(after: string): void {
    if (this.peek() !== '.') this.fail(`expected '.' after '${after}'`);
    this.pos++;
  }

  /**
   * `identifier` (dots allowed) or, when `strict`, `identifier-strict` (no dots). When a declared
   * name of `kind` starts here and is longer (`get pet`, `$orderby`: the ABNF's `name` is `*CHAR`),
   * the longest such name is read instead.
   */
  identifier(what: string, strict = false, kind?: DeclaredNameKind): string {
    const start = this.pos;
    const pattern = strict ? STRICT : IDENTIFIER;
    while (pattern.test(this.peek())) this.pos++;
    const declared =
      kind === undefined
        ? undefined
        : longestDeclaredName({
            text: this.text,
            start,
            minimum: this.pos - start,
            names: this.names[kind],
            ends: (c) => c === '' || c === '.' || c === '#' || this.isStop(c),
          });
    if (declared !== undefined) this.pos = start + declared.length;
    if (this.pos === start) this.fail(`expected ${what}${this.describeHere()}`);
    return this.text.slice(start, this.pos);
  }

  /** `token = 1*tchar` (RFC 9110 header field name). In conditions `! & | '` end it. */
  token(): string {
    const start = this.pos;
    for (;;) {
      const c = this.peek();
      if (!TCHAR.test(c) || (this.mode === 'condition' && /[!&|']/.test(c))) break;
      this.pos++;
    }
    if (this.pos === start) this.fail(`expected a header name${this.describeHere()}`);
    return this.text.slice(start, this.pos);
  }

  /** `name = *CHAR` up to where the surrounding text ends it; at least one character. */
  freeName(what: string): string {
    const start = this.pos;
    while (!this.isStop(this.peek())) this.pos++;
    if (this.pos === start) this.fail(`expected ${what}${this.describeHere()}`);
    return this.text.slice(start, this.pos);
  }

  /** After '#': `json-pointer = *( "/" reference-token )`, decoding `~0` and `~1`. */
  pointer(): PointerTokens {
    const tokens: string[] = [];
    while (!this.isStop(this.peek())) {
      if (this.peek() !== '/') this.fail(`a JSON pointer must start with '/' (found '${this.peek()}')`);
      this.pos++;
      let token = '';
      for (let c = this.peek(); c !== '/' && !this.isStop(c); c = this.peek()) {
        if (c === '~') {
          const next = this.text[this.pos + 1];
          if (next === '0') token += '~';
          else if (next === '1') token += '/';
          else this.fail(`bad escape '~${next ?? ''}' in JSON pointer; write '~0' for '~' and '~1' for '/'`);
          this.pos += 2;
        } else {
          token += c;
          this.pos++;
        }
      }
      tokens.push(token);
    }
    return tokens;
  }

  /** `, found 'x'` or `, found the end` for error messages. */
  describeHere(): string {
    const c = this.peek();
    return c === '' ? ' but the expression ends' : ` but found '${c}'`;
  }
}

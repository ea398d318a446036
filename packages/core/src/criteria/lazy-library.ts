/**
 * Heavy criterion libraries (fontoxpath, xpath, @xmldom/xmldom, json-p3, jsonpath-plus, re2js) loaded
 * on first use rather than at import: a document without XPath never pays fontoxpath's ~70 ms of
 * start-up CPU, one without a regex criterion never compiles re2js's 270 KB. Compilation is synchronous, so the load is a synchronous `require` of each
 * package's CommonJS entry point (all five ship one); Node caches it as usual.
 */
import { createRequire } from 'node:module';
import type * as Xmldom from '@xmldom/xmldom';
import type * as Fontoxpath from 'fontoxpath';
import type * as JsonP3 from 'json-p3';
import type * as JsonpathPlus from 'jsonpath-plus';
import type * as Re2js from 're2js';

const require = createRequire(import.meta.url);

/** A getter that loads the CommonJS package `specifier` on its first call. */
export function lazyLibrary<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(specifier) as T;
    return loaded;
  };
}

/** re2js (a linear-time RE2 for the `regex` criterion), loaded on first use. */
export const loadRe2js: () => typeof Re2js = lazyLibrary('re2js');

/** fontoxpath (XPath 3.1), loaded on first use. */
export const loadFontoxpath: () => typeof Fontoxpath = lazyLibrary('fontoxpath');

/**
 * The part of the `xpath` package (goto100/xpath, an XPath 1.0 engine) that `xpath-10` criteria
 * use. Declared here rather than imported: its typings reference the DOM lib, which would put
 * browser globals into this Node-only program, and they leave out `parse`.
 */
export interface XpathLibrary {
  /** Parse an XPath 1.0 expression once; throws on a syntax error. */
  parse(expression: string): XpathExpression;
}

/** An expression compiled by `XpathLibrary.parse`, evaluated against a context node. */
export interface XpathExpression {
  /** The parse tree; `undefined` when the parse failed without throwing. */
  readonly expression: unknown;
  /** The XPath 1.0 `boolean()` of the result, with `node` as the context node. */
  evaluateBoolean(options: { node: unknown }): boolean;
}

/** xpath (XPath 1.0, used for `xpath-10`), loaded on first use. */
export const loadXpath: () => XpathLibrary = lazyLibrary('xpath');

/** @xmldom/xmldom (DOMParser, XMLSerializer, DOMImplementation), loaded on first use. */
export const loadXmldom: () => typeof Xmldom = lazyLibrary('@xmldom/xmldom');

/** json-p3 (RFC 9535 JSONPath), loaded on first use. */
export const loadJsonP3: () => typeof JsonP3 = lazyLibrary('json-p3');

/** jsonpath-plus (draft-goessner JSONPath), loaded on first use. */
export const loadJsonpathPlus: () => typeof JsonpathPlus = lazyLibrary('jsonpath-plus');

/**
 * Heavy criterion libraries (fontoxpath, @xmldom/xmldom, json-p3, jsonpath-plus) loaded on first
 * use rather than at import: a document without XPath never pays fontoxpath's ~70 ms of start-up
 * CPU. Compilation is synchronous, so the load is a synchronous `require` of each package's
 * CommonJS entry point (all four ship one); Node caches it as usual.
 */
import { createRequire } from 'node:module';
import type * as Xmldom from '@xmldom/xmldom';
import type * as Fontoxpath from 'fontoxpath';
import type * as JsonP3 from 'json-p3';
import type * as JsonpathPlus from 'jsonpath-plus';

const require = createRequire(import.meta.url);

/** A getter that loads the CommonJS package `specifier` on its first call. */
export function lazyLibrary<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(specifier) as T;
    return loaded;
  };
}

/** fontoxpath (XPath 3.1), loaded on first use. */
export const loadFontoxpath: () => typeof Fontoxpath = lazyLibrary('fontoxpath');

/** @xmldom/xmldom (DOMParser, XMLSerializer, DOMImplementation), loaded on first use. */
export const loadXmldom: () => typeof Xmldom = lazyLibrary('@xmldom/xmldom');

/** json-p3 (RFC 9535 JSONPath), loaded on first use. */
export const loadJsonP3: () => typeof JsonP3 = lazyLibrary('json-p3');

/** jsonpath-plus (draft-goessner JSONPath), loaded on first use. */
export const loadJsonpathPlus: () => typeof JsonpathPlus = lazyLibrary('jsonpath-plus');

/**
 * Matches a request's method and path against the routes, compiled once per server. Tells apart a
 * path no route serves (404) from a served path asked with another method (405, with `allow`).
 */
import type { Route } from './route.js';

/** The outcome of matching one request. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/** Compiles `routes` and returns the matcher for requests. */
export function compileRoutes(options: {
  routes: readonly Route[];
}): (method: string, path: string) => RouteMatch {
  const compiled = options.routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const m = /^\{(\w+)\}$/.exec(segment);
        if (m === null) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { route, names, pattern: new RegExp(`^${source}/?$`) };
  });
  return (method, path) => {
    const allow: string[] = [];
    for (const { route, names, pattern } of compiled) {
      const m = pattern.exec(path);
      if (m === null) continue;
      if (route.method !== method) {
        allow.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      let ok = true;
      names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          ok = false;
        }
      });
      if (ok) return { kind: 'found', route, params };
    }
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  };
}

import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentBaseUri, resolvedSelf } from '../../src/sources/document-base-uri.js';
import { resolveSourceUri } from '../../src/sources/resolve-source-uri.js';

/** Where a sourceDescription `url` points from a document retrieved at `uri` with `$self`. */
const sourceOf = (uri: string, self: string | undefined, url: string): string =>
  resolveSourceUri({ base: documentBaseUri({ uri, self }), ref: url });

describe('1.1.0 Appendix B: base URI determination and reference resolution', () => {
  it('Base URI Within Content (Using $self): the url resolves against $self, whatever the retrieval URI', () => {
    const self = 'https://api.example.com/workflows/purchase.arazzo.yaml';
    expect(
      sourceOf('/Users/dev/projects/workflows/purchase.arazzo.yaml', self, '../specs/petstore.yaml'),
    ).toBe('https://api.example.com/specs/petstore.yaml');
    expect(
      sourceOf('file:///Users/dev/projects/workflows/purchase.arazzo.yaml', self, '../specs/petstore.yaml'),
    ).toBe('https://api.example.com/specs/petstore.yaml');
  });

  it('Base URI From the Retrieval URI (No $self)', () => {
    const target = sourceOf(
      'file:///Users/dev/projects/workflows/purchase.arazzo.yaml',
      undefined,
      '../specs/petstore.yaml',
    );
    expect(pathToFileURL(target).href).toBe('file:///Users/dev/projects/specs/petstore.yaml');
  });

  it('Base URI From Encapsulating Entity: the URI the application loads the text under (Content-Location)', () => {
    const contentLocation = 'https://api.example.com/workflows/purchase.arazzo.json';
    expect(sourceOf(contentLocation, undefined, '../specs/petstore.json')).toBe(
      'https://api.example.com/specs/petstore.json',
    );
  });

  it('Application-Specific Default Base URI', () => {
    expect(sourceOf('https://workflows.example.com/a7b3c4d5', undefined, 'specs/petstore.yaml')).toBe(
      'https://workflows.example.com/specs/petstore.yaml',
    );
  });

  it('Resolving Relative $self: $self first against the retrieval URI, then the url against it', () => {
    const uri = 'https://api.example.com/v2/api-description.yaml';
    const self = 'workflows/purchase.arazzo.yaml';
    expect(resolvedSelf({ uri, self })).toBe('https://api.example.com/v2/workflows/purchase.arazzo.yaml');
    expect(sourceOf(uri, self, '../specs/petstore.yaml')).toBe(
      'https://api.example.com/v2/specs/petstore.yaml',
    );
  });

  it('Identity vs Location: the document is known by its $self wherever it was retrieved from', () => {
    const self = 'https://workflows.example.com/canonical/purchase.arazzo.yaml';
    for (const uri of ['https://cdn.example.com/cache/abc123.yaml', '/local/dev/purchase.arazzo.yaml']) {
      expect(resolvedSelf({ uri, self })).toBe(self);
    }
    expect(resolvedSelf({ uri: '/local/dev/purchase.arazzo.yaml', self: undefined })).toBeUndefined();
  });
});

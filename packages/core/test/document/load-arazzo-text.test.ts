import { describe, expect, it } from 'vitest';
import { loadArazzoText } from '../../src/document/load-arazzo-text.js';

const yamlText = `arazzo: 1.0.1
info:
  title: T
  version: 1.0.0
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: getPet
        parameters: [{ name: id, in: path, value: 1 }]
`;

describe('loadArazzoText positions', () => {
  const { file, diagnostics } = loadArazzoText({ uri: 'mem:doc.yaml', text: yamlText });

  it('parses without diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(file?.document.workflows[0]?.steps[0]?.operationId).toBe('getPet');
  });

  it('gives 1-based line and column of nested values', () => {
    const r = file?.positions.rangeOf('/workflows/0/steps/0/operationId');
    expect(r?.start).toMatchObject({ line: 9, column: 22 });
    expect(r?.end).toMatchObject({ line: 9, column: 28 });
    expect(file?.positions.rangeOf('/workflows/0/steps/0').start).toMatchObject({ line: 8, column: 9 });
  });

  it('gives the range of mapping keys', () => {
    expect(file?.positions.keyRangeOf('/info/title')?.start).toMatchObject({ line: 3, column: 3 });
    expect(file?.positions.keyRangeOf('/workflows/0')).toBeUndefined();
  });

  it('reads positions inside flow collections', () => {
    expect(file?.positions.rangeOf('/workflows/0/steps/0/parameters/0/in').start).toMatchObject({
      line: 10,
      column: 38,
    });
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(file?.positions.rangeOf('/workflows/0/steps/0/missing/deeper')).toEqual(
      file?.positions.rangeOf('/workflows/0/steps/0'),
    );
    expect(file?.positions.rangeOf('/nothing').start).toMatchObject({ line: 1, column: 1 });
  });

  it('deep-freezes the document', () => {
    expect(Object.isFrozen(file?.document)).toBe(true);
    expect(Object.isFrozen(file?.document.workflows[0]?.steps[0])).toBe(true);
  });
});

describe('loadArazzoText JSON', () => {
  it('reads JSON with positions, pointer escapes included', () => {
    const text = '{\n  "arazzo": "1.0.1",\n  "x-a/b": {"c~d": [10, 20]}\n}';
    const { file } = loadArazzoText({ uri: 'mem:doc.json', text });
    expect(file?.positions.rangeOf('/x-a~1b/c~0d/1').start).toMatchObject({ line: 3, column: 25 });
    expect(file?.positions.keyRangeOf('/arazzo')?.start).toMatchObject({ line: 2, column: 3 });
  });
});

describe('loadArazzoText yaml-syntax', () => {
  it('reports duplicate keys at the second key', () => {
    const { file, diagnostics } = loadArazzoText({ uri: 'mem:d.yaml', text: 'a: 1\nb: 2\na: 3\n' });
    expect(file).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'mem:d.yaml' });
    expect(diagnostics[0]?.message).toMatch(/duplicate key/);
    expect(diagnostics[0]?.range.start.line).toBe(3);
  });

  it('reports an unclosed flow sequence', () => {
    const { diagnostics } = loadArazzoText({ uri: 'x', text: 'a:\n  b: [1, 2\nc: 3\n' });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 'yaml-syntax')).toBe(true);
  });

  it('reports broken JSON at its line', () => {
    const { diagnostics } = loadArazzoText({ uri: 'x', text: '{\n  "a": 1,\n  "b": 2\n' });
    expect(diagnostics[0]?.code).toBe('yaml-syntax');
    expect(diagnostics[0]?.range.start.line).toBe(4);
  });

  it('reports a bad indentation', () => {
    const { diagnostics } = loadArazzoText({ uri: 'x', text: 'a:\n  b: 1\n c: 2\n' });
    expect(diagnostics[0]?.code).toBe('yaml-syntax');
  });

  it('never throws, whatever the bytes', () => {
    const samples = [
      '',
      '\u0000\u0001\uffff',
      '- [',
      '&a [*a]',
      '{{{{',
      '? [a]\n: b',
      '%YAML 9.9\n---\na',
      '--- a\n--- b\n',
    ];
    for (let i = 0; i < 300; i++) {
      let s = '';
      for (let j = 0; j < 40; j++) s += String.fromCharCode(Math.floor(Math.random() * 128));
      samples.push(s);
    }
    for (const text of samples) expect(() => loadArazzoText({ uri: 'x', text })).not.toThrow();
  });
});

describe('loadArazzoText with a byte order mark', () => {
  it('YAML: columns on line 1 and later lines are those of the text without the BOM', () => {
    const { file, diagnostics } = loadArazzoText({ uri: 'mem:bom.yaml', text: `\uFEFF${yamlText}` });
    expect(diagnostics).toEqual([]);
    expect(file?.text.startsWith('arazzo')).toBe(true);
    expect(file?.positions.rangeOf('/arazzo').start).toMatchObject({ line: 1, column: 9, offset: 8 });
    expect(file?.positions.keyRangeOf('/arazzo')?.start).toMatchObject({ line: 1, column: 1, offset: 0 });
    expect(file?.positions.keyRangeOf('/info/title')?.start).toMatchObject({ line: 3, column: 3 });
    expect(file?.positions.rangeOf('/workflows/0/steps/0/operationId').start).toMatchObject({
      line: 9,
      column: 22,
    });
  });

  it('JSON: same columns as without the BOM, on every line', () => {
    const text = '{"arazzo": "1.0.1",\n  "info": {"title": "T"}}';
    const plain = loadArazzoText({ uri: 'mem:a.json', text }).file;
    const bom = loadArazzoText({ uri: 'mem:b.json', text: `\uFEFF${text}` }).file;
    for (const pointer of ['/arazzo', '/info', '/info/title']) {
      expect(bom?.positions.rangeOf(pointer)).toEqual(plain?.positions.rangeOf(pointer));
    }
    expect(bom?.positions.rangeOf('/arazzo').start).toMatchObject({ line: 1, column: 12 });
  });

  it('a syntax error on line 1 is at the right column', () => {
    const { diagnostics } = loadArazzoText({ uri: 'mem:c.yaml', text: '\uFEFFa: [1\n' });
    const plain = loadArazzoText({ uri: 'mem:d.yaml', text: 'a: [1\n' }).diagnostics;
    expect(diagnostics.map((d) => d.range)).toEqual(plain.map((d) => d.range));
  });
});

describe('loadArazzoText on very deep nesting', () => {
  for (const [label, text] of [
    ['flow sequences', `${'['.repeat(200_000)}${']'.repeat(200_000)}\n`],
    ['JSON objects', `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`],
    ['under a payload', `arazzo: 1.0.1\npayload: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
  ] as const) {
    it(`${label}: yaml-syntax 'nesting too deep', no stack overflow message`, () => {
      const { file, diagnostics } = loadArazzoText({ uri: 'mem:deep.yaml', text });
      expect(file).toBeUndefined();
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics)
        expect(d).toMatchObject({ code: 'yaml-syntax', message: 'nesting too deep' });
    });
  }
});

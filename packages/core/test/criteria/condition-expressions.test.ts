import { describe, expect, it } from 'vitest';
import { conditionExpressions } from '../../src/criteria/simple/condition-expressions.js';
import { parseCondition } from '../../src/criteria/simple/parse-condition.js';

describe('conditionExpressions (for lint reference checks)', () => {
  it('lists every runtime expression of a simple condition in source order', () => {
    const ast = parseCondition(
      "!($statusCode == 200) || $response.body.items[0].id > $inputs.min && $steps.a.outputs.x != 'y'",
    );
    expect(conditionExpressions(ast).map((e) => e.text)).toEqual([
      '$statusCode',
      '$response.body',
      '$inputs.min',
      '$steps.a.outputs.x',
    ]);
  });
});

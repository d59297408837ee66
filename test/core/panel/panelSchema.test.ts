import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parsePanel, PanelError } from '../../../src/core';

// docs/panel-schema.json and the parser agree: every panel the schema refuses, the parser refuses too, and every
// panel the parser accepts, the schema accepts. The parser's further rules (docs/panel-format.md) are the only
// refusals the schema lets through.

const schema = JSON.parse(readFileSync(join(__dirname, '../../../docs/panel-schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const small = JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.json'), 'utf8'));
const sample = JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8'));

function parses(panel: unknown): boolean {
  try {
    parsePanel(panel);
    return true;
  } catch (e) {
    if (e instanceof PanelError) return false;
    throw e;
  }
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Values of every JSON type, to put where a field was. */
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 100 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(
    '',
    ' ',
    'x',
    'passed',
    'failed',
    'pending',
    'rounded',
    'mean',
    'initial',
    '2027-01-01',
    '0.5',
    'A.2',
  ),
  fc.constant([]),
  fc.constant(['x']),
  fc.constant({}),
);

/** Paths of a panel's fields (objects and arrays walked), to change one of them. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

describe('the panel JSON Schema and the parser agree', () => {
  it('accepts the example and the sample panels', () => {
    for (const p of [small, sample]) {
      expect(validate(p)).toBe(true);
      expect(parses(p)).toBe(true);
    }
  });

  it('every field changed to a value of another type: refused by the schema only when the parser refuses it too', () => {
    const all = [
      ...paths(small).map((path) => ({ base: small as unknown, path })),
      ...paths(sample).map((path) => ({ base: sample as unknown, path })),
    ];
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), anyJson, (i, value) => {
        const { base, path } = all[i];
        const panel = setAt(base, path, value);
        const bySchema = validate(panel);
        const byParser = parses(panel);
        if (!bySchema)
          expect([path.join('.'), JSON.stringify(value), byParser]).toEqual([
            path.join('.'),
            JSON.stringify(value),
            false,
          ]);
        if (byParser)
          expect([path.join('.'), JSON.stringify(value), bySchema]).toEqual([
            path.join('.'),
            JSON.stringify(value),
            true,
          ]);
      }),
      { numRuns: 4000, seed: 11 },
    );
  });

  it('leaves to the parser only the rules docs/panel-format.md lists', () => {
    const refusedByParserOnly: [string, (p: Record<string, unknown>) => void][] = [
      ['duplicate case id', (p) => (p.cases as unknown[]).push(clone((p.cases as unknown[])[0]))],
      [
        'unknown expert in a round',
        (p) => ((p.rounds as Record<string, { experts: string[] }>).initial.experts = ['NOBODY']),
      ],
      ['weights not adding up to 1', (p) => ((p.rounds as Record<string, { weight?: number }>).initial.weight = 0.3)],
      ['an impossible date', (p) => (p.notice = { start: '2027-02-30' })],
      ['a step with too many places', (p) => (p.policy = { scoreStep: 0.0000001 })],
      ['an unknown bonus clause', (p) => ((p.cases as { bonus?: string[] }[])[0].bonus = ['国家奖'])],
    ];
    for (const [what, change] of refusedByParserOnly) {
      const p = clone(small) as Record<string, unknown>;
      change(p);
      expect([what, validate(p), parses(p)]).toEqual([what, true, false]);
    }
  });
});

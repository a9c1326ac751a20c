import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from '../../src/core/validate.js';
import { toJSONSchema } from '../../src/core/json-schema.js';

const msgs = (schema: v.Schema<unknown>, input: unknown) => {
  const r = v.parse(schema, input);
  return r.ok ? [] : r.issues.map(v.formatIssue);
};

describe('validate', () => {
  const shape = v.object({
    name: v.string({ minLength: 1 }),
    size: v.optional(v.number({ integer: true, min: 1, max: 10 }), 3),
    tags: v.optional(v.array(v.string(), { uniqueBy: v.idKey, uniqueName: 'tag' })),
    items: v.optional(v.array(v.object({ id: v.string(), weight: v.optional(v.number({ min: 0 }), 1) }), { minItems: 1 })),
    mode: v.optional(v.oneOf(['a', 'b'] as const)),
  });

  it('accepts valid input and fills defaults', () => {
    const r = v.parse(shape, { name: 'x', items: [{ id: 'i' }] });
    expect(r.ok && r.value).toEqual({ name: 'x', size: 3, items: [{ id: 'i', weight: 1 }] });
  });

  it('locates nested errors with the path', () => {
    expect(msgs(shape, { name: 'x', items: [{ id: 'a' }, { id: 'b', weight: 'heavy' }] })).toEqual(['items[1].weight: expected a number ≥ 0, got "heavy"']);
    expect(msgs(shape, { name: 'x', tags: ['p', 'q', 'p'] })).toEqual(['tags[2]: duplicate tag "p" (also at tags[0])']);
    expect(msgs(shape, { size: 11 })).toEqual(['name: is required (a non-empty string)', 'size: expected an integer from 1 to 10, got 11']);
    expect(msgs(shape, { name: 'x', mode: 'c' })).toEqual(['mode: expected one of "a", "b", got "c"']);
    expect(msgs(shape, { name: 'x', items: [] })).toEqual(['items: expected at least 1 item, got 0']);
  });

  it('names unknown fields and suggests the nearest', () => {
    expect(msgs(shape, { name: 'x', szie: 2 })[0]).toMatch(/^szie: unknown field \(did you mean "size"\?\)/);
    expect(msgs(shape, { name: 'x', zzzzzz: 2 })[0]).toMatch(/^zzzzzz: unknown field; known fields: name, size/);
  });

  it('counts two swapped letters as one typo, so the suggestion is the swapped word', () => {
    // Plain Levenshtein puts "titel" at 2 from both "title" and "time" and would suggest whichever comes first.
    expect(v.closest('titel', ['time', 'total', 'title'])).toBe('title');
    expect(v.closest('szie', ['size', 'seed'])).toBe('size');
    expect(v.closest('nodse', ['nodes', 'mode'])).toBe('nodes');
    expect(v.closest('zzzzzz', ['title'])).toBeUndefined();
  });

  it('an exact name, in any case, is its own suggestion', () =>
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 6 }), fc.nat(), (names, i) => {
        const name = names[i % names.length];
        return v.closest(name.toUpperCase(), names) === names.find((n) => n === name);
      }),
    ));

  it('describes the received value briefly', () => {
    expect(v.show(undefined)).toBe('nothing');
    expect(v.show([1, 2])).toBe('an array of 2');
    expect(v.show({})).toBe('an object');
    expect(v.show(NaN)).toBe('NaN');
    expect(v.show('x'.repeat(100)).length).toBeLessThan(50);
  });

  it("never throws, whatever the input, and every issue has a path", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = v.parse(shape, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const i of r.issues) expect(i.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('union picks the alternative of the input’s kind for its message', () => {
    const node = v.union(v.string(), v.object({ id: v.string(), weight: v.optional(v.number({ min: 0 })) }));
    expect(msgs(node, { id: 'a', weight: -1 })).toEqual(['weight: expected a number ≥ 0, got -1']);
    expect(msgs(node, 5)[0]).toMatch(/^config: expected a string or an object with id, got 5/);
  });

  it('refine adds cross-field rules', () => {
    const range = v.refine(v.object({ lo: v.number(), hi: v.number() }), (x, path, issues) => {
      if (x.lo > x.hi) issues.push({ path: v.joinPath(path, 'hi'), message: 'must be ≥ lo' });
    });
    expect(msgs(range, { lo: 2, hi: 1 })).toEqual(['hi: must be ≥ lo']);
    expect(msgs(range, { lo: 1, hi: 2 })).toEqual([]);
  });

  it('describes itself as JSON Schema', () => {
    const js = toJSONSchema(shape as v.Schema<unknown>) as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
    expect(js.required).toEqual(['name']);
    expect(js.additionalProperties).toBe(false);
    expect(js.properties.size).toEqual({ type: 'integer', minimum: 1, maximum: 10, default: 3 });
    expect(js.properties.mode).toEqual({ enum: ['a', 'b'] });
  });
});

describe('joinPath', () => {
  it('quotes keys that are not identifiers', () => {
    expect(v.joinPath('', 'a')).toBe('a');
    expect(v.joinPath('a', 'b-c')).toBe('a.b-c');
    expect(v.joinPath('a', 2)).toBe('a[2]');
    expect(v.joinPath('', '')).toBe('[""]');
    expect(v.joinPath('a', 'x y')).toBe('a["x y"]');
  });
});

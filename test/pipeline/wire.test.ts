import { describe, expect, it } from 'vitest';
import { parseWire, stringifyWire } from '../../pipeline/wire.ts';

describe('the wire format of docs in distributed shards', () => {
  it('carries typed arrays in hints as typed arrays, and plain JSON as is', () => {
    const doc = { id: 'a', hints: { dedup: { shingles: new Uint32Array([1, 2, 4294967295]), weights: new Float32Array([0.5, -1.25]) } }, n: [1, 2] };
    const back = parseWire<typeof doc>(stringifyWire(doc));
    expect(back.hints.dedup.shingles).toBeInstanceOf(Uint32Array);
    expect([...back.hints.dedup.shingles]).toEqual([1, 2, 4294967295]);
    expect(back.hints.dedup.weights).toBeInstanceOf(Float32Array);
    expect([...back.hints.dedup.weights]).toEqual([0.5, -1.25]);
    expect(back.n).toEqual([1, 2]);
    // a typed array that is a view into a larger buffer keeps only its own elements
    const view = new Uint16Array(new Uint16Array([9, 8, 7, 6]).buffer, 2, 2);
    expect([...parseWire<Uint16Array>(stringifyWire(view))]).toEqual([8, 7]);
  });
});

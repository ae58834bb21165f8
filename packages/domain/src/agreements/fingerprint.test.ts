import { describe, expect, it } from 'vitest';
import { canonicalJson } from './fingerprint';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same string for objects built in a different order', () => {
    expect(canonicalJson({ x: 1, y: 'é' })).toBe(canonicalJson({ y: 'é', x: 1 }));
  });

  it('writes -0 as 0 and refuses values JSON cannot carry', () => {
    expect(canonicalJson({ a: -0 })).toBe('{"a":0}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
  });
});

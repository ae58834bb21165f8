import type { Confidence } from '../model/kpi-types';
import { fail, requireConfidence, requireFinite } from './validate';

// Coefficients of Wichura's PPND16 (Applied Statistics algorithm AS 241, 1988), the algorithm
// behind R's qnorm; relative accuracy about 1e-16 over the whole range. Literals are written in the
// shortest form that round-trips to the same double as the published 20-digit values.
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Evaluates a polynomial with coefficients in ascending order (Horner). */
function polynomial(coefficients: readonly number[], x: number): number {
  let result = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) result = result * x + (coefficients[i] ?? 0);
  return result;
}

/**
 * Quantile of the standard normal distribution: the z with Φ(z) = p.
 * @param p probability in [0, 1]; 0 and 1 give -Infinity and +Infinity (as R's qnorm does).
 * @returns z, accurate to about 1e-15 relative.
 * Source: Wichura, M. J. (1988) Algorithm AS 241, Applied Statistics 37(3):477–484 (PPND16).
 */
export function normalQuantile(p: number): number {
  requireFinite('normalQuantile', 'p', p);
  if (p < 0 || p > 1) fail('normalQuantile', `p must lie in [0, 1] (got ${p})`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;

  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  // Work with the smaller tail probability so that 1 - p never loses digits.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    z = polynomial(TAIL_NUM, r) / polynomial(TAIL_DEN, r);
  }
  return q < 0 ? -z : z;
}

/**
 * Two-sided normal critical value for a confidence level: 1.959964 for 0.95, 3.090232 for 0.998.
 * @param confidence 0.95 or 0.998.
 * @returns z = Φ⁻¹(1 − α/2) with α = 1 − confidence.
 * Source: domain guide §5; computed with AS 241 (see normalQuantile).
 */
export function zFor(confidence: Confidence): number {
  requireConfidence('zFor', confidence);
  // The lower tail α/2 is representable more exactly than 1 − α/2.
  return -normalQuantile((1 - confidence) / 2);
}

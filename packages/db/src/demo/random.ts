/**
 * A seeded random source for the demo data: the same seed gives the same landscape on every
 * machine. sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) passes PractRand and is
 * tiny; the distributions below are the textbook methods named at each.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number | string) {
    // Spread the seed over the state with a string hash (cyrb128-style mixing).
    let h = typeof seed === 'number' ? seed >>> 0 : 1779033703;
    const text = String(seed);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 3432918353) >>> 0;
    this.a = h ^ 0x9e3779b9;
    this.b = Math.imul(h, 0x85ebca6b) >>> 0;
    this.c = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An independent stream derived from this one and a label, so adding a draw here never shifts another stream. */
  fork(label: string): Random {
    return new Random(`${Math.floor(this.next() * 2 ** 32)}:${label}`);
  }

  /** A uniform number in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick: empty list');
    return item;
  }

  /** A standard normal draw (Marsaglia polar method). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    let u: number, v: number, s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /**
   * A Poisson draw. Knuth's multiplication method for small means; for larger means the normal
   * approximation with continuity correction, which is indistinguishable at the demo's scale.
   */
  poisson(mean: number): number {
    if (!(mean >= 0)) throw new RangeError(`poisson: mean (${mean}) must be ≥ 0`);
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
  }

  /** A binomial draw: exact by Bernoulli trials for small n, normal approximation when n·p·(1−p) is large. */
  binomial(n: number, p: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n (${n}) must be a whole number ≥ 0`);
    const q = Math.min(1, Math.max(0, p));
    const variance = n * q * (1 - q);
    if (n <= 60 || variance < 25) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < q) k++;
      return k;
    }
    return Math.min(n, Math.max(0, Math.round(this.normal(n * q, Math.sqrt(variance)))));
  }
}

/** Logistic function: log-odds to probability. */
export const expit = (x: number): number => 1 / (1 + Math.exp(-x));
/** Log-odds of a probability. */
export const logit = (p: number): number => Math.log(p / (1 - p));

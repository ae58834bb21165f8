import { describe, expect, it } from 'vitest';
import { ageForward, careUse, projectDemand } from './projection';

const flat = { men: Array(20).fill(1000) as number[], women: Array(20).fill(1000) as number[] };
const noDeaths = () => 1;

describe('cohort-ageing projection', () => {
  it('leaves a stationary population unchanged when nobody dies and births replace the youngest', () => {
    // With equal bands and no mortality, inflow equals outflow in every closed band; the open
    // last band (95+) only gains: 1000 + 5 years × 200 = 2000 after five years.
    const aged = ageForward(flat, 5, noDeaths);
    expect(aged.men.slice(0, 19).every((x) => Math.abs(x - 1000) < 1e-9)).toBe(true);
    expect(aged.men[19]).toBeCloseTo(2000, 9);
  });

  it('moves a cohort one band up in five years (no mortality): hand-derived', () => {
    // One cohort of 1000 in band 2: after a year 800 remain and 200 moved to band 3; the births keep band 0
    // at its size (0 here). After 5 years, the mass has spread over bands 2–7 by the binomial(5, 1/5) weights.
    const one = { men: [0, 0, 1000, 0, 0, 0, 0, 0, 0, 0], women: Array(10).fill(0) as number[] };
    const aged = ageForward(one, 5, noDeaths);
    const expected = [0, 0, 327.68, 409.6, 204.8, 51.2, 6.4, 0.32, 0, 0];
    aged.men.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 9));
    expect(aged.men.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });

  it('projects rising use for an ageing population at constant use per person', () => {
    // A Dutch-shaped pyramid: a large baby-boom cohort aged 40–64 moving into the ages of high use.
    const bands = [
      ...Array(8).fill(800),
      ...Array(5).fill(1400),
      900,
      700,
      500,
      350,
      200,
      80,
      20,
    ] as number[];
    const young = { men: bands, women: bands };
    const use = {
      men: young.men.map((_, b) => (b >= 13 ? 3000 : 800)),
      women: young.women.map((_, b) => (b >= 13 ? 3000 : 800)),
    };
    const [now, five, ten] = projectDemand(young, use, [0, 5, 10]);
    expect(now!.index).toBe(1);
    expect(now!.use).toBeCloseTo(careUse(young, use), 6);
    expect(five!.index).toBeGreaterThan(1);
    expect(ten!.index).toBeGreaterThan(five!.index);
    expect(ten!.aged75plus).toBeGreaterThan(now!.aged75plus);
  });

  it('refuses fractional years', () => {
    expect(() => ageForward(flat, 2.5)).toThrow(/whole number/);
  });
});

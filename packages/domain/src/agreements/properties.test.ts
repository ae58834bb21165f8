import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Settlement } from './model';
import { settle, settleAt } from './settle';
import { agreementArb, improve, improvementArb, inputsArb, withCatalogues as full } from './test/arbitraries';
import { KPIS, TITLES } from './test/fixtures';
import { validateAgreement } from './validate';

const RUNS = { numRuns: 300 };

const allCents = (s: Settlement): number[] => [
  s.base,
  s.atRisk,
  s.guaranteed,
  s.conditional,
  s.bonus,
  s.malus,
  s.sharedSavings,
  s.total,
  ...s.lines.map((l) => l.amountCents),
  ...s.clauses.map((c) => c.contributionCents),
  ...s.bonusMalus.map((b) => b.amountCents),
  ...s.coInsurers.map((p) => p.amountCents),
];

describe('settlement invariants (property tests)', () => {
  it('generates valid agreements (so the properties below test settlements, not errors)', () => {
    fc.assert(
      fc.property(agreementArb, (a) => {
        const result = validateAgreement(a, { titles: TITLES, kpis: KPIS });
        expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps every amount in integer cents', () => {
    fc.assert(
      fc.property(agreementArb, inputsArb, (a, inputs) => {
        for (const cents of allCents(settle(a, full(inputs))))
          expect(Number.isSafeInteger(cents), String(cents)).toBe(true);
      }),
      RUNS,
    );
  });

  it('adds the parts up to the total exactly, and never pays more than the base on results alone', () => {
    fc.assert(
      fc.property(agreementArb, inputsArb, (a, inputs) => {
        const s = settle(a, full(inputs));
        const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
        expect(s.base).toBe(sum(s.lines.map((l) => l.amountCents)));
        expect(s.guaranteed + s.atRisk).toBe(s.base);
        expect(s.conditional).toBeLessThanOrEqual(s.atRisk);
        expect(s.conditional).toBeGreaterThanOrEqual(0);
        expect(s.guaranteed + s.conditional).toBeLessThanOrEqual(s.base);
        if (s.clauses.length > 0) expect(sum(s.clauses.map((c) => c.contributionCents))).toBe(s.conditional);
        expect(s.total).toBe(s.guaranteed + s.conditional + s.bonus - s.malus + s.sharedSavings);
        expect(s.attainment).toBeGreaterThanOrEqual(0);
        expect(s.attainment).toBeLessThanOrEqual(1);
        for (const c of s.clauses) {
          expect(c.score).toBeGreaterThanOrEqual(0);
          expect(c.score).toBeLessThanOrEqual(1);
        }
      }),
      RUNS,
    );
  });

  it('splits the total over the insurers so the parts add up exactly', () => {
    fc.assert(
      fc.property(agreementArb, inputsArb, (a, inputs) => {
        const s = settle(a, full(inputs));
        expect(s.coInsurers.reduce((x, p) => x + p.amountCents, 0)).toBe(s.total);
        expect(s.coInsurers).toHaveLength(a.coInsurers.length + 1);
      }),
      RUNS,
    );
  });

  it('never pays less when a result improves in its better direction', () => {
    fc.assert(
      fc.property(agreementArb, inputsArb, improvementArb, (a, inputs, change) => {
        const before = settle(a, full(inputs)).total;
        const after = settle(a, full(improve(inputs, change))).total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('never pays less at a larger shift (impact analysis)', () => {
    fc.assert(
      fc.property(
        agreementArb,
        inputsArb,
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (a, inputs, shift, more) => {
          expect(settleAt(a, full(inputs), shift + more).total).toBeGreaterThanOrEqual(
            settleAt(a, full(inputs), shift).total,
          );
        },
      ),
      RUNS,
    );
  });

  it('is deterministic: the same inputs give the same settlement and fingerprint', () => {
    fc.assert(
      fc.property(agreementArb, inputsArb, (a, inputs) => {
        expect(settle(structuredClone(a), full(structuredClone(inputs)))).toEqual(settle(a, full(inputs)));
      }),
      { numRuns: 50 },
    );
  });
});

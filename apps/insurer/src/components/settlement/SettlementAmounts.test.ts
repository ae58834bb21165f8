import { describe, expect, it } from 'vitest';
import { settle } from '@kwadrant/domain/agreements';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { formatMoney } from '@kwadrant/ui';
import { mountApp, visibleText } from '../../test/mount';
import { AGREEMENT, INPUTS } from '../../test/fixtures';
import SettlementAmounts from './SettlementAmounts.vue';

describe('SettlementAmounts', () => {
  // The screen shows exactly what the domain's settle computes: every part, line, clause and insurer, to the cent.
  const settlement = settle(AGREEMENT, INPUTS);
  const { explanation: _e, inputFingerprint: _f, ...result } = settlement;
  const mount = (locale: 'nl' | 'en' = 'nl') =>
    mountApp(SettlementAmounts, {
      locale,
      props: {
        result: result,
        insurerName: (code: string) =>
          ({ '8101': 'Kustlicht', '8103': 'Heuvelland', '8104': 'Rivierenland' })[code] ?? code,
        kpiName: () => '',
        titleName: () => '',
        kpiFormat: (code: string) => DEFAULT_KPIS.find((k) => k.code === code),
      },
    });

  it('equals the domain settlement in every amount, formatted to the cent (nl-NL)', () => {
    const text = visibleText(mount().text());
    const money = (cents: number) => visibleText(formatMoney(cents, 'nl'));
    expect(settlement.total).toBeGreaterThan(0);
    expect(settlement.malus).toBeGreaterThan(0);
    for (const cents of [
      settlement.base,
      settlement.guaranteed,
      settlement.atRisk,
      settlement.conditional,
      -settlement.malus,
      settlement.total,
    ])
      expect(text).toContain(money(cents));
    for (const line of settlement.lines) expect(text).toContain(money(line.amountCents));
    for (const clause of settlement.clauses) expect(text).toContain(money(clause.contributionCents));
    expect(settlement.coInsurers).toHaveLength(3);
    for (const party of settlement.coInsurers) expect(text).toContain(money(party.amountCents));
    // The parts add up: what finance pays is exactly the total.
    expect(settlement.coInsurers.reduce((s, p) => s + p.amountCents, 0)).toBe(settlement.total);
  });

  it('shows the total in the total cell and the verdicts in words', () => {
    const wrapper = mount();
    expect(visibleText(wrapper.get('[data-testid=settlement-total]').text())).toBe(
      visibleText(formatMoney(settlement.total, 'nl')),
    );
    expect(wrapper.text()).toMatch(/gehaald/);
    expect(wrapper.text()).toMatch(/Heuvelland \(medefinancier\)/);
  });

  it('speaks English when asked', () => {
    const text = visibleText(mount('en').text());
    expect(text).toContain('Per result clause');
    expect(text).toContain(visibleText(formatMoney(settlement.total, 'en')));
  });
});

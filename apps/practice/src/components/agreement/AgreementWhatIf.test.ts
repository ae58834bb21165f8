import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { ApiProblem } from '@kwadrant/ui';
import { mountApp, visibleText } from '../../test/mount';
import { agreementDetail, settlementResult } from '../../test/fixtures';
import AgreementWhatIf from './AgreementWhatIf.vue';

const kpis = new Map(DEFAULT_KPIS.map((k) => [k.code, k]));
const props = (overrides = {}) => ({
  agreement: agreementDetail('collab') as never,
  kpis: kpis as never,
  actual: settlementResult(5_076_367, 0.93) as never,
  period: '2026-Q3',
  result: null,
  loading: false,
  error: null,
  ...overrides,
});

describe('AgreementWhatIf', () => {
  it('offers a labelled field per KPI, filled with the current result in percent', () => {
    const w = mountApp(AgreementWhatIf, { props: props() });
    const input = w.get('input#what-if-DM-02');
    expect(w.get('label[for="what-if-DM-02"]').text()).toContain('DM-02');
    expect(visibleText((input.element as HTMLInputElement).value)).toBe('71,5 %');
    expect(visibleText(w.text())).toContain('nu 71,5 %');
    expect(w.get('button[type=submit]').attributes('disabled')).toBeDefined();
  });

  it('sends the changed KPI on the estimate scale (75 % → 0.75)', async () => {
    const w = mountApp(AgreementWhatIf, { props: props() });
    const input = w.get('input#what-if-DM-02');
    (input.element as HTMLInputElement).value = '75';
    await input.trigger('input');
    await input.trigger('blur');
    await w.get('form').trigger('submit');
    expect(w.emitted('calculate')?.[0]).toEqual([{ 'DM-02': 0.75 }]);
  });

  it('says what the agreement would pay, and how much more than now', () => {
    const result = {
      agreementId: 'collab',
      agreementVersion: 1,
      period: '2026-Q3',
      substituted: [{ kpiCode: 'DM-02', kind: 'proportion', actual: 0.715, value: 0.75 }],
      actual: settlementResult(5_076_367, 0.93),
      projected: settlementResult(5_166_350, 1),
      difference: {
        total: 89_983,
        attainment: 0.07,
        conditional: 89_983,
        bonus: 0,
        malus: 0,
        sharedSavings: 0,
      },
    };
    const w = mountApp(AgreementWhatIf, { props: props({ result }) });
    const text = visibleText(w.get('.what-if__outcome').text());
    expect(text).toContain(
      'Als DM-02 75,0 % bereikt, ontvangt Huisartsen Utrecht I € 51.663,50 in 3e kwartaal 2026.',
    );
    expect(text).toContain('Dat is € 899,83 meer dan nu (€ 50.763,67).');
    expect(text).toContain('Realisatiegraad: 93,0 % → 100,0 %.');
  });

  it('shows the API’s refusal in the user language', () => {
    const error = new ApiProblem(422, {
      detail: '1 value(s) cannot be used: values.DM-02.',
      detailNl: '1 waarde(n) kunnen niet worden gebruikt: values.DM-02.',
      errors: [
        {
          path: 'values.DM-02',
          message: 'DM-02 is a proportion between 0 and 1.',
          messageNl: 'DM-02 is een fractie tussen 0 en 1.',
        },
      ],
    });
    const w = mountApp(AgreementWhatIf, { props: props({ error }) });
    const alert = visibleText(w.get('[role=alert]').text());
    expect(alert).toContain('1 waarde(n) kunnen niet worden gebruikt');
    expect(alert).toContain('DM-02 is een fractie tussen 0 en 1.');
  });
});

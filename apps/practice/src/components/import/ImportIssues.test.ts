import { describe, expect, it } from 'vitest';
import { mountApp, visibleText } from '../../test/mount';
import type { ImportIssue } from '../../api/types';
import ImportIssues from './ImportIssues.vue';

const issue = (row: number | null, severity: 'error' | 'warning', value: string | null): ImportIssue => ({
  row,
  column: row === null ? null : 'noemer',
  value,
  code: 'x',
  severity,
  message: { nl: `Bevinding ${row ?? 'bestand'}`, en: `Finding ${row ?? 'file'}` },
  suggestion: { nl: 'Pas de noemer aan.', en: 'Fix the denominator.' },
});

const rows = (w: ReturnType<typeof mountApp>) =>
  w.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => visibleText(td.text())));

describe('ImportIssues', () => {
  it('shows row, severity in words, column, value, message and suggestion, by row', () => {
    const w = mountApp(ImportIssues, {
      props: {
        fileName: 'x.csv',
        issues: [issue(7, 'warning', ''), issue(3, 'error', '-4'), issue(null, 'error', null)],
      },
    });
    expect(w.findAll('th').map((th) => visibleText(th.text()))).toEqual([
      'Regel',
      'Ernst',
      'Kolom',
      'Waarde',
      'Bevinding',
      'Suggestie',
    ]);
    expect(rows(w)[0]).toEqual(['–', 'Fout', '–', '–', 'Bevinding bestand', 'Pas de noemer aan.']);
    expect(rows(w)[1]).toEqual(['3', 'Fout', 'noemer', '-4', 'Bevinding 3', 'Pas de noemer aan.']);
    expect(rows(w)[2]).toEqual(['7', 'Waarschuwing', 'noemer', '""', 'Bevinding 7', 'Pas de noemer aan.']);
  });

  it('speaks English when asked and says when all rows are fine', () => {
    const en = mountApp(ImportIssues, {
      locale: 'en',
      props: { fileName: 'x.csv', issues: [issue(3, 'error', '-4')] },
    });
    expect(rows(en)[0]).toEqual(['3', 'Error', 'noemer', '-4', 'Finding 3', 'Fix the denominator.']);
    const none = mountApp(ImportIssues, { props: { fileName: 'x.csv', issues: [] } });
    expect(visibleText(none.get('tbody').text())).toBe('Geen bevindingen: alle regels zijn in orde.');
  });
});

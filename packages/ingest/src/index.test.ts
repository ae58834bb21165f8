import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { describe, expect, it } from 'vitest';
import { chunks, CONTEXT, fixture } from '../test/helpers';
import { importMeasureReports, toMeasureReports, validateObservations } from './index';

describe('public API, end to end', () => {
  it('reads a practice CSV, sends it as FHIR, and reads the same figures back', async () => {
    const { records } = await validateObservations(chunks(fixture('observations-nl-bom.csv'), 50), CONTEXT);
    const ownRecords = records.filter((r) => r.organisationId === 'practice-de-brink');
    expect(ownRecords).toHaveLength(4);
    const bundle = toMeasureReports(ownRecords, {
      kpis: DEFAULT_KPIS,
      organisation: { id: 'practice-de-brink', agbCode: '01012345', name: 'Huisartsenpraktijk De Brink' },
      generatedAt: new Date('2025-10-15T07:30:00Z'),
    });
    expect(bundle.timestamp).toBe('2025-10-15T07:30:00.000Z');
    const back = importMeasureReports(new TextEncoder().encode(JSON.stringify(bundle)), CONTEXT);
    expect(back.issues).toEqual([]);
    const strip = ({
      kpiCode,
      period,
      numerator,
      denominator,
      expected,
      sumSquares,
    }: (typeof ownRecords)[number]) => ({
      kpiCode,
      period,
      numerator,
      denominator,
      expected,
      sumSquares,
    });
    expect(back.records.map((r) => strip({ ...r, row: 0 }))).toEqual(ownRecords.map(strip));
  });
});

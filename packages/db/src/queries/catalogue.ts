import { DEFAULT_KPIS, DEFAULT_PAYMENT_TITLES, type KpiDefinition } from '@kwadrant/domain/catalogue';
import type { Db } from '../client';
import { kpiDefinitions, paymentTitles } from '../schema';

/** The row for a KPI definition. */
export function kpiRow(k: KpiDefinition, ownerId: string | null = null): typeof kpiDefinitions.$inferInsert {
  return {
    code: k.code,
    nameNl: k.name.nl,
    nameEn: k.name.en,
    domain: k.domain,
    kind: k.kind,
    polarity: k.polarity,
    multiplier: k.multiplier,
    unit: k.unit,
    numerator: k.numerator,
    denominator: k.denominator,
    minDenominator: k.minDenominator,
    source: k.source,
    defaultTarget: k.defaultTarget,
    nationalReference: k.nationalReference,
    reviewDate: k.reviewDate,
    ownerId,
  };
}

/** The domain's KPI definition from its row. */
export function kpiFromRow(r: typeof kpiDefinitions.$inferSelect): KpiDefinition {
  return {
    code: r.code,
    name: { nl: r.nameNl, en: r.nameEn },
    domain: r.domain,
    kind: r.kind,
    polarity: r.polarity,
    multiplier: r.multiplier,
    unit: r.unit,
    numerator: r.numerator,
    denominator: r.denominator,
    minDenominator: r.minDenominator,
    source: r.source,
    defaultTarget: r.defaultTarget,
    nationalReference: r.nationalReference,
    reviewDate: r.reviewDate,
  };
}

/**
 * Writes the default KPI and payment-title catalogues. Existing rows are left as they are, so an
 * administrator's renames survive a re-seed.
 */
export async function seedCatalogues(db: Db): Promise<void> {
  await db
    .insert(kpiDefinitions)
    .values(DEFAULT_KPIS.map((k) => kpiRow(k)))
    .onConflictDoNothing();
  await db
    .insert(paymentTitles)
    .values(
      DEFAULT_PAYMENT_TITLES.map((t) => ({
        code: t.code,
        quadrant: t.quadrant,
        nameNl: t.name.nl,
        nameEn: t.name.en,
        description: t.description,
        basis: t.basis,
        resultObligation: t.resultObligation,
        namedInSource: t.namedInSource,
      })),
    )
    .onConflictDoNothing();
}

/** Every KPI definition, default and custom, in catalogue order. */
export async function listKpis(db: Db): Promise<KpiDefinition[]> {
  const rows = await db.select().from(kpiDefinitions).orderBy(kpiDefinitions.code);
  const order = new Map(DEFAULT_KPIS.map((k, i) => [k.code, i]));
  return rows
    .map(kpiFromRow)
    .sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code));
}

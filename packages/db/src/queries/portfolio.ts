import type { ObservationFigures } from '@kwadrant/domain/model';
import { sumFigures } from '@kwadrant/domain/stats';
import type { Db } from '../client';
import { currentObservations } from './analytics';
import { listAgreements, type AgreementHead, type AgreementVisibility } from './agreement-list';
import type { OrganisationTree } from './organisations';

/** Every agreement a caller may see (an insurer's portfolio: led and co-financed), in name order. */
export async function portfolioAgreements(db: Db, visibility: AgreementVisibility): Promise<AgreementHead[]> {
  const heads: AgreementHead[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listAgreements(db, visibility, { limit: 500, offset, sort: 'name' });
    heads.push(...page.items);
    if (page.items.length < 500 || heads.length >= page.total) return heads;
  }
}

/**
 * KPI figures of organisations per KPI and quarter, as the ratio of sums over the practices under each
 * organisation in `tree` (one query for all of them). Keys of the inner map: `${kpiCode}|${period}`.
 */
export async function organisationSeries(
  db: Db,
  tree: OrganisationTree,
  organisationIds: readonly string[],
  kpiCodes: readonly string[],
  periods: readonly string[],
): Promise<Map<string, Map<string, ObservationFigures>>> {
  const practices = new Map(organisationIds.map((id) => [id, tree.practicesUnder(id)]));
  const all = [...new Set([...practices.values()].flat())];
  const rows = await currentObservations(db, { organisationIds: all, kpiCodes, periods });
  const byPractice = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byPractice.get(r.organisationId) ?? [];
    list.push(r);
    byPractice.set(r.organisationId, list);
  }
  const out = new Map<string, Map<string, ObservationFigures>>();
  for (const [id, ids] of practices) {
    const groups = new Map<string, ObservationFigures[]>();
    for (const pid of ids) {
      for (const r of byPractice.get(pid) ?? []) {
        const key = `${r.kpiCode}|${r.period}`;
        const list = groups.get(key) ?? [];
        list.push(r);
        groups.set(key, list);
      }
    }
    out.set(id, new Map([...groups].map(([key, list]) => [key, sumFigures(list)])));
  }
  return out;
}

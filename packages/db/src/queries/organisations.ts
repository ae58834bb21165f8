import type { Membership, Organisation } from '@kwadrant/domain/model';
import type { Db } from '../client';
import { memberships, organisations } from '../schema';

/** Every organisation as the domain sees it, keyed by id. */
export async function loadOrganisations(db: Db): Promise<Map<string, Organisation>> {
  const rows = await db.select().from(organisations);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind: r.kind,
        name: r.name,
        code: { system: r.codeSystem as 'AGB' | 'UZOVI', value: r.code },
        population: r.population,
        disciplines: r.disciplines as Organisation['disciplines'],
      },
    ]),
  );
}

/** Every dated membership. */
export async function loadMemberships(db: Db): Promise<Membership[]> {
  return db
    .select({
      memberId: memberships.memberId,
      parentId: memberships.parentId,
      validFrom: memberships.validFrom,
      validTo: memberships.validTo,
    })
    .from(memberships);
}

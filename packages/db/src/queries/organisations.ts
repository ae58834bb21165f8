import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { isActiveOn, type Membership, type Organisation } from '@kwadrant/domain/model';
import { queryRows, type Db } from '../client';
import { memberships, organisations, serviceAreas } from '../schema';

interface Directory {
  stamp: string;
  organisations: Map<string, Organisation>;
  memberships: Membership[];
}

/** The organisation tree per database handle, reused while the tables stay unchanged. */
const directories = new WeakMap<Db, Directory>();

/**
 * Organisations and memberships change rarely (seeding, reference imports) but every request's scope
 * needs them: they are cached per database handle and reloaded only when a cheap stamp — row counts and
 * the newest row version (xmin) of both tables — changes, so a change is seen by the very next request.
 */
async function directory(db: Db): Promise<Directory> {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select (select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${organisations})
          || '/' || (select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${memberships}) as stamp`,
  );
  const stamp = row?.stamp ?? '';
  const cached = directories.get(db);
  if (cached && cached.stamp === stamp) return cached;
  const rows = await db.select().from(organisations);
  const fresh: Directory = {
    stamp,
    organisations: new Map(
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
    ),
    memberships: await db
      .select({
        memberId: memberships.memberId,
        parentId: memberships.parentId,
        validFrom: memberships.validFrom,
        validTo: memberships.validTo,
      })
      .from(memberships),
  };
  directories.set(db, fresh);
  return fresh;
}

/** Every organisation by id (shared and cached: do not modify). */
export async function loadOrganisations(db: Db): Promise<Map<string, Organisation>> {
  return (await directory(db)).organisations;
}

/** Every dated membership (shared and cached: do not modify). */
export async function loadMemberships(db: Db): Promise<Membership[]> {
  return (await directory(db)).memberships;
}

export interface OrganisationListQuery {
  kind?: Organisation['kind'] | undefined;
  /** Case-insensitive text in the name or code. */
  q?: string | undefined;
  sort?: 'name' | 'code' | 'population' | undefined;
  limit: number;
  offset: number;
}

/** Organisations the caller may see by name, filtered, sorted and paginated. */
export async function listNamedOrganisations(
  db: Db,
  named: ReadonlySet<string> | 'all',
  query: OrganisationListQuery,
) {
  const conditions = [];
  if (named !== 'all') {
    if (named.size === 0) return { items: [], total: 0 };
    conditions.push(inArray(organisations.id, [...named]));
  }
  if (query.kind) conditions.push(eq(organisations.kind, query.kind));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    conditions.push(or(ilike(organisations.name, like), ilike(organisations.code, like))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const order =
    query.sort === 'code'
      ? asc(organisations.code)
      : query.sort === 'population'
        ? desc(organisations.population)
        : asc(organisations.name);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(order, asc(organisations.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(organisations)
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Organisations by id (only those that exist). */
export async function organisationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}

/** An organisation's PC4 service area. */
export async function serviceAreaOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ pc4: serviceAreas.pc4 })
    .from(serviceAreas)
    .where(eq(serviceAreas.organisationId, organisationId));
  return rows.map((r) => r.pc4).sort();
}

/** The organisation tree on a date: who is below whom, and each practice's collaborative and region. */
export interface OrganisationTree {
  organisations: Map<string, Organisation>;
  /** Practices under an organisation (a practice yields itself). */
  practicesUnder(id: string): string[];
  /** The nearest organisation of a kind above `id` (a practice's collaborative or region), if any. */
  ancestor(id: string, kind: Organisation['kind']): string | null;
  /** Direct members of an organisation on the date. */
  members(id: string): string[];
}

/** Loads the organisation tree as it stood on an ISO date. */
export async function organisationTree(db: Db, isoDate: string): Promise<OrganisationTree> {
  const orgs = await loadOrganisations(db);
  const all = await loadMemberships(db);
  const live = all.filter((m) => isActiveOn(m, isoDate));
  const children = new Map<string, string[]>();
  const parents = new Map<string, string[]>();
  for (const m of live) {
    children.set(m.parentId, [...(children.get(m.parentId) ?? []), m.memberId]);
    parents.set(m.memberId, [...(parents.get(m.memberId) ?? []), m.parentId]);
  }
  const practicesUnder = (id: string): string[] => {
    if (orgs.get(id)?.kind === 'practice') return [id];
    return (children.get(id) ?? []).flatMap(practicesUnder);
  };
  const ancestor = (id: string, kind: Organisation['kind']): string | null => {
    for (const p of parents.get(id) ?? []) {
      if (orgs.get(p)?.kind === kind) return p;
      const higher = ancestor(p, kind);
      if (higher) return higher;
    }
    return null;
  };
  return { organisations: orgs, practicesUnder, ancestor, members: (id) => children.get(id) ?? [] };
}

/** AGB code → organisation id, for the organisations given (or all providers). */
export async function agbCodes(db: Db, ids: readonly string[] | 'all'): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(
      and(
        eq(organisations.codeSystem, 'AGB'),
        ids === 'all' ? undefined : inArray(organisations.id, [...ids]),
      ),
    );
  return new Map(rows.map((r) => [r.code, r.id]));
}

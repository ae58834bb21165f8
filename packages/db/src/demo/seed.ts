import { eq, sql } from 'drizzle-orm';
import { lastQuarters, periodEndDate } from '@kwadrant/domain/model';
import type { Db } from '../client';
import {
  appMeta,
  enrolledPopulation,
  ggdRegions,
  memberships,
  municipalities,
  observations,
  organisations,
  pc4Areas,
  serviceAreas,
  basicFunctions,
  userRoles,
  users,
} from '../schema';
import { seedCatalogues } from '../queries/catalogue';
import { insertInBatches } from '../queries/batch';
import { refreshBenchmarks } from '../queries/benchmarks';
import type { DemoGeography } from './geography';
import { buildLandscape, SCALES, type DemoOrganisation, type Landscape, type ScaleName } from './landscape';
import { generateObservations } from './kpi-model';
import { planAgreements } from './agreements';
import { DEMO_PASSWORD, demoUsers, type DemoUser } from './users';
import { hashPassword } from '../auth/password';
import { writeAgreementVersion } from '../queries/agreements';
import { loadSettlementContext } from '../queries/settlement-inputs';
import { recordSettlement } from '../queries/settlements';

export interface SeedReport {
  scale: ScaleName;
  seeded: boolean;
  organisations: number;
  practices: number;
  observations: number;
  enrolledRows: number;
  benchmarks: number;
  agreements: number;
  settlements: number;
  users: number;
  milliseconds: number;
}

export interface SeedOptions {
  seed?: string;
  onProgress?: (message: string) => void;
}

const META_KEY = 'demo.scale';

/** Writes the reference geography (municipalities, GGD regions, PC4 areas); existing rows are kept. */
export async function seedGeography(db: Db, geography: DemoGeography): Promise<void> {
  await insertInBatches(
    db,
    municipalities,
    Object.entries(geography.municipalities).map(([code, name]) => ({ code, name })),
  );
  await insertInBatches(
    db,
    ggdRegions,
    geography.ggdRegions.map((name) => ({ name })),
  );
  await insertInBatches(
    db,
    pc4Areas,
    geography.areas.map((a) => ({
      pc4: a.pc4,
      municipalityCode: a.municipalityCode,
      ggdRegion: a.ggdRegion,
      inhabitants: a.inhabitants,
    })),
  );
}

const organisationRow = (o: DemoOrganisation): typeof organisations.$inferInsert => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  codeSystem: o.codeSystem,
  code: o.code,
  quadrant: o.quadrant,
  population: o.population,
  disciplines: o.disciplines,
  pc4: o.pc4,
});

/** Enrolled lists per quarter: the practice's list by age band and sex, growing slowly over time. */
function* enrolledRows(landscape: Landscape): Generator<typeof enrolledPopulation.$inferInsert> {
  const quarters = lastQuarters(landscape.scale.lastQuarter, landscape.scale.quarters);
  for (const practice of landscape.practices) {
    for (let q = 0; q < quarters.length; q++) {
      const growth = 1 - 0.002 * (quarters.length - 1 - q);
      for (const [sex, counts] of [
        ['M', practice.men],
        ['F', practice.women],
      ] as const) {
        for (let b = 0; b < landscape.ageBands.length; b++) {
          yield {
            practiceId: practice.id,
            period: quarters[q]!,
            ageBand: landscape.ageBands[b]!,
            sex,
            count: Math.round((counts[b] ?? 0) * growth),
          };
        }
      }
    }
  }
}

/** Creates the demo sign-ins with their role and organisation scope; returns how many. */
async function seedUsers(db: Db, list: readonly DemoUser[]): Promise<number> {
  for (const u of list) {
    const [row] = await db
      .insert(users)
      .values({ email: u.email, name: u.name, passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning({ id: users.id });
    await db.insert(userRoles).values({ userId: row!.id, role: u.role, organisationId: u.organisationId });
  }
  return list.length;
}

/** The functions every region must have organised ("basis op orde"), at varying stages per region. */
export const BASIC_FUNCTIONS = [
  'acute',
  'night',
  'peak-load',
  'complex-cases',
  'coordination',
  'client-support',
] as const;

function basicFunctionRows(landscape: Landscape): (typeof basicFunctions.$inferInsert)[] {
  const owners = [
    'Huisartsenpost',
    'Regio-organisatie',
    'Wijkverpleging',
    'Gemeente (sociaal team)',
    'Ziekenhuis',
    'Zorgverzekeraar',
  ];
  return landscape.regions.flatMap((region, r) =>
    BASIC_FUNCTIONS.map((code, i) => {
      const stage = (r + i) % 4;
      const funded =
        region.quadrant === 'Q4' && ['night', 'peak-load', 'complex-cases', 'coordination'].includes(code);
      return {
        regionId: region.id,
        functionCode: code,
        status: stage === 0 ? 'missing' : stage === 1 ? 'in-progress' : 'organised',
        owner: stage === 0 ? '' : owners[i]!,
        agreementId: funded ? `agr-${region.id}-2025` : null,
        note: '',
      };
    }),
  );
}

/** The scale seeded into this database, if any. */
export async function seededScale(db: Db): Promise<ScaleName | null> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, META_KEY));
  return (row?.value as ScaleName | undefined) ?? null;
}

/**
 * Seeds a demo landscape at the given scale in one transaction: all of it or nothing. Idempotent:
 * a database that already holds this scale is left as it is; one that holds another scale is refused.
 */
export async function seedDemo(
  db: Db,
  geography: DemoGeography,
  scaleName: ScaleName,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const existing = await seededScale(db);
  const landscape = buildLandscape(geography, SCALES[scaleName], options.seed);
  const plan = planAgreements(landscape);
  const orgs = [
    ...landscape.insurers,
    ...landscape.regions,
    ...landscape.collaboratives,
    ...landscape.partners,
    ...landscape.practices,
  ];
  const report: SeedReport = {
    scale: scaleName,
    seeded: false,
    organisations: orgs.length,
    practices: landscape.practices.length,
    observations: 0,
    enrolledRows: 0,
    benchmarks: 0,
    agreements: 0,
    settlements: 0,
    users: 0,
    milliseconds: 0,
  };
  if (existing === scaleName) {
    progress(`The ${scaleName} demo is already in this database; nothing to do.`);
    return { ...report, milliseconds: performance.now() - started };
  }
  if (existing !== null) {
    throw new Error(
      `This database already holds the "${existing}" demo; seeding "${scaleName}" on top would mix them. Use an empty database (another data directory or DATABASE_URL).`,
    );
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await seedCatalogues(t);
    await seedGeography(t, geography);
    progress(`Organisations: ${orgs.length} (${landscape.practices.length} practices)`);
    await insertInBatches(t, organisations, orgs.map(organisationRow));
    await insertInBatches(t, memberships, landscape.memberships);
    await insertInBatches(
      t,
      serviceAreas,
      orgs.flatMap((o) => o.serviceArea.map((pc4) => ({ organisationId: o.id, pc4 }))),
    );
    report.enrolledRows = await insertInBatches(t, enrolledPopulation, enrolledRows(landscape));
    progress(`Enrolled population: ${report.enrolledRows} rows`);
    report.observations = await insertInBatches(
      t,
      observations,
      (function* () {
        for (const o of generateObservations(landscape, plan.improvement, options.seed))
          yield { ...o, source: 'demo' };
      })(),
    );
    progress(`Observations: ${report.observations}`);
    report.benchmarks = await refreshBenchmarks(t);
    progress(`Benchmarks: ${report.benchmarks}`);
    report.users = await seedUsers(t, demoUsers(landscape));
    for (const { agreement, name } of plan.agreements) await writeAgreementVersion(t, agreement, name);
    const context = await loadSettlementContext(t);
    for (const { agreement, settledQuarters } of plan.agreements) {
      for (const quarter of settledQuarters) {
        await recordSettlement(t, agreement, quarter, {
          freeze: true,
          context,
          now: new Date(`${periodEndDate(quarter)}T12:00:00Z`),
        });
        report.settlements++;
      }
    }
    report.agreements = plan.agreements.length;
    await insertInBatches(t, basicFunctions, basicFunctionRows(landscape));
    progress(`Agreements: ${report.agreements}, settlements: ${report.settlements}`);
    await t.insert(appMeta).values({ key: META_KEY, value: scaleName });
  });
  report.seeded = true;
  // Planner statistics for the freshly loaded tables (PGlite runs no autovacuum, so nobody else will).
  await db.execute(sql`analyze`);
  report.milliseconds = performance.now() - started;
  return report;
}

import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { REFERENCE_COSTS_PER_YEAR } from '@kwadrant/domain/catalogue';
import {
  lastQuarters,
  periodEndDate,
  placeInQuadrant,
  projectDemand,
  quarterOfDate,
  type ObservationFigures,
} from '@kwadrant/domain/model';
import { estimate, sumFigures } from '@kwadrant/domain/stats';
import {
  BASIC_FUNCTIONS,
  areasWithMunicipality,
  canName,
  contractedLines,
  currentObservations,
  enrolledTotals,
  listBasicFunctions,
  listKpis,
  organisationTree,
  practiceLocations,
  regionalFactPeriods,
  regionalFactRows,
  serviceAreaOf,
  suppressSmallNumbers,
  updateBasicFunction,
  type AccessScope,
  type Db,
} from '@kwadrant/db';
import { AGE_BANDS, CBS_ATTRIBUTION, municipalities, populationOf, readTopology } from '@kwadrant/geo';
import type { AppEnv } from '../http/types';
import { HttpProblem, forbidden, notFound } from '../http/problem';
import { LocalisedSchema, PeriodParam, json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';

const FIRST_BAND_75 = AGE_BANDS.indexOf('75-79');

const AreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number(),
  share75plus: z.number().nullable(),
  practices: z.number().int(),
  practicesPer10k: z.number().nullable(),
  enrolled: z.number(),
  costsPerEnrolledYear: z.number().nullable(),
  standardisedCostRatio: z.number().nullable(),
  kpi: z
    .object({
      value: z.number().nullable(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      suppressed: z.enum(['small-number', 'complementary']).nullable(),
    })
    .nullable(),
});

const PictureSchema = z
  .object({
    regionId: z.string(),
    period: z.string(),
    level: z.enum(['pc4', 'municipality']),
    kpiCode: z.string().nullable(),
    attribution: z.string(),
    areas: z.array(AreaSchema),
  })
  .openapi('RegionalPicture');

const ProjectionSchema = z
  .object({
    regionId: z.string(),
    basis: LocalisedSchema,
    ageBands: z.array(z.string()),
    today: z.object({ men: z.array(z.number()), women: z.array(z.number()) }),
    points: z.array(
      z.object({
        yearsAhead: z.number(),
        population: z.number(),
        aged75plus: z.number(),
        use: z.number(),
        index: z.number(),
      }),
    ),
  })
  .openapi('DemandProjection');

const STATUS = z.enum(['missing', 'in-progress', 'organised']);
const BasicFunctionSchema = z
  .object({
    functionCode: z.enum(BASIC_FUNCTIONS),
    status: STATUS,
    owner: z.string(),
    agreementId: z.string().nullable(),
    note: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('BasicFunction');

const DevelopmentSchema = z
  .object({
    regionId: z.string(),
    period: z.string(),
    quadrants: z.array(
      z.object({
        quadrant: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
        organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
        titles: z.array(
          z.object({ titleCode: z.string(), agreements: z.number().int(), centsPerQuarter: z.number() }),
        ),
      }),
    ),
    coverage: z.object({
      population: z.number(),
      coveredPopulation: z.number(),
      uncoveredAreas: z.array(z.string()),
      trend: z.array(z.object({ period: z.string(), share: z.number() })),
    }),
  })
  .openapi('DevelopmentModel');

const regionParam = z.object({ id: z.string().max(64) });

const CostRowSchema = z
  .object({
    municipalityCode: z.string(),
    municipalityName: z.string(),
    careType: z.string(),
    insuredYears: z.number().nullable(),
    costs: z.number(),
    costsPerInsuredYear: z.number().nullable(),
    expected: z.number().nullable(),
    standardisedRatio: z.number().nullable(),
  })
  .openapi('MunicipalCost');

const costs = createRoute({
  method: 'get',
  path: '/costs/municipalities',
  tags: ['regional picture'],
  summary:
    'Imported Vektis open data: costs per insured-year and age/sex-standardised cost ratio (O/E, indirect standardisation) per municipality and care type',
  middleware: [requireCaller()] as const,
  request: {
    query: z.object({
      year: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      municipality: z
        .string()
        .regex(/^GM\d{4}$/)
        .optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        year: z.string().nullable(),
        years: z.array(z.string()),
        note: LocalisedSchema,
        rows: z.array(CostRowSchema),
      }),
      'Costs',
    ),
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

/** The region must exist and be in the caller's scope by name. */
async function regionInScope(db: Db, scope: AccessScope, id: string, period: string) {
  const tree = await organisationTree(db, periodEndDate(period));
  if (tree.organisations.get(id)?.kind !== 'region' || !canName(scope, id)) throw notFound('region', id);
  return tree;
}

const topology = createRoute({
  method: 'get',
  path: '/geo/{name}',
  tags: ['regional picture'],
  summary: 'CBS boundaries as TopoJSON (pc4, gemeente, ggd); Bron: CBS, CC BY 4.0',
  request: { params: z.object({ name: z.enum(['pc4', 'gemeente', 'ggd']) }) },
  responses: {
    200: {
      description: 'TopoJSON',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

const picture = createRoute({
  method: 'get',
  path: '/regions/{id}/picture',
  tags: ['regional picture'],
  summary:
    "Areas of the region's service area with population, share 75+, practice supply, costs and any KPI",
  middleware: [requireCaller()] as const,
  request: {
    params: regionParam,
    query: z.object({
      period: PeriodParam,
      level: z.enum(['pc4', 'municipality']).default('pc4'),
      kpi: z.string().max(16).optional(),
    }),
  },
  responses: {
    200: json(PictureSchema, 'The picture'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const projection = createRoute({
  method: 'get',
  path: '/regions/{id}/projection',
  tags: ['regional picture'],
  summary: "Demand projection by cohort ageing of the region's population, 5 and 10 years out",
  middleware: [requireCaller()] as const,
  request: { params: regionParam, query: z.object({ period: PeriodParam }) },
  responses: {
    200: json(ProjectionSchema, 'The projection'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const listChecklist = createRoute({
  method: 'get',
  path: '/regions/{id}/basic-functions',
  tags: ['regional picture'],
  summary: 'The "basis op orde" checklist: status, owner and funding agreement per basic function',
  middleware: [requireCaller()] as const,
  request: { params: regionParam },
  responses: {
    200: json(z.array(BasicFunctionSchema), 'The checklist'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const editChecklist = createRoute({
  method: 'put',
  path: '/regions/{id}/basic-functions/{code}',
  tags: ['regional picture'],
  summary:
    "Edit one checklist item (the region's board or an administrator); expectedVersion guards concurrent edits",
  middleware: [requireCaller('region', 'admin')] as const,
  request: {
    params: regionParam.extend({ code: z.enum(BASIC_FUNCTIONS) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            status: STATUS,
            owner: z.string().max(200),
            agreementId: z.string().max(64).nullable(),
            note: z.string().max(2000).default(''),
            expectedVersion: z.number().int().min(0),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(BasicFunctionSchema, 'The updated item'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    409: problemResponses[404],
  },
});

const development = createRoute({
  method: 'get',
  path: '/regions/{id}/development',
  tags: ['regional picture'],
  summary:
    "The region's organisations in the four quadrants, contracted titles per quadrant and multidisciplinary coverage",
  middleware: [requireCaller()] as const,
  request: { params: regionParam, query: z.object({ period: PeriodParam }) },
  responses: {
    200: json(DevelopmentSchema, 'The development model'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const toItem = (r: Awaited<ReturnType<typeof listBasicFunctions>>[number]) => ({
  functionCode: r.functionCode as (typeof BASIC_FUNCTIONS)[number],
  status: r.status as z.infer<typeof STATUS>,
  owner: r.owner,
  agreementId: r.agreementId,
  note: r.note,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

/** Population pyramid of a set of PC4 areas (CBS 2021). */
function pyramidOf(pc4s: readonly string[]) {
  const men = AGE_BANDS.map(() => 0);
  const women = AGE_BANDS.map(() => 0);
  for (const pc4 of pc4s) {
    const p = populationOf(pc4);
    p?.men.forEach((x, i) => (men[i]! += x));
    p?.women.forEach((x, i) => (women[i]! += x));
  }
  return { men, women };
}

/** The regional picture: areas and indicators, demand projection, basic-functions checklist, development model. */
export function regionalRoutes() {
  const routes = new OpenAPIHono<AppEnv>();
  // Served as stored text (1.3 MB, cached by browsers), so documented by hand rather than by a zod response.
  routes.openAPIRegistry.registerPath(topology);
  routes.get('/geo/:name{pc4|gemeente|ggd}', (c) =>
    c.body(readTopology(c.req.param('name') as 'pc4'), 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    }),
  );
  return routes
    .openapi(costs, async (c) => {
      const { year, municipality } = c.req.valid('query');
      const { db } = c.var.deps;
      const years = await regionalFactPeriods(db, 'costs:');
      const chosen = year ?? years[0] ?? null;
      const facts = chosen
        ? await regionalFactRows(db, {
            areaKind: 'municipality',
            period: chosen,
            ...(municipality ? { areaCodes: [municipality] } : {}),
          })
        : [];
      const names = new Map(municipalities().map((m) => [m.code, m.name]));
      const ratio = new Map(
        facts
          .filter((f) => f.indicator.startsWith('scr:'))
          .map((f) => [`${f.areaCode}|${f.indicator.slice(4)}`, f]),
      );
      const rows = facts
        .filter((f) => f.indicator.startsWith('costs:'))
        .map((f) => {
          const careType = f.indicator.slice(6);
          const standardised = ratio.get(`${f.areaCode}|${careType}`);
          return {
            municipalityCode: f.areaCode,
            municipalityName: names.get(f.areaCode) ?? f.areaCode,
            careType,
            insuredYears: f.denominator,
            costs: f.value,
            costsPerInsuredYear: f.denominator ? f.value / f.denominator : null,
            expected: standardised?.denominator ?? null,
            standardisedRatio: standardised?.denominator
              ? standardised.value / standardised.denominator
              : null,
          };
        })
        .sort(
          (a, b) =>
            a.municipalityCode.localeCompare(b.municipalityCode) || a.careType.localeCompare(b.careType),
        );
      return c.json(
        {
          year: chosen,
          years,
          note: {
            nl: 'Bron: Vektis Open Databestand Zorgverzekeringswet. Verwachte kosten naar leeftijd en geslacht (indirecte standaardisatie op alle gemeenten van het bestand). Kosten zijn geen tellingen: er is geen betrouwbaarheidsinterval.',
            en: 'Source: Vektis Open Databestand Zorgverzekeringswet. Expected costs by age and sex (indirect standardisation on all municipalities in the file). Costs are not counts: there is no confidence interval.',
          },
          rows,
        },
        200,
      );
    })
    .openapi(picture, async (c) => {
      const { id } = c.req.valid('param');
      const { period, level, kpi: kpiCode } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const tree = await regionInScope(db, scope, id, period);
      const kpi = kpiCode ? (await listKpis(db)).find((k) => k.code === kpiCode) : undefined;
      if (kpiCode && !kpi) throw notFound('KPI', kpiCode);
      const pc4s = await serviceAreaOf(db, id);
      const areaRows = await areasWithMunicipality(db, pc4s);
      const municipalityName = new Map(municipalities().map((m) => [m.code, m.name]));
      const codeOf = (pc4: string) =>
        level === 'pc4' ? pc4 : (areaRows.find((a) => a.pc4 === pc4)?.municipalityCode ?? pc4);
      const locations = await practiceLocations(db);
      const practices = tree.practicesUnder(id);
      const enrolled = await enrolledTotals(db, practices, period);
      const rows = await currentObservations(db, {
        organisationIds: practices,
        kpiCodes: ['KO-06', 'KO-07', ...(kpi ? [kpi.code] : [])],
        periods: [period],
      });
      const groups = new Map<string, { pc4s: string[]; practices: string[] }>();
      for (const pc4 of pc4s) {
        const g = groups.get(codeOf(pc4)) ?? { pc4s: [], practices: [] };
        g.pc4s.push(pc4);
        groups.set(codeOf(pc4), g);
      }
      for (const p of practices) groups.get(codeOf(locations.get(p) ?? ''))?.practices.push(p);
      const figuresOf = (code: string, members: readonly string[]): ObservationFigures | undefined => {
        const list = rows.filter((r) => r.kpiCode === code && members.includes(r.organisationId));
        return list.length > 0 ? sumFigures(list) : undefined;
      };
      const kpiUnits = kpi
        ? [...groups].flatMap(([code, g]) => {
            const f = figuresOf(kpi.code, g.practices);
            return f ? [{ organisationId: code, ...f }] : [];
          })
        : [];
      const shown = new Map(
        suppressSmallNumbers(kpiUnits, scope).map((u, i) => [u.organisationId, { u, raw: kpiUnits[i]! }]),
      );
      const areas = [...groups].map(([code, g]) => {
        const pyramid = pyramidOf(g.pc4s);
        const population = [...pyramid.men, ...pyramid.women].reduce((a, b) => a + b, 0);
        const aged = [...pyramid.men.slice(FIRST_BAND_75), ...pyramid.women.slice(FIRST_BAND_75)].reduce(
          (a, b) => a + b,
          0,
        );
        const listed = g.practices.reduce((a, p) => a + (enrolled.get(p) ?? 0), 0);
        const hospital = figuresOf('KO-06', g.practices);
        const pharmacy = figuresOf('KO-07', g.practices);
        const costs = (hospital?.numerator ?? 0) + (pharmacy?.numerator ?? 0);
        const entry = shown.get(code);
        const e =
          entry && !entry.u.suppressed && kpi
            ? estimate(kpi.kind, entry.raw, { confidence: 0.95, multiplier: kpi.multiplier })
            : null;
        return {
          code,
          name: level === 'pc4' ? code : (municipalityName.get(code) ?? code),
          population,
          share75plus: population > 0 ? aged / population : null,
          practices: g.practices.length,
          practicesPer10k: population > 0 ? (g.practices.length / population) * 10_000 : null,
          enrolled: listed,
          // Quarterly costs ×4: euros per enrolled patient per year.
          costsPerEnrolledYear: listed > 0 && costs > 0 ? (costs * 4) / listed : null,
          standardisedCostRatio: hospital
            ? hospital.numerator / (hospital.expected ?? hospital.denominator)
            : null,
          kpi: kpi
            ? {
                value: e?.value ?? null,
                lower: e?.lower ?? null,
                upper: e?.upper ?? null,
                suppressed: entry?.u.suppressed ?? null,
              }
            : null,
        };
      });
      await audit(c, 'read', 'regional-picture', id, id, { period, level, kpi: kpiCode ?? null });
      return c.json(
        { regionId: id, period, level, kpiCode: kpiCode ?? null, attribution: CBS_ATTRIBUTION, areas },
        200,
      );
    })
    .openapi(projection, async (c) => {
      const { id } = c.req.valid('param');
      const { period } = c.req.valid('query');
      const { db } = c.var.deps;
      await regionInScope(db, await scopeOf(c), id, period);
      const today = pyramidOf(await serviceAreaOf(db, id));
      const perPerson = AGE_BANDS.map(
        (_, b) => (REFERENCE_COSTS_PER_YEAR.hospital[b] ?? 0) + (REFERENCE_COSTS_PER_YEAR.pharmacy[b] ?? 0),
      );
      const points = projectDemand(today, { men: perPerson, women: perPerson }, [0, 5, 10], FIRST_BAND_75);
      return c.json(
        {
          regionId: id,
          basis: {
            nl: 'Bevolking CBS 1-1-2021 per 5-jaarsleeftijdsgroep, cohortveroudering met sterfte; zorggebruik = indicatieve Zvw-kosten (ziekenhuis + farmacie) per leeftijd, gelijk gehouden.',
            en: 'CBS population 1-1-2021 by 5-year age band, cohort ageing with mortality; care use = indicative Zvw costs (hospital + pharmacy) by age, held constant.',
          },
          ageBands: [...AGE_BANDS],
          today,
          points,
        },
        200,
      );
    })
    .openapi(listChecklist, async (c) => {
      const { id } = c.req.valid('param');
      const { db, clock } = c.var.deps;
      await regionInScope(db, await scopeOf(c), id, quarterOfDate(clock().toISOString()));
      return c.json((await listBasicFunctions(db, id)).map(toItem), 200);
    })
    .openapi(editChecklist, async (c) => {
      const { id, code } = c.req.valid('param');
      const body = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const scope = await scopeOf(c);
      const caller = c.var.caller!;
      if (!canName(scope, id)) throw notFound('region', id);
      if (caller.role !== 'admin' && caller.organisationId !== id) {
        throw forbidden(
          'Only the board of this region may edit its checklist.',
          'Alleen het bestuur van deze regio mag de checklist wijzigen.',
        );
      }
      const row = await updateBasicFunction(db, {
        regionId: id,
        functionCode: code,
        ...body,
        userId: caller.userId,
        now: clock(),
      });
      if (!row) {
        throw new HttpProblem(
          409,
          'Edit conflict',
          `Someone changed "${code}" since version ${body.expectedVersion}; reload and try again.`,
          {
            detailNl: `Iemand heeft "${code}" gewijzigd sinds versie ${body.expectedVersion}; laad opnieuw en probeer het nog eens.`,
          },
        );
      }
      await audit(c, 'update', 'basic-function', `${id}/${code}`, id, { ...body });
      return c.json(toItem(row), 200);
    })
    .openapi(development, async (c) => {
      const { id } = c.req.valid('param');
      const { period } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const tree = await regionInScope(db, scope, id, period);
      const below = (orgId: string): string[] => tree.members(orgId).flatMap((m) => [m, ...below(m)]);
      const members = [id, ...below(id)].filter((m) => tree.organisations.get(m)?.kind !== 'practice');
      const lines = await contractedLines(db, members);
      const inForce = (l: (typeof lines)[number], q: string) =>
        (l.status === 'agreed' || l.status === 'settled') && l.periodStart <= q && q <= l.periodEnd;
      const enrolled = await enrolledTotals(db, tree.practicesUnder(id), period);
      const patientsOf = (orgId: string) =>
        tree.practicesUnder(orgId).reduce((a, p) => a + (enrolled.get(p) ?? 0), 0);
      const quadrants = (['Q1', 'Q2', 'Q3', 'Q4'] as const).map((q) => {
        const titles = new Map<string, { agreements: Set<string>; cents: number }>();
        for (const l of lines.filter((x) => x.quadrant === q && inForce(x, period))) {
          const t = titles.get(l.titleCode) ?? { agreements: new Set<string>(), cents: 0 };
          t.agreements.add(l.agreementId);
          // Per quarter: capitation × enrolled patients; yearly bases a quarter of the year; projects per milestone.
          t.cents +=
            l.basis === 'capitation'
              ? l.tariffCents * patientsOf(l.organisationId)
              : l.basis === 'project'
                ? 0
                : (l.tariffCents * (l.volume ?? 1)) / 4;
          titles.set(l.titleCode, t);
        }
        return {
          quadrant: q,
          organisations: members
            .filter((m) => tree.organisations.get(m) && placeInQuadrant(tree.organisations.get(m)!) === q)
            .map((m) => ({
              id: m,
              name: tree.organisations.get(m)!.name,
              kind: tree.organisations.get(m)!.kind,
            })),
          titles: [...titles].map(([titleCode, t]) => ({
            titleCode,
            agreements: t.agreements.size,
            centsPerQuarter: Math.round(t.cents),
          })),
        };
      });
      const pc4s = await serviceAreaOf(db, id);
      const populationOfArea = new Map(pc4s.map((p) => [p, populationOf(p)?.total ?? 0]));
      const total = [...populationOfArea.values()].reduce((a, b) => a + b, 0);
      const multi = members.filter(
        (m) =>
          tree.organisations.get(m)?.kind === 'collaborative' &&
          placeInQuadrant(tree.organisations.get(m)!) === 'Q2',
      );
      const areasOf = new Map(
        await Promise.all(multi.map(async (m) => [m, await serviceAreaOf(db, m)] as const)),
      );
      const coveredOn = (q: string) => {
        const funded = new Set(
          lines.filter((l) => multi.includes(l.organisationId) && inForce(l, q)).map((l) => l.organisationId),
        );
        return new Set([...funded].flatMap((m) => areasOf.get(m) ?? []));
      };
      const now = coveredOn(period);
      const share = (covered: Set<string>) =>
        total > 0 ? [...covered].reduce((a, p) => a + (populationOfArea.get(p) ?? 0), 0) / total : 0;
      await audit(c, 'read', 'development', id, id, { period });
      return c.json(
        {
          regionId: id,
          period,
          quadrants,
          coverage: {
            population: total,
            coveredPopulation: Math.round(share(now) * total),
            uncoveredAreas: pc4s.filter((p) => !now.has(p)),
            trend: lastQuarters(period, 8).map((q) => ({ period: q, share: share(coveredOn(q)) })),
          },
        },
        200,
      );
    });
}

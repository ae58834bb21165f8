import { pgEnum } from 'drizzle-orm/pg-core';
import { FUNDING_BASES, KPI_DOMAINS, QUADRANT_CODES } from '@kwadrant/domain/catalogue';
import { KPI_KINDS, ORGANISATION_KINDS, POLARITIES } from '@kwadrant/domain/model';

// Enums mirror the domain's own lists, so the database and the domain can never disagree.
const values = <T extends string>(list: readonly T[]) => list as unknown as [T, ...T[]];

export const organisationKind = pgEnum('organisation_kind', values(ORGANISATION_KINDS));
export const quadrantCode = pgEnum('quadrant_code', values(QUADRANT_CODES));
export const kpiKind = pgEnum('kpi_kind', values(KPI_KINDS));
export const polarity = pgEnum('polarity', values(POLARITIES));
export const kpiDomain = pgEnum('kpi_domain', values(KPI_DOMAINS));
export const fundingBasis = pgEnum('funding_basis', values(FUNDING_BASES));
export const sex = pgEnum('sex', ['M', 'F']);
export const role = pgEnum('role', ['practice', 'collaborative', 'region', 'insurer', 'admin']);
export const agreementStatus = pgEnum('agreement_status', ['draft', 'proposed', 'agreed', 'settled']);
export const importStatus = pgEnum('import_status', ['committed', 'rejected', 'failed']);
export const benchmarkGrouping = pgEnum('benchmark_grouping', [
  'national',
  'region',
  'collaborative',
  'peer-group',
]);
export const areaKind = pgEnum('area_kind', ['pc4', 'municipality', 'ggd', 'region']);

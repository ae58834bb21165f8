/**
 * @kwadrant/ingest: bytes in, domain records and row-level issues out. Parsers and validators for the
 * observations CSV, the Vektis open data on care costs, CBS population by postcode, and FHIR
 * MeasureReports. No file or database I/O: callers hand in bytes (streams, chunks) or parsed JSON.
 */

// The one issue shape
/** A problem found while reading: where (line, column or JSON path), what and how to fix it, nl + en. */
export type { IngestIssue, IssueCode } from './issues';
/** Every stable issue code. */
export { ISSUE_CODES, issue } from './issues';

// Shared
/** Byte sources, detected encodings and the encoding override. */
export type { ByteSource, DetectedEncoding, EncodingOption } from './decode';
/** A streamed item, the summary a stream returns, and the collected result of a whole file. */
export type { CollectOptions, Item, ReadSummary, ValidationResult, ValidationSummary } from './collect';
/** Numbers with a decimal comma or point, never a thousands separator: value or NaN. */
export { parseDecimal, type DecimalPolicy } from './numbers';
/** Quarter notations ("2025Q3", "Q3 2025", "2025-K3"…) to the canonical "2025-Q3". */
export { parseQuarter, type QuarterParse } from './period';

// Observations CSV
/** Streams records and issues of an observations CSV (organisation × KPI × quarter). */
export { readObservations } from './observations';
/** Reads a whole observations CSV into records, issues and a summary. */
export { validateObservations } from './observations';
/** The accepted header names of the observations CSV, in Dutch and English. */
export { OBSERVATION_COLUMNS } from './observations';
/** Context, options, records and items of the observations CSV. */
export type {
  ObservationContext,
  ObservationItem,
  ObservationOptions,
  ObservationRecord,
} from './observations';

// Vektis open data
/** Streams records and issues of a Vektis Open Databestand Zvw file (municipality level). */
export { readVektis } from './vektis';
/** Reads a whole Vektis file into records, issues and a summary (year, care types, unmatched names). */
export { validateVektis } from './vektis';
/** Reads a Vektis age class (" 0 t/m  4 jaar", "90 jaar en ouder"). */
export { parseAgeClass } from './vektis';
/** The care type of a KOSTEN_ column ("KOSTEN_FARMACIE" → "farmacie"). */
export { careTypeOf } from './vektis';
/** The years in a file name, for the Vektis year rule. */
export { yearsInFileName } from './vektis';
/** Context, options, records and summary of the Vektis reader. */
export type {
  UnmatchedMunicipality,
  VektisContext,
  VektisItem,
  VektisOptions,
  VektisRecord,
  VektisSummary,
} from './vektis';

// Regional cost picture
/** Costs per insured-year and age/sex-standardised cost ratios per municipality × care type. */
export { regionalCostPicture } from './vektis-costs';
/** The care type that sums all KOSTEN_ columns ("totaal"), and the stratum key (sex × age class). */
export { stratumOf, TOTAL_CARE_TYPE } from './vektis-costs';
/** One municipality × care type of the cost picture, and its options. */
export type { CostPictureOptions, RegionalCost } from './vektis-costs';

// Municipalities
/** Builds a matcher from any (old, Vektis-spelled) name to a 2025 CBS municipality. */
export { createMunicipalityMatcher } from './municipalities';
/** Renamed, merged and split municipalities 2011–2025 with their 2025 successors. */
export { MUNICIPALITY_CHANGES } from './municipalities';
/** Upper case, no accents or apostrophes, one space between words: "'s-Gravenhage" → "S GRAVENHAGE". */
export { normaliseMunicipalityName } from './municipalities';
/** Municipalities, changes and match results. */
export type {
  Municipality,
  MunicipalityChange,
  MunicipalityMatch,
  MunicipalityMatcher,
} from './municipalities';

// CBS population
/** Streams PC4 × age band × sex records of a CBS population file. */
export { readCbsPopulation } from './cbs-population';
/** Reads a whole CBS population file into records, issues and a summary. */
export { validateCbsPopulation } from './cbs-population';
/** The CBS five-year age bands and the tolerance for men + women against the total. */
export { AGE_BANDS, ROUNDING_TOLERANCE } from './cbs-population';
/** Records, items, options and summary of the CBS population reader. */
export type {
  AgeBand,
  PopulationItem,
  PopulationOptions,
  PopulationRecord,
  PopulationSummary,
} from './cbs-population';

// FHIR R4 MeasureReport
/** Reads MeasureReports (alone or in a Bundle; text, bytes or parsed JSON) into observations. */
export { importMeasureReports } from './fhir';
/** Writes one organisation's observations as a collection Bundle of summary MeasureReports. */
export { toMeasureReports } from './fhir';
/** The quarter a FHIR period covers exactly, or null. */
export { quarterOfFhirPeriod } from './fhir';
/** Systems and URLs used in Kwadrant's MeasureReports. */
export {
  AGB_OID,
  AGB_SYSTEM,
  KWADRANT_POPULATION_SYSTEM,
  MEASURE_BASE,
  POPULATION_SYSTEM,
  POPULATION_VALUE_EXTENSION,
} from './fhir';
/** The zod schema of the MeasureReport parts Kwadrant reads. */
export { measureReportSchema } from './fhir';
/** Import result, records, export input and output of the FHIR functions. */
export type {
  ExportObservation,
  ExportOptions,
  MeasureReport,
  MeasureReportBundle,
  MeasureReportImport,
  MeasureReportRecord,
} from './fhir';

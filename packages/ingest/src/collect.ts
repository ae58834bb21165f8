/** Collecting a streamed read into records, issues and a summary, for callers that want it all at once. */
import type { DetectedEncoding } from './decode';
import type { Delimiter } from './csv';
import type { IngestIssue, IssueCode } from './issues';

/** What a streamed read returns when it ends (the generator's return value). */
export interface ReadSummary {
  /** Data rows read (blank lines and the header not counted). */
  rowsRead: number;
  /** Rows that became records. */
  valid: number;
  /** Rows rejected by at least one error. */
  rejected: number;
  /** The encoding the file was read as; null when it was never read (e.g. no header). */
  encoding: DetectedEncoding | null;
  delimiter: Delimiter | null;
}

/** The summary of a collected read: the read's own figures plus counts of issues. */
export interface ValidationSummary extends ReadSummary {
  errors: number;
  warnings: number;
  /** Issues per code, including those left out of `issues` by `maxIssues`. */
  issueCounts: Partial<Record<IssueCode, number>>;
  /** Issues counted but not kept because `maxIssues` was reached. */
  issuesOmitted: number;
}

export interface ValidationResult<R, S extends ReadSummary = ReadSummary> {
  records: R[];
  issues: IngestIssue[];
  summary: ValidationSummary & Omit<S, keyof ReadSummary>;
}

export interface CollectOptions {
  /** Keep at most this many issues (default 10,000); the rest are only counted. */
  maxIssues?: number | undefined;
}

export type Item<R> = { kind: 'record'; record: R } | { kind: 'issue'; issue: IngestIssue };

/** Runs a streamed read to its end, keeping records and (up to `maxIssues`) issues. */
export async function collect<R, S extends ReadSummary>(
  items: AsyncGenerator<Item<R>, S, undefined>,
  options: CollectOptions = {},
): Promise<ValidationResult<R, S>> {
  const maxIssues = options.maxIssues ?? 10_000;
  const records: R[] = [];
  const issues: IngestIssue[] = [];
  const issueCounts: Partial<Record<IssueCode, number>> = {};
  let errors = 0;
  let warnings = 0;
  let omitted = 0;
  for (;;) {
    const next = await items.next();
    if (next.done) {
      return {
        records,
        issues,
        summary: { ...next.value, errors, warnings, issueCounts, issuesOmitted: omitted },
      };
    }
    const item = next.value;
    if (item.kind === 'record') {
      records.push(item.record);
      continue;
    }
    const { issue } = item;
    if (issue.severity === 'error') errors++;
    else warnings++;
    issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
    if (issues.length < maxIssues) issues.push(issue);
    else omitted++;
  }
}

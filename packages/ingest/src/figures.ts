/**
 * The rules every observation obeys, whatever the format it came in (the same rules the database
 * checks): numerator ≥ 0, denominator > 0, whole counts where the kind counts people, numerator ≤
 * denominator for proportions, E > 0 for standardised ratios, Σx² ≥ (Σx)²/n for means.
 */
import type { KpiKind, Localised } from '@kwadrant/domain/model';
import { issue, type IngestIssue, type Where } from './issues';

export type Figure = 'numerator' | 'denominator' | 'expected' | 'sumSquares';

/** Which figures must be whole counts, by kind (domain guide §4). */
const INTEGER: Record<KpiKind, { numerator: boolean; denominator: boolean }> = {
  // patients (or practices) with the property over those eligible
  proportion: { numerator: true, denominator: true },
  // events over person-years; OR-02 counts FTE, so a rate's numerator may be fractional too
  rate: { numerator: false, denominator: false },
  // observed (a count, or euros for cost ratios) over expected
  ratio: { numerator: false, denominator: false },
  // sum of values over the number of values
  mean: { numerator: false, denominator: true },
};

const WHAT: Record<'numerator' | 'denominator', Localised> = {
  numerator: { nl: 'de teller', en: 'the numerator' },
  denominator: { nl: 'de noemer', en: 'the denominator' },
};

export interface Figures {
  numerator: number;
  denominator: number;
  /** null when absent. */
  expected: number | null;
  sumSquares: number | null;
}

/** Where the figures of the observation being checked sit (a row in a file, a population in JSON). */
export interface FigurePlace {
  /** Where a figure sits, for the issue. */
  whereOf(figure: Figure): Where;
  /** The figure as the source wrote it, for the message. */
  shown(figure: Figure): string;
}

/**
 * Checks the figures of one observation, pushing errors to `out`. Keeps `expected` only for ratios and
 * `sumSquares` only for (consistent) means, setting them to null otherwise.
 */
export function checkFigures(
  kpi: { code: string; kind: KpiKind },
  check: Figures,
  place: FigurePlace,
  out: IngestIssue[],
): void {
  const { numerator, denominator } = check;
  const integer = INTEGER[kpi.kind];
  if (numerator < 0) {
    out.push(issue('negative-number', place.whereOf('numerator'), { value: place.shown('numerator') }));
  } else if (integer.numerator && !Number.isInteger(numerator)) {
    out.push(
      issue('not-an-integer', place.whereOf('numerator'), {
        value: place.shown('numerator'),
        what: WHAT.numerator,
      }),
    );
  }
  if (denominator <= 0) {
    out.push(
      issue('denominator-not-positive', place.whereOf('denominator'), { value: place.shown('denominator') }),
    );
  } else if (integer.denominator && !Number.isInteger(denominator)) {
    out.push(
      issue('not-an-integer', place.whereOf('denominator'), {
        value: place.shown('denominator'),
        what: WHAT.denominator,
      }),
    );
  }
  if (kpi.kind === 'proportion' && denominator > 0 && numerator > denominator) {
    out.push(
      issue('numerator-above-denominator', place.whereOf('numerator'), {
        numerator: place.shown('numerator'),
        denominator: place.shown('denominator'),
      }),
    );
  }

  let expected: number | null = null;
  if (kpi.kind === 'ratio') {
    if (check.expected === null)
      out.push(issue('missing-expected', place.whereOf('expected'), { kpi: kpi.code }));
    else if (check.expected <= 0) {
      out.push(issue('expected-not-positive', place.whereOf('expected'), { value: place.shown('expected') }));
    } else expected = check.expected;
  }

  let sumSquares: number | null = null;
  if (kpi.kind === 'mean' && check.sumSquares !== null) {
    if (check.sumSquares < 0) {
      out.push(issue('negative-number', place.whereOf('sumSquares'), { value: place.shown('sumSquares') }));
    } else if (denominator > 0 && numerator >= 0) {
      // Cauchy–Schwarz: Σx² ≥ (Σx)²/n; the margin allows for rounding in the source.
      const minimum = (numerator * numerator) / denominator;
      if (check.sumSquares < minimum * (1 - 1e-9) - 1e-9) {
        out.push(
          issue('inconsistent-sum-squares', place.whereOf('sumSquares'), {
            sumSquares: place.shown('sumSquares'),
            minimum: Number(minimum.toPrecision(6)),
          }),
        );
      } else sumSquares = check.sumSquares;
    }
  }
  check.expected = expected;
  check.sumSquares = sumSquares;
}

/** The warning for a denominator below the KPI's minimum to report (the value is kept). */
export function belowMinimum(
  kpi: { code: string; minDenominator: number },
  denominator: number,
  where: Where,
  shown: string,
): IngestIssue | null {
  if (denominator >= kpi.minDenominator) return null;
  return issue('below-min-denominator', where, {
    kpi: kpi.code,
    denominator: shown,
    minimum: kpi.minDenominator,
  });
}

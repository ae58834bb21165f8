import type { FundingBasis, PaymentTitle } from '../catalogue/payment-titles';
import type { Localised } from '../model/localised';
import { SettlementError } from './errors';
import type { Explanation } from './explanation';
import { formatDecimal, formatEuro, type Lang } from './format';
import type { AgreementLine, LineSettlement } from './model';
import { roundCents } from './money';

/**
 * How each funding basis turns tariff × volume into money for a period of `quarters` quarters
 * (domain guide §3): capitation is per quarter, availability and fte per year (a quarter is 1/4
 * year), project per milestone regardless of the period's length.
 */
const PERIOD_FACTOR: Record<FundingBasis, { perQuarter: boolean; perYear: boolean }> = {
  capitation: { perQuarter: true, perYear: false },
  availability: { perQuarter: true, perYear: true },
  project: { perQuarter: false, perYear: false },
  fte: { perQuarter: true, perYear: true },
};

const yearPart = (quarters: number, lang: Lang): string =>
  quarters === 4 ? (lang === 'nl' ? '1 jaar' : '1 year') : `${quarters}/4 ${lang === 'nl' ? 'jaar' : 'year'}`;

function describe(
  basis: FundingBasis,
  tariff: number,
  volume: number,
  quarters: number,
  amount: number,
  lang: Lang,
): string {
  const eur = (c: number) => formatEuro(c, lang);
  const n = formatDecimal(volume, lang);
  const nl = lang === 'nl';
  switch (basis) {
    case 'capitation': {
      const q = `${quarters} ${nl ? (quarters === 1 ? 'kwartaal' : 'kwartalen') : quarters === 1 ? 'quarter' : 'quarters'}`;
      return nl
        ? `${n} ingeschreven patiënten × ${eur(tariff)} per patiënt per kwartaal × ${q} = ${eur(amount)}`
        : `${n} enrolled patients × ${eur(tariff)} per patient per quarter × ${q} = ${eur(amount)}`;
    }
    case 'availability':
      return nl
        ? `${eur(tariff)} per jaar voor beschikbaarheid × ${n} × ${yearPart(quarters, lang)} = ${eur(amount)}`
        : `${eur(tariff)} per year for availability × ${n} × ${yearPart(quarters, lang)} = ${eur(amount)}`;
    case 'project':
      return nl
        ? `${n} behaalde mijlpalen × ${eur(tariff)} per mijlpaal = ${eur(amount)}`
        : `${n} milestones reached × ${eur(tariff)} per milestone = ${eur(amount)}`;
    case 'fte':
      return nl
        ? `${n} fte × ${eur(tariff)} per fte per jaar × ${yearPart(quarters, lang)} = ${eur(amount)}`
        : `${n} FTE × ${eur(tariff)} per FTE per year × ${yearPart(quarters, lang)} = ${eur(amount)}`;
  }
}

function volumeOf(
  line: AgreementLine,
  volumes: Readonly<Record<string, number>>,
): { volume: number; source: string } {
  const given = volumes[line.id];
  const volume = given ?? line.volume;
  if (volume === undefined) {
    throw new SettlementError('missing-volume', {
      nl: `Voor regel ${line.id} (${line.titleCode}) is geen volume opgegeven en de overeenkomst noemt er ook geen.`,
      en: `No volume was given for line ${line.id} (${line.titleCode}) and the agreement names none either.`,
    });
  }
  if (!Number.isFinite(volume) || volume < 0) {
    throw new SettlementError('invalid-volume', {
      nl: `Het volume van regel ${line.id} (${String(volume)}) moet een eindig getal ≥ 0 zijn.`,
      en: `The volume of line ${line.id} (${String(volume)}) must be a finite number ≥ 0.`,
    });
  }
  return { volume, source: given === undefined ? 'agreement' : 'inputs' };
}

/** Settles one line: tariff × volume × period factor, rounded once to whole cents (domain guide §6, step 1). */
export function settleLine(
  line: AgreementLine,
  title: PaymentTitle,
  volumes: Readonly<Record<string, number>>,
  quarters: number,
  explanation: Explanation,
): LineSettlement {
  const { volume, source } = volumeOf(line, volumes);
  const { perQuarter, perYear } = PERIOD_FACTOR[line.basis];
  const times = perQuarter ? quarters : 1;
  const per = perYear ? 4 : 1;
  // One rounding per line; dividing by 4 last keeps the product exact in binary floating point.
  const amountCents = roundCents((line.tariffCents * volume * times) / per);
  const symbolic = `tariffCents × volume${perQuarter ? ' × quarters' : ''}${perYear ? ' / 4' : ''}`;
  const numeric = `${line.tariffCents} × ${volume}${perQuarter ? ` × ${times}` : ''}${perYear ? ' / 4' : ''}`;
  const formula = `${symbolic} = ${numeric} = ${amountCents}`;
  const text = (lang: Lang) =>
    `${lang === 'nl' ? 'Regel' : 'Line'} ${line.id} (${title.code} ${title.name[lang]}): ${describe(line.basis, line.tariffCents, volume, quarters, amountCents, lang)}.`;
  const localised: Localised = { nl: text('nl'), en: text('en') };
  explanation.add(() => ({
    key: `line:${line.id}`,
    title: { nl: `Betaalregel ${line.id}`, en: `Payment line ${line.id}` },
    inputs: {
      titleCode: title.code,
      basis: line.basis,
      tariffCents: line.tariffCents,
      volume,
      volumeSource: source,
      quarters,
    },
    formula,
    result: amountCents,
    text: localised,
  }));
  return { lineId: line.id, titleCode: line.titleCode, basis: line.basis, volume, amountCents, formula };
}

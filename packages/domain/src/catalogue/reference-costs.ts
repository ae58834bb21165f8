/**
 * Indicative yearly Zvw costs per insured person by CBS 5-year age band ('0-4' … '95+'), in euros, for
 * hospital (medisch-specialistische zorg) and pharmacy care. Rounded shapes after the Vektis Open
 * Databestand Zorgverzekeringswet 2021 (national totals by age class ÷ insured-years); good for demand
 * projections and demo data, not for settlement. Replace with imported Vektis figures where available.
 */
export const REFERENCE_COSTS_PER_YEAR: Readonly<Record<'hospital' | 'pharmacy', readonly number[]>> = {
  //         0-4  5-9 10-14 15-19 20-24 25-29 30-34 35-39 40-44 45-49 50-54 55-59 60-64 65-69 70-74 75-79 80-84 85-89 90-94 95+
  hospital: [
    700, 450, 450, 450, 800, 800, 800, 800, 800, 1450, 1450, 1450, 1450, 2700, 2700, 3700, 3700, 3900, 3900,
    3900,
  ],
  pharmacy: [
    150, 150, 150, 150, 260, 260, 260, 260, 260, 520, 520, 520, 520, 920, 920, 1150, 1150, 1150, 1150, 1150,
  ],
};

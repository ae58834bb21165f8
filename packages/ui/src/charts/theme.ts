import type { Locale } from '../format/format';

/**
 * Colours and type of every chart. Colours were chosen for AA contrast on white and to stay apart
 * for the common colour-vision deficiencies; a chart never relies on colour alone (own point has
 * its own symbol and label, limits are dashed vs dotted, comparison carries text).
 */
export interface ChartTheme {
  locale: Locale;
  fontFamily: string;
  text: string;
  muted: string;
  axis: string;
  grid: string;
  own: string;
  peer: string;
  band: string;
  median: string;
  target: string;
  limit95: string;
  limit998: string;
  better: string;
  similar: string;
  worse: string;
  neutral: string;
  /** Sequential palette for maps, light to dark. */
  sequential: readonly string[];
}

export function chartTheme(locale: Locale, overrides: Partial<Omit<ChartTheme, 'locale'>> = {}): ChartTheme {
  return {
    locale,
    fontFamily: 'Inter, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    text: '#1f2933',
    muted: '#52606d',
    axis: '#7b8794',
    grid: '#e4e7eb',
    own: '#0b5cad',
    peer: '#8c96a3',
    band: 'rgba(11, 92, 173, 0.12)',
    median: '#52606d',
    target: '#a3470a',
    limit95: '#52606d',
    limit998: '#1f2933',
    better: '#1b7a3e',
    similar: '#52606d',
    worse: '#b3261e',
    neutral: '#7b8794',
    sequential: ['#e8f1fb', '#b9d4f1', '#7fb0e3', '#3f86cc', '#0b5cad', '#083f77'],
    ...overrides,
  };
}

/** Text style shared by axes, legends and tooltips. */
export const textStyle = (theme: ChartTheme) => ({
  fontFamily: theme.fontFamily,
  color: theme.text,
  fontSize: 12,
});

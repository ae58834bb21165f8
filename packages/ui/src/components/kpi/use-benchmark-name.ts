import { useI18n } from 'vue-i18n';
import type { KpiTileData } from './types';

/**
 * How to name a benchmark in running text ("Beter dan het doel", "Vergelijkbaar met Regio West") and
 * as a label ("Landelijk: 61,2 %"). Region and collaborative benchmarks go by their name.
 */
export function useBenchmarkName() {
  const { t } = useI18n();
  const inText = (b: KpiTileData['benchmark']): string =>
    b.kind === 'national'
      ? t('ui.benchmark.national')
      : b.kind === 'target'
        ? t('ui.benchmark.target')
        : b.label;
  const asLabel = (b: KpiTileData['benchmark']): string =>
    b.kind === 'national'
      ? t('ui.benchmark.nationalLabel')
      : b.kind === 'target'
        ? t('ui.benchmark.targetLabel')
        : b.label;
  return { inText, asLabel };
}

/**
 * The per-frame metrics in export order (the metric registry's order), with their unit and
 * whether they come per side. Derived from src/core/metrics/registry.ts, so a metric added to
 * the core is exported without touching this file.
 */
import { METRICS } from '../core/metrics/registry';
import type { MetricKey } from '../core/types';

export interface ExportColumn {
  key: MetricKey;
  sided: boolean;
  /** 'deg', or 'ratio' (dimensionless: a fraction of a body length or width). */
  unit: 'deg' | 'ratio';
}

export const METRIC_COLUMNS: readonly ExportColumn[] = METRICS.map((def) => ({
  key: def.key,
  sided: def.sided,
  unit: def.unit === 'deg' ? 'deg' : 'ratio',
}));

/** The CSV column names of the metrics: "depth", "heelLift_left", "heelLift_right". */
export function metricColumnNames(prefix = ''): string[] {
  return METRIC_COLUMNS.flatMap((column) => (column.sided ? [`${prefix}${column.key}_left`, `${prefix}${column.key}_right`] : [`${prefix}${column.key}`]));
}

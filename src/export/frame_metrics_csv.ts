/**
 * Per-frame metrics as CSV: one row per analysed frame, one column per metric and side,
 * plus that value's confidence, and the rep the frame falls in (empty between reps).
 * Not measurable = empty cell.
 */
import { columnConfidence, columnValue } from '../core/series';
import type { Analysis } from '../core/types';
import { METRIC_COLUMNS, metricColumnNames } from './metric_columns';
import { toCsv, type CsvCell } from './csv';

export function frameMetricsHeader(): string[] {
  const metrics = metricColumnNames();
  return ['t', 'rep', ...metrics, ...metrics.map((name) => `${name}_confidence`)];
}

/** Index of the rep whose [start, end] contains t, or null. */
export function repIndexAt(analysis: Analysis, t: number): number | null {
  const rep = analysis.reps.find((candidate) => t >= candidate.start && t <= candidate.end);
  return rep ? rep.index : null;
}

const SIDES = ['left', 'right'] as const;

export function frameMetricsCsv(analysis: Analysis): string {
  const { series } = analysis;
  const rows: CsvCell[][] = [];
  for (let i = 0; i < series.t.length; i++) {
    const values: CsvCell[] = [];
    const confidences: CsvCell[] = [];
    for (const column of METRIC_COLUMNS) {
      for (const side of column.sided ? SIDES : [null]) {
        values.push(columnValue(series, column.key, side, i));
        confidences.push(columnConfidence(series, column.key, side, i));
      }
    }
    rows.push([series.t[i], repIndexAt(analysis, series.t[i]), ...values, ...confidences]);
  }
  return toCsv(frameMetricsHeader(), rows);
}

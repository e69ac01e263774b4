/**
 * Per-frame metrics as CSV: one row per analysed frame, one column per metric and side,
 * plus that value's confidence, and the rep the frame falls in (empty between reps).
 * Not measurable = empty cell.
 */
import type { Analysis, AnalysedFrame } from '../core/types';
import { METRIC_COLUMNS, isSidedValue } from './metric_columns';
import { toCsv, type CsvCell } from './csv';

function columnNames(): string[] {
  const names: string[] = [];
  for (const column of METRIC_COLUMNS) {
    if (column.sided) names.push(`${column.key}_left`, `${column.key}_right`);
    else names.push(column.key);
  }
  return names;
}

export function frameMetricsHeader(): string[] {
  const metrics = columnNames();
  return ['t', 'rep', ...metrics, ...metrics.map((name) => `${name}_confidence`)];
}

/** Index of the rep whose [start, end] contains t, or null. */
export function repIndexAt(analysis: Analysis, t: number): number | null {
  const rep = analysis.reps.find((candidate) => t >= candidate.start && t <= candidate.end);
  return rep ? rep.index : null;
}

function metricCells(frame: AnalysedFrame): CsvCell[] {
  const cells: CsvCell[] = [];
  const metrics = frame.metrics as unknown as Record<string, unknown>;
  for (const column of METRIC_COLUMNS) {
    const value = metrics[column.key];
    if (column.sided) {
      cells.push(isSidedValue(value) ? value.left : null, isSidedValue(value) ? value.right : null);
    } else cells.push(typeof value === 'number' ? value : null);
  }
  return cells;
}

function confidenceCells(frame: AnalysedFrame): CsvCell[] {
  const cells: CsvCell[] = [];
  const confidence = frame.confidence as unknown as Record<string, unknown>;
  for (const column of METRIC_COLUMNS) {
    const value = confidence[column.key];
    if (column.sided) {
      cells.push(isSidedValue(value) ? value.left : null, isSidedValue(value) ? value.right : null);
    } else cells.push(typeof value === 'number' ? value : null);
  }
  return cells;
}

export function frameMetricsCsv(analysis: Analysis): string {
  const rows = analysis.frames.map((frame) => [frame.t, repIndexAt(analysis, frame.t), ...metricCells(frame), ...confidenceCells(frame)]);
  return toCsv(frameMetricsHeader(), rows);
}

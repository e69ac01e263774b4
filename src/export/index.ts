/** Export an Analysis as files (pure: strings in, strings out; the UI turns them into downloads). */
export { analysisJson, type AnalysisExport } from './analysis_json';
export { frameMetricsCsv, frameMetricsHeader, repIndexAt } from './frame_metrics_csv';
export { repsCsv, repsHeader, flagLabel } from './reps_csv';
export { toCsv, parseCsv, csvCell } from './csv';
export { METRIC_COLUMNS, metricColumnNames, type ExportColumn } from './metric_columns';

export type ExportKind = 'analysis-json' | 'frames-csv' | 'reps-csv';

/** File name for an export of `sourceName` ("squat.mp4" -> "squat.analysis.json"). */
export function exportFileName(sourceName: string, kind: ExportKind): string {
  const base = (sourceName.replace(/\.[^./\\]+$/, '') || 'squat').replace(/[^\w.-]+/g, '_');
  const suffix = kind === 'analysis-json' ? 'analysis.json' : kind === 'frames-csv' ? 'frames.csv' : 'reps.csv';
  return `${base}.${suffix}`;
}

export function exportMimeType(kind: ExportKind): string {
  return kind === 'analysis-json' ? 'application/json' : 'text/csv';
}

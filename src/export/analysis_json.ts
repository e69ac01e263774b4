/**
 * The Analysis as JSON, exactly as the core produced it (analysisToJSON: format v2, plain
 * arrays, null = not measurable; docs/analysis-format.md), wrapped with who exported it and
 * when, so an export can be re-read by the app (parseAnalysis), the CLI or a notebook.
 */
import { analysisToJSON, type AnalysisJSON } from '../core/analysis_io';
import type { Analysis } from '../core/types';

export interface AnalysisExport {
  exportedBy: 'squat-analyzer';
  /** ISO 8601 time of export. */
  exportedAt: string;
  analysis: AnalysisJSON;
}

export function analysisJson(analysis: Analysis, now: Date = new Date()): string {
  const payload: AnalysisExport = { exportedBy: 'squat-analyzer', exportedAt: now.toISOString(), analysis: analysisToJSON(analysis) };
  return JSON.stringify(payload, null, 2);
}

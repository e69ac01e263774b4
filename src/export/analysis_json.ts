/**
 * The Analysis as JSON, exactly as the core produced it (docs/analysis-format.md), wrapped
 * with who exported it and when, so an export can be re-read by the CLI or a notebook.
 * (JSON has no NaN/Infinity: JSON.stringify writes them as null, which matches the
 * Analysis convention that null = not measurable.)
 */
import type { Analysis } from '../core/types';

export interface AnalysisExport {
  exportedBy: 'squat-analyzer';
  /** ISO 8601 time of export. */
  exportedAt: string;
  analysis: Analysis;
}

export function analysisJson(analysis: Analysis, now: Date = new Date()): string {
  const payload: AnalysisExport = { exportedBy: 'squat-analyzer', exportedAt: now.toISOString(), analysis };
  return JSON.stringify(payload, null, 2);
}

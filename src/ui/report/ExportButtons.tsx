/** Export the Analysis as JSON, per-frame metrics CSV and per-rep CSV, plus print. */
import type { Analysis } from '../../core/types';
import { downloadBlob } from '../download_file';
import { analysisJson, exportFileName, exportMimeType, frameMetricsCsv, repsCsv, type ExportKind } from '../../export';

export function downloadText(text: string, fileName: string, mimeType: string): void {
  downloadBlob(new Blob([text], { type: `${mimeType};charset=utf-8` }), fileName);
}

const CONTENT: Record<ExportKind, (analysis: Analysis) => string> = {
  'analysis-json': (analysis) => analysisJson(analysis),
  'frames-csv': frameMetricsCsv,
  'reps-csv': repsCsv,
};

const LABELS: Record<ExportKind, string> = {
  'analysis-json': 'Analysis (JSON)',
  'frames-csv': 'Per-frame metrics (CSV)',
  'reps-csv': 'Per-rep table (CSV)',
};

export function ExportButtons({ analysis, sourceName }: { analysis: Analysis; sourceName: string }) {
  return (
    <section className="report-section export no-print" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className="button-row">
        {(Object.keys(CONTENT) as ExportKind[]).map((kind) => (
          <button key={kind} type="button" data-export={kind} onClick={() => downloadText(CONTENT[kind](analysis), exportFileName(sourceName, kind), exportMimeType(kind))}>
            ⤓ {LABELS[kind]}
          </button>
        ))}
        <button type="button" onClick={() => window.print()}>
          Print report
        </button>
      </div>
    </section>
  );
}

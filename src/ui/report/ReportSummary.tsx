/** Summary: reps, depth, tempo, camera view and what it can and cannot measure, confidence, warnings. */
import { depthSummary } from '../../core/depth_judgement';
import type { Analysis, MetricKey } from '../../core/types';
import { FAULT_LABELS, METRIC_LABELS, formatPercent, formatSeconds } from './labels';

function range(values: number[], format: (v: number) => string): string {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  const lo = format(sorted[0]!);
  const hi = format(sorted[sorted.length - 1]!);
  return lo === hi ? lo : `${lo} to ${hi}`;
}

const VIEW_WORDS = { front: 'front', side: 'side', oblique: 'oblique (about 45°)' } as const;

export function ReportSummary({ analysis }: { analysis: Analysis }) {
  const reps = analysis.reps;
  const partial = reps.filter((rep) => rep.partial).length;
  // One statement per view, against the lifter's depth target (the same sentence as the findings').
  const depth = depthSummary(analysis);
  const keys = Object.keys(analysis.measurability) as MetricKey[];
  const measurable = keys.filter((key) => analysis.measurability[key].measurable);
  const notMeasurable = keys.filter((key) => !analysis.measurability[key].measurable);
  const limited = measurable.filter((key) => analysis.measurability[key].reason);
  const flagCounts = new Map<string, number>();
  for (const rep of reps) for (const flag of rep.flags) flagCounts.set(flag.fault, (flagCounts.get(flag.fault) ?? 0) + 1);
  const segments = analysis.view.segments.filter((segment) => segment.kind !== analysis.view.kind);

  return (
    <section className="report-section report-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <dl className="summary-grid">
        <div>
          <dt>Reps</dt>
          <dd data-testid="rep-count">
            {reps.length}
            {partial > 0 && <span className="muted"> ({partial} cut off by the clip start or end)</span>}
          </dd>
        </div>
        <div>
          <dt>Depth</dt>
          <dd data-testid="depth-summary">
            {reps.length === 0 ? '–' : depth.measurable ? depth.text : <span className="not-measurable">{depth.text}</span>}
          </dd>
        </div>
        <div>
          <dt>Tempo</dt>
          <dd>
            {reps.length === 0 ? (
              '–'
            ) : (
              <>
                down {range(reps.map((rep) => rep.tempo.descentS), (v) => formatSeconds(v, 1))} · pause {range(reps.map((rep) => rep.tempo.bottomS), (v) => formatSeconds(v, 1))} · up{' '}
                {range(reps.map((rep) => rep.tempo.ascentS), (v) => formatSeconds(v, 1))}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Camera view</dt>
          <dd data-testid="view-kind">
            {VIEW_WORDS[analysis.view.kind]} <span className="muted">({formatPercent(analysis.view.confidence)} sure)</span>
            {segments.length > 0 && <span className="muted"> · changes view during the clip</span>}
            {Math.abs(analysis.cameraRollDeg) >= 1 && <span className="muted"> · camera tilted {analysis.cameraRollDeg.toFixed(0)}° (corrected)</span>}
          </dd>
        </div>
        <div>
          <dt>Confidence</dt>
          <dd>
            person found in {formatPercent(analysis.poseCoverage)} of frames · model {analysis.model}
          </dd>
        </div>
        <div>
          <dt>Flags</dt>
          <dd>
            {flagCounts.size === 0
              ? 'none'
              : [...flagCounts.entries()].map(([fault, count]) => `${FAULT_LABELS[fault as keyof typeof FAULT_LABELS]} ×${count}`).join(' · ')}
          </dd>
        </div>
      </dl>
      <div className="measurability">
        <div>
          <h3>Measured from this view</h3>
          <ul>
            {measurable.map((key) => (
              <li key={key}>
                {METRIC_LABELS[key].label}
                {analysis.measurability[key].reason && <span className="muted"> – {analysis.measurability[key].reason}</span>}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Not measurable from this view</h3>
          {notMeasurable.length === 0 ? (
            <p>Everything could be measured.</p>
          ) : (
            <ul data-testid="not-measurable-list">
              {notMeasurable.map((key) => (
                <li key={key}>
                  <strong>{METRIC_LABELS[key].label}</strong>
                  {analysis.measurability[key].reason ? `: ${analysis.measurability[key].reason}` : ''}
                </li>
              ))}
            </ul>
          )}
          {limited.length > 0 && <p className="muted small">Numbers carry about 7° of error from a single camera (BlazePose knee angle MAE 7.1°): read them as a guide.</p>}
        </div>
      </div>
      {analysis.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {analysis.warnings.map((warning) => (
            <li key={warning.code + warning.message} data-code={warning.code}>
              ⚠ {warning.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

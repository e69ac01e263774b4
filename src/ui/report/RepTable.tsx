/** One row per rep: tempo, key numbers, flags. Clicking a rep or a flag seeks the video there and pauses. */
import { isSidedMetric } from '../../core/metrics/registry';
import { repNumber } from '../../core/series';
import type { Analysis, Flag, MetricKey, Rep, Side } from '../../core/types';
import { FAULT_LABELS, METRIC_LABELS, NOT_MEASURABLE, capitalise, formatMetric, sideLabel } from './labels';

export interface SeekRequest {
  t: number;
  metric: MetricKey;
  side: Side | null;
  /** What to announce, e.g. "Rep 2, heel lifts, left". */
  description: string;
}

/** Key numbers shown per rep, in this order. */
const KEY_METRICS: readonly MetricKey[] = ['thighAngleDeg', 'kneeFlexionDeg', 'torsoAngleDeg', 'trunkTibiaDeg', 'heelLift', 'kneeValgusDeg', 'shinAngleDeg'];

function PeakCell({ metric, rep, measurable }: { metric: MetricKey; rep: Rep; measurable: boolean }) {
  if (!measurable) return <span className="not-measurable">{NOT_MEASURABLE}</span>;
  if (isSidedMetric(metric)) {
    return (
      <span className="sided">
        <span className="side-left" title="left">L {formatMetric(metric, repNumber(rep, metric, 'left'))}</span>{' '}
        <span className="side-right" title="right">R {formatMetric(metric, repNumber(rep, metric, 'right'))}</span>
      </span>
    );
  }
  const value = repNumber(rep, metric, null);
  return <span className={value === null ? 'not-measurable' : undefined}>{formatMetric(metric, value)}</span>;
}

export function flagDescription(flag: Flag): string {
  const side = sideLabel(flag.side);
  return [`Rep ${flag.rep + 1}`, FAULT_LABELS[flag.fault].toLowerCase(), side, flag.severity].filter(Boolean).join(', ');
}

export function flagSeekRequest(flag: Flag): SeekRequest {
  return { t: flag.t, metric: flag.metric, side: flag.side === 'left' || flag.side === 'right' ? flag.side : null, description: flagDescription(flag) };
}

export function repSeekRequest(rep: Rep): SeekRequest {
  return { t: rep.bottom, metric: 'kneeFlexionDeg', side: null, description: `Rep ${rep.index + 1}, bottom` };
}

export function RepTable({ analysis, onSeek }: { analysis: Analysis; onSeek: (request: SeekRequest) => void }) {
  // A column this view cannot measure at all would only repeat "not measurable" in every row:
  // it is named once under the table instead.
  const columns = KEY_METRICS.filter((metric) => analysis.measurability[metric]?.measurable);
  const hidden = KEY_METRICS.filter((metric) => analysis.measurability[metric] && !analysis.measurability[metric].measurable);
  if (analysis.reps.length === 0) {
    return (
      <section className="report-section" aria-labelledby="reps-heading">
        <h2 id="reps-heading">Reps</h2>
        <p>No complete rep was found in this clip.</p>
      </section>
    );
  }
  return (
    <section className="report-section" aria-labelledby="reps-heading">
      <h2 id="reps-heading">Reps</h2>
      <p className="muted small no-print">Select a rep or a flag to see it on the video (the video pauses there).</p>
      <div className="table-scroll">
        <table className="rep-table">
          <caption className="visually-hidden">Per-rep numbers and flags; values are each rep&apos;s peak</caption>
          <thead>
            <tr>
              <th scope="col">Rep</th>
              <th scope="col" className="flags-col">Flags</th>
              <th scope="col" title="seconds going down / pausing at the bottom / coming up">Tempo (s)<br /><span className="muted small">down / pause / up</span></th>
              {columns.map((metric) => (
                <th scope="col" key={metric} title={METRIC_LABELS[metric].help}>
                  {METRIC_LABELS[metric].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.reps.map((rep) => (
              <tr key={rep.index} data-rep={rep.index} className={rep.flags.length ? 'flagged' : undefined}>
                <th scope="row">
                  <button type="button" className="rep-button" onClick={() => onSeek(repSeekRequest(rep))} aria-label={`Show rep ${rep.index + 1} at its bottom`}>
                    {rep.index + 1}
                    {rep.partial && <span title="cut off by the clip start or end">*</span>}
                  </button>
                </th>
                <td className="flags-col">
                  {rep.flags.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="flag-list">
                      {rep.flags.map((flag, i) => (
                        <li key={i}>
                          <button
                            type="button"
                            className={`flag-chip severity-${flag.severity}`}
                            data-fault={flag.fault}
                            data-side={flag.side ?? ''}
                            data-t={flag.t}
                            onClick={() => onSeek(flagSeekRequest(flag))}
                            aria-label={`${flagDescription(flag)}: ${METRIC_LABELS[flag.metric].label} ${formatMetric(flag.metric, flag.value)}, threshold ${formatMetric(flag.metric, flag.threshold)}. Show on the video`}
                          >
                            {FAULT_LABELS[flag.fault]}
                            {flag.side && flag.side !== 'both' ? ` · ${sideLabel(flag.side)}` : flag.side === 'both' ? ' · both' : ''} · {flag.severity}
                            <span className="chip-value"> {formatMetric(flag.metric, flag.value)}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="nowrap">
                  {rep.tempo.descentS.toFixed(1)} / {rep.tempo.bottomS.toFixed(1)} / {rep.tempo.ascentS.toFixed(1)}
                </td>
                {columns.map((metric) => (
                  <td key={metric}>
                    <PeakCell metric={metric} rep={rep} measurable={analysis.measurability[metric].measurable} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Values are each rep&apos;s peak. {capitalise(NOT_MEASURABLE)} = this camera view or the keypoints could not show it.
        {hidden.length > 0 && (
          <span data-testid="rep-table-not-measurable">
            {' '}
            Not measurable from this view: {hidden.map((metric) => METRIC_LABELS[metric].label).join(', ')}.
          </span>
        )}
      </p>
    </section>
  );
}

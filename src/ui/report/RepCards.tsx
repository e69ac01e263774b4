/**
 * Rep by rep, one card per rep: tempo, flags, and every metric this view can measure, each with
 * its number and what it means (measure_text.ts reads them from rep.measures). Cards wrap to the
 * screen's width (one column on a phone), so no value hides behind a sideways scroll. Clicking a
 * rep or a flag seeks the video there and pauses.
 */
import { CHART_ORDER, isSidedMetric } from '../../core/metrics/registry';
import type { Analysis, Flag, MetricKey, Rep, Side } from '../../core/types';
import { FAULT_LABELS, METRIC_LABELS, capitalise, formatMetric, formatSeconds, sideLabel } from './labels';
import { MIN_FLAG_CONFIDENCE } from '../../core/flags/thresholds';
import { fromView, metricMeasurable, repMeasureShown } from './measure_text';

export interface SeekRequest {
  t: number;
  metric: MetricKey;
  side: Side | null;
  /** What to announce, e.g. "Rep 2, heel lifts, left". */
  description: string;
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

/** The metrics shown per rep: every one this view can measure, in the report's reading order. */
export function repCardMetrics(analysis: Pick<Analysis, 'measurability'>): { shown: MetricKey[]; notMeasurable: MetricKey[] } {
  const shown = CHART_ORDER.filter((key) => metricMeasurable(analysis, key));
  const notMeasurable = CHART_ORDER.filter((key) => !metricMeasurable(analysis, key));
  return { shown, notMeasurable };
}

/**
 * One number of a rep in a lifter's words, with the registry's number beside them where the words
 * put it in other units ("heel up about 3 cm (12 % foot)"); data-measure names the Analysis field.
 */
export function MeasureValue({ analysis, rep, metric, side, prefix }: { analysis: Analysis; rep: Rep; metric: MetricKey; side: Side | null; prefix?: string }) {
  const shown = repMeasureShown(analysis, rep, metric, side);
  return (
    <span className={`measure${side ? ` side-${side}` : ''}`} data-measure={`${rep.index}:${metric}:${side ?? ''}`}>
      {prefix && <span className="measure-side">{prefix} </span>}
      {shown.measure ? (
        <>
          <span className="measure-plain">{shown.plain}</span>
          {shown.numberAdds && (
            <>
              {' '}
              (<span className="measure-number">{shown.text}</span>)
            </>
          )}
          {shown.measure.view !== rep.view && <span className="measure-view muted"> {fromView(shown.measure.view)}</span>}
          {shown.measure.confidence < MIN_FLAG_CONFIDENCE && (
            <span className="measure-unsure" title={`The keypoints behind this number were unclear (${Math.round(shown.measure.confidence * 100)} % sure): read it as a rough guide; it is not judged.`}>
              {' '}
              unsure
            </span>
          )}
        </>
      ) : (
        <span className="measure-number not-measurable">{shown.text}</span>
      )}
    </span>
  );
}

function FlagChips({ rep, onSeek }: { rep: Rep; onSeek: (request: SeekRequest) => void }) {
  if (rep.flags.length === 0) return <p className="muted small no-flags">No flags</p>;
  return (
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
          </button>
        </li>
      ))}
    </ul>
  );
}

export function RepCards({ analysis, onSeek }: { analysis: Analysis; onSeek: (request: SeekRequest) => void }) {
  const { shown, notMeasurable } = repCardMetrics(analysis);
  if (analysis.reps.length === 0) return <p>No complete rep was found in this clip.</p>;
  return (
    <>
      <p className="muted small no-print">
        Select a rep or a flag to see it on the video (the video pauses there). Each number is the rep&apos;s extreme: its deepest, widest or most;
        &quot;unsure&quot; marks a number read from unclear keypoints, which is not judged.
      </p>
      <ol className="rep-cards" data-testid="rep-cards">
        {analysis.reps.map((rep) => (
          <li key={rep.index} className={`rep-card${rep.flags.length ? ' flagged' : ''}`} data-rep={rep.index}>
            <div className="rep-card-head">
              <button type="button" className="rep-button" onClick={() => onSeek(repSeekRequest(rep))} aria-label={`Show rep ${rep.index + 1} at its bottom`}>
                Rep {rep.index + 1}
                {rep.partial && <span title="cut off by the clip start or end">*</span>}
              </button>
              <span className="rep-tempo muted small">
                down {formatSeconds(rep.tempo.descentS, 1)} · pause {formatSeconds(rep.tempo.bottomS, 1)} · up {formatSeconds(rep.tempo.ascentS, 1)} · seen {fromView(rep.view)}
              </span>
            </div>
            <FlagChips rep={rep} onSeek={onSeek} />
            <dl className="rep-values">
              {shown.map((metric) => (
                <div key={metric} data-metric={metric}>
                  <dt title={METRIC_LABELS[metric].help}>{METRIC_LABELS[metric].label}</dt>
                  <dd>
                    {isSidedMetric(metric) ? (
                      <>
                        <MeasureValue analysis={analysis} rep={rep} metric={metric} side="left" prefix="L" />
                        <MeasureValue analysis={analysis} rep={rep} metric={metric} side="right" prefix="R" />
                      </>
                    ) : (
                      <MeasureValue analysis={analysis} rep={rep} metric={metric} side={null} />
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      <p className="muted small">
        {capitalise('not measurable')} = this camera view or the keypoints could not show it.
        {notMeasurable.length > 0 && (
          <span data-testid="reps-not-measurable">
            {' '}
            Not measurable from this view, so not shown: {notMeasurable.map((metric) => METRIC_LABELS[metric].label).join(', ')}.
          </span>
        )}
      </p>
    </>
  );
}

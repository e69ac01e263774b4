/**
 * Progress across sessions: pick a metric, see it per side over time, what changed since last
 * time and since the first session, and which sessions are left out because their view cannot
 * measure it. Numbers come from src/store/history_trends.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PROGRESS_METRIC_IDS, exclusionGroups, progressTrend, type ProgressMetricId, type Trend, type TrendChange } from '../../store/history_trends';
import type { HistorySession, SummarySide } from '../../store/history_types';
import { ProgressChart } from './ProgressChart';
import { formatProgressChange, formatProgressValue, formatShortSessionDate, progressLabel, viewWords } from './progress_display';

export interface ProgressPanelProps {
  sessions: readonly HistorySession[];
  onOpenSession: (sessionId: string) => void;
}

function sessionsWord(n: number): string {
  return `${n} session${n === 1 ? '' : 's'}`;
}

function viewsText(views: readonly HistorySession['view'][]): string {
  const words = views.map(viewWords);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function ChangeCell({ id, change }: { id: ProgressMetricId; change: TrendChange | undefined }) {
  if (!change) return <td className="muted">–</td>;
  return (
    <td data-delta={change.delta}>
      <strong>{formatProgressChange(id, change.delta)}</strong>
      <span className="muted small progress-since"> since {formatShortSessionDate(change.from.t)}</span>
    </td>
  );
}

function Differences({ trend }: { trend: Trend }) {
  const id = trend.metric.id;
  const latest = (side: SummarySide) => [...trend.points].reverse().find((p) => p.values[side]);
  return (
    <div className="table-scroll">
      <table className="progress-changes" data-testid="progress-changes">
        <thead>
          <tr>
            <th scope="col">{trend.metric.sided ? 'Side' : ''}</th>
            <th scope="col">Latest</th>
            <th scope="col">Since last time</th>
            <th scope="col">Since the first session</th>
          </tr>
        </thead>
        <tbody>
          {trend.sides.map((side) => {
            const point = latest(side);
            return (
              <tr key={side} data-side={side}>
                <th scope="row">{side === 'none' ? progressLabel(id).label : side === 'left' ? 'Left' : 'Right'}</th>
                <td>{point ? formatProgressValue(id, point.values[side]!.value) : '–'}</td>
                <ChangeCell id={id} change={trend.sinceLast[side]} />
                <ChangeCell id={id} change={trend.sinceFirst[side]} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProgressPanel({ sessions, onOpenSession }: ProgressPanelProps) {
  const [metric, setMetric] = useState<ProgressMetricId>('heelLift');
  const trend = useMemo(() => progressTrend(sessions, metric), [sessions, metric]);
  const label = progressLabel(metric);
  const groups = exclusionGroups(trend);
  // On a phone the chips scroll sideways in one row: keep the chosen one in sight (the row only,
  // never the page).
  const picker = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const row = picker.current;
    if (!row) return;
    const showChosen = () => {
      const chip = row.querySelector<HTMLElement>('[aria-pressed="true"]');
      if (!chip || row.scrollWidth <= row.clientWidth) return;
      const left = chip.offsetLeft - row.offsetLeft;
      if (left < row.scrollLeft || left + chip.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = left - (row.clientWidth - chip.offsetWidth) / 2;
    };
    showChosen();
    // Also once the tab is shown or the window narrows.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(showChosen);
    observer.observe(row);
    return () => observer.disconnect();
  }, [metric]);

  return (
    <section className="panel progress-panel-history" aria-labelledby="progress-heading" data-testid="progress">
      <h2 id="progress-heading">Progress</h2>
      <div ref={picker} className="button-row metric-picker" role="group" aria-label="Metric">
        {PROGRESS_METRIC_IDS.map((id) => (
          <button key={id} type="button" className="chip" aria-pressed={id === metric} onClick={() => setMetric(id)} data-metric={id}>
            {progressLabel(id).label}
          </button>
        ))}
      </div>
      <p className="muted small">
        {label.help} {trend.metric.sided ? 'Each side on its own line (left blue, right orange). ' : ''}A point is the median rep of that session; click one to open its report.
      </p>
      <p className="small" data-testid="progress-coverage">
        {trend.points.length > 0 ? (
          <>
            Plotted: {sessionsWord(trend.points.length)} filmed from {viewsText(trend.views)}.
          </>
        ) : (
          <>No session has measured {label.label.toLowerCase()} yet.</>
        )}
        {groups.map((g) => (
          <span key={g.reason} className="progress-excluded">
            {' '}
            Not plotted: {sessionsWord(g.count)} filmed from {viewsText(g.views)} ({g.reason}).
          </span>
        ))}
      </p>
      {trend.points.length > 0 && (
        <>
          <ProgressChart trend={trend} onOpenSession={onOpenSession} />
          <Differences trend={trend} />
        </>
      )}
    </section>
  );
}

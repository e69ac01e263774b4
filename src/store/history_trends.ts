/**
 * Progress across sessions: for one metric, the sessions to plot (oldest first), per side, with
 * "since last time" and "since the first session" differences. Pure: reads the sessions' stored
 * summaries (session_summary.ts), no database, no DOM.
 *
 * A session is plotted for a metric only when its view could measure it (the Analysis'
 * measurability), so a side-view session never adds a knee-valgus point; the sessions left out
 * are returned with the reason, for the chart to say so.
 */
import { CHART_ORDER } from '../core/metrics/registry';
import type { MetricKey, ViewKind } from '../core/types';
import { bySessionDate, sessionDate, type HistorySession, type SummarySide, type SummaryValue } from './history_types';
import { metricHasSides } from './analysis_access';

export type ProgressMetricId = MetricKey | 'tempo' | 'reps';

export interface ProgressMetric {
  id: ProgressMetricId;
  /** Per side (left and right series) or one series. */
  sided: boolean;
}

/**
 * Every metric of the registry, in the report's chart order (a metric added there is charted
 * here too, from the views its registry entry supports), then the set's tempo and rep count.
 */
export const PROGRESS_METRIC_IDS: readonly ProgressMetricId[] = [...CHART_ORDER, 'tempo', 'reps'];

export function progressMetric(id: ProgressMetricId): ProgressMetric {
  if (id === 'tempo' || id === 'reps') return { id, sided: false };
  return { id, sided: metricHasSides(id) };
}

export interface TrendPoint {
  sessionId: string;
  /** ms since the epoch. */
  t: number;
  name: string;
  note: string;
  view: ViewKind;
  /** Value per side shown ('none' for a metric without sides); a missing side measured nothing. */
  values: Partial<Record<SummarySide, SummaryValue>>;
}

export interface ExcludedSession {
  sessionId: string;
  t: number;
  name: string;
  view: ViewKind;
  /** Why it is not plotted, in words. */
  reason: string;
}

export interface TrendChange {
  /** Latest minus the earlier value, in the metric's own unit. */
  delta: number;
  from: { sessionId: string; t: number; value: number };
  to: { sessionId: string; t: number; value: number };
}

export interface Trend {
  metric: ProgressMetric;
  sides: SummarySide[];
  points: TrendPoint[];
  excluded: ExcludedSession[];
  /** The views of the plotted sessions. */
  views: ViewKind[];
  /** Per side: the latest session against the one before it that also measured that side. */
  sinceLast: Partial<Record<SummarySide, TrendChange>>;
  /** Per side: the latest session against the first that measured that side. */
  sinceFirst: Partial<Record<SummarySide, TrendChange>>;
}

function countValue(n: number): SummaryValue {
  return { value: n, worst: n, confidence: 1, reps: n };
}

/** The session's values for the metric, or why it has none. */
function sessionValues(session: HistorySession, metric: ProgressMetric): Partial<Record<SummarySide, SummaryValue>> | string {
  const { summary } = session;
  if (metric.id === 'reps') return { none: countValue(summary.repCount) };
  if (metric.id === 'tempo') {
    if (!summary.tempo) return 'no complete rep to time';
    const { repS } = summary.tempo;
    return { none: { value: repS, worst: repS, confidence: 1, reps: summary.repCount } };
  }
  const m = summary.metrics[metric.id];
  // Saved by a version of the app that did not measure this metric yet.
  if (!m) return 'analysed before the app measured it';
  if (!m.measurable) return m.reason ?? `not measurable from a ${session.view} view`;
  if (Object.keys(m.values).length === 0) return 'no rep measured it (keypoints not seen clearly enough)';
  return m.values;
}

function change(points: readonly TrendPoint[], side: SummarySide, pick: 'previous' | 'first'): TrendChange | undefined {
  const having = points.filter((p) => p.values[side]);
  if (having.length < 2) return undefined;
  const to = having[having.length - 1]!;
  const from = pick === 'first' ? having[0]! : having[having.length - 2]!;
  const a = from.values[side]!.value;
  const b = to.values[side]!.value;
  return { delta: b - a, from: { sessionId: from.sessionId, t: from.t, value: a }, to: { sessionId: to.sessionId, t: to.t, value: b } };
}

export function progressTrend(sessions: readonly HistorySession[], id: ProgressMetricId): Trend {
  const metric = progressMetric(id);
  const sides: SummarySide[] = metric.sided ? ['left', 'right'] : ['none'];
  const points: TrendPoint[] = [];
  const excluded: ExcludedSession[] = [];
  const ordered = [...sessions].sort(bySessionDate);
  for (const session of ordered) {
    const values = sessionValues(session, metric);
    if (typeof values === 'string') {
      excluded.push({ sessionId: session.id, t: sessionDate(session), name: session.name, view: session.view, reason: values });
    } else {
      points.push({ sessionId: session.id, t: sessionDate(session), name: session.name, note: session.note, view: session.view, values });
    }
  }
  const sinceLast: Trend['sinceLast'] = {};
  const sinceFirst: Trend['sinceFirst'] = {};
  for (const side of sides) {
    const last = change(points, side, 'previous');
    const first = change(points, side, 'first');
    if (last) sinceLast[side] = last;
    if (first) sinceFirst[side] = first;
  }
  const views = [...new Set(points.map((p) => p.view))];
  return { metric, sides, points, excluded, views, sinceLast, sinceFirst };
}

/** Excluded sessions grouped by reason (one line each on the chart), most sessions first. */
export function exclusionGroups(trend: Trend): { reason: string; views: ViewKind[]; count: number }[] {
  const groups = new Map<string, { reason: string; views: Set<ViewKind>; count: number }>();
  for (const e of trend.excluded) {
    const g = groups.get(e.reason) ?? { reason: e.reason, views: new Set<ViewKind>(), count: 0 };
    g.views.add(e.view);
    g.count += 1;
    groups.set(e.reason, g);
  }
  return [...groups.values()].map((g) => ({ reason: g.reason, views: [...g.views], count: g.count })).sort((a, b) => b.count - a.count);
}

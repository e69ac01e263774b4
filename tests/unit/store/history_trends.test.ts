import { describe, expect, it } from 'vitest';
import type { ViewKind } from '../../../src/core/types';
import { METRIC_KEYS } from '../../../src/core/metrics/registry';
import { PROGRESS_METRIC_IDS, exclusionGroups, progressTrend } from '../../../src/store/history_trends';
import type { HistorySession, MetricSummary, SummaryValue } from '../../../src/store/history_types';

function v(value: number): SummaryValue {
  return { value, worst: value, confidence: 0.9, reps: 3 };
}

function session(id: string, day: number, view: ViewKind, metrics: Record<string, MetricSummary>, repCount = 3): HistorySession {
  return {
    id,
    createdAt: Date.UTC(2026, 0, day),
    name: `${id}.mp4`,
    origin: 'upload',
    view,
    model: 'blazepose-full',
    note: '',
    durationS: 10,
    width: 480,
    height: 848,
    fps: 30,
    summary: { repCount, view, viewConfidence: 0.9, poseCoverage: 1, tempo: repCount ? { repS: 2 + day / 100, descentS: 1, bottomS: 0.2, ascentS: 0.8 } : null, metrics, flaggedReps: {} },
    summaryVersion: 1,
    analysisFormat: 1,
    video: null,
    dataBytes: 1,
  };
}

const heel = (left: number | null, right: number | null): MetricSummary => ({
  measurable: true,
  view: 'side',
  reason: null,
  values: { ...(left === null ? {} : { left: v(left) }), ...(right === null ? {} : { right: v(right) }) },
});
const notFromSide: MetricSummary = { measurable: false, view: null, reason: 'knee valgus angle needs a front view', values: {} };

describe('progressTrend', () => {
  const sessions = [
    session('c', 20, 'side', { heelLift: heel(0.05, 0.01), kneeValgusDeg: notFromSide }),
    session('a', 1, 'side', { heelLift: heel(0.12, 0.02), kneeValgusDeg: notFromSide }),
    session('b', 10, 'front', { heelLift: heel(null, 0.03), kneeValgusDeg: { measurable: true, view: 'front', reason: null, values: { left: v(9), right: v(4) } } }),
    session('d', 25, 'side', { heelLift: { measurable: true, view: 'side', reason: null, values: {} }, kneeValgusDeg: notFromSide }, 0),
  ];

  it('plots sessions oldest first; since last time and since the first compare sessions that measured that side', () => {
    const trend = progressTrend(sessions, 'heelLift');
    expect(trend.sides).toEqual(['left', 'right']);
    expect(trend.points.map((p) => p.sessionId)).toEqual(['a', 'b', 'c']);
    // Left: b did not measure it, so "last time" for the left heel is a.
    expect(trend.sinceLast.left).toMatchObject({ from: { sessionId: 'a', value: 0.12 }, to: { sessionId: 'c', value: 0.05 } });
    expect(trend.sinceLast.left!.delta).toBeCloseTo(-0.07, 12);
    expect(trend.sinceLast.right!.from.sessionId).toBe('b');
    expect(trend.sinceLast.right!.delta).toBeCloseTo(-0.02, 12);
    expect(trend.sinceFirst.right!.delta).toBeCloseTo(-0.01, 12);
    expect(trend.excluded).toEqual([expect.objectContaining({ sessionId: 'd', reason: expect.stringMatching(/no rep measured it/) })]);
  });

  it('leaves out the sessions whose view cannot measure the metric, and says why', () => {
    const trend = progressTrend(sessions, 'kneeValgusDeg');
    expect(trend.points.map((p) => p.sessionId)).toEqual(['b']);
    expect(trend.views).toEqual(['front']);
    expect(trend.sinceLast).toEqual({});
    expect(exclusionGroups(trend)).toEqual([{ reason: 'knee valgus angle needs a front view', views: ['side'], count: 3 }]);
  });

  it('reps from every view; tempo only where a rep was complete', () => {
    expect(progressTrend(sessions, 'reps').points.map((p) => p.values.none!.value)).toEqual([3, 3, 3, 0]);
    const tempo = progressTrend(sessions, 'tempo');
    expect(tempo.points.map((p) => p.sessionId)).toEqual(['a', 'b', 'c']);
    expect(tempo.excluded.map((e) => e.reason)).toEqual(['no complete rep to time']);
    expect(tempo.sinceFirst.none!.delta).toBeCloseTo(0.19, 12);
  });

  it('offers every registry metric, so a metric added there is charted too; a session saved before it existed says so', () => {
    expect([...PROGRESS_METRIC_IDS].sort()).toEqual([...METRIC_KEYS, 'reps', 'tempo'].sort());
    const drift = progressTrend(sessions, 'kneeDrift');
    expect(drift.points).toEqual([]);
    expect(exclusionGroups(drift)).toEqual([{ reason: 'analysed before the app measured it', views: ['side', 'front'], count: 4 }]);
  });
});

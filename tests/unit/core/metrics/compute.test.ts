/**
 * Each registry metric's compute function on its own, on hand-placed keypoints whose answer is
 * worked out here independently (plain trigonometry), and from every view: where the registry
 * says a view cannot measure the metric, the value must be NaN (not measurable), never a number.
 * Through the frame stage and analyze() the metrics are tested in ../frame_metrics/ and
 * ../analyze_synthetic.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { LifterOrientation, MetricSeries } from '../../../../src/core/metrics/metric_context';
import { METRICS, metricDef, type SeriesOf } from '../../../../src/core/metrics/registry';
import type { MetricKey, Side, ViewKind } from '../../../../src/core/types';
import { analyze } from '../../../../src/core/analyze';
import { columnValue } from '../../../../src/core/series';
import { syntheticSquat } from '../../../support/synthetic_squat';
import { metricContext, type ContextOptions, type FramePoints } from '../../../support/metric_context';

const deg = (rad: number) => (rad * 180) / Math.PI;
/** Angle between two vectors, degrees (independent of src/core/geometry.ts). */
const angle = (ax: number, ay: number, bx: number, by: number) => deg(Math.acos((ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by))));

// Front view: hips 40 px apart, both knees 8 px toward the midline, thigh and shank 45.7 px.
const FRONT: FramePoints = {
  leftHip: [100, 100], rightHip: [60, 100], leftKnee: [92, 55], rightKnee: [68, 55], leftAnkle: [100, 10], rightAnkle: [60, 10],
  leftShoulder: [105, 170], rightShoulder: [55, 170], leftHeel: [100, 5], rightHeel: [60, 0],
};
// Front view, feet turned out: left 15 deg, right 10 deg, on a 60 px foot (the left hip is at larger x).
const FRONT_FEET: FramePoints = {
  ...FRONT, leftHeel: [100, 0], rightHeel: [60, 0],
  leftToe: [100 + 60 * Math.sin((15 * Math.PI) / 180), -5], rightToe: [60 - 60 * Math.sin((10 * Math.PI) / 180), -5],
};
// Front view standing straight: each knee on its hip-ankle line.
const FRONT_STANDING: FramePoints = { ...FRONT, leftKnee: [100, 55], rightKnee: [60, 55] };
// Square to the camera, the lifter's left toward image right.
const FACING: LifterOrientation = { cx: 1, sx: 0, source: '3d', hipOverAnkle: null };
// Front view, hips 9 px toward the lifter's left (the left hip is at larger x).
const FRONT_SHIFTED: FramePoints = { leftHip: [109, 100], rightHip: [69, 100], leftAnkle: [100, 10], rightAnkle: [60, 10] };
// Side view, facing image right: both legs on top of each other.
const SIDE: FramePoints = {
  leftHip: [0, 100], rightHip: [0, 100], leftKnee: [40, 70], rightKnee: [40, 70], leftAnkle: [20, 20], rightAnkle: [20, 20],
  leftShoulder: [30, 160], rightShoulder: [30, 160], leftHeel: [5, 5], rightHeel: [5, 5], leftToe: [65, 0], rightToe: [65, 0],
};

interface Case {
  metric: MetricKey;
  side: Side | null;
  view: ViewKind;
  frame: FramePoints;
  options?: Partial<ContextOptions>;
  value: number;
  /** Expected confidence in `view`, where it is a plain product (0.9 score x view factor x ...). */
  confidence?: number;
  /** Frames before `frame` in the context (e.g. the lifter standing); the value is read at `frame`. */
  before?: readonly FramePoints[];
}

const CASES: Case[] = [
  // Knees 8 px further in than while standing, on a 90 px leg; x |cos yaw| (1) for the confidence.
  { metric: 'kneeDrift', side: 'left', view: 'front', frame: FRONT, before: [FRONT_STANDING, FRONT_STANDING, FRONT_STANDING], options: { standing: [0, 1, 2], lifter: FACING }, value: 8 / 90, confidence: 0.9 },
  { metric: 'kneeDrift', side: 'right', view: 'front', frame: FRONT, before: [FRONT_STANDING, FRONT_STANDING, FRONT_STANDING], options: { standing: [0, 1, 2], lifter: FACING }, value: 8 / 90 },
  { metric: 'kneeValgusDeg', side: 'left', view: 'front', frame: FRONT, value: 2 * deg(Math.atan(8 / 45)), confidence: 0.9 },
  { metric: 'kneeValgusDeg', side: 'right', view: 'front', frame: FRONT, value: 2 * deg(Math.atan(8 / 45)) },
  { metric: 'kneeOffset', side: 'left', view: 'front', frame: FRONT, value: 8 / 90, confidence: 0.9 },
  { metric: 'kneeSeparationRatio', side: null, view: 'front', frame: FRONT, value: 24 / 40, confidence: 0.9 },
  // The rear foot rotating about the toe: heel up 5 px over the toe, the ankle 4 px (its lever is
  // 0.8 of the heel's), on a 60 px foot, against standing heights of 0 and 16 (side) / 11 (front).
  { metric: 'heelLift', side: 'left', view: 'side', frame: SIDE, options: { heelToeBase: { left: 0 }, ankleToeBase: { left: 16 } }, value: 5 / 60, confidence: 0.9 },
  { metric: 'heelLift', side: 'left', view: 'front', frame: FRONT_FEET, options: { heelToeBase: { left: 0 }, ankleToeBase: { left: 11 } }, value: 5 / 60, confidence: 0.9 * 0.7 },
  // The heel keypoint rising alone (the ankle where it stood): no rotation, no lift.
  { metric: 'heelLift', side: 'left', view: 'side', frame: SIDE, options: { heelToeBase: { left: 0 }, ankleToeBase: { left: 20 } }, value: 0, confidence: 0.9 },
  { metric: 'footAngleDeg', side: 'left', view: 'side', frame: SIDE, value: deg(Math.atan2(5, 60)), confidence: 0.9 },
  { metric: 'footTurnOutDeg', side: 'left', view: 'front', frame: FRONT_FEET, options: { standing: [0] }, value: 15, confidence: 0.9 },
  { metric: 'footTurnOutDeg', side: 'right', view: 'front', frame: FRONT_FEET, options: { standing: [0] }, value: 10, confidence: 0.9 },
  { metric: 'torsoAngleDeg', side: null, view: 'side', frame: SIDE, value: deg(Math.atan2(30, 60)), confidence: 0.9 },
  { metric: 'shinAngleDeg', side: 'right', view: 'side', frame: SIDE, value: deg(Math.atan2(20, 50)), confidence: 0.9 },
  { metric: 'trunkTibiaDeg', side: null, view: 'side', frame: SIDE, value: deg(Math.atan2(30, 60)) - deg(Math.atan2(20, 50)), confidence: 0.9 },
  { metric: 'kneeFlexionDeg', side: 'left', view: 'side', frame: SIDE, value: 180 - angle(-40, 30, -20, -50), confidence: 0.9 },
  { metric: 'hipFlexionDeg', side: null, view: 'side', frame: SIDE, value: 180 - angle(30, 60, 40, -30), confidence: 0.9 },
  { metric: 'depth', side: null, view: 'side', frame: SIDE, options: { thighPx: 50 }, value: -30 / 50, confidence: 0.9 },
  { metric: 'depth', side: null, view: 'front', frame: FRONT, value: -45 / 45, confidence: 0.9 * 0.6 },
  { metric: 'thighAngleDeg', side: null, view: 'side', frame: SIDE, value: deg(Math.atan2(-30, 40)), confidence: 0.9 },
  { metric: 'hipShift', side: null, view: 'front', frame: FRONT_SHIFTED, value: 9 / 40, confidence: 0.9 },
];

const VIEWS: ViewKind[] = ['front', 'side', 'oblique'];

function computeOne(metric: MetricKey, side: Side | null, frame: FramePoints, options: ContextOptions, before: readonly FramePoints[] = []): MetricSeries {
  const ctx = metricContext([...before, frame], options);
  const seriesOf: SeriesOf = (key, s) => {
    const compute = metricDef(key as MetricKey).compute;
    if (compute === 'rep-stage') throw new Error(`${key} is filled by the rep stage`);
    return compute(ctx, s, seriesOf);
  };
  return seriesOf(metric, side);
}

describe('each metric on its own', () => {
  it('has a hand-worked case for every metric the frame stage computes', () => {
    const covered = new Set(CASES.map((c) => c.metric));
    for (const def of METRICS) if (def.compute !== 'rep-stage') expect(covered.has(def.key), def.key).toBe(true);
  });

  for (const c of CASES) {
    it(`${c.metric}${c.side ? ` (${c.side})` : ''} from the ${c.view}: ${c.value.toFixed(3)}`, () => {
      const at = c.before?.length ?? 0;
      const out = computeOne(c.metric, c.side, c.frame, { view: c.view, ...c.options }, c.before);
      expect(out.value[at]).toBeCloseTo(c.value, 4);
      if (c.confidence !== undefined) expect(out.confidence[at]).toBeCloseTo(c.confidence, 5);
    });

    it(`${c.metric}${c.side ? ` (${c.side})` : ''}: not measurable from the views the registry rules out, measured from the others`, () => {
      const views = metricDef(c.metric).views;
      const at = c.before?.length ?? 0;
      for (const view of VIEWS) {
        const out = computeOne(c.metric, c.side, c.frame, { view, ...c.options }, c.before);
        if (views[view] === 0) {
          expect(out.value[at], view).toBeNaN();
        } else if (view === c.view) {
          expect(out.confidence[at], view).toBeGreaterThan(0);
          expect(out.confidence[at], view).toBeLessThanOrEqual(views[view]);
        }
      }
    });
  }

  it('knee valgus and knee offset are read only with the knees bent (hip below 90 % of standing)', () => {
    for (const metric of ['kneeValgusDeg', 'kneeOffset'] as const) {
      expect(computeOne(metric, 'left', FRONT, { view: 'front', hipHeight: 0.95 }).value[0], metric).toBeNaN();
      expect(computeOne(metric, 'left', FRONT, { view: 'front', hipHeight: 0.85 }).value[0], metric).not.toBeNaN();
    }
  });

  it('heel lift is not measurable for the foot the camera cannot see (hidden behind the other)', () => {
    const options = { view: 'side' as const, heelToeBase: { left: 0, right: 0 }, ankleToeBase: { left: 16, right: 16 } };
    expect(computeOne('heelLift', 'left', SIDE, { ...options, footVisibility: { left: 0 } }).value[0]).toBeNaN();
    expect(computeOne('heelLift', 'right', SIDE, { ...options, footVisibility: { left: 0 } }).value[0]).toBeCloseTo(5 / 60, 4);
    // Partly hidden: measured, with confidence in proportion.
    expect(computeOne('heelLift', 'left', SIDE, { ...options, footVisibility: { left: 0.5 } }).confidence[0]).toBeCloseTo(0.45, 5);
  });

  it('foot turn-out reads the toe from where the heel stood: a hidden heel the model drags with the shin changes nothing', () => {
    const dragged: FramePoints = { ...FRONT_FEET, leftHeel: [90, 2] };
    const ctx = metricContext([FRONT_FEET, dragged], { view: 'front', standing: [0] });
    const out = metricDef('footTurnOutDeg').compute as (c: typeof ctx, s: Side) => MetricSeries;
    const left = out(ctx, 'left');
    expect(left.value[1]).toBeCloseTo(left.value[0], 6);
    expect(left.value[0]).toBeCloseTo(15, 4);
    // Without a standing frame there is no heel to read from.
    expect(computeOne('footTurnOutDeg', 'left', FRONT_FEET, { view: 'front' }).value[0]).toBeNaN();
  });

  it('foot turn-out from 45 degrees undoes the forward run the yaw leaks in', () => {
    // Lifter turned 45 deg, facing image right: a foot turned out by a reads x / L = cos45 sin a + o f sin45 cos a.
    const a = (12 * Math.PI) / 180, L = 60, c = Math.SQRT1_2;
    const toeX = 100 + L * (c * Math.sin(a) + c * Math.cos(a)); // left foot: outward +x, forward +x
    const frame: FramePoints = { leftHip: [100, 100], rightHip: [80, 100], leftHeel: [100, 0], leftToe: [toeX, -3] };
    const out = computeOne('footTurnOutDeg', 'left', frame, { view: 'oblique', standing: [0], sagittalScale: c, facing: 1 });
    expect(out.value[0]).toBeCloseTo(12, 4);
    expect(out.confidence[0]).toBeCloseTo(0.9 * 0.5, 5);
  });

  it('a keypoint scored below the gate makes the metric not measurable', () => {
    expect(computeOne('torsoAngleDeg', null, SIDE, { view: 'side', score: 0.2 }).value[0]).toBeNaN();
    expect(computeOne('kneeSeparationRatio', null, FRONT, { view: 'front', score: 0.2 }).value[0]).toBeNaN();
  });
});

describe('each metric through analyze()', () => {
  const bestView = (metric: MetricKey): ViewKind => VIEWS.reduce((a, b) => (metricDef(metric).views[b] > metricDef(metric).views[a] ? b : a));
  const byView = new Map<ViewKind, ReturnType<typeof analyze>>();
  const analysed = (view: ViewKind) => {
    if (!byView.has(view)) byView.set(view, analyze(syntheticSquat({ reps: 3, view, noisePx: 0.5, seed: 3 }).track));
    return byView.get(view)!;
  };

  for (const def of METRICS) {
    it(`${def.key}: measurable and has values from its best view (${bestView(def.key)})`, () => {
      const a = analysed(bestView(def.key));
      expect(a.measurability[def.key].measurable).toBe(true);
      expect(a.measurability[def.key].view).toBe(bestView(def.key));
      // From the side one foot stands behind the other and is not measurable: count either side.
      let values = 0;
      for (const side of def.sided ? (['left', 'right'] as const) : [null]) {
        for (let i = 0; i < a.series.t.length; i++) if (columnValue(a.series, def.key, side, i) !== null) values++;
      }
      expect(values).toBeGreaterThan(0);
    });
  }
});

/**
 * A MetricContext (what every metric's compute function reads) built by hand from a few frames
 * of keypoint positions, so a metric can be tested on its own, on geometry whose answer is known.
 * Positions are roll-free, Y-up pixels, as the frame stage hands them to the metrics.
 */
import { KP } from '../../src/core/keypoint_access';
import type { LifterOrientation, MetricContext } from '../../src/core/metrics/metric_context';
import type { StandingBaseline } from '../../src/core/standing_baseline';
import type { Side, ViewKind } from '../../src/core/types';
import { VIEW_CODE } from '../../src/core/view_detection';

export type Slot = keyof typeof KP;
export type FramePoints = Partial<Record<Slot, readonly [number, number]>>;

export interface ContextOptions {
  view: ViewKind;
  /** Standing segment lengths, px. */
  thighPx?: number;
  shankPx?: number;
  footPx?: number;
  /** +1 = the lifter faces image right. */
  facing?: number;
  /** Hip height relative to standing per frame (default 0.5: squatting). */
  hipHeight?: number;
  /** Score of every given keypoint. */
  score?: number;
  /** Standing heel-over-toe and ankle-over-toe heights per foot (px). */
  heelToeBase?: Partial<Record<Side, number>>;
  ankleToeBase?: Partial<Record<Side, number>>;
  /** How well the camera sees each foot (0 = hidden behind the other); default both fully. */
  footVisibility?: Partial<Record<Side, number>>;
  /** |sin yaw| in oblique views. */
  sagittalScale?: number;
  /** Which frames the lifter stands in (the standing baseline's standing frames); default none. */
  standing?: readonly number[];
  /** The lifter's orientation to the camera (knee drift); default null (unknown). */
  lifter?: LifterOrientation;
}

export function metricContext(frames: readonly FramePoints[], o: ContextOptions): MetricContext {
  const n = frames.length;
  const slots = Object.keys(KP).length;
  const X = new Float32Array(n * slots).fill(NaN), Y = new Float32Array(n * slots).fill(NaN), score = new Float32Array(n * slots);
  frames.forEach((f, i) => {
    for (const [name, p] of Object.entries(f) as [Slot, readonly [number, number]][]) {
      const k = KP[name];
      X[k * n + i] = p[0];
      Y[k * n + i] = p[1];
      score[k * n + i] = o.score ?? 0.9;
    }
  });
  const thighPx = o.thighPx ?? 45, shankPx = o.shankPx ?? 45;
  const base: StandingBaseline = {
    standing: Uint8Array.from({ length: n }, (_, i) => (o.standing?.includes(i) ? 1 : 0)), standingCount: o.standing?.length ?? 0, fallback: false,
    thighPx, shankPx, legPx: thighPx + shankPx, footPx: o.footPx ?? 60,
  };
  const fill = (v: number) => new Float32Array(n).fill(v);
  return {
    n, X, Y, score, minScore: 0.3,
    viewKind: new Uint8Array(n).fill(VIEW_CODE[o.view]),
    sagittalScale: fill(o.view === 'oblique' ? (o.sagittalScale ?? Math.SQRT1_2) : 1),
    facing: new Int8Array(n).fill(o.facing ?? 1),
    base,
    heelToeBase: { left: fill(o.heelToeBase?.left ?? NaN), right: fill(o.heelToeBase?.right ?? NaN) },
    ankleToeBase: { left: fill(o.ankleToeBase?.left ?? NaN), right: fill(o.ankleToeBase?.right ?? NaN) },
    feet: {
      separation: NaN, far: 0, farFrom: null,
      visibility: { left: o.footVisibility?.left ?? 1, right: o.footVisibility?.right ?? 1 },
    },
    hipHeight: fill(o.hipHeight ?? 0.5),
    lifter: o.lifter ?? null,
  };
}

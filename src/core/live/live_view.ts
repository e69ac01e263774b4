/**
 * Which way is the lifter turned to the camera, from one frame, and what that view can measure.
 *
 * The yaw comes from foreshortening: the shoulder line shrinks with cos(yaw) while the
 * shoulder-to-hip line does not. Facing the camera, the BlazePose shoulder keypoints are about
 * 0.76 torso-lengths apart (Drillis & Contini 1966 proportions, in Winter's "Biomechanics and
 * Motor Control of Human Movement": shoulder width ~0.22 H between joint centres, shoulder-to-hip
 * 0.288 H). The recorded analysis has its own view detection over the whole clip (core/view_detection);
 * this is the cheap per-frame version that drives the live hint.
 */
import type { ViewKind } from '../types';
import { type KeypointIndex, midpoint, seen } from './live_keypoints';

export const FRONTAL_SHOULDER_TO_TORSO_RATIO = 0.76;
/** Yaw bands: under 30 degrees reads as front, over 60 as side, between as the 45-degree view. */
export const FRONT_MAX_YAW_DEG = 30;
export const SIDE_MIN_YAW_DEG = 60;

export interface LiveViewEstimate {
  kind: ViewKind;
  /** 0 = facing the camera, 90 = side-on. */
  yawDeg: number;
}

export function estimateLiveView(index: KeypointIndex): LiveViewEstimate | null {
  const ls = seen(index, 'left_shoulder', 0.3);
  const rs = seen(index, 'right_shoulder', 0.3);
  const hip = midpoint(seen(index, 'left_hip', 0.3), seen(index, 'right_hip', 0.3));
  const shoulder = midpoint(ls, rs);
  if (!ls || !rs || !hip || !shoulder) return null;
  const torso = Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y);
  if (torso <= 0) return null;
  const ratio = Math.hypot(ls.x - rs.x, ls.y - rs.y) / torso;
  const yawDeg = (Math.acos(Math.min(1, ratio / FRONTAL_SHOULDER_TO_TORSO_RATIO)) * 180) / Math.PI;
  const kind: ViewKind = yawDeg < FRONT_MAX_YAW_DEG ? 'front' : yawDeg > SIDE_MIN_YAW_DEG ? 'side' : 'oblique';
  return { kind, yawDeg };
}

export interface ViewAdvice {
  kind: ViewKind;
  /** What this view measures, in words. */
  measures: string;
  /** How to turn to measure the rest; null when nothing is out of reach. */
  toMeasureMore: string;
}

/**
 * In words, what each view supports. Same split as the recorded analysis's measurability:
 * the frontal plane (knee valgus, knee separation, hip shift) needs a front or 45-degree view,
 * the sagittal plane (depth, torso lean, shin angle, butt wink) a side or 45-degree view
 * (REFERENCE.md section 3; topset.dev marks metrics "not measurable" from the current view).
 */
export function adviceForView(kind: ViewKind): ViewAdvice {
  switch (kind) {
    case 'side':
      return {
        kind,
        measures: 'Side view: measures depth, torso angle, shin angle and heel lift.',
        toMeasureMore: 'Face the camera to measure knee valgus.',
      };
    case 'front':
      return {
        kind,
        measures: 'Front view: measures knee valgus, knee width, hip shift and heel lift.',
        toMeasureMore: 'Turn side-on to measure depth and torso angle.',
      };
    default:
      return {
        kind,
        measures: '45° view: measures a little of both, less precisely than a straight view.',
        toMeasureMore: 'Turn side-on to measure depth and torso angle; face the camera to measure knee valgus.',
      };
  }
}

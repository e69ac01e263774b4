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
import { metricDef } from '../metrics/registry';
import type { MetricKey, ViewKind } from '../types';
import { classifyCosYaw } from '../view_detection';
import { type KeypointIndex, midpoint, seen } from './live_keypoints';

export const FRONTAL_SHOULDER_TO_TORSO_RATIO = 0.76;

export interface LiveViewEstimate {
  kind: ViewKind;
  /** 0 = facing the camera, 90 = side-on. */
  yawDeg: number;
}

/** Per-frame view; the bands (front within 30 degrees, side beyond 65) are the recorded analysis's (core/view_detection). */
export function estimateLiveView(index: KeypointIndex): LiveViewEstimate | null {
  const ls = seen(index, 'left_shoulder', 0.3);
  const rs = seen(index, 'right_shoulder', 0.3);
  const hip = midpoint(seen(index, 'left_hip', 0.3), seen(index, 'right_hip', 0.3));
  const shoulder = midpoint(ls, rs);
  if (!ls || !rs || !hip || !shoulder) return null;
  const torso = Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y);
  if (torso <= 0) return null;
  const cosYaw = Math.min(1, Math.hypot(ls.x - rs.x, ls.y - rs.y) / torso / FRONTAL_SHOULDER_TO_TORSO_RATIO);
  return { kind: classifyCosYaw(cosYaw), yawDeg: (Math.acos(cosYaw) * 180) / Math.PI };
}

export interface ViewAdvice {
  kind: ViewKind;
  /** What this view measures, in words. */
  measures: string;
  /** How to turn to measure the rest; null when nothing is out of reach. */
  toMeasureMore: string | null;
}

/** The metrics a lifter asks about first, in the words the live hint uses. */
const HEADLINE_METRICS: [MetricKey, string][] = [
  ['depth', 'depth'],
  ['torsoAngleDeg', 'torso angle'],
  ['shinAngleDeg', 'shin angle'],
  ['kneeValgusDeg', 'knee valgus'],
  ['kneeSeparationRatio', 'knee width'],
  ['hipShift', 'hip shift'],
  ['heelLift', 'heel lift'],
];

const VIEW_NAME: Record<ViewKind, string> = { front: 'Front view', side: 'Side view', oblique: '45° view' };

function listWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * What each view measures, in words, from the metric registry's view support
 * (core/metrics/registry): a metric counts as measured from a view where its support is at least 0.7.
 * Depth and torso angle are measured fully only side-on, knee valgus only facing the camera.
 */
export function adviceForView(kind: ViewKind): ViewAdvice {
  const measured = HEADLINE_METRICS.filter(([key]) => metricDef(key).views[kind] >= 0.7).map(([, words]) => words);
  const hints: string[] = [];
  if (metricDef('depth').views[kind] < 1 || metricDef('torsoAngleDeg').views[kind] < 1) hints.push('turn side-on to measure depth and torso angle');
  if (metricDef('kneeValgusDeg').views[kind] < 1) hints.push('face the camera to measure knee valgus');
  const toMeasureMore = hints.length ? `${hints.join('; ').replace(/^./, (c) => c.toUpperCase())}.` : null;
  const caveat = kind === 'oblique' ? ', less precisely than a straight view' : '';
  return { kind, measures: `${VIEW_NAME[kind]}: measures ${listWords(measured)}${caveat}.`, toMeasureMore };
}

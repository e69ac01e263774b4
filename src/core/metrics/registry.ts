/**
 * The metric registry: one definition per metric, the only place a metric's facts live.
 * Everything else is derived from it: the MetricKey and FrameMetrics types (types.ts), the
 * frame stage's loop and output columns, which view supports a metric and why not, the rep
 * peak direction, left-right asymmetry rules, the words findings use, export columns, chart
 * order and the overlay's keypoints and label anchor.
 *
 * To add a metric: write its compute file in this folder (context in, value and confidence
 * series out) and add one entry below; docs/metrics.md's tables are checked against this list
 * by tests/unit/core/metrics/registry_docs.test.ts.
 *
 * Views: each view's number is the confidence factor of that view for the metric (0 = cannot
 * measure from it), the basis of Analysis.measurability (measurability.ts).
 */
import { FOOT_PER_LEG } from '../standing_baseline';
import type { ChainLink, Side, ViewKind } from '../types';
import { depth } from './depth';
import { footAngleDeg } from './foot_angle';
import { footTurnOutDeg } from './foot_turn_out';
import { heelLift } from './heel_lift';
import { hipFlexionDeg } from './hip_flexion';
import { hipShift } from './hip_shift';
import { kneeFlexionDeg } from './knee_flexion';
import { kneeDrift } from './knee_drift';
import { kneeOffset } from './knee_offset';
import { kneeSeparationRatio } from './knee_separation';
import { kneeValgusDeg } from './knee_valgus';
import type { MetricContext, MetricSeries } from './metric_context';
import { shinAngleDeg } from './shin_angle';
import { thighAngleDeg } from './thigh_angle';
import { torsoAngleDeg } from './torso_angle';
import { trunkTibiaDeg } from './trunk_tibia';

/**
 * Which extreme of a metric matters over a rep: 'max' the largest value (valgus, heel lift,
 * lean, depth...), 'min' the smallest (knee separation: knees narrowest), 'absmax' the signed
 * value with the largest magnitude (hip shift either way).
 */
export type PeakDirection = 'max' | 'min' | 'absmax';

/** The unit of a metric's value in the Analysis (angles in degrees; lengths as fractions of a body length). */
export type MetricUnit = 'deg' | 'leg lengths' | 'foot lengths' | 'thigh lengths' | 'hip widths' | 'ratio';

export interface MetricDisplay {
  /** Short name ("Heel lift"). */
  label: string;
  /** Shown after the number ("°", "% foot"; "" for a bare number). */
  unit: string;
  /** Converts the Analysis value to the number shown (e.g. fraction -> percent). */
  scale: number;
  digits: number;
  /** What the number means, for a tooltip. */
  help: string;
}

export interface ViewSupport {
  /** Confidence factor of each view; 0 = cannot measure from it. */
  front: number;
  side: number;
  oblique: number;
  /** Why not, when the view cannot, in words a lifter understands. */
  needs: string;
  /** What limits it from a 45-degree view, if anything. */
  obliqueNote?: string;
  /** What limits it from the front, if anything. */
  frontNote?: string;
  /**
   * What limits it when a front or 45-degree view is filmed from behind (ViewEstimate.fromBehind),
   * in place of frontNote / obliqueNote. The view factors are the same as facing the camera.
   */
  behindNote?: string;
  /** Why not, when the view supports it but no frame had the keypoints it needs. */
  missing?: string;
}

/** Left-right comparison of a per-side metric over the reps (asymmetry/rep_asymmetry.ts). */
export interface AsymmetryRule {
  /** Which way is worse: more valgus ('higher'), less knee flexion ('lower'). */
  worse: 'higher' | 'lower';
  /**
   * Smallest difference that can count, in the metric's unit: below it the difference is within
   * keypoint error whatever the rep-to-rep SD says. Angles: 4.6 deg, the minimal detectable
   * change of the weight-bearing lunge test (REFERENCE.md §3), rounded to 5 deg. Ratios: a third
   * of the related fault's mild threshold.
   */
  floor: number;
  /**
   * Floor from a 45-degree view when larger (perspective makes the near and far side differ even
   * when they move alike); absent = the same floor.
   */
  obliqueFloor?: number;
  /**
   * Views that see and project both sides alike, so a left-right comparison is fair. Only the
   * front view, and only for frontal-plane and vertical measures: at 45 degrees the knee's
   * forward travel projects toward the midline on one leg and away on the other and toe-out
   * turns one foot to the camera; from the side the far leg is hidden (REFERENCE.md §3).
   */
  fairViews: readonly ViewKind[];
  /** The finding's words: "The left <words> 5 deg more than the right". */
  words: string;
  /** Words when both knees track out (negative values): "The left <words> 5 deg less than the right". */
  outwardWords?: string;
  /** Guidance of an asymmetry finding, for the worse side. */
  guidance: (worseSide: Side) => string;
  /** Another metric that says the same thing better: this one's finding is left out when that one is real. */
  restates?: string;
}

/** Another metric's per-frame series, for metrics derived from others (trunk-tibia). */
export type SeriesOf = (key: string, side: Side | null) => MetricSeries;

export interface MetricDef<K extends string = string, S extends boolean = boolean> {
  key: K;
  sided: S;
  /** Meaning and sign, one line (types and docs read it). */
  meaning: string;
  unit: MetricUnit;
  display: MetricDisplay;
  /** The value in the words a lifter uses ("heel up about 1 cm"). */
  plain: (value: number) => string;
  /**
   * The same words cut short for a label beside the joint on the video ("knee 3 cm in"), where
   * plain() is too long for it; labels use plain() where this is absent.
   */
  label?: (value: number) => string;
  /** An amount of the metric for findings ("12 deg", "5 % of foot length"); magnitude only. */
  amount: (value: number) => string;
  peak: PeakDirection;
  /**
   * How long a rep's peak must hold, seconds, where longer than the default 0.1 s
   * (reps/rep_peaks.ts): for metrics whose keypoints glitch for longer than a real peak can be short.
   */
  peakHoldS?: number;
  views: ViewSupport;
  /** Per-side metrics only: how left and right are compared. */
  asymmetry?: AsymmetryRule;
  /**
   * Flags on this metric also need the rep's peak above the metric's own standing wobble
   * (flags/standing_noise.ts): 'floor' = median + 3 SD of standing values; 'deviation' = 3 SD
   * (the metric is measured from the standing value, e.g. hip shift).
   */
  noiseGate?: 'floor' | 'deviation';
  /** Keypoints the metric reads (highlighted on the skeleton): full names, and per-side suffixes. */
  keypoints: { both?: readonly string[]; perSide?: readonly string[] };
  /** Keypoint suffix ("knee") next to which its value is written on the video. */
  anchor: string;
  /** Position in the report's charts (reading order: depth first, then down the chain). */
  chartOrder: number;
  /**
   * Error of one view's reading, in the metric's unit, from the view that supports it best (a view
   * with support f < 1 errs by this / f): what two videos of one set may differ by before they
   * disagree (multiview/fuse.ts). Angles: 7.1 deg, BlazePose's knee-angle mean absolute error
   * from one side camera (REFERENCE.md §3), for every angle, none of which is measured better.
   * Lengths: keypoints wobble by a few % of leg length; 3 % of leg length (the asymmetry floor of
   * knee offset and heel lift) in each metric's unit: depth 0.1 thigh lengths (two keypoints' 3 %
   * of leg each over half a leg: sqrt(2) x 0.06), hip shift 0.12 hip widths (3 % of leg / hip width
   * 0.26 leg), knee width ratio 0.1 (two keypoints' ~2 cm each over a ~30 cm ankle width).
   */
  singleViewError: number;
  /** The chain link a left-right difference of this metric points at (findings, body diagram). */
  bodyPart?: ChainLink;
  /** Per-frame series; 'rep-stage' = filled by the rep analysis (needs the reps). */
  compute: ((ctx: MetricContext, side: Side | null, seriesOf: SeriesOf) => MetricSeries) | 'rep-stage';
}

function defineMetric<const K extends string, const S extends boolean>(def: MetricDef<K, S>): MetricDef<K, S> {
  return def;
}

/** Winter 2009 (Biomechanics and Motor Control of Human Movement) proportions, for plain words in cm. */
const TYPICAL_HEIGHT_M = 1.7;
const LEG_PER_HEIGHT = 0.491;
const FOOT_CM = FOOT_PER_LEG * LEG_PER_HEIGHT * TYPICAL_HEIGHT_M * 100;
const LEG_CM = LEG_PER_HEIGHT * TYPICAL_HEIGHT_M * 100;

const r0 = (v: number) => Math.round(Math.abs(v));
const deg = (v: number) => `${r0(v)} deg`;
const pctOf = (what: string) => (v: number) => `${Math.round(Math.abs(v) * 100)} % of ${what}`;
const cm = (v: number) => {
  const c = Math.abs(v);
  return c < 1 ? `${c.toFixed(1)} cm` : `${Math.round(c)} cm`;
};
const sagittal = (needs: string): ViewSupport => ({ front: 0, side: 1, oblique: 0.7, needs });
const DORSIFLEXION_GUIDANCE = (side: Side) => `Compare the ${side} ankle's dorsiflexion with the other side (knee-to-wall test).`;
const SINGLE_LEG_GUIDANCE = (side: Side) => `Watch the ${side} side on video; single-leg work (split squats) shows whether one side is weaker or stiffer.`;

export const METRICS = [
  defineMetric({
    key: 'kneeDrift',
    sided: true,
    meaning: "knee's inward travel relative to its own ankle since standing / leg length; + = inward",
    unit: 'leg lengths',
    display: { label: 'Knee drift', unit: '% leg', scale: 100, digits: 0, help: 'How far the knee moved inward over the foot since you stood, as % of leg length; negative = outward.' },
    plain: (v) => (v >= 0 ? `knee ${cm(v * LEG_CM)} further in over the foot than standing` : `knee ${cm(v * LEG_CM)} further out over the foot than standing`),
    label: (v) => `knee ${cm(v * LEG_CM)} ${v >= 0 ? 'in' : 'out'}`,
    amount: pctOf('leg length'),
    peak: 'max',
    views: {
      front: 1,
      side: 0,
      oblique: 0.7,
      needs: 'knee drift needs the knees seen from the front, at 45 degrees or from behind: from the side one knee hides the other',
      obliqueNote: "from 45 degrees the knee's forward travel is told from its sideways travel by the shin's length: less sure than from the front",
      missing: 'the knees and ankles were not found clearly enough, or the lifter was never seen standing',
    },
    // Floor 0.07 leg lengths: MediaPipe's left/right bias (issue 4125: one shank ~60 mm longer
    // than the other in world landmarks across 160 people) over a 0.86 m leg (Winter 2009: 0.491 H
    // at 1.75 m). Measured on mirrored fixture clips the image-side bias of this measure stayed
    // <= 0.02 from the front and <= 0.05 at 45 degrees (docs/accuracy.md, Asymmetry).
    // From 45 degrees +0.066: on the exact synthetic squat filmed by a pinhole camera 3 m away at
    // 20-60 deg of yaw, perspective made the two knees differ by up to 0.066 (docs/accuracy.md).
    asymmetry: { worse: 'higher', floor: 0.07, obliqueFloor: 0.136, fairViews: ['front', 'oblique'], words: 'knee drifts in', outwardWords: 'knee tracks out', guidance: SINGLE_LEG_GUIDANCE },
    noiseGate: 'floor',
    keypoints: { perSide: ['knee', 'ankle'] },
    anchor: 'knee',
    chartOrder: 8,
    // As knee offset (3 % of leg length, from the front); the 45-degree reading errs by 0.03 / 0.7.
    singleViewError: 0.03,
    bodyPart: 'knee',
    compute: (ctx, side) => kneeDrift(ctx, side!),
  }),
  defineMetric({
    key: 'kneeValgusDeg',
    sided: true,
    meaning: 'signed frontal-plane projection angle (FPPA); + = knee inward (valgus)',
    unit: 'deg',
    display: { label: 'Knee valgus', unit: '°', scale: 1, digits: 0, help: 'Frontal-plane projection angle; positive = knee moves inward.' },
    plain: (v) => (v >= 0 ? `knee bends ${r0(v)}° inward` : `knee bends ${r0(v)}° outward`),
    amount: deg,
    peak: 'max',
    views: { front: 1, side: 0, oblique: 0, needs: 'knee valgus angle needs a front view: from the side or at 45 degrees the knees moving forward look like moving in or out (knee width is still measured at 45 degrees)' },
    // No left-right comparison: near parallel FPPA swings toward +-180 deg on either knee, so its
    // difference at the bottom is not a measure; knee drift compares the knees (one definition).
    noiseGate: 'floor',
    keypoints: { perSide: ['hip', 'knee', 'ankle'] },
    anchor: 'knee',
    chartOrder: 8,
    singleViewError: 7.1,
    bodyPart: 'knee',
    compute: (ctx, side) => kneeValgusDeg(ctx, side!),
  }),
  defineMetric({
    key: 'kneeOffset',
    sided: true,
    meaning: "knee's signed distance from the hip-ankle line / leg length; + = inward",
    unit: 'leg lengths',
    display: { label: 'Knee offset', unit: '% leg', scale: 100, digits: 0, help: 'Knee distance inside the hip-ankle line, as % of leg length.' },
    plain: (v) => `knee ${cm(v * LEG_CM)} ${v >= 0 ? 'inside' : 'outside'} the line from hip to ankle`,
    amount: pctOf('leg length'),
    peak: 'max',
    views: { front: 1, side: 0, oblique: 0, needs: 'knee drift needs a front view: from the side or at 45 degrees the knees moving forward look like moving in or out' },
    // Compared by knee drift instead (the same offset, read against the lifter's standing frames).
    keypoints: { perSide: ['hip', 'knee', 'ankle'] },
    anchor: 'knee',
    chartOrder: 9,
    singleViewError: 0.03,
    bodyPart: 'knee',
    compute: (ctx, side) => kneeOffset(ctx, side!),
  }),
  defineMetric({
    key: 'kneeSeparationRatio',
    sided: false,
    meaning: 'knee width / ankle width; < 1 = knees inside the ankles',
    unit: 'ratio',
    display: { label: 'Knee / ankle width', unit: '', scale: 1, digits: 2, help: 'Knee width divided by ankle width; below 1 = knees closer than the feet.' },
    plain: (v) => `knees ${Math.round(v * 100)} % as far apart as the ankles`,
    amount: (v) => `${Math.abs(v).toFixed(2)} x ankle width`,
    peak: 'min',
    views: { front: 1, side: 0, oblique: 0.7, needs: 'knee width needs a front or 45-degree view with the feet apart', missing: 'the knees and ankles were not found clearly enough, or the feet were together' },
    keypoints: { both: ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'] },
    anchor: 'knee',
    chartOrder: 10,
    singleViewError: 0.1,
    bodyPart: 'knee',
    compute: (ctx) => kneeSeparationRatio(ctx),
  }),
  defineMetric({
    key: 'heelLift',
    sided: true,
    meaning: "rise of the rear foot about the toes (heel and ankle against the toe, each from that foot's own standing height) / foot length; + = up",
    unit: 'foot lengths',
    display: { label: 'Heel lift', unit: '% foot', scale: 100, digits: 0, help: 'How far the heel rose about the toes, above its own standing height, as % of foot length.' },
    plain: (v) => (v > 0 ? `heel up about ${cm(v * FOOT_CM)}` : 'heel down'),
    amount: pctOf('foot length'),
    peak: 'max',
    // A heel that tight ankles lift stays up through the bottom (0.6-0.9 s per rep on
    // oblique-heel-lift); the foot keypoints' glitches in fast motion last up to 0.13 s
    // (side-forward-lean's ascent, heels flat). Chosen leave-one-clip-out from 0.1-0.3 s:
    // 0.25 in 16 of 17 folds (docs/accuracy.md).
    peakHoldS: 0.25,
    views: {
      front: 0.7, side: 1, oblique: 0.9, needs: 'heel lift needs the heels in the picture',
      frontNote: 'from the front the heels are partly hidden: a side view shows heel lift best',
      // From behind the heel is in view but the toe, the pivot the lift is read about, is hidden
      // behind it (docs/metrics.md "From behind"): the front's factor for the other hidden point.
      behindNote: 'from behind the toes are hidden behind the heels: a side view shows heel lift best',
      missing: 'the heels were not found clearly enough in the picture',
    },
    // A third of the mild heel-lift tier (0.10 foot lengths).
    asymmetry: { worse: 'higher', floor: 0.033, fairViews: ['front'], words: 'heel lifts', guidance: DORSIFLEXION_GUIDANCE },
    noiseGate: 'floor',
    keypoints: { perSide: ['ankle', 'heel', 'foot_index'] },
    anchor: 'heel',
    chartOrder: 6,
    singleViewError: 0.03,
    bodyPart: 'ankle',
    compute: (ctx, side) => heelLift(ctx, side!),
  }),
  defineMetric({
    key: 'footAngleDeg',
    sided: true,
    meaning: 'heel-to-toe line against the floor line; + = heel above toe',
    unit: 'deg',
    display: { label: 'Foot angle', unit: '°', scale: 1, digits: 0, help: 'Heel-to-toe line against the floor; positive = heel above toe.' },
    plain: (v) => (v >= 0 ? `foot tilted ${r0(v)}° heel-up` : `foot tilted ${r0(v)}° toe-up`),
    amount: deg,
    peak: 'max',
    views: { front: 0, side: 1, oblique: 0.5, needs: 'foot angle needs a side or 45-degree view', missing: 'the heels and toes were not found clearly enough in the picture' },
    asymmetry: { worse: 'higher', floor: 5, fairViews: [], words: 'foot tilts heel-up', guidance: SINGLE_LEG_GUIDANCE, restates: 'heelLift' },
    keypoints: { perSide: ['ankle', 'heel', 'foot_index'] },
    anchor: 'heel',
    chartOrder: 7,
    singleViewError: 7.1,
    bodyPart: 'ankle',
    compute: (ctx, side) => footAngleDeg(ctx, side!),
  }),
  defineMetric({
    key: 'footTurnOutDeg',
    sided: true,
    meaning: 'heel-to-toe line from straight ahead on the floor; + = toe out, - = toe in',
    unit: 'deg',
    display: { label: 'Foot turn-out', unit: '°', scale: 1, digits: 0, help: 'Heel-to-toe line from straight ahead; positive = toes out.' },
    plain: (v) => (v >= 0 ? `foot turned out ${r0(v)}°` : `foot turned in ${r0(v)}°`),
    amount: deg,
    peak: 'max',
    views: {
      front: 1, side: 0, oblique: 0.5,
      needs: "feet turning out needs a front or 45-degree view: from the side the foot turns along the camera's line of sight",
      obliqueNote: "from 45 degrees foot turn-out is approximate (it depends on the camera's estimated angle)",
      missing: 'the heels and toes were not found clearly enough in the picture',
    },
    // The stance's toe-out is the lifter's choice, so a left-right difference of it is a habit,
    // not a worse side; at 45 degrees one foot also turns toward the camera. Never compared.
    asymmetry: { worse: 'higher', floor: 5, fairViews: [], words: 'foot turns out', guidance: SINGLE_LEG_GUIDANCE },
    keypoints: { perSide: ['heel', 'foot_index'] },
    anchor: 'foot_index',
    chartOrder: 7.5,
    singleViewError: 7.1,
    bodyPart: 'ankle',
    compute: (ctx, side) => footTurnOutDeg(ctx, side!),
  }),
  defineMetric({
    key: 'torsoAngleDeg',
    sided: false,
    meaning: 'hip-mid to shoulder-mid line from vertical; 0 = upright, + = leaning forward',
    unit: 'deg',
    display: { label: 'Torso lean', unit: '°', scale: 1, digits: 0, help: 'Trunk from vertical; 0 = upright.' },
    plain: (v) => `torso ${r0(v)}° ${v >= 0 ? 'forward of' : 'back from'} upright`,
    amount: deg,
    peak: 'max',
    views: sagittal('torso lean needs a side or 45-degree view'),
    noiseGate: 'floor',
    keypoints: { both: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'] },
    anchor: 'hip',
    chartOrder: 3,
    singleViewError: 7.1,
    compute: (ctx) => torsoAngleDeg(ctx),
  }),
  defineMetric({
    key: 'trunkTibiaDeg',
    sided: false,
    meaning: 'trunk angle minus shin angle (both from vertical); + = trunk leans more than the shins',
    unit: 'deg',
    display: { label: 'Trunk vs shin', unit: '°', scale: 1, digits: 0, help: 'Trunk angle minus shin angle; positive = trunk leans more than the shins.' },
    plain: (v) => `trunk ${r0(v)}° ${v >= 0 ? 'more forward' : 'more upright'} than the shins`,
    amount: deg,
    peak: 'max',
    views: sagittal('trunk-to-shin angle needs a side or 45-degree view'),
    noiseGate: 'floor',
    keypoints: { both: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'], perSide: ['knee', 'ankle'] },
    anchor: 'hip',
    chartOrder: 4,
    singleViewError: 7.1,
    compute: (_ctx, _side, seriesOf) => trunkTibiaDeg(seriesOf('torsoAngleDeg', null), seriesOf('shinAngleDeg', 'left'), seriesOf('shinAngleDeg', 'right')),
  }),
  defineMetric({
    key: 'buttWink',
    sided: false,
    meaning: "pelvic-tuck proxy, degrees of posterior rotation relative to the rep's descent; 0 = none",
    unit: 'deg',
    display: { label: 'Butt wink', unit: '°', scale: 1, digits: 0, help: 'Pelvic-tuck proxy at the bottom (advisory).' },
    plain: (v) => `pelvis tucks under about ${r0(v)}° (estimate)`,
    amount: deg,
    peak: 'max',
    views: { ...sagittal('butt wink needs a side or 45-degree view'), obliqueNote: 'butt wink is an estimate: no pose model sees the pelvis' },
    keypoints: { both: ['left_shoulder', 'right_shoulder'], perSide: ['hip', 'knee'] },
    anchor: 'hip',
    chartOrder: 11,
    singleViewError: 7.1,
    compute: 'rep-stage',
  }),
  defineMetric({
    key: 'kneeFlexionDeg',
    sided: true,
    meaning: '0 = straight leg; larger = more bent',
    unit: 'deg',
    display: { label: 'Knee bend', unit: '°', scale: 1, digits: 0, help: '0 = straight leg.' },
    plain: (v) => `knee bent ${r0(v)}°`,
    amount: deg,
    peak: 'max',
    views: sagittal('knee bend needs a side or 45-degree view'),
    asymmetry: { worse: 'lower', floor: 5, fairViews: [], words: 'knee bends', guidance: SINGLE_LEG_GUIDANCE },
    keypoints: { perSide: ['hip', 'knee', 'ankle'] },
    anchor: 'knee',
    chartOrder: 0,
    singleViewError: 7.1,
    bodyPart: 'knee',
    compute: (ctx, side) => kneeFlexionDeg(ctx, side!),
  }),
  defineMetric({
    key: 'hipFlexionDeg',
    sided: false,
    meaning: 'angle between trunk and thigh; 0 = standing straight',
    unit: 'deg',
    display: { label: 'Hip bend', unit: '°', scale: 1, digits: 0, help: 'Angle between trunk and thigh; 0 = standing straight.' },
    plain: (v) => `hips bent ${r0(v)}°`,
    amount: deg,
    peak: 'max',
    views: sagittal('hip bend needs a side or 45-degree view'),
    keypoints: { both: ['left_shoulder', 'right_shoulder'], perSide: ['hip', 'knee'] },
    anchor: 'hip',
    chartOrder: 2,
    singleViewError: 7.1,
    compute: (ctx) => hipFlexionDeg(ctx),
  }),
  defineMetric({
    key: 'shinAngleDeg',
    sided: true,
    meaning: 'shin (ankle to knee) from vertical, dorsiflexion proxy; + = knee forward',
    unit: 'deg',
    display: { label: 'Shin angle', unit: '°', scale: 1, digits: 0, help: 'Shin from vertical (ankle dorsiflexion proxy); positive = knee forward.' },
    plain: (v) => `shin ${r0(v)}° ${v >= 0 ? 'forward of' : 'back from'} vertical`,
    amount: deg,
    peak: 'max',
    views: sagittal('shin angle (ankle bend) needs a side or 45-degree view'),
    asymmetry: { worse: 'lower', floor: 5, fairViews: [], words: 'shin travels forward', guidance: DORSIFLEXION_GUIDANCE },
    keypoints: { perSide: ['knee', 'ankle'] },
    anchor: 'ankle',
    chartOrder: 5,
    singleViewError: 7.1,
    bodyPart: 'ankle',
    compute: (ctx, side) => shinAngleDeg(ctx, side!),
  }),
  defineMetric({
    key: 'depth',
    sided: false,
    meaning: '(knee height - hip height) / thigh length; > 0 = hip below knee (below parallel)',
    unit: 'thigh lengths',
    display: { label: 'Depth', unit: '', scale: 1, digits: 2, help: 'Hip below knee, per thigh length; above 0 = below parallel.' },
    plain: (v) => `hips ${Math.round(Math.abs(v) * 100)} % of a thigh length ${v >= 0 ? 'below' : 'above'} the knees`,
    amount: pctOf('thigh length'),
    peak: 'max',
    views: { front: 0.6, side: 1, oblique: 0.7, needs: 'depth needs the hips and knees in the picture', frontNote: 'from the front depth is approximate: a side view measures it best', behindNote: 'from behind depth is approximate: a side view measures it best' },
    keypoints: { perSide: ['hip', 'knee'] },
    anchor: 'hip',
    chartOrder: 13,
    singleViewError: 0.1,
    compute: (ctx) => depth(ctx),
  }),
  defineMetric({
    key: 'thighAngleDeg',
    sided: false,
    meaning: 'thigh (hip to knee) from horizontal; 0 = parallel, + = hip below knee',
    unit: 'deg',
    display: { label: 'Thigh angle', unit: '°', scale: 1, digits: 0, help: 'Thigh from horizontal; 0 = parallel, positive = hip below knee.' },
    plain: (v) => (Math.round(v) === 0 ? 'thighs at parallel' : `thighs ${r0(v)}° ${v > 0 ? 'below' : 'above'} parallel`),
    amount: deg,
    peak: 'max',
    views: sagittal('thigh angle needs a side or 45-degree view'),
    keypoints: { perSide: ['hip', 'knee'] },
    anchor: 'hip',
    chartOrder: 1,
    singleViewError: 7.1,
    compute: (ctx) => thighAngleDeg(ctx),
  }),
  defineMetric({
    key: 'hipShift',
    sided: false,
    meaning: "hip-mid offset from the ankle-mid / hip width; + = toward the lifter's left",
    unit: 'hip widths',
    display: { label: 'Hip shift', unit: '% hip', scale: 100, digits: 0, help: 'Hips shifted sideways, as % of hip width; positive = toward your left.' },
    plain: (v) => `hips ${Math.round(Math.abs(v) * 100)} % of hip width toward the ${v >= 0 ? 'left' : 'right'}`,
    amount: pctOf('hip width'),
    peak: 'absmax',
    views: { front: 1, side: 0, oblique: 0, needs: 'hip shift needs a front view: from the side or at 45 degrees the hips moving back look like moving sideways', missing: 'hip shift needs the camera square to the lifter (within about 15 degrees) and both hips and ankles seen clearly: turned further, the hips moving back look like moving sideways' },
    noiseGate: 'deviation',
    keypoints: { both: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'] },
    anchor: 'hip',
    chartOrder: 12,
    singleViewError: 0.12,
    bodyPart: 'hip',
    compute: (ctx) => hipShift(ctx),
  }),
] as const;

type Defs = (typeof METRICS)[number];
/** Every metric's key ("heelLift"). */
export type RegistryMetricKey = Defs['key'];
/** Keys of the metrics measured per side. */
export type RegistrySidedKey = Extract<Defs, { sided: true }>['key'];

export const METRIC_KEYS: readonly RegistryMetricKey[] = METRICS.map((d) => d.key);

const BY_KEY = new Map<string, MetricDef>(METRICS.map((d) => [d.key, d]));

/** The definition of one metric. */
export function metricDef(key: RegistryMetricKey): MetricDef<RegistryMetricKey> {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`unknown metric ${key}`);
  return def as MetricDef<RegistryMetricKey>;
}

export function isMetricKey(key: string): key is RegistryMetricKey {
  return BY_KEY.has(key);
}

export function isSidedMetric(key: RegistryMetricKey): key is RegistrySidedKey {
  return BY_KEY.get(key)?.sided === true;
}

/** Per-side metrics, in registry order. */
export const SIDED_METRICS: readonly RegistrySidedKey[] = METRICS.filter((d) => d.sided).map((d) => d.key as RegistrySidedKey);

/** Metrics in the report's chart order. */
export const CHART_ORDER: readonly RegistryMetricKey[] = [...METRICS].sort((a, b) => a.chartOrder - b.chartOrder).map((d) => d.key);

/** Keypoints to highlight for a metric (per side where sided; both sides when side is null). */
export function metricKeypoints(key: RegistryMetricKey, side: Side | null): string[] {
  const { both = [], perSide = [] } = metricDef(key).keypoints;
  const sides: Side[] = side ? [side] : ['left', 'right'];
  return [...both, ...sides.flatMap((s) => perSide.map((name) => `${s}_${name}`))];
}

/** The keypoint next to which the metric's value is written on the video. */
export function metricAnchor(key: RegistryMetricKey, side: Side | null): string {
  return `${side ?? 'left'}_${metricDef(key).anchor}`;
}

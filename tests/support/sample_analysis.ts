/**
 * A hand-made Analysis (and the PoseTrack it pretends to come from) for report and review
 * component tests: numbers chosen so a test can name them. Side view, three reps at 30 fps,
 * the left knee bending a little less and the left heel lifting on the last rep (fatigue),
 * knee valgus not measurable from the side. Tests of what the core computes use analyze() on
 * a fixture track instead.
 */
import type {
  Analysis,
  Flag,
  FrameConfidence,
  FrameMetrics,
  Keypoint,
  MetricKey,
  Measurability,
  PoseTrack,
  Rep,
  RepMeasure,
  RepMeasureEntry,
} from '../../src/core/types';
import { ANALYSIS_FORMAT_VERSION, BLAZEPOSE_KEYPOINT_NAMES } from '../../src/core/types';
import { METRICS } from '../../src/core/metrics/registry';
import { seriesFromFrames } from './analysis_frames';

const FPS = 30;
const REPS = [
  { start: 1.0, bottom: 2.0, ascentStart: 2.3, end: 3.2 },
  { start: 3.6, bottom: 4.7, ascentStart: 5.0, end: 6.0 },
  { start: 6.4, bottom: 7.7, ascentStart: 8.1, end: 9.2 },
];
const DURATION_S = 10;

/** 0 standing .. 1 at the bottom. */
function squatDepthAt(t: number): number {
  for (const rep of REPS) {
    if (t < rep.start || t > rep.end) continue;
    if (t <= rep.bottom) return 0.5 - 0.5 * Math.cos((Math.PI * (t - rep.start)) / (rep.bottom - rep.start));
    if (t <= rep.ascentStart) return 1;
    return 0.5 + 0.5 * Math.cos((Math.PI * (t - rep.ascentStart)) / (rep.end - rep.ascentStart));
  }
  return 0;
}

function repAt(t: number): number | null {
  const index = REPS.findIndex((rep) => t >= rep.start && t <= rep.end);
  return index < 0 ? null : index;
}

/** The sample's metrics at t; a metric left out is not measurable in this (side-view) sample. */
function metricsAt(t: number): Partial<FrameMetrics> {
  const d = squatDepthAt(t);
  const rep = repAt(t);
  const fatigue = rep === null ? 0 : rep / 2;
  return {
    kneeDrift: { left: null, right: null },
    kneeValgusDeg: { left: null, right: null },
    kneeOffset: { left: null, right: null },
    kneeSeparationRatio: null,
    heelLift: { left: d * (0.02 + 0.1 * fatigue), right: d * 0.02 },
    footAngleDeg: { left: d * (1 + 8 * fatigue), right: d * 1 },
    torsoAngleDeg: 10 + d * (30 + 8 * fatigue),
    trunkTibiaDeg: d * (8 + 10 * fatigue),
    buttWink: null,
    kneeFlexionDeg: { left: 5 + d * 105, right: 5 + d * 115 },
    hipFlexionDeg: 5 + d * 100,
    shinAngleDeg: { left: d * 30, right: d * 34 },
    depth: -0.8 + d * 0.9,
    thighAngleDeg: -80 + d * 85,
    hipShift: d * 0.05,
  };
}

function confidenceOf(metrics: Partial<FrameMetrics>): Partial<FrameConfidence> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (value !== null && typeof value === 'object') {
      const sided = value as { left: number | null; right: number | null };
      out[key] = { left: sided.left === null ? 0 : 0.9, right: sided.right === null ? 0 : 0.7 };
    } else out[key] = value === null ? 0 : 0.85;
  }
  return out as Partial<FrameConfidence>;
}

function flag(partial: Omit<Flag, 'confidence' | 'view'> & { confidence?: number }): Flag {
  return { confidence: 0.8, view: 'side', ...partial };
}

function measuresOf(index: number): Rep['measures'] {
  const t = REPS[index]!.bottom;
  const m = metricsAt(t);
  const c = confidenceOf(m);
  const one = (value: number | null, confidence: number): RepMeasure | null => (value === null ? null : { value, confidence, t, view: 'side' });
  const entry = (key: MetricKey): RepMeasureEntry => {
    const v = m[key] as unknown;
    const k = c[key] as unknown;
    if (v !== null && typeof v === 'object') {
      const sv = v as { left: number | null; right: number | null }, sk = k as { left: number; right: number };
      return { left: one(sv.left, sk.left), right: one(sv.right, sk.right) };
    }
    return one(v as number | null, k as number);
  };
  const keys: MetricKey[] = [
    'kneeFlexionDeg', 'heelLift', 'torsoAngleDeg', 'trunkTibiaDeg', 'depth', 'thighAngleDeg', 'hipFlexionDeg', 'footAngleDeg', 'shinAngleDeg', 'kneeValgusDeg', 'buttWink',
  ];
  return Object.fromEntries(keys.map((key) => [key, entry(key)]));
}

export function makeSampleReps(): Rep[] {
  return REPS.map((events, index) => {
    const flags: Flag[] = [];
    if (index === 2) {
      flags.push(flag({ fault: 'heel_lift', side: 'left', severity: 'moderate', value: 0.12, threshold: 0.05, t: events.bottom, rep: index, metric: 'heelLift' }));
      flags.push(flag({ fault: 'forward_lean', side: null, severity: 'mild', value: 18, threshold: 15, t: events.bottom + 0.1, rep: index, metric: 'trunkTibiaDeg' }));
    }
    if (index === 1) {
      flags.push(flag({ fault: 'heel_lift', side: 'left', severity: 'mild', value: 0.07, threshold: 0.05, t: events.bottom, rep: index, metric: 'heelLift', confidence: 0.6 }));
    }
    return {
      index,
      ...events,
      tempo: { descentS: events.bottom - events.start, bottomS: events.ascentStart - events.bottom, ascentS: events.end - events.ascentStart },
      view: 'side',
      measures: measuresOf(index),
      flags,
      bottomHipHeight: 0.45,
    };
  });
}

function measurability(): Record<MetricKey, Measurability> {
  const yes: Measurability = { measurable: true, reason: null, confidence: 0.8, view: 'side' };
  const frontOnly: Measurability = { measurable: false, reason: 'knee valgus needs a front view', confidence: 0, view: null };
  // Any metric not named below: not measurable from this side view.
  const notHere = Object.fromEntries(METRICS.map((def) => [def.key, { measurable: false, reason: 'not measurable from the side', confidence: 0, view: null }])) as Record<MetricKey, Measurability>;
  return {
    ...notHere,
    kneeValgusDeg: frontOnly,
    // The metric the knee-valgus fault reads.
    kneeDrift: frontOnly,
    kneeOffset: frontOnly,
    kneeSeparationRatio: { measurable: false, reason: 'knee width needs a front view', confidence: 0, view: null },
    heelLift: yes,
    footAngleDeg: yes,
    torsoAngleDeg: yes,
    trunkTibiaDeg: yes,
    buttWink: { measurable: false, reason: 'butt wink needs a clear side view of the lower back', confidence: 0.2, view: null },
    kneeFlexionDeg: yes,
    hipFlexionDeg: yes,
    shinAngleDeg: yes,
    depth: yes,
    thighAngleDeg: yes,
    hipShift: { measurable: true, reason: 'hip shift is approximate from the side', confidence: 0.4, view: 'side' },
  };
}

export function makeSampleAnalysis(): Analysis {
  const frames: { t: number; metrics: Partial<FrameMetrics>; confidence: Partial<FrameConfidence> }[] = [];
  for (let i = 0; i < DURATION_S * FPS; i++) {
    const t = i / FPS;
    const metrics = metricsAt(t);
    frames.push({ t, metrics, confidence: confidenceOf(metrics) });
  }
  const reps = makeSampleReps();
  return {
    formatVersion: ANALYSIS_FORMAT_VERSION,
    source: { name: 'sample-side.mp4', width: 480, height: 848, fps: FPS, durationS: DURATION_S, frameCount: frames.length },
    model: 'synthetic',
    view: { kind: 'side', confidence: 0.9, segments: [{ from: 0, to: DURATION_S, kind: 'side', confidence: 0.9 }] },
    cameraRollDeg: 1.5,
    measurability: measurability(),
    series: seriesFromFrames(frames),
    reps,
    asymmetries: [
      { metric: 'heelLift', worseSide: 'left', left: [0.02, 0.07, 0.12], right: [0.02, 0.02, 0.02], symmetryIndex: 105, beyondVariation: true },
      { metric: 'kneeFlexionDeg', worseSide: 'left', left: [110, 110, 110], right: [120, 120, 120], symmetryIndex: 8.7, beyondVariation: false },
    ],
    findings: [
      {
        id: 'heel-lift-left',
        text: 'Your left heel lifts at the bottom, more as the set goes on.',
        severity: 'moderate',
        chain: ['ankle'],
        side: 'left',
        evidence: [{ rep: 2, t: REPS[2]!.bottom, fault: 'heel_lift', side: 'left' }],
        guidance: 'This often points to limited ankle dorsiflexion on that side: ankle mobility work may help.',
        fatigue: true,
        confidence: 0.75,
      },
      {
        id: 'forward-lean',
        text: 'Your trunk leans further forward than your shins on the last rep.',
        severity: 'mild',
        chain: ['hip', 'torso'],
        side: null,
        evidence: [{ rep: 2, t: REPS[2]!.bottom + 0.1, fault: 'forward_lean', side: null }],
        guidance: 'Hip flexor and ankle mobility, and bracing, often help keep the torso upright.',
        confidence: 0.6,
      },
    ],
    warnings: [{ code: 'single-view', message: 'Filmed from the side only: knee valgus cannot be judged.' }],
    poseCoverage: 0.98,
    settings: { depthTarget: 'parallel' },
  };
}

/** A standing/squatting stick figure seen from the side, in the track's pixels. */
function keypointsAt(t: number, width: number, height: number): Keypoint[] {
  const d = squatDepthAt(t);
  const cx = width * 0.5;
  const ankleY = height * 0.85;
  const kneeX = cx + d * 60;
  const kneeY = ankleY - 160 + d * 20;
  const hipX = cx - d * 80;
  const hipY = ankleY - 320 + d * 190;
  const shoulderX = hipX + 30 + d * 80;
  const shoulderY = hipY - 230 + d * 40;
  const base: Record<string, [number, number]> = {
    nose: [shoulderX + 20, shoulderY - 60],
    left_shoulder: [shoulderX, shoulderY],
    right_shoulder: [shoulderX + 4, shoulderY + 2],
    left_elbow: [shoulderX + 60, shoulderY + 10],
    right_elbow: [shoulderX + 62, shoulderY + 12],
    left_wrist: [shoulderX + 120, shoulderY + 10],
    right_wrist: [shoulderX + 122, shoulderY + 12],
    left_hip: [hipX, hipY],
    right_hip: [hipX + 4, hipY + 2],
    left_knee: [kneeX, kneeY],
    right_knee: [kneeX + 4, kneeY + 2],
    left_ankle: [cx, ankleY],
    right_ankle: [cx + 4, ankleY + 2],
    left_heel: [cx - 20, ankleY + 15 - d * 8],
    right_heel: [cx - 16, ankleY + 17],
    left_foot_index: [cx + 60, ankleY + 20],
    right_foot_index: [cx + 64, ankleY + 22],
  };
  return BLAZEPOSE_KEYPOINT_NAMES.map((name) => {
    const [x, y] = base[name] ?? base.nose!;
    return { name, x, y, score: base[name] ? 0.9 : 0.3 };
  });
}

export function makeSampleTrack(): PoseTrack {
  const width = 480;
  const height = 848;
  const frames = [];
  for (let i = 0; i < DURATION_S * FPS; i++) {
    const t = i / FPS;
    frames.push({ t, keypoints: keypointsAt(t, width, height) });
  }
  return {
    source: { name: 'sample-side.mp4', width, height, fps: FPS, durationS: DURATION_S, frameCount: frames.length },
    model: 'synthetic',
    frames,
  };
}

/**
 * Which way the camera looks at the lifter, per stretch of the clip. The view decides what
 * can be measured (issue 3; topset.dev also marks metrics "not measurable" per view).
 *
 * Cue: shoulder and hip widths shrink with |cos(yaw)| as the lifter turns from facing the
 * camera (yaw 0) to side-on (yaw 90). Expected widths come from the lifter's own standing leg
 * length and anthropometric ratios (Winter 2009: biacromial ~0.22 H between the shoulder
 * landmarks, hip joint centres ~0.126 H apart, thigh + shank 0.491 H), so the estimate does not
 * depend on distance to the camera. cos(yaw) >= 0.866 (within 30 deg) = front, <= 0.42
 * (beyond 65 deg) = side, else oblique. The front band is wider than the nominal 22.5 deg
 * because real shoulders and hips vary about 15 % from the ratios.
 *
 * A second cue, the score gap between the two sides (see sideEvidence), confirms side views.
 * The lifter may instead say which view they filmed (AnalyzeOptions.view): then that view holds
 * for the whole clip with confidence 1.
 *
 * Per 0.5 s block the median estimate is classified; segments shorter than 1 s are merged into
 * their longer neighbour, so a turn of the head or a swinging arm does not flip the view.
 *
 * Widths cannot tell a front view from one from behind. Whether the lifter faces the camera is a
 * separate per-frame vote (frame_metrics/view_input.ts frameFacingAway: where BlazePose puts the
 * nose in depth); a front or 45-degree segment where most voting frames face away is marked
 * `fromBehind`. Kinds, and so every metric's view factor, stay as they were: from behind the
 * frontal-plane geometry is the front's (docs/metrics.md, "From behind").
 */
import { percentile } from './standing_baseline';
import type { ViewEstimate, ViewKind, ViewSegment } from './types';

export const SHOULDER_PER_LEG = 0.22 / 0.491;
export const HIP_PER_LEG = 0.126 / 0.491;
export const FRONT_MIN_COS = 0.866;
export const SIDE_MAX_COS = 0.42;

export interface ViewFrames {
  /** Per frame: the segment's view (0 front, 1 side, 2 oblique, 255 unknown). */
  kind: Uint8Array;
  /** Per frame: estimated |cos yaw| of its block (NaN where unknown). */
  cosYaw: Float32Array;
  estimate: ViewEstimate;
}

export const VIEW_CODE: Record<ViewKind, number> = { front: 0, side: 1, oblique: 2 };
const VIEW_OF_CODE: ViewKind[] = ['front', 'side', 'oblique'];

export function classifyCosYaw(c: number): ViewKind {
  return c >= FRONT_MIN_COS ? 'front' : c <= SIDE_MAX_COS ? 'side' : 'oblique';
}

/** How far inside its class a cos(yaw) value sits, 0..1 (0 at a class boundary). */
function margin(c: number): number {
  const d = c >= FRONT_MIN_COS ? c - FRONT_MIN_COS : c <= SIDE_MAX_COS ? SIDE_MAX_COS - c : Math.min(c - SIDE_MAX_COS, FRONT_MIN_COS - c);
  return Math.min(1, 0.4 + d / 0.15);
}

/**
 * frameCos[i] = per-frame |cos yaw| estimate (NaN when unknown); t = frame times.
 */
export function detectView(
  frameCos: Float32Array, t: Float64Array, fps: number, forced?: ViewKind, frameScoreGap?: Float32Array, facingAway?: Int8Array,
): ViewFrames {
  const n = frameCos.length;
  if (forced && VIEW_CODE[forced] !== undefined) {
    const cosYaw = frameCos.slice();
    const segments: ViewSegment[] = n ? [withFacing({ from: t[0], to: t[n - 1], kind: forced, confidence: 1 }, facingAway, 0, n)] : [];
    return { kind: new Uint8Array(n).fill(VIEW_CODE[forced]), cosYaw, estimate: withMainFacing({ kind: forced, confidence: 1, segments }) };
  }
  const blockLen = Math.max(1, Math.round(fps * 0.5));
  const blocks = Math.ceil(n / blockLen);
  const blockCos = new Float32Array(blocks).fill(NaN);
  for (let b = 0; b < blocks; b++) {
    const from = b * blockLen, to = Math.min(n, (b + 1) * blockLen);
    let known = 0;
    for (let i = from; i < to; i++) if (frameCos[i] === frameCos[i]) known++;
    if (known >= Math.max(1, (to - from) / 4)) {
      blockCos[b] = percentile(frameCos.subarray(from, to), 0.5) * sideEvidence(frameScoreGap, from, to);
    }
  }
  // Fill unknown blocks from the nearest known one (a brief loss of the person keeps the view).
  const code = new Uint8Array(blocks).fill(255);
  for (let b = 0; b < blocks; b++) if (blockCos[b] === blockCos[b]) code[b] = VIEW_CODE[classifyCosYaw(blockCos[b])];
  // Merge runs shorter than 1 s into the longer neighbour.
  const minBlocks = Math.max(1, Math.round(1 / 0.5));
  let changed = true;
  for (let pass = 0; pass < 4 && changed; pass++) {
    changed = false;
    const runs = runsOf(code);
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      if (run.code === 255 || run.end - run.start >= minBlocks || runs.length === 1) continue;
      const prev = runs[r - 1], next = runs[r + 1];
      const pick = !prev ? next : !next ? prev : prev.end - prev.start >= next.end - next.start ? prev : next;
      if (!pick || pick.code === 255) continue;
      code.fill(pick.code, run.start, run.end);
      changed = true;
    }
  }
  // Unknown blocks take the nearest known block's code (for the per-frame gate), but are not
  // evidence for a segment's confidence.
  const filled = code.slice();
  let lastKnown = 255;
  for (let b = 0; b < blocks; b++) { if (filled[b] !== 255) lastKnown = filled[b]; else filled[b] = lastKnown; }
  lastKnown = 255;
  for (let b = blocks - 1; b >= 0; b--) { if (code[b] !== 255) lastKnown = filled[b]; else if (filled[b] === 255) filled[b] = lastKnown; }

  const kind = new Uint8Array(n).fill(255);
  const cosYaw = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(i / blockLen);
    kind[i] = filled[b];
    cosYaw[i] = blockCos[b];
  }
  // Segments in seconds.
  const segments: ViewSegment[] = [];
  const durByKind = [0, 0, 0];
  for (const run of runsOf(filled)) {
    if (run.code === 255) continue;
    const i0 = run.start * blockLen, i1 = Math.min(n, run.end * blockLen) - 1;
    let conf = 0, known = 0;
    for (let b = run.start; b < run.end; b++) {
      if (blockCos[b] === blockCos[b]) { conf += margin(blockCos[b]); known++; }
    }
    const confidence = known ? (conf / known) * (known / (run.end - run.start)) : 0;
    const from = t[i0], to = t[i1];
    segments.push(withFacing({ from, to, kind: VIEW_OF_CODE[run.code], confidence }, facingAway, i0, i1 + 1));
    durByKind[run.code] += Math.max(to - from, 1e-6);
  }
  let best = -1;
  for (let c = 0; c < 3; c++) if (durByKind[c] > 0 && (best < 0 || durByKind[c] > durByKind[best])) best = c;
  const main: ViewKind = best >= 0 ? VIEW_OF_CODE[best] : 'front';
  let conf = 0, dur = 0;
  for (const s of segments) if (s.kind === main) { const d = Math.max(s.to - s.from, 1e-6); conf += s.confidence * d; dur += d; }
  return { kind, cosYaw, estimate: withMainFacing({ kind: main, confidence: dur > 0 ? conf / dur : 0, segments }) };
}

/** Marks a front or 45-degree segment `fromBehind` when more of its frames vote "away" than "toward". */
function withFacing(segment: ViewSegment, facingAway: Int8Array | undefined, from: number, to: number): ViewSegment {
  if (!facingAway || segment.kind === 'side') return segment;
  let away = 0, toward = 0;
  for (let i = from; i < to; i++) {
    if (facingAway[i] > 0) away++;
    else if (facingAway[i] < 0) toward++;
  }
  return away > toward ? { ...segment, fromBehind: true } : segment;
}

/** The estimate is from behind when most of its main view's time is. */
function withMainFacing(estimate: ViewEstimate): ViewEstimate {
  let behind = 0, total = 0;
  for (const s of estimate.segments) {
    if (s.kind !== estimate.kind) continue;
    const d = Math.max(s.to - s.from, 1e-6);
    total += d;
    if (s.fromBehind) behind += d;
  }
  return total > 0 && behind > total / 2 ? { ...estimate, fromBehind: true } : estimate;
}

/**
 * Second cue: BlazePose scores the side turned away from the camera lower. On the fixture
 * clips the mean left-minus-right score gap of the body keypoints was 0.29-0.49 in side views,
 * 0.06-0.29 (mean 0.17) at 45 deg and under 0.03 from the front. A gap of 0.28 or more
 * shrinks the width estimate (x 0.6), so a side-on lifter whose shoulders the model spreads
 * apart is still read as side-on.
 */
function sideEvidence(gap: Float32Array | undefined, from: number, to: number): number {
  if (!gap) return 1;
  let sum = 0, c = 0;
  for (let i = from; i < to; i++) if (gap[i] === gap[i]) { sum += gap[i]; c++; }
  if (!c) return 1;
  return Math.abs(sum / c) >= 0.28 ? 0.6 : 1;
}

function runsOf(code: Uint8Array): { start: number; end: number; code: number }[] {
  const runs: { start: number; end: number; code: number }[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    const s = i;
    while (i < code.length && code[i] === c) i++;
    runs.push({ start: s, end: i, code: c });
  }
  return runs;
}

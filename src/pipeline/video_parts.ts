/**
 * One clip over several pose workers: the clip is cut into contiguous parts by presentation time,
 * each worker decodes and poses its own part, and the parts are stitched back in order.
 *
 * BlazePose tracks the person from frame to frame (it crops each frame around the previous
 * frame's landmarks and runs its person detector only when it has nothing to track), so a part
 * cannot simply start at its first frame: its tracker would start cold there, from the detector's
 * box, where the one-worker run had a settled crop. Each part therefore starts decoding a few
 * frames early (`warmStart`): those warm-up frames run the detector and let the crop settle, and
 * they are also posed by the previous part, so the seam can be checked (checkSeam) before the
 * later part's frames are trusted. Each part keeps the frames it owns (ownFrames), in order.
 * Pure, so it is unit-tested without a browser.
 */
import type { Keypoint, PoseFrame } from '../core/types';
import type { PoseFrameWithPeople } from '../pose/person_types';
import type { KeyFramesNear } from '../video/key_frames';

export interface VideoPart {
  index: number;
  /** Frames with ownStart <= t < ownEnd go into the track from this part (seconds). */
  ownStart: number;
  ownEnd: number;
  /** The part decodes and poses from here (<= ownStart): the warm-up frames before ownStart. */
  warmStart: number;
}

export interface SplitOptions {
  /** Frames posed before a part's own first frame, for its tracker to settle. */
  warmUpFrames: number;
  /** No part shorter than this: each one costs a detector run and its warm-up frames. */
  minPartFrames: number;
  /** Move seams onto key frames where that saves decoding (alignSeamsToKeyFrames); default true. */
  keyFrameSeams?: boolean;
}

/**
 * Five frames: the crop BlazePose tracks is recomputed from each frame's landmarks, so a part that
 * starts from the detector's box has been through five crop updates by its first own frame. Measured
 * on the shared clips by tests/e2e/upload_parts.test.ts, which prints the gap at every seam.
 */
export const DEFAULT_SPLIT: SplitOptions = { warmUpFrames: 5, minPartFrames: 30 };

/**
 * Cuts [startS, startS + durationS) into at most `count` parts of equal length. The first part owns
 * everything before its end and the last everything after its start, so every frame belongs to
 * exactly one part whatever its timestamp.
 */
export function splitIntoParts(
  clip: { startS: number; durationS: number; fps: number; frameCount: number },
  count: number,
  options: SplitOptions = DEFAULT_SPLIT,
): VideoPart[] {
  const fps = clip.fps > 0 ? clip.fps : 30;
  const byLength = Math.floor(clip.frameCount / Math.max(1, options.minPartFrames));
  const n = Math.max(1, Math.min(Math.floor(count), byLength));
  if (n === 1 || !(clip.durationS > 0)) return [{ index: 0, ownStart: -Infinity, ownEnd: Infinity, warmStart: -Infinity }];
  // Half a frame more than the warm-up, so rounding of timestamps never loses a warm-up frame.
  const warmS = (options.warmUpFrames + 0.5) / fps;
  const parts: VideoPart[] = [];
  for (let i = 0; i < n; i++) {
    const ownStart = i === 0 ? -Infinity : clip.startS + (clip.durationS * i) / n;
    const ownEnd = i === n - 1 ? Infinity : clip.startS + (clip.durationS * (i + 1)) / n;
    parts.push({ index: i, ownStart, ownEnd, warmStart: i === 0 ? -Infinity : ownStart - warmS });
  }
  return parts;
}

/**
 * Decoding a frame costs about a tenth of posing it: 3.7 ms a 540 x 960 frame in Chromium's
 * decoder threads against 35-57 ms for the lite and full models on one wasm thread, this machine,
 * `npm run bench` 2026-12-02 (docs/pose.md, upload). Only the order of magnitude matters here.
 */
export const DECODE_PER_POSE = 0.1;

type SeamChoice = 'even' | 'before' | 'after';

/**
 * Moves each seam of an even split (splitIntoParts) to where its part's worker wastes least. A part
 * starting at an arbitrary time first decodes every frame from the key frame before its warm-up,
 * only to throw them away: with x264's default of a key frame every 250 frames, up to 8 s of video,
 * while the other workers pose. A part whose warm-up starts on a key frame decodes nothing extra.
 *
 * Each seam may stay where it is or start its warm-up on the key frame before or after it
 * (`keyFrames[k]` is for parts[k + 1].warmStart, from video/key_frames.ts). Of these choices the
 * one whose longest part costs least is taken, a part costing its posed frames (own and warm-up)
 * plus DECODE_PER_POSE per frame decoded before its warm-up; on a tie, the least in all. A part
 * that would own fewer than minPartFrames frames is not an option. The result still gives every
 * time exactly one owner, in order.
 */
export function alignSeamsToKeyFrames(
  parts: readonly VideoPart[],
  clip: { startS: number; durationS: number; fps: number },
  keyFrames: readonly KeyFramesNear[],
  options: SplitOptions = DEFAULT_SPLIT,
): VideoPart[] {
  if (parts.length < 2 || keyFrames.length !== parts.length - 1 || !(clip.durationS > 0)) return [...parts];
  const fps = clip.fps > 0 ? clip.fps : 30;
  const clipEnd = clip.startS + clip.durationS;
  // A warm-up starting on key frame K: frames K .. K + (w - 1) / fps, half a frame of slack for rounding.
  const ownAfterKey = (options.warmUpFrames - 0.5) / fps;
  const seamFor = (k: number, choice: SeamChoice): { ownStart: number; warmStart: number; preRollS: number } | null => {
    const even = parts[k + 1];
    const near = keyFrames[k];
    if (choice === 'even') {
      const key = near.before ?? clip.startS;
      return { ownStart: even.ownStart, warmStart: even.warmStart, preRollS: Math.max(0, even.warmStart - key) };
    }
    const key = choice === 'before' ? near.before : near.after;
    if (key === null || !Number.isFinite(key)) return null;
    return { ownStart: key + ownAfterKey, warmStart: key, preRollS: 0 };
  };
  const choices: SeamChoice[] = ['even', 'before', 'after'];
  let best: VideoPart[] = [...parts];
  let bestWorst = Infinity;
  let bestTotal = Infinity;
  // Every combination, seam k's choice the k-th base-3 digit: 3^(parts - 1), at most 2,187 for
  // eight workers. Code 0 is the even split, so it stays on a tie.
  for (let code = 0; code < 3 ** (parts.length - 1); code++) {
    const seams = parts.slice(1).map((_, k) => seamFor(k, choices[Math.floor(code / 3 ** k) % 3]));
    if (seams.some((x) => x === null)) continue;
    const cand: VideoPart[] = parts.map((_, i) => ({
      index: i,
      ownStart: i > 0 ? seams[i - 1]!.ownStart : -Infinity,
      ownEnd: i < parts.length - 1 ? seams[i]!.ownStart : Infinity,
      warmStart: i > 0 ? seams[i - 1]!.warmStart : -Infinity,
    }));
    let worst = 0;
    let total = 0;
    let valid = true;
    for (let i = 0; i < cand.length && valid; i++) {
      const from = i === 0 ? clip.startS : cand[i].ownStart;
      const to = i === cand.length - 1 ? clipEnd : cand[i].ownEnd;
      const own = (to - from) * fps;
      valid = own >= options.minPartFrames;
      const seam = i > 0 ? seams[i - 1]! : null;
      const cost = own + (seam ? (seam.ownStart - seam.warmStart) * fps + DECODE_PER_POSE * seam.preRollS * fps : 0);
      worst = Math.max(worst, cost);
      total += cost;
    }
    if (!valid) continue;
    // Strictly better only.
    if (worst < bestWorst - 1e-9 || (Math.abs(worst - bestWorst) <= 1e-9 && total < bestTotal - 1e-9)) {
      best = cand;
      bestWorst = worst;
      bestTotal = total;
    }
  }
  return best;
}

/** The frames a part owns, in order. */
export function ownFrames(part: VideoPart, frames: readonly PoseFrame[]): PoseFrame[] {
  return frames.filter((f) => f.t >= part.ownStart && f.t < part.ownEnd);
}

export interface SeamCheck {
  /** Where the later part takes over (its ownStart), seconds. */
  t: number;
  /** Warm-up frames both parts posed. */
  framesCompared: number;
  /** On the last shared frame, over keypoints both parts are sure of (score >= 0.5), px. */
  medianGapPx: number | null;
  maxGapPx: number | null;
  /** Torso diameter (left shoulder to right hip) on that frame, px: the scale the gap is judged by. */
  torsoPx: number | null;
  /** People each part tracks on that frame (earlier, later). */
  people: [number, number];
  /** Both parts follow the same person (or people) there, or both see nobody. */
  samePerson: boolean;
}

const SURE = 0.5;

/**
 * PDJ@0.2 (Percent of Detected Joints; Toshev & Szegedy, "DeepPose", CVPR 2014): a joint within a
 * fifth of the torso diameter (left shoulder to right hip) of the true one counts as found. Two
 * tracks whose median keypoint sits further apart than that follow different people, or one of
 * them has lost the person.
 */
export const SAME_PERSON_TORSO_FRACTION = 0.2;

function keypoint(frame: PoseFrame, name: string): Keypoint | undefined {
  return frame.keypoints?.find((k) => k.name === name);
}

function torsoDiameter(frame: PoseFrame): number | null {
  const a = keypoint(frame, 'left_shoulder');
  const b = keypoint(frame, 'right_hip');
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
}

/** Keypoint-by-keypoint distance between two poses of one frame (confident keypoints only), px. */
export function keypointGaps(a: PoseFrame, b: PoseFrame, minScore = SURE): number[] {
  if (!a.keypoints || !b.keypoints) return [];
  const gaps: number[] = [];
  a.keypoints.forEach((k, i) => {
    const o = b.keypoints![i];
    if (!o || k.score < minScore || o.score < minScore) return;
    gaps.push(Math.hypot(k.x - o.x, k.y - o.y));
  });
  return gaps;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The people a frame holds: everyone tracked, or its one pose. */
function posesOf(frame: PoseFrameWithPeople): PoseFrame[] {
  if (frame.people?.length) return frame.people;
  return frame.keypoints ? [frame] : [];
}

/** Median gap between two poses of one frame, over confident keypoints; null when none are shared. */
function medianGap(a: PoseFrame, b: PoseFrame): { median: number; max: number } | null {
  const gaps = keypointGaps(a, b);
  return gaps.length ? { median: median(gaps), max: Math.max(...gaps) } : null;
}

/**
 * Compares the later part's warm-up frames with the earlier part's frames at the same times. The
 * last shared frame decides: by then the later tracker has settled, and a different person (the
 * detector picked someone else) or a lost track shows as a gap of many torso fractions. With
 * several people tracked (src/pose/person_tracker.ts), each person the later part sees must be
 * one the earlier part sees there, and as many: their numbering may differ (person_parts.ts joins
 * it), the people may not.
 */
export function checkSeam(earlier: readonly PoseFrameWithPeople[], later: readonly PoseFrameWithPeople[], laterPart: VideoPart): SeamCheck {
  const byTime = new Map(earlier.map((f) => [f.t, f]));
  const shared = later.filter((f) => f.t < laterPart.ownStart && byTime.has(f.t));
  const empty: SeamCheck = { t: laterPart.ownStart, framesCompared: shared.length, medianGapPx: null, maxGapPx: null, torsoPx: null, people: [0, 0], samePerson: false };
  const last = shared.at(-1);
  if (!last) return empty;
  const mine = posesOf(byTime.get(last.t)!);
  const theirs = posesOf(last);
  const base: SeamCheck = { ...empty, people: [mine.length, theirs.length] };
  if (mine.length === 0 && theirs.length === 0) return { ...base, samePerson: true };
  if (mine.length !== theirs.length) return base;
  let worst: { median: number; max: number; torso: number } | null = null;
  for (const pose of theirs) {
    const torso = torsoDiameter(pose);
    const nearest = mine
      .map((m) => medianGap(m, pose))
      .filter((g): g is { median: number; max: number } => g !== null)
      .sort((a, b) => a.median - b.median)[0];
    if (!nearest || torso === null) return { ...base, torsoPx: torso };
    if (!worst || nearest.median / torso > worst.median / worst.torso) worst = { ...nearest, torso };
  }
  if (!worst) return base;
  return {
    ...base,
    medianGapPx: worst.median,
    maxGapPx: worst.max,
    torsoPx: worst.torso,
    samePerson: worst.median <= SAME_PERSON_TORSO_FRACTION * worst.torso,
  };
}

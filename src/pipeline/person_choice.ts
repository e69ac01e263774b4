/**
 * Several people in a clip: who is the lifter? Runs on the estimator's frames once the clip is
 * done (in the browser pipeline and the Node CLI alike) and returns the chosen person's frames as
 * a plain PoseTrack body, plus the facts for the warning (PoseTrack.people) and every candidate,
 * so the user can point at another one (followPerson) without running pose again.
 *
 * The lifter is the person who squats: the one whose hip height above the ankles drops the most
 * relative to their own standing height, the same hip-height signal the core counts reps on
 * (src/core/frame_metrics.ts, src/core/reps/segment_reps.ts). A bystander standing still keeps
 * it near constant; camera pans and tilts move hips and ankles together and cancel out.
 * "Clearly" means by at least the core's minimum rep drop (a quarter squat) more than anyone
 * else; otherwise (nobody squats, or two people squat together) the biggest, most central person
 * is followed and the reason says so.
 */
import type { FrameBox, PeopleInPicture, PoseFrame } from '../core/types';
import { SEGMENT_REPS_DEFAULTS } from '../core/reps/segment_reps';
import type { PoseFrameWithPeople } from '../pose/person_types';

/** Keypoint score below which a point is not used (the core's MIN_SCORE in frame_metrics.ts). */
const MIN_SCORE = 0.3;
/**
 * A person counts when tracked for this long: BlazePose's detector now and then "finds" someone
 * in a poster or a busy background for a frame or two (the CLI's MIN_PERSON_RUN_S is the same).
 */
export const MIN_PERSON_S = 0.5;
/** The lifter's hips must drop by this much more than anyone else's (share of standing hip height). */
export const CLEAR_SQUAT_MARGIN = SEGMENT_REPS_DEFAULTS.minDrop;
/** Low and high percentiles of hip height: robust to a few frames of keypoint noise. */
const LOW_Q = 0.05;
const HIGH_Q = 0.95;

const KP = { leftHip: 23, rightHip: 24, leftAnkle: 27, rightAnkle: 28 } as const;

export interface PersonCandidate {
  /** The estimator's person id (0 = the first person found). */
  id: number;
  /** One per clip frame, same times as the clip; keypoints null where this person was not tracked. */
  frames: PoseFrame[];
  framesSeen: number;
  /** 1 - low/standing hip height above the ankles (0 = never bent); null when hips or ankles were never seen. */
  hipDrop: number | null;
  /** Median keypoint-box centre x and height, as fractions of the frame. */
  centerX: number;
  height: number;
  /** First frame this person was seen: its index, time and keypoint box. */
  first: { index: number; t: number; box: FrameBox };
}

/** Everyone who counted, for the tap-the-lifter picker (src/ui/people). */
export interface PeopleFound {
  candidates: PersonCandidate[];
  /** The candidate the track follows. */
  followedId: number;
  /** The frame to show for tapping, and each candidate's box on it. */
  picker: { index: number; t: number; boxes: Array<{ id: number; box: FrameBox }> };
}

export interface LifterChoice {
  /** The followed person's frames: plain PoseFrames, no `people`. */
  frames: PoseFrame[];
  /** Set when two or more people counted; goes on PoseTrack.people. */
  people: PeopleInPicture | null;
  /** Set with `people`: every candidate, for pointing at another one. */
  found: PeopleFound | null;
}

interface FrameSize {
  width: number;
  height: number;
  fps: number;
}

function plain(f: PoseFrameWithPeople): PoseFrame {
  if (!('people' in f)) return f;
  const { people: _people, ...rest } = f;
  return rest;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? quantile(s, 0.5) : NaN;
}

function midY(k: PoseFrame['keypoints'], l: number, r: number): number {
  if (!k) return NaN;
  const sl = (k[l]?.score ?? 0) >= MIN_SCORE;
  const sr = (k[r]?.score ?? 0) >= MIN_SCORE;
  if (sl && sr) return (k[l].y + k[r].y) / 2;
  if (sl) return k[l].y;
  if (sr) return k[r].y;
  return NaN;
}

/** Keypoint box of one pose, fractions of the frame (points with a score below MIN_SCORE left out when possible). */
export function keypointBox(keypoints: NonNullable<PoseFrame['keypoints']>, size: Pick<FrameSize, 'width' | 'height'>): FrameBox {
  const seen = keypoints.filter((k) => k.score >= MIN_SCORE);
  const use = seen.length >= 4 ? seen : keypoints;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const k of use) {
    x0 = Math.min(x0, k.x);
    x1 = Math.max(x1, k.x);
    y0 = Math.min(y0, k.y);
    y1 = Math.max(y1, k.y);
  }
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const left = clamp(x0 / size.width);
  const top = clamp(y0 / size.height);
  return { x: left, y: top, width: clamp(x1 / size.width) - left, height: clamp(y1 / size.height) - top };
}

/** Hip height above the ankles, its drop from standing (1 - low/high), or null with too few frames. */
export function hipDrop(frames: PoseFrame[]): number | null {
  const h: number[] = [];
  for (const f of frames) {
    const hip = midY(f.keypoints, KP.leftHip, KP.rightHip);
    const ankle = midY(f.keypoints, KP.leftAnkle, KP.rightAnkle);
    if (hip === hip && ankle === ankle && ankle > hip) h.push(ankle - hip);
  }
  if (h.length < 5) return null;
  h.sort((a, b) => a - b);
  const high = quantile(h, HIGH_Q);
  return high > 0 ? 1 - quantile(h, LOW_Q) / high : null;
}

/** Every person's frames, split out of the estimator's frames. */
export function splitPeople(frames: PoseFrameWithPeople[], size: FrameSize): PersonCandidate[] {
  const ids = new Set<number>();
  for (const f of frames) for (const p of f.people ?? []) ids.add(p.id);
  if (ids.size === 0) return [];
  ids.add(0);
  const out: PersonCandidate[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const own: PoseFrame[] = frames.map((f) => {
      if (!f.people) return id === 0 ? plain(f) : { t: f.t, keypoints: null, keypoints3D: null };
      const p = f.people.find((q) => q.id === id);
      return p ? { t: f.t, keypoints: p.keypoints, keypoints3D: p.keypoints3D ?? null } : { t: f.t, keypoints: null, keypoints3D: null };
    });
    const seenAt = own.map((f, i) => (f.keypoints ? i : -1)).filter((i) => i >= 0);
    if (seenAt.length === 0) continue;
    const boxes = seenAt.map((i) => keypointBox(own[i].keypoints!, size));
    out.push({
      id,
      frames: own,
      framesSeen: seenAt.length,
      hipDrop: hipDrop(own),
      centerX: median(boxes.map((b) => b.x + b.width / 2)),
      height: median(boxes.map((b) => b.height)),
      first: { index: seenAt[0], t: own[seenAt[0]].t, box: boxes[0] },
    });
  }
  return out;
}

/** Biggest and most central first: what a camera aimed at a lifter usually frames. */
function prominence(c: PersonCandidate): number {
  return c.height * (1 - Math.abs(c.centerX - 0.5));
}

/** Whom to follow among the candidates, and why. */
export function chooseLifter(candidates: PersonCandidate[]): { chosen: PersonCandidate; reason: 'squats' | 'prominent' } {
  const byDrop = [...candidates].sort((a, b) => (b.hipDrop ?? -1) - (a.hipDrop ?? -1));
  const [best, second] = byDrop;
  const clear =
    best.hipDrop !== null &&
    best.hipDrop >= CLEAR_SQUAT_MARGIN &&
    (second === undefined || best.hipDrop - (second.hipDrop ?? 0) >= CLEAR_SQUAT_MARGIN);
  if (clear) return { chosen: best, reason: 'squats' };
  const chosen = [...candidates].sort((a, b) => prominence(b) - prominence(a))[0];
  return { chosen, reason: 'prominent' };
}

function positionOf(chosen: PersonCandidate, candidates: PersonCandidate[]): PeopleInPicture['position'] {
  const xs = candidates.map((c) => c.centerX);
  if (chosen.centerX <= Math.min(...xs)) return 'left';
  if (chosen.centerX >= Math.max(...xs)) return 'right';
  return 'middle';
}

/** The facts on PoseTrack.people for following `chosen`. */
export function peopleInPicture(
  chosen: PersonCandidate,
  candidates: PersonCandidate[],
  reason: PeopleInPicture['reason'],
): PeopleInPicture {
  return {
    count: candidates.length,
    chosen: reason === 'tapped' ? 'tapped' : 'auto',
    reason,
    position: positionOf(chosen, candidates),
    box: chosen.first.box,
    t: chosen.first.t,
  };
}

/** The estimator's frames -> the lifter's frames, the facts for the warning, and the candidates. */
export function chooseLifterFrames(frames: PoseFrameWithPeople[], size: FrameSize): LifterChoice {
  const all = splitPeople(frames, size);
  if (all.length === 0) return { frames: frames.map(plain), people: null, found: null };
  const minFrames = Math.min(Math.round(MIN_PERSON_S * size.fps), Math.ceil(frames.length / 2));
  const counted = all.filter((c) => c.framesSeen >= minFrames);
  const picker = counted.length >= 2 ? pickerFrame(counted, size) : null;
  if (!picker) {
    const only = counted[0] ?? [...all].sort((a, b) => b.framesSeen - a.framesSeen)[0];
    return { frames: only.frames, people: null, found: null };
  }
  const { chosen, reason } = chooseLifter(counted);
  return {
    frames: chosen.frames,
    people: peopleInPicture(chosen, counted, reason),
    found: { candidates: counted, followedId: chosen.id, picker },
  };
}

/** The user pointed at another person: their frames and the facts, with chosen = 'tapped'. */
export function followPerson(candidates: PersonCandidate[], id: number): { frames: PoseFrame[]; people: PeopleInPicture } {
  const chosen = candidates.find((c) => c.id === id);
  if (!chosen) throw new Error(`no person ${id} among the ${candidates.length} found`);
  return { frames: chosen.frames, people: peopleInPicture(chosen, candidates, 'tapped') };
}

/** The candidate whose box (at the picker frame) holds the point, else the nearest one (fractions of the frame). */
export function personAt(boxes: Array<{ id: number; box: FrameBox }>, point: { x: number; y: number }): number | null {
  let best: { id: number; d: number } | null = null;
  for (const { id, box } of boxes) {
    const dx = Math.max(box.x - point.x, 0, point.x - (box.x + box.width));
    const dy = Math.max(box.y - point.y, 0, point.y - (box.y + box.height));
    const cx = box.x + box.width / 2 - point.x;
    const cy = box.y + box.height / 2 - point.y;
    // Inside a box: distance 0, ties broken by the nearer centre (overlapping boxes).
    const d = Math.hypot(dx, dy) * 10 + Math.hypot(cx, cy);
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id ?? null;
}

/** The frame to show for "tap the lifter": the earliest one where the most candidates are seen, with their boxes. */
export function pickerFrame(
  candidates: PersonCandidate[],
  size: Pick<FrameSize, 'width' | 'height'>,
): { index: number; t: number; boxes: Array<{ id: number; box: FrameBox }> } | null {
  if (candidates.length === 0) return null;
  const n = candidates[0].frames.length;
  let bestIndex = -1;
  let bestCount = 0;
  for (let i = 0; i < n; i++) {
    const count = candidates.reduce((s, c) => s + (c.frames[i]?.keypoints ? 1 : 0), 0);
    if (count > bestCount) {
      bestCount = count;
      bestIndex = i;
    }
    if (count === candidates.length) break;
  }
  if (bestIndex < 0) return null;
  const boxes = candidates
    .filter((c) => c.frames[bestIndex].keypoints)
    .map((c) => ({ id: c.id, box: keypointBox(c.frames[bestIndex].keypoints!, size) }));
  return { index: bestIndex, t: candidates[0].frames[bestIndex].t, boxes };
}

/**
 * One synthetic squat set filmed by two cameras at once: the generator's 3D squat
 * (synthetic_squat.ts) projected to each camera, each with its own frame rate, picture size,
 * start and end time, noise and roll, so the truth of the time offset between the two videos is
 * known exactly (fractions of a frame included).
 *
 * Camera k's first frame is at `startS` on the set's own timeline; so a moment at tA in A's video
 * and tB in B's video satisfies tA = tB + (b.startS - a.startS): the `offsetS` returned, in the
 * convention of src/core/multiview/time_alignment.ts.
 */
import type { PoseTrack } from '../../src/core/types';
import { syntheticSquat, type SyntheticSquatSpec, type SyntheticTruth } from './synthetic_squat';

/** What differs between the two cameras. */
export interface CameraSpec {
  view: SyntheticSquatSpec['view'];
  /** Added to the view's azimuth; -90 with view 'side' films the lifter's left side. */
  yawDeg?: number;
  fps: number;
  /** Time on the set's timeline of this camera's first frame, seconds (may be fractional frames). */
  startS?: number;
  /** Stop filming at this time on the set's timeline (default: the end of the set). */
  endS?: number;
  width?: number;
  height?: number;
  rollDeg?: number;
  noisePx?: number;
  seed?: number;
}

export interface TwoViewSet {
  a: { track: PoseTrack; truth: SyntheticTruth };
  b: { track: PoseTrack; truth: SyntheticTruth };
  /** tA = tB + offsetS. */
  offsetS: number;
}

/** Keeps the frames filmed before `endS` (set timeline) of a camera that started at `startS`. */
function stopAt(track: PoseTrack, truth: SyntheticTruth, startS: number, endS: number | undefined): { track: PoseTrack; truth: SyntheticTruth } {
  if (endS === undefined) return { track, truth };
  const keep = track.frames.filter((f) => f.t + startS <= endS + 1e-9);
  const last = keep[keep.length - 1];
  return {
    track: {
      ...track,
      frames: keep,
      source: { ...track.source, frameCount: keep.length, durationS: last ? last.t : 0 },
    },
    truth: { ...truth, frames: truth.frames.slice(0, keep.length), reps: truth.reps.filter((r) => r.start + startS < endS) },
  };
}

function camera(set: SyntheticSquatSpec, cam: CameraSpec, defaultSeed: number) {
  const startS = cam.startS ?? 0;
  // Only the fields this camera sets: an undefined value would hide the generator's default.
  const own = Object.fromEntries(
    Object.entries({ width: cam.width, height: cam.height, rollDeg: cam.rollDeg, noisePx: cam.noisePx }).filter(([, v]) => v !== undefined),
  );
  const made = syntheticSquat({
    ...set,
    ...own,
    view: cam.view,
    yawDeg: cam.yawDeg ?? 0,
    fps: cam.fps,
    startAtS: startS,
    seed: cam.seed ?? defaultSeed,
  });
  return stopAt(made.track, made.truth, startS, cam.endS);
}

/** The same set (faults, tempo, reps) filmed by cameras A and B. */
export function syntheticTwoView(set: SyntheticSquatSpec, a: CameraSpec, b: CameraSpec): TwoViewSet {
  return {
    a: camera(set, a, (set.seed ?? 1) * 2 + 1),
    b: camera(set, b, (set.seed ?? 1) * 2 + 2),
    offsetS: (b.startS ?? 0) - (a.startS ?? 0),
  };
}

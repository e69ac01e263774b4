/**
 * What both stages of the analysis know about the clip, built once by the frame stage and handed
 * to the rep stage: the frame times and rate, the view of every frame, the lifter's standing
 * baseline and the hip-height trajectory. The rep stage reads these, never the raw track.
 *
 * One frame rate: measured from the frame times (median step, keypoint_access.ts estimateFps),
 * the rate the filters and view blocks have always used. Before, the rep stage took the
 * container's declared rate instead. Windows in frames come from framesIn(), which rounds half
 * up with a 0.01-frame slack: a measured rate is only as exact as the times (a track stored to
 * 0.1 ms reads 30.03 fps for 30 fps, and 25 fps as 24.999999), and a 0.1 s window at 25 fps is
 * exactly 2.5 frames, so a plain round() would flip between 2 and 3 on noise.
 */
import type { StandingBaseline } from './standing_baseline';
import type { PoseSource, ViewEstimate, ViewKind } from './types';
import { VIEW_CODE } from './view_detection';

export interface ClipContext {
  source: PoseSource;
  model: string;
  /** Frames. */
  n: number;
  /** Seconds per frame (finite, increasing: keypoint_access.ts fixTimes). */
  t: Float64Array;
  /** Frames per second measured from t. */
  fps: number;
  view: ViewEstimate;
  /** Per frame view code (0 front, 1 side, 2 oblique, 255 unknown: view_detection.ts VIEW_CODE). */
  viewCode: Uint8Array;
  /** Standing frames and segment lengths (standing_baseline.ts). */
  standing: StandingBaseline;
  /** Per frame hip-mid height above the ankles / standing (1 = standing; NaN unknown). */
  hipHeight: Float32Array;
}

const VIEW_OF_CODE: readonly ViewKind[] = ['front', 'side', 'oblique'];

/** The camera view of frame i (the clip's main view where the frame's own is unknown). */
export function viewAtFrame(clip: Pick<ClipContext, 'view' | 'viewCode'>, i: number): ViewKind {
  return VIEW_OF_CODE[clip.viewCode[i]] ?? clip.view.kind;
}

/** Whole frames in a span of seconds at a frame rate (half up, 0.01-frame slack; see above). */
export function framesIn(seconds: number, fps: number): number {
  return Math.round(seconds * fps + 0.01);
}

/** A standing baseline that knows nothing (no standing frames seen, no lengths). */
export function unknownStandingBaseline(n: number): StandingBaseline {
  return { standing: new Uint8Array(n), standingCount: 0, fallback: true, thighPx: NaN, shankPx: NaN, legPx: NaN, footPx: NaN };
}

/**
 * A clip context from parts, for callers that have a hip-height trajectory and a view but did
 * not run the frame stage (tests, other pipelines): view per frame from the view's segments.
 */
export function clipContextFrom(parts: {
  source: PoseSource;
  model: string;
  t: Float64Array;
  fps: number;
  view: ViewEstimate;
  hipHeight: ArrayLike<number | null>;
  standing?: StandingBaseline;
}): ClipContext {
  const n = parts.t.length;
  const viewCode = new Uint8Array(n).fill(255);
  for (let i = 0; i < n; i++) {
    const seg = parts.view.segments.find((s) => parts.t[i] >= s.from && parts.t[i] <= s.to);
    viewCode[i] = VIEW_CODE[seg?.kind ?? parts.view.kind];
  }
  const hipHeight = Float32Array.from({ length: n }, (_, i) => {
    const h = parts.hipHeight[i];
    return typeof h === 'number' ? h : NaN;
  });
  return { source: parts.source, model: parts.model, n, t: parts.t, fps: parts.fps, view: parts.view, viewCode, standing: parts.standing ?? unknownStandingBaseline(n), hipHeight };
}

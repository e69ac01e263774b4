/**
 * Is the lifter framed well for analysis? Whole body in the picture, both feet in the picture,
 * and a sensible distance from the camera. One camera frame in, verdicts in words out.
 */
import type { KeypointName } from '../types';
import { type FrameSize, type KeypointIndex, MIN_VISIBILITY, insideFrame, located, seen } from './live_keypoints';

export interface CheckVerdict {
  ok: boolean;
  /** Stable id of what is wrong (or 'ok'), for tests and styling. */
  code: string;
  /** What to do, in the lifter's words. */
  message: string;
}

/** Keep keypoints 2 % of the frame away from its edges: at the edge BlazePose extrapolates. */
export const EDGE_MARGIN_FRAC = 0.02;

/**
 * Stature from the nose-to-heel span. Segment heights as fractions of stature H after
 * Drillis & Contini (1966), as tabulated in Winter, "Biomechanics and Motor Control of Human
 * Movement" (4th ed., fig. 4.1): eye 0.936 H, chin 0.870 H; the nose sits about 0.91 H and the
 * heel keypoint about 0.02 H above the floor, so nose-to-heel is about 0.89 H, and the top of the
 * head is about 0.09 H above the nose.
 */
export const NOSE_TO_HEEL_OF_STATURE = 0.89;
export const HEAD_TOP_ABOVE_NOSE_OF_STATURE = 0.09;

/**
 * Distance band, as the standing lifter's share of the frame height.
 * Lower bound: BlazePose's landmark model sees the person through a 256 x 256 crop
 * (Bazarevsky et al. 2020, "BlazePose: On-device Real-time Body Pose tracking"); a lifter under
 * ~45 % of a 480-line webcam picture is under ~220 px tall, so the crop is upsampled and a pixel
 * of keypoint error is a larger share of a limb. Upper bound: at over 90 % there is no headroom,
 * and the head or feet leave the picture as soon as the lifter sways or the camera is nudged.
 */
export const MIN_STATURE_OF_FRAME = 0.45;
export const MAX_STATURE_OF_FRAME = 0.9;

const HEAD: KeypointName[] = ['nose', 'left_eye', 'right_eye'];
const TRUNK_AND_LEGS = ['shoulder', 'hip', 'knee'] as const;

type Edge = 'top' | 'bottom' | 'side';

function edgeOf(p: { x: number; y: number }, size: FrameSize): Edge | null {
  const mx = size.width * EDGE_MARGIN_FRAC;
  const my = size.height * EDGE_MARGIN_FRAC;
  if (p.y < my) return 'top';
  if (p.y > size.height - my) return 'bottom';
  if (p.x < mx || p.x > size.width - mx) return 'side';
  return null;
}

export function checkBodyInFrame(index: KeypointIndex, size: FrameSize): CheckVerdict {
  const head = HEAD.map((n) => located(index, n)).find((k) => k !== null) ?? null;
  const headSeen = HEAD.some((n) => {
    const k = seen(index, n);
    return k !== null && insideFrame(k, size, EDGE_MARGIN_FRAC);
  });
  if (!headSeen) {
    const edge = head ? edgeOf(head, size) : 'top';
    if (edge === 'side') return { ok: false, code: 'head_out_side', message: 'Move toward the middle of the picture: your head is cut off at the side.' };
    return { ok: false, code: 'head_out', message: 'Step back or raise the camera: your head is out of the picture.' };
  }
  for (const part of TRUNK_AND_LEGS) {
    const pair = (['left', 'right'] as const).map((side) => located(index, `${side}_${part}` as KeypointName));
    for (const k of pair) {
      const edge = k ? edgeOf(k, size) : null;
      if (edge === 'side') return { ok: false, code: 'body_out_side', message: 'Move toward the middle of the picture: part of your body is cut off at the side.' };
      if (edge === 'bottom') return { ok: false, code: 'body_out_bottom', message: 'Step back: your legs are out of the picture.' };
      if (edge === 'top') return { ok: false, code: 'head_out', message: 'Step back or raise the camera: your head is out of the picture.' };
    }
    // Side-on, the far shoulder, hip and knee hide behind the near ones: one of each pair seen is enough.
    if (!pair.some((k) => k !== null && k.score >= MIN_VISIBILITY)) {
      return { ok: false, code: 'body_hidden', message: `Make sure nothing hides your ${part}s: the camera cannot see your whole body.` };
    }
  }
  return { ok: true, code: 'ok', message: 'Whole body in the picture.' };
}

function footInFrame(index: KeypointIndex, size: FrameSize, side: 'left' | 'right'): 'ok' | 'out_bottom' | 'out_side' | 'hidden' {
  const parts = (['ankle', 'heel', 'foot_index'] as const).map((p) => located(index, `${side}_${p}` as KeypointName));
  if (parts.some((k) => k === null)) return 'hidden';
  for (const k of parts) {
    const edge = edgeOf(k!, size);
    if (edge === 'bottom' || edge === 'top') return 'out_bottom';
    if (edge === 'side') return 'out_side';
  }
  // In a side view the far foot is partly hidden behind the near one, so one well-seen keypoint
  // per foot is enough; all three must still lie inside the picture.
  return parts.some((k) => k!.score >= MIN_VISIBILITY) ? 'ok' : 'hidden';
}

export function checkFeetInFrame(index: KeypointIndex, size: FrameSize): CheckVerdict {
  const left = footInFrame(index, size, 'left');
  const right = footInFrame(index, size, 'right');
  if (left === 'out_bottom' || right === 'out_bottom') {
    return { ok: false, code: 'feet_out_bottom', message: 'Step back (or tilt the camera down): your feet are out of the picture.' };
  }
  if (left === 'out_side' || right === 'out_side') {
    return { ok: false, code: 'feet_out_side', message: 'Move toward the middle: a foot is cut off at the side of the picture.' };
  }
  // Side-on, the far foot hides behind the near one; it still lies inside the picture (checked
  // above), so one well-seen foot is enough. Both hidden means the camera cannot see the feet.
  if (left === 'ok' || right === 'ok') return { ok: true, code: 'ok', message: 'Both feet in the picture.' };
  return { ok: false, code: 'feet_hidden', message: 'The camera cannot see your feet: clear the floor around them and check the light.' };
}

/** Standing stature in pixels from the nose and the lowest foot keypoint, or null. */
export function statureFromKeypoints(index: KeypointIndex): number | null {
  const nose = located(index, 'nose');
  if (!nose) return null;
  let floorY = -Infinity;
  for (const n of ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index', 'left_ankle', 'right_ankle'] as KeypointName[]) {
    const k = located(index, n);
    if (k && k.y > floorY) floorY = k.y;
  }
  if (!Number.isFinite(floorY) || floorY <= nose.y) return null;
  return (floorY - nose.y) / NOSE_TO_HEEL_OF_STATURE;
}

/** Only meaningful while the lifter stands tall (see isStanding); null stature = unknown. */
export function checkDistance(index: KeypointIndex, size: FrameSize): CheckVerdict & { statureOfFrame: number | null } {
  const stature = statureFromKeypoints(index);
  if (stature === null) {
    return { ok: false, code: 'distance_unknown', message: 'Stand in view, facing or side-on to the camera.', statureOfFrame: null };
  }
  const share = stature / size.height;
  const pct = Math.round(share * 100);
  if (share < MIN_STATURE_OF_FRAME) {
    return {
      ok: false,
      code: 'too_far',
      message: `Step closer: you fill only ${pct} % of the picture's height (aim for ${MIN_STATURE_OF_FRAME * 100}-${MAX_STATURE_OF_FRAME * 100} %).`,
      statureOfFrame: share,
    };
  }
  if (share > MAX_STATURE_OF_FRAME) {
    return { ok: false, code: 'too_close', message: 'Step back: leave some room above your head and below your feet.', statureOfFrame: share };
  }
  return { ok: true, code: 'ok', message: `Good distance (you fill ${pct} % of the height).`, statureOfFrame: share };
}

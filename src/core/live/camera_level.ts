/**
 * Is the camera level? While the lifter stands tall, the line from the mid-hip to the mid-ankle
 * is plumb in the world (in a front view and in a side view alike), so its tilt in the picture
 * is the camera's roll. Only roll can be read from one person in one frame; a camera pitched up
 * or down (too low, too high) is not detected here.
 */
import type { CheckVerdict } from './body_framing';
import { type KeypointIndex, midpoint, seen } from './live_keypoints';

/**
 * Above 5 degrees we ask for a level camera. The recorded analysis removes roll (core/camera_roll),
 * but it estimates it from the same standing posture; 5 degrees is the size of the 2D-vs-3D
 * angle error already expected from a single camera (2-4 degrees, REFERENCE.md section 3 citing
 * Straub & Powers 2022), so a tilt beyond that would add an error of its own size on top.
 */
export const MAX_ROLL_DEG = 5;

/** A knee bent less than 20 degrees (interior angle over 160) counts as standing tall. */
export const STANDING_MIN_KNEE_ANGLE_DEG = 160;

function interiorAngleDeg(a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }): number {
  const v1x = a.x - b.x;
  const v1y = a.y - b.y;
  const v2x = c.x - b.x;
  const v2y = c.y - b.y;
  const n = Math.hypot(v1x, v1y) * Math.hypot(v2x, v2y);
  if (n === 0) return 180;
  const cos = Math.max(-1, Math.min(1, (v1x * v2x + v1y * v2y) / n));
  return (Math.acos(cos) * 180) / Math.PI;
}

/** True when every leg the camera sees well is nearly straight (and at least one is seen). */
export function isStanding(index: KeypointIndex): boolean {
  let legs = 0;
  for (const side of ['left', 'right'] as const) {
    const hip = seen(index, `${side}_hip`);
    const knee = seen(index, `${side}_knee`);
    const ankle = seen(index, `${side}_ankle`);
    if (!hip || !knee || !ankle) continue;
    legs++;
    if (interiorAngleDeg(hip, knee, ankle) < STANDING_MIN_KNEE_ANGLE_DEG) return false;
    if (!(hip.y < knee.y && knee.y < ankle.y)) return false;
  }
  return legs > 0;
}

/** Picture tilt in degrees (positive = the standing body leans toward +x going up), or null. */
export function cameraRollDeg(index: KeypointIndex): number | null {
  const hip = midpoint(seen(index, 'left_hip'), seen(index, 'right_hip'));
  const ankle = midpoint(seen(index, 'left_ankle'), seen(index, 'right_ankle'));
  if (!hip || !ankle) return null;
  const up = { x: hip.x - ankle.x, y: ankle.y - hip.y };
  if (up.y <= 0) return null;
  return (Math.atan2(up.x, up.y) * 180) / Math.PI;
}

export function checkCameraLevel(index: KeypointIndex): CheckVerdict & { rollDeg: number | null } {
  const roll = cameraRollDeg(index);
  if (roll === null) return { ok: false, code: 'level_unknown', message: 'Stand tall in view so the camera tilt can be checked.', rollDeg: null };
  if (Math.abs(roll) > MAX_ROLL_DEG) {
    return {
      ok: false,
      code: 'camera_tilted',
      message: `The camera is tilted by about ${Math.round(Math.abs(roll))}°: level it so you look upright when standing.`,
      rollDeg: roll,
    };
  }
  return { ok: true, code: 'ok', message: 'Camera level.', rollDeg: roll };
}

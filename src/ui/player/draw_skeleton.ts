/**
 * Draws one PoseFrame over the video: bones and keypoints, left side warm, right side cool, so a
 * left/right swap is visible at a glance. Drawing only: no measurement happens here.
 *
 * Bones are MediaPipe Pose's POSE_CONNECTIONS (mediapipe/python/solutions/pose_connections.py),
 * written with BlazePose's keypoint names instead of indices.
 */
import type { Keypoint, PoseFrame } from '../../core/types';

export const SKELETON_BONES: readonly (readonly [string, string])[] = [
  ['nose', 'left_eye_inner'], ['left_eye_inner', 'left_eye'], ['left_eye', 'left_eye_outer'], ['left_eye_outer', 'left_ear'],
  ['nose', 'right_eye_inner'], ['right_eye_inner', 'right_eye'], ['right_eye', 'right_eye_outer'], ['right_eye_outer', 'right_ear'],
  ['mouth_left', 'mouth_right'],
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'], ['left_wrist', 'left_pinky'], ['left_wrist', 'left_index'],
  ['left_wrist', 'left_thumb'], ['left_pinky', 'left_index'],
  ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'], ['right_wrist', 'right_pinky'], ['right_wrist', 'right_index'],
  ['right_wrist', 'right_thumb'], ['right_pinky', 'right_index'],
  ['left_shoulder', 'left_hip'], ['right_shoulder', 'right_hip'], ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'], ['left_ankle', 'left_heel'], ['left_heel', 'left_foot_index'], ['left_ankle', 'left_foot_index'],
  ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'], ['right_ankle', 'right_heel'], ['right_heel', 'right_foot_index'], ['right_ankle', 'right_foot_index'],
];

/** Keypoints below this score are drawn faintly: BlazePose's visibility drops for hidden joints. */
export const FAINT_BELOW_SCORE = 0.5;

const LEFT_COLOUR = '#ff9f1c';
const RIGHT_COLOUR = '#2ec4f1';
const CENTRE_COLOUR = '#f5f5f5';

function colourFor(a: string, b = a): string {
  const left = a.startsWith('left') || b.startsWith('left');
  const right = a.startsWith('right') || b.startsWith('right');
  if (left && !right) return LEFT_COLOUR;
  if (right && !left) return RIGHT_COLOUR;
  return CENTRE_COLOUR;
}

export interface DrawTransform {
  /** Canvas pixels per source pixel. */
  scaleX: number;
  scaleY: number;
}

export function drawSkeleton(ctx: CanvasRenderingContext2D, frame: PoseFrame | null, transform: DrawTransform): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  if (!frame?.keypoints) return;
  const byName = new Map<string, Keypoint>();
  for (const k of frame.keypoints) byName.set(k.name, k);
  const unit = Math.max(1.5, Math.min(width, height) / 160);
  ctx.lineCap = 'round';
  for (const [a, b] of SKELETON_BONES) {
    const ka = byName.get(a);
    const kb = byName.get(b);
    if (!ka || !kb) continue;
    ctx.globalAlpha = Math.min(ka.score, kb.score) < FAINT_BELOW_SCORE ? 0.35 : 0.95;
    ctx.strokeStyle = colourFor(a, b);
    ctx.lineWidth = unit * 1.4;
    ctx.beginPath();
    ctx.moveTo(ka.x * transform.scaleX, ka.y * transform.scaleY);
    ctx.lineTo(kb.x * transform.scaleX, kb.y * transform.scaleY);
    ctx.stroke();
  }
  for (const k of frame.keypoints) {
    ctx.globalAlpha = k.score < FAINT_BELOW_SCORE ? 0.35 : 1;
    ctx.fillStyle = colourFor(k.name);
    ctx.strokeStyle = '#111';
    ctx.lineWidth = Math.max(1, unit * 0.4);
    ctx.beginPath();
    ctx.arc(k.x * transform.scaleX, k.y * transform.scaleY, unit * 1.6, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

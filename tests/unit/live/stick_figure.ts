/**
 * A tiny 2D stick figure with all 33 BlazePose keypoints, for the live set-up check tests:
 * a lifter of a given stature standing (or squatting) at a given place in the picture, turned by
 * a yaw, seen by a camera rolled by some degrees. Orthographic; heights are fractions of stature
 * after Drillis & Contini (1966).
 */
import { BLAZEPOSE_KEYPOINT_NAMES, type Keypoint, type PoseFrame } from '../../../src/core/types';

export interface StickFigureSpec {
  width?: number;
  height?: number;
  /** Stature as a share of the picture's height. */
  statureOfFrame?: number;
  /** Floor line (heels) as a share of the picture's height from the top. */
  floorOfFrame?: number;
  /** Centre of the feet as a share of the picture's width. */
  centreOfFrame?: number;
  yawDeg?: number;
  rollDeg?: number;
  squat?: boolean;
  score?: number;
  /** Per-keypoint score overrides. */
  scores?: Partial<Record<string, number>>;
  t?: number;
}

// [height above floor, lateral (+ = lifter's left), depth (+ = forward)] as fractions of stature.
const BODY: Record<string, [number, number, number]> = {
  nose: [0.91, 0, 0.05],
  left_eye_inner: [0.936, 0.015, 0.04],
  left_eye: [0.936, 0.03, 0.04],
  left_eye_outer: [0.936, 0.045, 0.035],
  right_eye_inner: [0.936, -0.015, 0.04],
  right_eye: [0.936, -0.03, 0.04],
  right_eye_outer: [0.936, -0.045, 0.035],
  left_ear: [0.92, 0.06, 0],
  right_ear: [0.92, -0.06, 0],
  mouth_left: [0.89, 0.02, 0.045],
  mouth_right: [0.89, -0.02, 0.045],
  left_shoulder: [0.818, 0.11, 0],
  right_shoulder: [0.818, -0.11, 0],
  left_elbow: [0.63, 0.13, 0],
  right_elbow: [0.63, -0.13, 0],
  left_wrist: [0.485, 0.13, 0.02],
  right_wrist: [0.485, -0.13, 0.02],
  left_pinky: [0.45, 0.135, 0.02],
  right_pinky: [0.45, -0.135, 0.02],
  left_index: [0.44, 0.13, 0.03],
  right_index: [0.44, -0.13, 0.03],
  left_thumb: [0.46, 0.12, 0.03],
  right_thumb: [0.46, -0.12, 0.03],
  left_hip: [0.53, 0.085, 0],
  right_hip: [0.53, -0.085, 0],
  left_knee: [0.285, 0.09, 0.01],
  right_knee: [0.285, -0.09, 0.01],
  left_ankle: [0.039, 0.09, 0],
  right_ankle: [0.039, -0.09, 0],
  left_heel: [0.02, 0.09, -0.03],
  right_heel: [0.02, -0.09, -0.03],
  left_foot_index: [0.01, 0.1, 0.11],
  right_foot_index: [0.01, -0.1, 0.11],
};

// A parallel squat: hips back and down to knee height, knees forward over the toes.
const SQUAT_CHANGES: Record<string, [number, number, number]> = {
  left_hip: [0.3, 0.085, -0.2],
  right_hip: [0.3, -0.085, -0.2],
  left_knee: [0.28, 0.1, 0.1],
  right_knee: [0.28, -0.1, 0.1],
};
const SQUAT_UPPER_DROP = 0.23;

export function stickFigure(spec: StickFigureSpec = {}): PoseFrame {
  const width = spec.width ?? 640;
  const height = spec.height ?? 480;
  const stature = (spec.statureOfFrame ?? 0.7) * height;
  const floorY = (spec.floorOfFrame ?? 0.9) * height;
  const cx = (spec.centreOfFrame ?? 0.5) * width;
  const yaw = ((spec.yawDeg ?? 0) * Math.PI) / 180;
  const roll = ((spec.rollDeg ?? 0) * Math.PI) / 180;
  const keypoints: Keypoint[] = BLAZEPOSE_KEYPOINT_NAMES.map((name) => {
    let [h, lat, dep] = BODY[name];
    if (spec.squat) {
      if (SQUAT_CHANGES[name]) [h, lat, dep] = SQUAT_CHANGES[name];
      else if (h > 0.4) {
        h -= SQUAT_UPPER_DROP;
        dep -= 0.05;
      }
    }
    // Facing the camera (yaw 0) the lifter's left is on the picture's right.
    const x0 = cx + stature * (lat * Math.cos(yaw) + dep * Math.sin(yaw));
    const y0 = floorY - stature * h;
    // Camera roll turns the whole picture about its centre.
    const dx = x0 - width / 2;
    const dy = y0 - height / 2;
    const x = width / 2 + dx * Math.cos(roll) - dy * Math.sin(roll);
    const y = height / 2 + dx * Math.sin(roll) + dy * Math.cos(roll);
    return { name, x, y, score: spec.scores?.[name] ?? spec.score ?? 0.95 };
  });
  return { t: spec.t ?? 0, keypoints };
}

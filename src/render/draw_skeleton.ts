/**
 * Draws a BlazePose skeleton and metric labels onto a 2D canvas: the one drawer for the
 * analysed video, the fault thumbnails, the live camera preview and the annotated video export. Rendering only: positions
 * are the track's keypoints as they are (canvas pixels = source pixels), values are the
 * Analysis' own numbers.
 *
 * Bones are MediaPipe Pose's POSE_CONNECTIONS (mediapipe/python/solutions/pose_connections.py)
 * without the face and hands, written with BlazePose's keypoint names instead of indices.
 */
import type { Keypoint } from '../core/types';

/** BlazePose body connections (face and fingers left out: they say nothing about a squat). */
export const SKELETON_EDGES: readonly (readonly [string, string])[] = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
];

/** Colour per side, the same in charts and overlay: left blue, right orange (colour-blind safe pair). */
export const SIDE_COLOURS = { left: '#2f7bd8', right: '#e8781e', centre: '#d8d8d8', highlight: '#ffd400' } as const;

export interface OverlayLabel {
  /** Keypoint name the label sits next to. */
  anchor: string;
  text: string;
  /** Draw it in the highlight colour. */
  emphasis?: boolean;
  /** Whose joint it is: the label gets that side's colour bar and a leader line to the joint. */
  side?: 'left' | 'right' | null;
}

export interface SkeletonDrawOptions {
  /** Canvas size equals the source's displayed pixel size. */
  width: number;
  height: number;
  /** Keypoint names to draw thick and yellow. */
  highlight?: readonly string[];
  labels?: readonly OverlayLabel[];
  /** Flip x (the video is shown mirrored); text stays readable. */
  mirrored?: boolean;
  /** Keypoints below this score are not drawn (BlazePose misplaces occluded feet). */
  minScore?: number;
  /** Clear the canvas first (default): false draws over what is there (a video frame being burned in). */
  clear?: boolean;
}

function sideOf(name: string): 'left' | 'right' | 'centre' {
  if (name.startsWith('left_')) return 'left';
  if (name.startsWith('right_')) return 'right';
  return 'centre';
}

export function drawSkeleton(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, keypoints: readonly Keypoint[] | null, options: SkeletonDrawOptions): void {
  const { width, height } = options;
  if (options.clear !== false) ctx.clearRect(0, 0, width, height);
  if (!keypoints) return;
  const minScore = options.minScore ?? 0.3;
  const highlight = new Set(options.highlight ?? []);
  const byName = new Map<string, Keypoint>();
  for (const keypoint of keypoints) byName.set(keypoint.name, keypoint);
  const x = (k: Keypoint) => (options.mirrored ? width - k.x : k.x);
  const unit = Math.max(2, Math.min(width, height) / 160);

  ctx.lineCap = 'round';
  for (const [from, to] of SKELETON_EDGES) {
    const a = byName.get(from);
    const b = byName.get(to);
    if (!a || !b || a.score < minScore || b.score < minScore) continue;
    const lit = highlight.has(from) && highlight.has(to);
    ctx.strokeStyle = 'rgba(0,0,0,0.55)';
    ctx.lineWidth = (lit ? 3.2 : 1.8) * unit;
    ctx.beginPath();
    ctx.moveTo(x(a), a.y);
    ctx.lineTo(x(b), b.y);
    ctx.stroke();
    ctx.strokeStyle = lit ? SIDE_COLOURS.highlight : SIDE_COLOURS[sideOf(from) === sideOf(to) ? sideOf(from) : 'centre'];
    ctx.lineWidth = (lit ? 2.2 : 1.1) * unit;
    ctx.stroke();
  }
  for (const keypoint of keypoints) {
    if (keypoint.score < minScore || !SKELETON_EDGES.some(([a, b]) => a === keypoint.name || b === keypoint.name)) continue;
    ctx.fillStyle = highlight.has(keypoint.name) ? SIDE_COLOURS.highlight : SIDE_COLOURS[sideOf(keypoint.name)];
    ctx.beginPath();
    ctx.arc(x(keypoint), keypoint.y, (highlight.has(keypoint.name) ? 2.4 : 1.6) * unit, 0, Math.PI * 2);
    ctx.fill();
  }
  const fontPx = Math.round(Math.max(12, Math.min(width, height) / 22));
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  // Labels never overlap: in a side view both knees sit at almost the same spot, so a label
  // that would cover an earlier one moves down a line.
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const lineH = fontPx * 1.4;
  for (const label of options.labels ?? []) {
    const anchor = byName.get(label.anchor);
    if (!anchor) continue;
    const textWidth = ctx.measureText(label.text).width;
    // Keep the label inside the frame: right of the joint unless that runs off the edge.
    let lx = x(anchor) + fontPx * 0.8;
    if (lx + textWidth + 8 > width) lx = Math.max(4, x(anchor) - fontPx * 0.8 - textWidth);
    let ly = Math.min(height - fontPx, Math.max(fontPx, anchor.y));
    const overlaps = (cx: number, cy: number) => placed.some((r) => cx - 4 < r.x + r.w && cx - 4 + textWidth + 8 > r.x && cy - lineH / 2 < r.y + r.h && cy + lineH / 2 > r.y);
    for (let tries = 0; tries < 12 && overlaps(lx, ly); tries++) {
      ly += lineH + 2;
      if (ly > height - fontPx) ly = fontPx + (tries + 1) * (lineH + 2);
    }
    placed.push({ x: lx - 4, y: ly - lineH / 2, w: textWidth + 8, h: lineH });
    // A label pushed away from its joint (frame edge, or another label) could read as the other
    // leg's: a leader line to the joint and a bar in the side's colour say whose it is.
    const sideColour = label.side ? SIDE_COLOURS[label.side] : SIDE_COLOURS.centre;
    const leftOfJoint = lx < x(anchor);
    ctx.strokeStyle = sideColour;
    ctx.lineWidth = Math.max(1, unit * 0.6);
    ctx.beginPath();
    ctx.moveTo(leftOfJoint ? lx + textWidth + 4 : lx - 4, ly);
    ctx.lineTo(x(anchor), anchor.y);
    ctx.stroke();
    ctx.fillStyle = 'rgba(0,0,0,0.7)';
    ctx.fillRect(lx - 4, ly - fontPx * 0.7, textWidth + 8, lineH);
    ctx.fillStyle = sideColour;
    ctx.fillRect(leftOfJoint ? lx + textWidth + 1 : lx - 4, ly - fontPx * 0.7, 3, lineH);
    ctx.fillStyle = label.emphasis ? SIDE_COLOURS.highlight : '#ffffff';
    ctx.fillText(label.text, lx, ly);
  }
}

/**
 * The part of the picture to show so the lifter fills a panel: a crop rectangle per frame, from
 * the keypoints, steady in size and smoothed over time. Pure (keypoints in, rectangles out); the
 * player only applies the rectangle it is given.
 *
 * - Size: constant over the frames it is built for (a rep), from the largest body box among them
 *   (standing, usually; arms left out) plus a margin, widened for the labels written beside the
 *   body, then made the panel's aspect ratio. A crop that zoomed in as the lifter went down would
 *   pump.
 * - Position: the body box's centre across, and its lowest point (the feet, which stay put) a
 *   margin above the crop's bottom edge, each a centred moving average over `smoothS` seconds,
 *   so keypoint jitter does not shake the picture but a lifter who steps aside is followed.
 * - Kept inside the picture where it fits; a crop larger than the picture is centred on it.
 */
import type { Keypoint, PoseFrame } from '../../core/types';
import { SKELETON_EDGES } from '../../render/skeleton_edges';

export interface CropRect {
  /** Source pixels (x right, y down) of the top-left corner, and the size. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LifterCrop {
  /** width / height of every rectangle. */
  aspect: number;
  /** The crop of the frame on screen at media time t (the last frame at or before t). */
  at(t: number): CropRect;
}

export interface LifterCropOptions {
  /** width / height of the panel. */
  aspect: number;
  /** Seconds: the frames the crop is sized for (default: the whole track). */
  from?: number;
  to?: number;
  /** Margin around the body box, as a fraction of the body's height (default 0.08). */
  margin?: number;
  /** Extra width on each side for labels beside the body, as a fraction of the body's height (default 0.2). */
  labelRoom?: number;
  /** Window of the moving average, seconds (default 0.5). */
  smoothS?: number;
  /** Keypoints below this score are ignored (the skeleton drawer's own cut-off). */
  minScore?: number;
}

/**
 * Keypoints that size and place the crop: the skeleton's (face and fingers left out) plus the
 * nose for the head's top, without elbows and wrists: arms held out in front for balance would
 * double the box of a side view and shrink the legs, which are what the review is for.
 */
const BODY_POINTS = new Set<string>(['nose', ...SKELETON_EDGES.flat().filter((name) => !/_(elbow|wrist)$/.test(name))]);

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The box around a frame's confident body keypoints; null with fewer than 4 of them. */
export function bodyBox(keypoints: readonly Keypoint[] | null | undefined, minScore = 0.3): Box | null {
  if (!keypoints) return null;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let n = 0;
  for (const k of keypoints) {
    if (!BODY_POINTS.has(k.name) || !(k.score >= minScore) || !Number.isFinite(k.x) || !Number.isFinite(k.y)) continue;
    n++;
    left = Math.min(left, k.x);
    right = Math.max(right, k.x);
    top = Math.min(top, k.y);
    bottom = Math.max(bottom, k.y);
  }
  return n >= 4 ? { left, right, top, bottom } : null;
}

/** Centred moving average over a window of `half` samples either side, on a series without gaps. */
function movingAverage(values: readonly number[], half: number): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      sum += values[j]!;
      n++;
    }
    out[i] = sum / n;
  }
  return out;
}

/** Gaps (null) filled with the nearest value before, else after; null when there is no value at all. */
function fillGaps(values: readonly (number | null)[]): number[] | null {
  const first = values.findIndex((v) => v !== null);
  if (first < 0) return null;
  const out: number[] = [];
  let last = values[first]!;
  for (const v of values) {
    if (v !== null) last = v;
    out.push(last);
  }
  return out;
}

/** Places a span of `size` within [0, limit]: inside it when it fits, centred on it otherwise. */
function placeSpan(start: number, size: number, limit: number): number {
  if (size >= limit) return (limit - size) / 2;
  return Math.min(limit - size, Math.max(0, start));
}

/** Index of the last frame at or before t (0 before the first). */
function frameAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t <= times[0]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t + 0.0005) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The whole picture, made the panel's aspect ratio (centred, larger than the picture in one direction). */
function wholePicture(source: { width: number; height: number }, aspect: number): CropRect {
  const width = Math.max(source.width, source.height * aspect);
  const height = width / aspect;
  return { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height };
}

export function lifterCrop(frames: readonly PoseFrame[], source: { width: number; height: number }, options: LifterCropOptions): LifterCrop {
  const aspect = options.aspect;
  const margin = options.margin ?? 0.08;
  const labelRoom = options.labelRoom ?? 0.2;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const fallback = wholePicture(source, aspect);
  const times = frames.map((f) => f.t);
  const boxes = frames.map((f) => bodyBox(f.keypoints, options.minScore));
  const fixed: LifterCrop = { aspect, at: () => fallback };

  // Size from the frames the crop is for.
  let bodyHeight = 0;
  let bodyWidth = 0;
  boxes.forEach((box, i) => {
    if (!box || times[i]! < from || times[i]! > to) return;
    bodyHeight = Math.max(bodyHeight, box.bottom - box.top);
    bodyWidth = Math.max(bodyWidth, box.right - box.left);
  });
  if (bodyHeight <= 0) return fixed;
  let height = bodyHeight * (1 + 2 * margin);
  let width = bodyWidth + 2 * bodyHeight * (margin + labelRoom);
  if (width / height < aspect) width = height * aspect;
  else height = width / aspect;

  const centreX = fillGaps(boxes.map((b) => (b ? (b.left + b.right) / 2 : null)));
  const feetY = fillGaps(boxes.map((b) => (b ? b.bottom : null)));
  if (!centreX || !feetY) return fixed;
  const dt = times.length > 1 ? Math.max(1e-3, (times[times.length - 1]! - times[0]!) / (times.length - 1)) : 1 / 30;
  const half = Math.max(0, Math.round((options.smoothS ?? 0.5) / dt / 2));
  const cx = movingAverage(centreX, half);
  const fy = movingAverage(feetY, half);
  const rects: CropRect[] = cx.map((x, i) => ({
    x: placeSpan(x - width / 2, width, source.width),
    y: placeSpan(fy[i]! + bodyHeight * margin - height, height, source.height),
    width,
    height,
  }));
  return { aspect, at: (t) => rects[frameAt(times, t)] ?? fallback };
}

/** A crop rectangle as the CSS box of the whole picture inside a panel `panelWidth` wide (mirrored: x flipped). */
export function cropLayout(rect: CropRect, source: { width: number; height: number }, panelWidth: number, mirrored = false): { scale: number; left: number; top: number; width: number; height: number } {
  const scale = panelWidth / rect.width;
  const x = mirrored ? source.width - rect.x - rect.width : rect.x;
  return { scale, left: -x * scale, top: -rect.y * scale, width: source.width * scale, height: source.height * scale };
}

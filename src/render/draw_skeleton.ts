/**
 * Draws a BlazePose skeleton and metric labels onto a 2D canvas: the one drawer for the
 * analysed video, the evidence thumbnails, the live camera preview and the annotated video export.
 * Rendering only: positions are the track's keypoints (source pixels, mapped onto the canvas when
 * a crop is given), values are the Analysis' own numbers. Bones: skeleton_edges.ts.
 */
import type { Keypoint } from '../core/types';
import { layoutBesideBody } from './label_layout';
import { SKELETON_EDGES } from './skeleton_edges';

export { SKELETON_EDGES };

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
  /** Canvas size in canvas pixels (without `view`: the source's displayed pixel size). */
  width: number;
  height: number;
  /** Keypoint names to draw thick and yellow. */
  highlight?: readonly string[];
  labels?: readonly OverlayLabel[];
  /** Flip x (the video is shown mirrored); text stays readable. */
  mirrored?: boolean;
  /** Keypoints below this score are not drawn (BlazePose misplaces occluded feet). */
  minScore?: number;
  /**
   * The part of the source the canvas shows (a crop to the lifter), in source pixels before any
   * mirroring; the canvas may then be any size. Default: the whole source at canvas size.
   */
  view?: { sourceWidth: number; crop: { x: number; y: number; width: number; height: number } };
  /** 'beside-body': labels in columns left and right of the body with leader lines (label_layout.ts); default next to the joint. */
  labelLayout?: 'near-joint' | 'beside-body';
  /** Label font size in canvas pixels (default: from the canvas size). */
  fontPx?: number;
  /** Clear the canvas first (default): false draws over what is there (a video frame being burned in). */
  clear?: boolean;
}

function sideOf(name: string): 'left' | 'right' | 'centre' {
  if (name.startsWith('left_')) return 'left';
  if (name.startsWith('right_')) return 'right';
  return 'centre';
}

/** Source pixels -> canvas pixels for these options (mirroring included). */
export function canvasMapping(options: Pick<SkeletonDrawOptions, 'width' | 'height' | 'mirrored' | 'view'>): { x: (sx: number) => number; y: (sy: number) => number; scale: number } {
  const sourceWidth = options.view?.sourceWidth ?? options.width;
  const crop = options.view?.crop ?? { x: 0, y: 0, width: options.width, height: options.height };
  const scale = options.width / crop.width;
  const cropX = options.mirrored ? sourceWidth - crop.x - crop.width : crop.x;
  return {
    x: (sx: number) => ((options.mirrored ? sourceWidth - sx : sx) - cropX) * scale,
    y: (sy: number) => (sy - crop.y) * scale,
    scale,
  };
}

interface Placed {
  label: OverlayLabel;
  anchorX: number;
  anchorY: number;
  /** Left edge of the text and top of the label box, canvas pixels. */
  x: number;
  top: number;
  lines: string[];
  textWidth: number;
}

/** Greedy word wrap of `text` into lines no wider than maxWidth (a single long word stays whole). */
function wrapText(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Where the labels went (canvas pixels) and the body's box, for tests and for callers that want to know. */
export interface DrawnLayout {
  body: { left: number; right: number; top: number; bottom: number } | null;
  labels: { text: string; x: number; y: number; width: number; height: number; anchorX: number; anchorY: number }[];
}

export function drawSkeleton(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, keypoints: readonly Keypoint[] | null, options: SkeletonDrawOptions): DrawnLayout {
  const { width, height } = options;
  if (options.clear !== false) ctx.clearRect(0, 0, width, height);
  const drawn: DrawnLayout = { body: null, labels: [] };
  if (!keypoints) return drawn;
  const minScore = options.minScore ?? 0.3;
  const highlight = new Set(options.highlight ?? []);
  const byName = new Map<string, Keypoint>();
  for (const keypoint of keypoints) byName.set(keypoint.name, keypoint);
  const map = canvasMapping(options);
  const x = (k: Keypoint) => map.x(k.x);
  const y = (k: Keypoint) => map.y(k.y);
  const unit = Math.max(2, Math.min(width, height) / 160);

  ctx.lineCap = 'round';
  let bodyLeft = Infinity;
  let bodyRight = -Infinity;
  let bodyTop = Infinity;
  let bodyBottom = -Infinity;
  for (const [from, to] of SKELETON_EDGES) {
    const a = byName.get(from);
    const b = byName.get(to);
    if (!a || !b || a.score < minScore || b.score < minScore) continue;
    const lit = highlight.has(from) && highlight.has(to);
    ctx.strokeStyle = 'rgba(0,0,0,0.55)';
    ctx.lineWidth = (lit ? 3.2 : 1.8) * unit;
    ctx.beginPath();
    ctx.moveTo(x(a), y(a));
    ctx.lineTo(x(b), y(b));
    ctx.stroke();
    ctx.strokeStyle = lit ? SIDE_COLOURS.highlight : SIDE_COLOURS[sideOf(from) === sideOf(to) ? sideOf(from) : 'centre'];
    ctx.lineWidth = (lit ? 2.2 : 1.1) * unit;
    ctx.stroke();
  }
  for (const keypoint of keypoints) {
    if (keypoint.score < minScore || !SKELETON_EDGES.some(([a, b]) => a === keypoint.name || b === keypoint.name)) continue;
    bodyLeft = Math.min(bodyLeft, x(keypoint));
    bodyRight = Math.max(bodyRight, x(keypoint));
    bodyTop = Math.min(bodyTop, y(keypoint));
    bodyBottom = Math.max(bodyBottom, y(keypoint));
    ctx.fillStyle = highlight.has(keypoint.name) ? SIDE_COLOURS.highlight : SIDE_COLOURS[sideOf(keypoint.name)];
    ctx.beginPath();
    ctx.arc(x(keypoint), y(keypoint), (highlight.has(keypoint.name) ? 2.4 : 1.6) * unit, 0, Math.PI * 2);
    ctx.fill();
  }
  if (Number.isFinite(bodyLeft)) drawn.body = { left: bodyLeft, right: bodyRight, top: bodyTop, bottom: bodyBottom };
  const labels = (options.labels ?? []).filter((label) => byName.has(label.anchor));
  if (!labels.length) return drawn;
  const fontPx = Math.round(options.fontPx ?? Math.max(12, Math.min(width, height) / 22));
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const lineH = fontPx * 1.4;
  const placed: Placed[] = [];
  if (options.labelLayout === 'beside-body' && Number.isFinite(bodyLeft)) {
    // A label wider than the room beside the body wraps onto more lines rather than cover it.
    const gap = fontPx * 0.8;
    const room = Math.max(bodyLeft - gap, width - bodyRight - gap) - 8;
    // At most two lines: where even that does not fit, the label sits as near the body as it can.
    const texts = labels.map((label) => {
      const full = ctx.measureText(label.text).width;
      return full > room ? wrapText(ctx, label.text, Math.max(room, full * 0.6)) : [label.text];
    });
    // Label boxes are the text plus 4 px padding either side.
    const requests = labels.map((label, i) => {
      const anchor = byName.get(label.anchor)!;
      const textWidth = Math.max(...texts[i]!.map((line) => ctx.measureText(line).width));
      return { anchorX: x(anchor), anchorY: y(anchor), width: textWidth + 8, height: lineH * texts[i]!.length };
    });
    const positions = layoutBesideBody(requests, { left: bodyLeft, right: bodyRight, top: bodyTop, bottom: bodyBottom }, { width, height }, gap);
    labels.forEach((label, i) => {
      const r = requests[i]!;
      placed.push({ label, anchorX: r.anchorX, anchorY: r.anchorY, x: positions[i]!.x + 4, top: positions[i]!.y, lines: texts[i]!, textWidth: r.width - 8 });
    });
  } else {
    // Labels never overlap: in a side view both knees sit at almost the same spot, so a label
    // that would cover an earlier one moves down a line.
    const boxes: { x: number; y: number; w: number; h: number }[] = [];
    for (const label of labels) {
      const anchor = byName.get(label.anchor)!;
      const textWidth = ctx.measureText(label.text).width;
      // Keep the label inside the frame: right of the joint unless that runs off the edge.
      let lx = x(anchor) + fontPx * 0.8;
      if (lx + textWidth + 8 > width) lx = Math.max(4, x(anchor) - fontPx * 0.8 - textWidth);
      let ly = Math.min(height - fontPx, Math.max(fontPx, y(anchor)));
      const overlaps = (cx: number, cy: number) => boxes.some((r) => cx - 4 < r.x + r.w && cx - 4 + textWidth + 8 > r.x && cy - lineH / 2 < r.y + r.h && cy + lineH / 2 > r.y);
      for (let tries = 0; tries < 12 && overlaps(lx, ly); tries++) {
        ly += lineH + 2;
        if (ly > height - fontPx) ly = fontPx + (tries + 1) * (lineH + 2);
      }
      boxes.push({ x: lx - 4, y: ly - lineH / 2, w: textWidth + 8, h: lineH });
      placed.push({ label, anchorX: x(anchor), anchorY: y(anchor), x: lx, top: ly - lineH / 2, lines: [label.text], textWidth });
    }
  }
  for (const p of placed) {
    // A label away from its joint could read as the other leg's: a leader line to the joint and
    // a bar in the side's colour say whose it is.
    const sideColour = p.label.side ? SIDE_COLOURS[p.label.side] : SIDE_COLOURS.centre;
    const leftOfJoint = p.x < p.anchorX;
    const boxH = lineH * p.lines.length;
    const midY = p.top + boxH / 2;
    ctx.strokeStyle = 'rgba(0,0,0,0.6)';
    ctx.lineWidth = Math.max(1, unit * 0.6) + 2;
    ctx.beginPath();
    ctx.moveTo(leftOfJoint ? p.x + p.textWidth + 4 : p.x - 4, midY);
    ctx.lineTo(p.anchorX, p.anchorY);
    ctx.stroke();
    ctx.strokeStyle = sideColour;
    ctx.lineWidth = Math.max(1, unit * 0.6);
    ctx.stroke();
    ctx.fillStyle = 'rgba(0,0,0,0.7)';
    ctx.fillRect(p.x - 4, p.top, p.textWidth + 8, boxH);
    ctx.fillStyle = sideColour;
    ctx.fillRect(leftOfJoint ? p.x + p.textWidth + 1 : p.x - 4, p.top, 3, boxH);
    ctx.fillStyle = p.label.emphasis ? SIDE_COLOURS.highlight : '#ffffff';
    p.lines.forEach((line, i) => ctx.fillText(line, p.x, p.top + lineH * (i + 0.5)));
    drawn.labels.push({ text: p.label.text, x: p.x - 4, y: p.top, width: p.textWidth + 8, height: boxH, anchorX: p.anchorX, anchorY: p.anchorY });
  }
  return drawn;
}

/**
 * Where the metric labels go on the video: beside the body, not on it, each joined to its joint
 * by a leader line. Pure geometry on canvas pixels (label sizes in, positions out), so the drawer
 * only paints.
 *
 * Each label goes into a column left or right of the body box, on the side its joint is on (in a
 * front view the lifter's two knees get the two columns), or the other column when it does not
 * fit there. Within a column labels keep their joints' top-to-bottom order, as near their joint's
 * height as they can without overlapping. When neither column has room (the body fills the
 * picture) a label sits as near the body as the picture allows.
 */

export interface LabelRequest {
  /** The joint, canvas pixels. */
  anchorX: number;
  anchorY: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  /** Top-left corner, canvas pixels. */
  x: number;
  y: number;
  /** Which side of the body it went to. */
  column: 'left' | 'right';
}

export interface LayoutArea {
  width: number;
  height: number;
}

export interface BodyRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Stacks labels of one column (sorted by anchor) without overlap, inside [0, areaHeight]. */
function stack(items: { index: number; anchorY: number; height: number }[], areaHeight: number, gap: number): Map<number, number> {
  const sorted = [...items].sort((a, b) => a.anchorY - b.anchorY);
  const ys: number[] = [];
  let next = 0;
  for (const item of sorted) {
    const y = Math.max(next, item.anchorY - item.height / 2);
    ys.push(y);
    next = y + item.height + gap;
  }
  // Pushed past the bottom: shift the stack up from the bottom edge, keeping the order.
  let limit = areaHeight;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const h = sorted[i]!.height;
    if (ys[i]! + h > limit) ys[i] = limit - h;
    limit = ys[i]! - gap;
  }
  const out = new Map<number, number>();
  sorted.forEach((item, i) => out.set(item.index, Math.max(0, ys[i]!)));
  return out;
}

export function layoutBesideBody(labels: readonly LabelRequest[], body: BodyRect, area: LayoutArea, gap = 8): PlacedLabel[] {
  const centre = (body.left + body.right) / 2;
  const roomLeft = body.left - gap;
  const roomRight = area.width - (body.right + gap);
  const columns = labels.map((label) => {
    const preferred: 'left' | 'right' = label.anchorX < centre ? 'left' : 'right';
    const fits = (c: 'left' | 'right') => (c === 'left' ? roomLeft : roomRight) >= label.width;
    if (fits(preferred)) return preferred;
    const otherColumn = preferred === 'left' ? 'right' : 'left';
    if (fits(otherColumn)) return otherColumn;
    return roomLeft >= roomRight ? 'left' : 'right';
  });
  const ys = new Map<number, number>();
  for (const column of ['left', 'right'] as const) {
    const items = labels.map((label, index) => ({ index, anchorY: label.anchorY, height: label.height })).filter((item) => columns[item.index] === column);
    for (const [index, y] of stack(items, area.height, gap / 2)) ys.set(index, y);
  }
  return labels.map((label, index) => {
    const column = columns[index]!;
    const x = column === 'left' ? Math.max(0, body.left - gap - label.width) : Math.min(area.width - label.width, body.right + gap);
    return { x, y: ys.get(index) ?? 0, column };
  });
}

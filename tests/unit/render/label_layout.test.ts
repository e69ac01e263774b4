import { describe, expect, it } from 'vitest';
import { layoutBesideBody } from '../../../src/render/label_layout';

const area = { width: 600, height: 800 };
const body = { left: 250, right: 350, top: 100, bottom: 700 };

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutBesideBody', () => {
  it('puts labels beside the body, on their joint\'s side, without overlapping, in the joints\' order', () => {
    const labels = [
      { anchorX: 270, anchorY: 400, width: 120, height: 20 },
      { anchorX: 275, anchorY: 405, width: 120, height: 20 },
      { anchorX: 330, anchorY: 400, width: 120, height: 20 },
      { anchorX: 300, anchorY: 200, width: 120, height: 20 },
    ];
    const placed = layoutBesideBody(labels, body, area, 8);
    const boxes = placed.map((p, i) => ({ x: p.x, y: p.y, w: labels[i]!.width, h: labels[i]!.height }));
    for (let i = 0; i < boxes.length; i++) {
      // Outside the body box across, inside the picture.
      expect(boxes[i]!.x + boxes[i]!.w <= body.left || boxes[i]!.x >= body.right).toBe(true);
      expect(boxes[i]!.x).toBeGreaterThanOrEqual(0);
      expect(boxes[i]!.x + boxes[i]!.w).toBeLessThanOrEqual(area.width);
      expect(boxes[i]!.y).toBeGreaterThanOrEqual(0);
      expect(boxes[i]!.y + boxes[i]!.h).toBeLessThanOrEqual(area.height);
      for (let j = 0; j < i; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    }
    expect(placed.map((p) => p.column)).toEqual(['left', 'left', 'right', 'right']);
    // The two left labels keep their joints' top-to-bottom order.
    expect(placed[0]!.y).toBeLessThan(placed[1]!.y);
    // As near the joint's height as possible.
    expect(Math.abs(placed[2]!.y + 10 - 400)).toBeLessThan(1);
  });

  it('uses the other side when a label does not fit on its own', () => {
    const wide = { left: 40, right: 350, top: 100, bottom: 700 };
    const [p] = layoutBesideBody([{ anchorX: 60, anchorY: 300, width: 150, height: 20 }], wide, area, 8);
    expect(p!.column).toBe('right');
    expect(p!.x).toBe(358);
  });

  it('stacks labels pushed past the bottom edge upward, still without overlap', () => {
    const labels = [0, 1, 2, 3].map(() => ({ anchorX: 260, anchorY: 795, width: 100, height: 30 }));
    const placed = layoutBesideBody(labels, body, area, 8);
    const ys = placed.map((p) => p.y).sort((a, b) => a - b);
    expect(ys[3]! + 30).toBeLessThanOrEqual(area.height);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(30);
  });
});

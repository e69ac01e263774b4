import { describe, expect, it } from 'vitest';
import { HEAD_SIDE_PER_TORSO, headBox, rectCenter, rectContains, scaleRect } from '../../../src/pose/person_head';
import { MASK_VALUE, maskedRgba } from '../../../src/pose/person_mask';
import { syntheticSquat } from '../../support/synthetic_squat';

describe('headBox', () => {
  const { track } = syntheticSquat({ reps: 1, view: 'front', width: 1000, height: 1000 });
  const k = track.frames[0].keypoints!;

  it('is a square centred on the face, sized from the torso', () => {
    const box = headBox(k)!;
    const face = k.slice(0, 11);
    const cx = face.reduce((s, p) => s + p.x, 0) / face.length;
    const cy = face.reduce((s, p) => s + p.y, 0) / face.length;
    expect(rectCenter(box).x).toBeCloseTo(cx, 6);
    expect(rectCenter(box).y).toBeCloseTo(cy, 6);
    const torso = Math.hypot((k[11].x + k[12].x - k[23].x - k[24].x) / 2, (k[11].y + k[12].y - k[23].y - k[24].y) / 2);
    expect(box.width).toBeCloseTo(HEAD_SIDE_PER_TORSO * torso, 6);
    expect(box.height).toBe(box.width);
    // The whole head is inside; it ends about at the shoulder line, far above the hips.
    for (const p of face) expect(rectContains(box, p)).toBe(true);
    expect(box.y + box.height).toBeLessThan((k[11].y + k[12].y) / 2 + 0.1 * torso);
    expect(rectContains(box, k[23])).toBe(false);
    expect(rectContains(box, k[24])).toBe(false);
  });

  it('is null without a pose', () => {
    expect(headBox(null)).toBeNull();
    expect(headBox([])).toBeNull();
  });

  it('scaleRect keeps the centre', () => {
    const r = scaleRect({ x: 10, y: 20, width: 100, height: 50 }, 0.5);
    expect(r).toEqual({ x: 35, y: 32.5, width: 50, height: 25 });
  });
});

describe('maskedRgba', () => {
  it('paints only the rectangles opaque grey, clipped to the frame, and leaves the frame alone', () => {
    const width = 4;
    const height = 3;
    const data = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 7 : 10 + (i % 4)));
    const masked = maskedRgba({ data, width, height }, [{ x: 2.5, y: -1, width: 5, height: 2 }]);
    const px = (x: number, y: number) => Array.from(masked.data.slice((y * width + x) * 4, (y * width + x) * 4 + 4));
    expect(px(0, 0)).toEqual([10, 11, 12, 7]);
    expect(px(1, 0)).toEqual([10, 11, 12, 7]);
    expect(px(2, 0)).toEqual([MASK_VALUE, MASK_VALUE, MASK_VALUE, 255]);
    expect(px(3, 0)).toEqual([MASK_VALUE, MASK_VALUE, MASK_VALUE, 255]);
    expect(px(2, 1)).toEqual([10, 11, 12, 7]);
    expect(data[8]).toBe(10);
  });
});

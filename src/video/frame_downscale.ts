/**
 * Upright, scaled RGBA straight from a decoded frame, without a canvas: VideoFrame.copyTo converts
 * the decoder's YUV to RGBA at full size (libyuv in Chromium), and a k x k box average brings it
 * to the analysed size, turning it upright on the way. Only for whole-number factors (1080 x 1920
 * to 540 x 960 is k = 2, 4K is k = 4), where the box average is the area-weighted downscale; any
 * other size, a flipped frame or non-square pixels take the canvas way (open_video.ts).
 *
 * Why: drawing a 1080 x 1920 frame scaled onto an OffscreenCanvas and reading it back took about
 * 18-22 ms of the pose worker per frame here, against about 3 ms for copyTo and 3.5 ms for the
 * box average in Node (docs/pose.md, "Browser: Web Workers"). At k = 2 the canvas's bilinear
 * filter samples each output pixel at the centre of its 2 x 2 block, which is this same average
 * (tests/e2e/upload_pixels.test.ts: within one level).
 */

export interface DownscaleSource {
  /** Clockwise degrees the coded picture is turned to be shown upright. */
  rotation: number;
  flip: boolean;
  visibleRect: { width: number; height: number };
  squarePixelWidth: number;
  squarePixelHeight: number;
  copyTo(destination: Uint8ClampedArray, options: { format: 'RGBA' }): Promise<unknown>;
}

/**
 * The whole-number factor from the frame's visible picture to `width` x `height` upright, or
 * null when there is none (or the frame is flipped, turned by other than a quarter, or its
 * pixels are not square).
 */
export function wholeDownscaleFactor(frame: Omit<DownscaleSource, 'copyTo'>, width: number, height: number): number | null {
  const { rotation, flip, visibleRect: rect } = frame;
  if (flip || ![0, 90, 180, 270].includes(rotation)) return null;
  if (frame.squarePixelWidth !== rect.width || frame.squarePixelHeight !== rect.height) return null;
  const quarter = rotation === 90 || rotation === 270;
  const uprightW = quarter ? rect.height : rect.width;
  const uprightH = quarter ? rect.width : rect.height;
  const k = uprightW / width;
  if (!Number.isInteger(k) || k < 1 || uprightH !== k * height) return null;
  return k;
}

/**
 * Averages k x k blocks of `src` (srcW x srcH RGBA, as decoded) into `out` (the upright result,
 * RGBA, alpha 255), turning it by `rotation` clockwise. Each mean is rounded to the nearest byte,
 * halves up.
 */
export function boxDownscaleRgba(
  src: Uint8ClampedArray,
  srcW: number,
  srcH: number,
  k: number,
  rotation: number,
  out: Uint8ClampedArray,
  rowSums: Uint32Array = new Uint32Array((srcW / k) * 3),
): void {
  const bw = srcW / k;
  const bh = srcH / k;
  const quarter = rotation === 90 || rotation === 270;
  const outW = quarter ? bh : bw;
  // Where source block (0, by) lands upright, and the step to block (bx + 1, by), in pixels.
  const place = (by: number): [number, number] => {
    if (rotation === 90) return [bh - 1 - by, outW];
    if (rotation === 180) return [(bh - 1 - by) * outW + bw - 1, -1];
    if (rotation === 270) return [(bw - 1) * outW + by, -outW];
    return [by * outW, 1];
  };
  if (k === 2 && LITTLE_ENDIAN && src.byteOffset % 4 === 0 && out.byteOffset % 4 === 0) {
    halveRgba(src, srcW, bw, bh, out, place);
    return;
  }
  const area = k * k;
  const half = area >> 1;
  const shift = Math.log2(area);
  const byShift = Number.isInteger(shift); // k = 4 (4K to 960): a shift instead of a division
  const rowBytes = srcW * 4;
  for (let by = 0; by < bh; by++) {
    sumBlockRow(src, by * k * rowBytes, rowBytes, bw, k, rowSums);
    let [o, step] = place(by);
    o *= 4;
    step *= 4;
    for (let s = 0; s < bw * 3; s += 3, o += step) {
      if (byShift) {
        out[o] = (rowSums[s] + half) >> shift;
        out[o + 1] = (rowSums[s + 1] + half) >> shift;
        out[o + 2] = (rowSums[s + 2] + half) >> shift;
      } else {
        out[o] = Math.floor((rowSums[s] + half) / area);
        out[o + 1] = Math.floor((rowSums[s + 1] + half) / area);
        out[o + 2] = Math.floor((rowSums[s + 2] + half) / area);
      }
      out[o + 3] = 255;
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * k = 2, the phone case (1080 x 1920 to 540 x 960), a pixel at a time as one 32-bit word (RGBA
 * in memory order on a little-endian machine): about 3x faster than the general loop here.
 */
function halveRgba(src: Uint8ClampedArray, srcW: number, bw: number, bh: number, out: Uint8ClampedArray, place: (by: number) => [number, number]): void {
  const s32 = new Uint32Array(src.buffer, src.byteOffset, src.length >> 2);
  const o32 = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
  for (let by = 0; by < bh; by++) {
    let [o, step] = place(by);
    for (let bx = 0, p = 2 * by * srcW, q = p + srcW; bx < bw; bx++, p += 2, q += 2, o += step) {
      const a = s32[p], b = s32[p + 1], c = s32[q], d = s32[q + 1];
      const r = ((a & 255) + (b & 255) + (c & 255) + (d & 255) + 2) >> 2;
      const g = (((a >>> 8) & 255) + ((b >>> 8) & 255) + ((c >>> 8) & 255) + ((d >>> 8) & 255) + 2) >> 2;
      const bl = (((a >>> 16) & 255) + ((b >>> 16) & 255) + ((c >>> 16) & 255) + ((d >>> 16) & 255) + 2) >> 2;
      o32[o] = (r | (g << 8) | (bl << 16) | 0xff000000) >>> 0;
    }
  }
}

/** Sums of each k x k block's R, G and B along one row of blocks starting at byte `start`. */
function sumBlockRow(src: Uint8ClampedArray, start: number, rowBytes: number, bw: number, k: number, rowSums: Uint32Array): void {
  rowSums.fill(0);
  for (let r = 0; r < k; r++) {
    let p = start + r * rowBytes;
    for (let bx = 0, s = 0; bx < bw; bx++, s += 3) {
      let red = 0, green = 0, blue = 0;
      for (let c = 0; c < k; c++, p += 4) {
        red += src[p];
        green += src[p + 1];
        blue += src[p + 2];
      }
      rowSums[s] += red;
      rowSums[s + 1] += green;
      rowSums[s + 2] += blue;
    }
  }
}

/** Buffers kept from frame to frame: the full-size copy and the row sums. */
export interface DownscaleScratch {
  full: Uint8ClampedArray | null;
  rowSums: Uint32Array | null;
}

/**
 * `frame` upright into `out`, `k` times smaller than its visible picture (`k` from
 * wholeDownscaleFactor). copyTo's own failure (a browser that cannot convert to RGBA) is thrown.
 */
export async function downscaleFrameInto(frame: DownscaleSource, k: number, out: Uint8ClampedArray, scratch: DownscaleScratch): Promise<void> {
  const { width: srcW, height: srcH } = frame.visibleRect;
  if (k === 1 && frame.rotation === 0) {
    await frame.copyTo(out, { format: 'RGBA' });
    return;
  }
  const bytes = srcW * srcH * 4;
  if (scratch.full?.length !== bytes) scratch.full = new Uint8ClampedArray(bytes);
  if (scratch.rowSums?.length !== (srcW / k) * 3) scratch.rowSums = new Uint32Array((srcW / k) * 3);
  await frame.copyTo(scratch.full, { format: 'RGBA' });
  boxDownscaleRgba(scratch.full, srcW, srcH, k, frame.rotation, out, scratch.rowSums);
}

/** Size arithmetic for decoded frames; kept apart so it is testable without a browser. */

export interface FittedSize {
  width: number;
  height: number;
  /** Output pixels per input pixel, <= 1. */
  scale: number;
}

/** Scales (width, height) down, keeping its aspect ratio, so the long side is at most maxLongSide. Never scales up. */
export function fitLongSide(width: number, height: number, maxLongSide: number): FittedSize {
  if (!(width > 0 && height > 0)) throw new RangeError(`frame size must be positive, got ${width}x${height}`);
  const longSide = Math.max(width, height);
  if (longSide <= maxLongSide) return { width, height, scale: 1 };
  const scale = maxLongSide / longSide;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

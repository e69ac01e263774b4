/**
 * Draws the live engine's poses on the overlay canvas above the camera preview. Cheap on purpose:
 * at most one draw per animation frame (the newest pose wins), the canvas sized to the camera
 * picture once, no labels. data-* attributes say what was drawn, for the e2e tests.
 */
import type { LiveOverlayFrame } from '../../live/live_engine';
import { drawSkeleton } from '../../render/draw_skeleton';

export function liveOverlayDrawer(canvas: HTMLCanvasElement): (overlay: LiveOverlayFrame | null) => void {
  let latest: LiveOverlayFrame | null = null;
  let scheduled = false;
  const draw = () => {
    scheduled = false;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (!latest) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      canvas.dataset.keypoints = '0';
      return;
    }
    const { frame, width, height } = latest;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    drawSkeleton(ctx, frame.keypoints, { width, height });
    canvas.dataset.drawnAt = String(Math.round(performance.now()));
    canvas.dataset.keypoints = String(frame.keypoints?.length ?? 0);
  };
  return (overlay) => {
    latest = overlay;
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(draw);
    }
  };
}

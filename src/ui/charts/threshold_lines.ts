/**
 * The flag thresholds as dashed red lines across a uPlot chart (a draw hook), so a reader sees
 * how far past the line a value went. uPlot's canvas is in device pixels, hence devicePixelRatio.
 */
import type uPlot from 'uplot';

export function thresholdLinesHook(thresholds: readonly number[]): (u: uPlot) => void {
  return (u) => {
    const { ctx } = u;
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    ctx.save();
    ctx.setLineDash([6 * dpr, 4 * dpr]);
    ctx.strokeStyle = '#c0392b';
    ctx.lineWidth = 1.5 * dpr;
    for (const threshold of thresholds) {
      const y = u.valToPos(threshold, 'y', true);
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) continue;
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
    }
    ctx.restore();
  };
}

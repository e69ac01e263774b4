import type { AnalysedFrame, MetricKey, Side } from '../types';

/**
 * Per-frame metrics copied once into typed columns (NaN = null), so that the per-rep and
 * per-set stages scan flat arrays instead of frame objects: an hour of 60 fps video is
 * 216,000 frames x 20 series.
 */
export interface Column {
  /** Float32: metrics are angles and ratios, 7 significant digits are plenty, half the memory. */
  value: Float32Array;
  confidence: Float32Array;
}

/** Columns of every metric except buttWink, keyed as MetricColumns.get names them ("heelLift.left"). */
export interface PrebuiltColumns {
  t: Float64Array;
  columns: ReadonlyMap<string, Column>;
}

export type ColumnKey = `${MetricKey}` | `${MetricKey}.${Side}`;

export class MetricColumns {
  readonly n: number;
  readonly t: Float64Array;
  private readonly cols = new Map<string, Column>();

  /**
   * `prebuilt`: the columns computeFrameMetrics already holds in typed arrays (every metric but
   * buttWink, which the rep stage fills into the frames afterwards), so an hour of video is not
   * read back out of 216,000 scattered frame objects. They must describe `frames` exactly.
   */
  constructor(frames: readonly AnalysedFrame[], prebuilt?: PrebuiltColumns) {
    const n = frames.length;
    this.n = n;
    if (prebuilt && prebuilt.t.length === n) {
      this.t = prebuilt.t;
      for (const [k, c] of prebuilt.columns) this.cols.set(k, c);
      const bw: Column = { value: new Float32Array(n), confidence: new Float32Array(n) };
      this.cols.set('buttWink', bw);
      for (let i = 0; i < n; i++) put1(bw, i, frames[i].metrics.buttWink, frames[i].confidence.buttWink);
      return;
    }
    this.t = new Float64Array(n);
    const col = (): Column => ({ value: new Float32Array(n), confidence: new Float32Array(n) });
    const S = (k: MetricKey) => {
      const l = col();
      const r = col();
      this.cols.set(`${k}.left`, l);
      this.cols.set(`${k}.right`, r);
      return [l, r] as const;
    };
    const C = (k: MetricKey) => {
      const c = col();
      this.cols.set(k, c);
      return c;
    };
    const [vl, vr] = S('kneeValgusDeg');
    const [ol, or] = S('kneeOffset');
    const [hl, hr] = S('heelLift');
    const [fl, fr] = S('footAngleDeg');
    const [kl, kr] = S('kneeFlexionDeg');
    const [sl, sr] = S('shinAngleDeg');
    const ksr = C('kneeSeparationRatio');
    const tor = C('torsoAngleDeg');
    const tt = C('trunkTibiaDeg');
    const bw = C('buttWink');
    const hf = C('hipFlexionDeg');
    const dp = C('depth');
    const th = C('thighAngleDeg');
    const hs = C('hipShift');
    // One pass over the frames (frame objects are scattered in memory: twenty passes would
    // pay the cache misses twenty times), literal property names (monomorphic loads), no
    // allocation per frame.
    for (let i = 0; i < n; i++) {
      const f = frames[i];
      this.t[i] = f.t;
      const m = f.metrics;
      const c = f.confidence;
      put2(vl, vr, i, m.kneeValgusDeg, c.kneeValgusDeg);
      put2(ol, or, i, m.kneeOffset, c.kneeOffset);
      put2(hl, hr, i, m.heelLift, c.heelLift);
      put2(fl, fr, i, m.footAngleDeg, c.footAngleDeg);
      put2(kl, kr, i, m.kneeFlexionDeg, c.kneeFlexionDeg);
      put2(sl, sr, i, m.shinAngleDeg, c.shinAngleDeg);
      put1(ksr, i, m.kneeSeparationRatio, c.kneeSeparationRatio);
      put1(tor, i, m.torsoAngleDeg, c.torsoAngleDeg);
      put1(tt, i, m.trunkTibiaDeg, c.trunkTibiaDeg);
      put1(bw, i, m.buttWink, c.buttWink);
      put1(hf, i, m.hipFlexionDeg, c.hipFlexionDeg);
      put1(dp, i, m.depth, c.depth);
      put1(th, i, m.thighAngleDeg, c.thighAngleDeg);
      put1(hs, i, m.hipShift, c.hipShift);
    }
  }

  get(key: MetricKey, side: Side | null): Column | undefined {
    return this.cols.get(side ? `${key}.${side}` : key);
  }


}

function put1(col: Column, i: number, v: number | null | undefined, c: number | undefined): void {
  col.value[i] = typeof v === 'number' ? v : NaN;
  col.confidence[i] = typeof c === 'number' ? c : 0;
}

function put2(
  a: Column,
  b: Column,
  i: number,
  v: { left: number | null; right: number | null } | null | undefined,
  c: { left: number; right: number } | undefined,
): void {
  a.value[i] = v && typeof v.left === 'number' ? v.left : NaN;
  b.value[i] = v && typeof v.right === 'number' ? v.right : NaN;
  a.confidence[i] = c && typeof c.left === 'number' ? c.left : 0;
  b.confidence[i] = c && typeof c.right === 'number' ? c.right : 0;
}

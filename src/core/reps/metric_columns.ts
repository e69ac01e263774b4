import type { AnalysedFrame, MetricKey, Side } from '../types';

/**
 * Per-frame metrics copied once into typed columns (NaN = null), so that the per-rep and
 * per-set stages scan flat arrays instead of frame objects: an hour of 60 fps video is
 * 216,000 frames x 20 series.
 */
export interface Column {
  value: Float64Array;
  confidence: Float32Array;
}

export type ColumnKey = `${MetricKey}` | `${MetricKey}.${Side}`;

export class MetricColumns {
  readonly n: number;
  readonly t: Float64Array;
  private readonly cols = new Map<string, Column>();

  constructor(frames: readonly AnalysedFrame[]) {
    const n = frames.length;
    this.n = n;
    this.t = new Float64Array(n);
    const col = (): Column => ({ value: new Float64Array(n), confidence: new Float32Array(n) });
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

  /** Re-read one metric after the frames changed (the butt-wink proxy is filled later). */
  refresh(frames: readonly AnalysedFrame[], key: MetricKey): void {
    if (this.cols.has(key)) this.cols.set(key, readColumn(frames, key, null));
  }
}

type Pick = (m: AnalysedFrame['metrics']) => unknown;
type PickC = (c: AnalysedFrame['confidence']) => unknown;

/**
 * One accessor per metric with a literal property name: each stays monomorphic, where a
 * computed `metrics[key]` in a hot loop is a generic keyed load (several times slower over
 * 216,000 frames x 20 series).
 */
const PICK: Record<MetricKey, [Pick, PickC]> = {
  kneeValgusDeg: [(m) => m.kneeValgusDeg, (c) => c.kneeValgusDeg],
  kneeOffset: [(m) => m.kneeOffset, (c) => c.kneeOffset],
  kneeSeparationRatio: [(m) => m.kneeSeparationRatio, (c) => c.kneeSeparationRatio],
  heelLift: [(m) => m.heelLift, (c) => c.heelLift],
  footAngleDeg: [(m) => m.footAngleDeg, (c) => c.footAngleDeg],
  torsoAngleDeg: [(m) => m.torsoAngleDeg, (c) => c.torsoAngleDeg],
  trunkTibiaDeg: [(m) => m.trunkTibiaDeg, (c) => c.trunkTibiaDeg],
  buttWink: [(m) => m.buttWink, (c) => c.buttWink],
  kneeFlexionDeg: [(m) => m.kneeFlexionDeg, (c) => c.kneeFlexionDeg],
  hipFlexionDeg: [(m) => m.hipFlexionDeg, (c) => c.hipFlexionDeg],
  shinAngleDeg: [(m) => m.shinAngleDeg, (c) => c.shinAngleDeg],
  depth: [(m) => m.depth, (c) => c.depth],
  thighAngleDeg: [(m) => m.thighAngleDeg, (c) => c.thighAngleDeg],
  hipShift: [(m) => m.hipShift, (c) => c.hipShift],
};

function readColumn(frames: readonly AnalysedFrame[], key: MetricKey, side: Side | null): Column {
  const n = frames.length;
  const value = new Float64Array(n);
  const confidence = new Float32Array(n);
  const [pm, pc] = PICK[key];
  if (side) {
    const left = side === 'left';
    for (let i = 0; i < n; i++) {
      const f = frames[i];
      const m = pm(f.metrics) as { left: number | null; right: number | null } | null | undefined;
      const v = m ? (left ? m.left : m.right) : null;
      value[i] = typeof v === 'number' ? v : NaN;
      const c = pc(f.confidence) as { left: number; right: number } | undefined;
      confidence[i] = c ? (left ? c.left : c.right) : 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const f = frames[i];
      const v = pm(f.metrics);
      value[i] = typeof v === 'number' ? v : NaN;
      const c = pc(f.confidence);
      confidence[i] = typeof c === 'number' ? c : 0;
    }
  }
  return { value, confidence };
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

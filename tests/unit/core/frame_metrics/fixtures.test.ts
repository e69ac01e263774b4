/**
 * computeFrameMetrics on keypoint tracks our own pipeline extracted from the shared clips
 * (fixtures/tracks, see its README; what each clip shows is in ../shared/fixtures/MANIFEST.md).
 * These pin the per-frame layer to what a person sees in the clips: the view, heel lift on the
 * heel-lift clip and not on the good ones, no knees-in on the good front clips, forward lean on
 * the forward-lean clip, a hand over the lens ignored. Thresholds are the flag tiers'
 * (src/core/flags/thresholds.ts) where one applies.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFrameMetrics, type FrameMetricsResult } from '../../../../src/core/frame_metrics';
import type { PoseTrack } from '../../../../src/core/types';
import { framesOf, type FrameView } from '../../../support/analysis_frames';

const dir = path.resolve(__dirname, '../../../../fixtures/tracks');
const has = existsSync(path.join(dir, 'oblique-heel-lift.json'));
if (!has) console.log(`[frame_metrics_fixtures] skipped: no tracks in ${dir}`);

const cache = new Map<string, FrameMetricsResult>();
function load(name: string): FrameMetricsResult {
  if (!cache.has(name)) {
    const track = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as PoseTrack;
    cache.set(name, computeFrameMetrics(track));
  }
  return cache.get(name)!;
}

/** p-quantile of a metric's values over frames whose confidence is at least minConf. */
function quantile(r: FrameMetricsResult, get: (f: FrameView) => [number | null, number], p: number, minConf = 0.5): number {
  const v = framesOf(r).map(get).filter(([x, c]) => x !== null && c >= minConf).map(([x]) => x as number).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : NaN;
}

const VIEWS: Record<string, string> = {
  'front-deep-good-lowres': 'front', 'front-forward-lean-lowres': 'front', 'front-shallow-lowres': 'front', 'front-two-reps-good': 'front',
  'oblique-good-hand-over-lens': 'oblique', 'oblique-heel-lift': 'oblique',
  'side-deep-good-rotated': 'side', 'side-forward-lean-rotated': 'side', 'side-rise-from-bottom-rotated': 'side', 'side-two-reps-good': 'side',
  'side-upright-knees-forward-rotated': 'side', 'side-very-deep-rounded-rotated': 'side',
};

describe.skipIf(!has)('computeFrameMetrics on the fixture clips', () => {
  it('finds the view the MANIFEST gives for every clip', () => {
    for (const [name, kind] of Object.entries(VIEWS)) expect(load(name).view.kind, name).toBe(kind);
  });

  it('sees heel lift on both feet in the heel-lift clip, and not on the good clips', () => {
    // Tiers (src/core/flags/thresholds.ts): mild 0.10, moderate 0.15 foot lengths.
    const lift = load('oblique-heel-lift');
    for (const s of ['left', 'right'] as const) {
      expect(quantile(lift, (f) => [f.metrics.heelLift[s], f.confidence.heelLift[s]], 0.95), s).toBeGreaterThan(0.1);
    }
    for (const name of ['front-deep-good-lowres', 'front-shallow-lowres', 'front-two-reps-good', 'side-deep-good-rotated', 'side-two-reps-good', 'oblique-good-hand-over-lens']) {
      // The far foot of a side view is not measured (null), and the 35 px feet of the 240 px
      // wide clips never reach confidence 0.5 (NaN = no confident frames).
      const q = (['left', 'right'] as const).map((s) => quantile(load(name), (f) => [f.metrics.heelLift[s], f.confidence.heelLift[s]], 0.95));
      if (!name.includes('lowres')) expect(q.some(Number.isFinite), name).toBe(true);
      for (const v of q) if (Number.isFinite(v)) expect(v, name).toBeLessThan(0.1);
    }
  });

  it('does not see knees caving in on the good front clips (below the 8 deg mild tier)', () => {
    for (const name of ['front-deep-good-lowres', 'front-two-reps-good', 'front-shallow-lowres']) {
      for (const s of ['left', 'right'] as const) {
        expect(quantile(load(name), (f) => [f.metrics.kneeValgusDeg[s], f.confidence.kneeValgusDeg[s]], 0.95), `${name} ${s}`).toBeLessThan(8);
      }
    }
  });

  it('measures far more forward lean on the forward-lean clip than on the good side clips', () => {
    const lean = quantile(load('side-forward-lean-rotated'), (f) => [f.metrics.trunkTibiaDeg, f.confidence.trunkTibiaDeg], 0.95);
    expect(lean).toBeGreaterThan(45);
    for (const name of ['side-deep-good-rotated', 'side-two-reps-good']) {
      expect(quantile(load(name), (f) => [f.metrics.trunkTibiaDeg, f.confidence.trunkTibiaDeg], 0.95), name).toBeLessThan(30);
    }
  });

  it('reads the deep squat deeper than the half squat (hip height)', () => {
    const minHip = (name: string) => Math.min(...Array.from(load(name).clip.hipHeight, (h) => (h === h ? h : 9)));
    expect(minHip('front-deep-good-lowres')).toBeLessThan(0.45);
    expect(minHip('front-shallow-lowres')).toBeGreaterThan(0.6);
  });

  it('ignores the upside-down skeleton of the hand over the lens', () => {
    const r = load('oblique-good-hand-over-lens');
    expect(r.warnings.map((w) => w.code)).toContain('implausible_pose');
    expect(r.details.implausibleFrames).toBeGreaterThan(5);
    expect(Math.min(...Array.from(r.clip.hipHeight, (h) => (h === h ? h : 9)))).toBeGreaterThan(0.2);
    for (const f of framesOf(r)) if (f.metrics.torsoAngleDeg !== null) expect(Math.abs(f.metrics.torsoAngleDeg)).toBeLessThan(90);
  });
});

/**
 * Real labelled keypoints: how well the per-frame valgus metrics separate frames a person
 * labelled "knees too narrow" (3) from "correct" (0) and from "feet too wide" (2), as ROC AUC,
 * against the plain knee-width / ankle-width ratio as the baseline.
 *
 * Data: ../shared/fixtures/labelled/knee-labels-mediapipe-9kp.csv (MediaPipe normalised
 * coordinates, 9 landmarks, front view implied by the labels; see the fixtures' MANIFEST).
 * The rows are consecutive frames of several clips run together, each label one long block;
 * they are analysed as one track (30 fps assumed) with the view given as 'front', so filtering,
 * the standing baseline and hip height work as on any recording. FPPA and knee offset are read
 * only while the knees are bent (hip below 90 % of standing height: knee_valgus.ts), so their
 * AUC covers those frames; the baseline is scored on the same frames (and, printed, on all).
 * The frame size is unknown: normalised x and y are scaled by an assumed size; the test runs
 * four sizes (4:3, 3:4, 16:9, 9:16) and asserts on the worst, so the result does not hinge on
 * the guess.
 *
 * Floor, and why: AUC >= 0.95 for FPPA and for knee offset, and no worse than the baseline on
 * the same frames (measured: all three about 1.000 on bent-knee frames; over all frames the
 * baseline drops to 0.990 and 0.956). 3 vs 2 is the case the baseline is built to fail: wide feet shrink
 * knee/ankle width exactly as caving knees do, while FPPA and knee offset measure each knee
 * against its own hip-ankle line. 0.95 sits below what we measured (1.000) by a margin for the
 * frame-size guess and the few clips behind each label, and far above 0.5 (chance); a metric
 * that lost its sign convention or mixed up the sides would score far below it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFrameMetrics } from '../../../../src/core/frame_metrics';
import type { Keypoint, PoseTrack } from '../../../../src/core/types';
import { framesOf } from '../../../support/analysis_frames';

const repoRoot = path.resolve(__dirname, '../../../..');
const csvPath = path.resolve(repoRoot, '../shared/fixtures', 'labelled/knee-labels-mediapipe-9kp.csv');
const exists = existsSync(csvPath);
if (!exists) console.log(`[valgus_labelled] skipped: ${csvPath} not found (the shared fixtures live beside the repo)`);

const LANDMARKS: Record<string, string> = {
  NOSE: 'nose', LEFT_SHOULDER: 'left_shoulder', RIGHT_SHOULDER: 'right_shoulder', LEFT_HIP: 'left_hip', RIGHT_HIP: 'right_hip',
  LEFT_KNEE: 'left_knee', RIGHT_KNEE: 'right_knee', LEFT_ANKLE: 'left_ankle', RIGHT_ANKLE: 'right_ankle',
};

/** Mann-Whitney AUC: probability a positive scores above a negative (ties count half). */
export function rocAuc(pos: number[], neg: number[]): number {
  const all = [...pos.map((v) => [v, 1] as const), ...neg.map((v) => [v, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const avgRank = (i + j + 1) / 2; // 1-based mean rank of the tie group
    for (let k = i; k < j; k++) if (all[k][1]) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

describe.skipIf(!exists)('valgus metrics on real labelled keypoints (knee-labels-mediapipe-9kp.csv)', () => {
  it('separate "knees too narrow" from "correct" and from "feet too wide" better than the knee/ankle width ratio', () => {
    const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
    const head = lines[0].split(',');
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    // Column order: nose, shoulders, hips (3, 4), knees (5, 6), ankles (7, 8).
    const cols = Object.entries(LANDMARKS).map(([n, name]) => [head.indexOf(`${n}_x`), name] as const);
    expect(cols.every(([j]) => j > 0)).toBe(true);

    const worst: Record<string, number> = {};
    for (const [W, H] of [[640, 480], [480, 640], [1280, 720], [720, 1280]]) {
      const frames = rows.map((r, i) => ({ t: i / 30, keypoints: cols.map(([j, name]): Keypoint => ({ name, x: r[j] * W, y: r[j + 1] * H, score: r[j + 3] })) }));
      const track: PoseTrack = { source: { name: 'labelled', width: W, height: H, fps: 30, durationS: rows.length / 30, frameCount: rows.length }, model: 'mediapipe', frames };
      const result = computeFrameMetrics(track, { view: 'front' });
      const mean = (a: number | null, b: number | null) => (a === null ? b ?? NaN : b === null ? a : (a + b) / 2);
      const fppa = framesOf(result).map((f) => mean(f.metrics.kneeValgusDeg.left, f.metrics.kneeValgusDeg.right));
      const offset = framesOf(result).map((f) => mean(f.metrics.kneeOffset.left, f.metrics.kneeOffset.right));
      // Baseline: plain knee width / ankle width from the raw keypoints (smaller = knees in).
      const ratio = frames.map(({ keypoints: k }) => -Math.abs(k[5].x - k[6].x) / Math.abs(k[7].x - k[8].x));
      const bent = fppa.map((v) => Number.isFinite(v));
      const metric: Record<string, number[]> = {
        fppa, offset, ratio: ratio.map((v, i) => (bent[i] ? v : NaN)), 'ratio(all frames)': ratio,
      };
      const lines: string[] = [];
      for (const [name, values] of Object.entries(metric)) {
        for (const other of [0, 2]) {
          const pos: number[] = [], neg: number[] = [];
          rows.forEach((r, i) => {
            const v = values[i];
            if (!Number.isFinite(v)) return;
            if (r[0] === 3) pos.push(v);
            else if (r[0] === other) neg.push(v);
          });
          const a = rocAuc(pos, neg);
          const key = `${name} 3v${other}`;
          worst[key] = Math.min(worst[key] ?? 1, a);
          lines.push(`${key}=${a.toFixed(3)} (n=${pos.length}/${neg.length})`);
        }
      }
      console.log(`[valgus_labelled] assumed frame ${W}x${H}: ${lines.join('  ')}`);
    }
    console.log(`[valgus_labelled] worst over frame sizes: ${JSON.stringify(worst, (_, v) => (typeof v === 'number' ? +v.toFixed(3) : v))}`);
    for (const other of [0, 2]) {
      for (const name of ['fppa', 'offset']) {
        expect(worst[`${name} 3v${other}`], `${name} 3v${other}`).toBeGreaterThanOrEqual(0.95);
        // No worse than the baseline on the same frames (0.005: ties at AUC ~1 on this easy set).
        expect(worst[`${name} 3v${other}`], `${name} 3v${other} vs baseline`).toBeGreaterThanOrEqual(worst[`ratio 3v${other}`] - 0.005);
      }
    }
  });
});

describe.skipIf(!exists)('kneeDrift by run on the labelled keypoints (the per-lifter measure the flag reads)', () => {
  it('separates knees-too-narrow runs from correct runs at the rep, against their own standing frames, for any assumed frame size', async () => {
    const { loadCsv, findRuns, productKneeDrift } = await import('../../../../scripts/eval/knee_labelled_auc');
    const rows = loadCsv();
    const runs = findRuns(rows).filter(([s]) => rows[s].label === 3 || rows[s].label === 0);
    // 10 + 10 runs (one recording each; runs found from label changes and jumps in position).
    expect(runs.filter(([s]) => rows[s].label === 3)).toHaveLength(10);
    expect(runs.filter(([s]) => rows[s].label === 0)).toHaveLength(10);
    for (const aspect of [4 / 3, 16 / 9, 3 / 4, 9 / 16]) {
      const pos: number[] = [], neg: number[] = [];
      for (const [s, e] of runs) (rows[s].label === 3 ? pos : neg).push(productKneeDrift(rows.slice(s, e), aspect)[0]);
      const auc = rocAuc(pos, neg);
      console.log(`[valgus_labelled] kneeDrift at the rep, frame ${aspect.toFixed(2)}: AUC runs 3 vs 0 = ${auc.toFixed(3)}`);
      // Measured 1.000 at every size (scripts/eval/knee_labelled_auc.ts); 0.9 allows 10 of the 100
      // run pairs out of order and is far above chance: a sign or side mix-up would sit near 0.
      expect(auc).toBeGreaterThanOrEqual(0.9);
    }
  });
});

describe('rocAuc', () => {
  it('is 1 for perfect separation, 0.5 for identical sets, and counts ties half', () => {
    expect(rocAuc([3, 4], [1, 2])).toBe(1);
    expect(rocAuc([1, 2], [1, 2])).toBe(0.5);
    expect(rocAuc([1], [2])).toBe(0);
  });
});

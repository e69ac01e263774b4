/**
 * analyze() on a one-hour, 60 fps track (216,000 frames): target under 1 s and under 500 MB
 * in Node (issue 3). The track repeats one synthetic set (10 reps with standing between,
 * front-right oblique view, 1.5 px keypoint noise, a few dropped keypoints) with shifted
 * times; frames of the copies share their keypoint arrays (analyze must not mutate its
 * input), so the track itself stays small and the heap figure is mostly analyze's own.
 *
 * Run alone: npx tsx bench/analyze_bench.ts   (add --expose-gc via
 * `node --expose-gc --import tsx bench/analyze_bench.ts` for a cleaner heap figure).
 */
import { analyze } from '../src/core/analyze';
import { computeFrameMetrics } from '../src/core/frame_metrics';
import { analyzeFrameMetrics } from '../src/core/analyze_metrics';
import type { PoseFrame, PoseTrack } from '../src/core/types';
import { syntheticSquat } from '../tests/support/synthetic_squat';

export interface AnalyzeBenchResult {
  frames: number;
  runs: number;
  medianMs: number;
  /** computeFrameMetrics alone (per-frame stage), median ms. */
  frameMetricsMedianMs: number;
  /** analyzeFrameMetrics alone (reps, flags, asymmetry, findings) on precomputed metrics, median ms. */
  analysisStageMedianMs: number;
  framesPerSecond: number;
  /** Heap used right after the last analyze() (track + result), MB. */
  heapMB: number;
  /** Peak resident set size of the process seen after a run, MB. */
  rssMB: number;
  reps: number;
}

export function oneHourTrack(fps = 60, totalFrames = 216_000): PoseTrack {
  const { track } = syntheticSquat({ reps: 10, fps, view: 'oblique', noisePx: 1.5, dropRate: 0.01, seed: 11, width: 1080, height: 1920 });
  const unit = track.frames;
  const unitS = unit.length / fps;
  const frames: PoseFrame[] = new Array(totalFrames);
  for (let i = 0; i < totalFrames; i++) {
    const src = unit[i % unit.length];
    const copy = Math.floor(i / unit.length);
    frames[i] = { t: copy * unitS + src.t, keypoints: src.keypoints };
  }
  return {
    source: { ...track.source, name: 'synthetic-one-hour', durationS: totalFrames / fps, frameCount: totalFrames },
    model: track.model,
    frames,
  };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function benchAnalyze(runs = 3): Promise<AnalyzeBenchResult> {
  const track = oneHourTrack();
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  const fmTimes: number[] = [];
  const stageTimes: number[] = [];
  let reps = 0;
  let heapMB = 0;
  let rssMB = 0;
  for (let r = 0; r < runs; r++) {
    // The whole of analyze() first, heap read right after it (track + one Analysis alive).
    gc?.();
    let t0 = performance.now();
    let a: ReturnType<typeof analyze> | null = analyze(track);
    times.push(performance.now() - t0);
    const mem = process.memoryUsage();
    heapMB = Math.max(heapMB, mem.heapUsed / 1e6);
    rssMB = Math.max(rssMB, mem.rss / 1e6);
    reps = a.reps.length;
    a = null;
    // Then the two stages on their own.
    gc?.();
    t0 = performance.now();
    const fm = computeFrameMetrics(track);
    fmTimes.push(performance.now() - t0);
    gc?.();
    t0 = performance.now();
    analyzeFrameMetrics(track, fm);
    stageTimes.push(performance.now() - t0);
  }
  const medianMs = median(times);
  return {
    frames: track.frames.length,
    runs,
    medianMs: Math.round(medianMs),
    frameMetricsMedianMs: Math.round(median(fmTimes)),
    analysisStageMedianMs: Math.round(median(stageTimes)),
    framesPerSecond: Math.round(track.frames.length / (medianMs / 1000)),
    heapMB: Math.round(heapMB),
    rssMB: Math.round(rssMB),
    reps,
  };
}

// Runnable alone with tsx.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('analyze_bench.ts')) {
  benchAnalyze().then((r) => {
    console.log(JSON.stringify(r, null, 2));
    console.log(`analyze: ${r.frames} frames in ${r.medianMs} ms (median of ${r.runs}) = ${r.framesPerSecond} frames/s; per-frame stage ${r.frameMetricsMedianMs} ms, reps/flags/findings stage ${r.analysisStageMedianMs} ms; heap ${r.heapMB} MB, rss ${r.rssMB} MB`);
  });
}

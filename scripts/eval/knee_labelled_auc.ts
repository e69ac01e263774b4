/**
 * Held-out evaluation of knee-valgus scores on the labelled MediaPipe keypoints
 * (../shared/fixtures/labelled/knee-labels-mediapipe-9kp.csv): label 3 "knees too narrow" vs 0
 * "correct", frame by frame, grouped by run (one recording of one lifter), with bootstrap
 * intervals over runs, a leave-one-run-out decision test, and a cross-source check against real
 * good lifters from our own fixture tracks.
 *
 *   npx tsx scripts/eval/knee_labelled_auc.ts [--tracks dir[,dir...]] [--json out.json]
 *
 * Runs: the CSV has no subject or clip column; clips run together. A new run starts where the
 * label changes or where any of the 9 landmarks jumps by more than 0.03 (normalised) between
 * consecutive rows: within a clip the largest per-frame move is 0.003 at the median and 0.008 at
 * the 90th percentile, so 0.03 is 10x the typical motion. The count is printed for 0.02 and 0.05
 * too: 60 / 55 / 45 runs, with 10 label-3 and 10 label-0 runs at 0.02 and 0.03 (at 0.05 some
 * label-3 clips merge).
 *
 * Frame size: unknown. Scores that mix x and y (baselines A and B) are computed for four assumed
 * sizes (4:3, 16:9, 3:4, 9:16) and for the size body proportions suggest (BlazePose shoulder
 * width ~0.448 x leg length, Winter 2009; the median over runs is printed). The candidate scores
 * use only horizontal offsets divided by horizontal widths (knee_geometry.ts), so they do not
 * depend on it.
 *
 * Nothing here is fitted to the labels: the rules (standing = core's 0.92 x 90th percentile hip
 * height, straight legs; deep window = lower half of the hip travel; sustained over 3 frames =
 * 0.1 s at an assumed 30 fps) are the analyzer's. The leave-one-run-out test chooses its one
 * constant, a decision threshold, on the other runs only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  deepSustainedMax, deepSustainedMaxBy, fppaDeg, kneeDrift, kneeOverFootDrift, type LegFrame, medialOffsetX, type P2, perpOffset, percentileOf, shankLen,
  shoulderWidthX, standingReference, thighLen, hipWidthX,
} from './knee_geometry';
import { aucWithGroupBootstrap, fmtCi, type Group, rocAuc } from './knee_stats';
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { KNEE_DRIFT_LEG } from '../../src/core/flags/thresholds';
import { column } from '../../src/core/series';
import type { Keypoint, PoseTrack } from '../../src/core/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const csvPath = path.resolve(repoRoot, '../shared/fixtures/labelled/knee-labels-mediapipe-9kp.csv');

const LANDMARKS = ['NOSE', 'LEFT_SHOULDER', 'RIGHT_SHOULDER', 'LEFT_HIP', 'RIGHT_HIP', 'LEFT_KNEE', 'RIGHT_KNEE', 'LEFT_ANKLE', 'RIGHT_ANKLE'] as const;
const JUMP = 0.03;
const HOLD_FRAMES = 3;

export interface Row { label: number; x: number[]; y: number[]; vis: number[] }

export function loadCsv(): Row[] {
  const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const cols = LANDMARKS.map((n) => head.indexOf(`${n}_x`));
  if (cols.some((c) => c < 0)) throw new Error('unexpected CSV header');
  return lines.slice(1).map((l) => {
    const v = l.split(',').map(Number);
    return { label: v[0], x: cols.map((c) => v[c]), y: cols.map((c) => v[c + 1]), vis: cols.map((c) => v[c + 3]) };
  });
}

/** [start, end) of each run. */
export function findRuns(rows: readonly Row[], jump = JUMP): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let s = 0;
  for (let i = 1; i <= rows.length; i++) {
    let cut = i === rows.length || rows[i].label !== rows[i - 1].label;
    if (!cut) {
      let m = 0;
      for (let k = 0; k < LANDMARKS.length; k++) m = Math.max(m, Math.abs(rows[i].x[k] - rows[i - 1].x[k]), Math.abs(rows[i].y[k] - rows[i - 1].y[k]));
      cut = m > jump;
    }
    if (cut) {
      runs.push([s, i]);
      s = i;
    }
  }
  return runs;
}

/** A CSV row as a LegFrame in units of the frame height: x scaled by the assumed width / height. */
function rowFrame(r: Row, aspect: number): LegFrame {
  const p = (k: number): P2 => ({ x: r.x[k] * aspect, y: r.y[k] });
  return { lShoulder: p(1), rShoulder: p(2), lHip: p(3), rHip: p(4), lKnee: p(5), rKnee: p(6), lAnkle: p(7), rAnkle: p(8) };
}

const mean2 = (a: number, b: number) => (a + b) / 2;

/** Every score for one run (one lifter's recording), per frame; rep-level scores repeated on each frame. */
export function runScores(frames: readonly LegFrame[]): Record<string, number[]> {
  const n = frames.length;
  const legs = frames.map((f) => (thighLen(f, 'left') + shankLen(f, 'left') + thighLen(f, 'right') + shankLen(f, 'right')) / 2);
  const legRef = percentileOf(legs, 0.9);
  const ref = standingReference(frames);
  const hw = ref ? ref.hipWidthX : percentileOf(frames.map(hipWidthX), 0.5);
  const A = frames.map((f) => mean2(fppaDeg(f, 'left'), fppaDeg(f, 'right')));
  const B = frames.map((f) => mean2(perpOffset(f, 'left'), perpOffset(f, 'right')) / legRef);
  const C = frames.map((f) => mean2(medialOffsetX(f, 'left'), medialOffsetX(f, 'right')) / hw);
  const nan = new Array<number>(n).fill(NaN);
  const dl = ref ? kneeDrift(frames, ref, 'left') : nan;
  const dr = ref ? kneeDrift(frames, ref, 'right') : nan;
  const D = dl.map((v, i) => mean2(v, dr[i]));
  const el = ref ? kneeOverFootDrift(frames, ref, 'left') : nan;
  const er = ref ? kneeOverFootDrift(frames, ref, 'right') : nan;
  const E = el.map((v, i) => mean2(v, er[i]));
  const rep = (side: (f: LegFrame, s: 'left' | 'right') => number, scale = 1) =>
    mean2(
      deepSustainedMax(frames.map((f) => side(f, 'left') / scale), frames, HOLD_FRAMES),
      deepSustainedMax(frames.map((f) => side(f, 'right') / scale), frames, HOLD_FRAMES),
    );
  const repA = rep(fppaDeg);
  const repB = rep(perpOffset, legRef);
  const repC = rep(medialOffsetX, hw);
  const repD = ref ? mean2(deepSustainedMax(dl, frames, HOLD_FRAMES), deepSustainedMax(dr, frames, HOLD_FRAMES)) : NaN;
  const repE = ref ? mean2(deepSustainedMax(el, frames, HOLD_FRAMES), deepSustainedMax(er, frames, HOLD_FRAMES)) : NaN;
  return {
    A, B, C, D, E,
    'A rep': new Array(n).fill(repA),
    'B rep': new Array(n).fill(repB),
    'C rep': new Array(n).fill(repC),
    'D rep': new Array(n).fill(repD),
    'E rep': new Array(n).fill(repE),
  };
}

const TRACK_NAMES = ['nose', 'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];

/**
 * The analyzer's own kneeDrift on one CSV run: the run as a PoseTrack (30 fps assumed, pixels at
 * the given frame size, MediaPipe visibility as the score, view given as front), through
 * computeFrameMetrics; the rep value as the flag takes it (deep half, sustained 3 frames), mean
 * of the two knees, on every frame of the run.
 */
export function productKneeDrift(rows: readonly Row[], aspect: number): number[] {
  const H = 720, W = Math.round(720 * aspect);
  const track: PoseTrack = {
    source: { name: 'labelled-run', width: W, height: H, fps: 30, durationS: rows.length / 30, frameCount: rows.length },
    model: 'mediapipe',
    frames: rows.map((r, i) => ({ t: i / 30, keypoints: TRACK_NAMES.map((name, k): Keypoint => ({ name, x: r.x[k] * W, y: r.y[k] * H, score: r.vis[k] })) })),
  };
  const fm = computeFrameMetrics(track, { view: 'front' });
  const lf = rows.map((r) => rowFrame(r, aspect));
  const side = (s: 'left' | 'right') => Array.from(column(fm.series, 'kneeDrift', s)?.value ?? []);
  const v = mean2(deepSustainedMax(side('left'), lf, HOLD_FRAMES), deepSustainedMax(side('right'), lf, HOLD_FRAMES));
  return new Array(rows.length).fill(v);
}

export const SCORE_NAMES: Record<string, string> = {
  A: 'A  baseline: signed FPPA, every frame',
  B: 'B  baseline: signed knee offset / leg length, every frame',
  C: 'C  horizontal medial knee offset / own standing hip width, every frame (aspect-free)',
  D: 'D  C minus own standing value, every frame',
  E: 'E  knee-over-foot drift: knee x - ankle x, minus own standing value, / own hip width, every frame',
  'A rep': 'A at the rep: sustained max over the deep half, on every frame of the run',
  'B rep': 'B at the rep',
  'C rep': 'C at the rep',
  'D rep': 'D at the rep',
  'E rep': 'E at the rep',
  'F rep': 'F the analyzer\'s kneeDrift at the rep (what the flag reads; computeFrameMetrics per run)',
};

// ---- fixture tracks (real good lifters, our pipeline) for the cross-source check
interface TrackJson { source: { name: string; width: number; height: number; fps: number }; frames: Array<{ keypoints: Array<{ name: string; x: number; y: number; score: number }> | null }> }

/** Good front-view clips by the MANIFEST ("knees over the feet" / "knees track out"). */
export const GOOD_FRONT_CLIPS = ['front-two-reps-good', 'front-deep-good-lowres', 'gym-front-barbell', 'home-front-bodyweight'];

function trackFrames(t: TrackJson, minScore = 0.5): LegFrame[] {
  const names = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
  const out: LegFrame[] = [];
  for (const f of t.frames) {
    if (!f.keypoints) continue;
    const m = new Map(f.keypoints.map((k) => [k.name, k]));
    const pts = names.map((n) => m.get(n));
    if (pts.some((p) => !p || !(p.score >= minScore))) continue;
    const [ls, rs, lh, rh, lk, rk, la, ra] = pts.map((p) => ({ x: p!.x, y: p!.y }));
    out.push({ lShoulder: ls, rShoulder: rs, lHip: lh, rHip: rh, lKnee: lk, rKnee: rk, lAnkle: la, rAnkle: ra });
  }
  return out;
}

/** The analyzer's kneeDrift at the rep (mean of knees, over the clip's deep frames) on a fixture track. */
function analyzeRep(t: TrackJson): number {
  const fm = computeFrameMetrics(t as unknown as PoseTrack);
  const hh = Array.from(fm.clip.hipHeight);
  const side = (s: 'left' | 'right') => Array.from(column(fm.series, 'kneeDrift', s)?.value ?? []);
  return mean2(deepSustainedMaxBy(side('left'), hh, HOLD_FRAMES), deepSustainedMaxBy(side('right'), hh, HOLD_FRAMES));
}

export function findTrack(dirs: readonly string[], clip: string): string | null {
  for (const d of dirs) {
    const p = path.join(d, `${clip}.json`);
    if (existsSync(p)) return p;
  }
  return null;
}

function main(): void {
  const args = process.argv.slice(2);
  const ti = args.indexOf('--tracks');
  const trackDirs = ti >= 0 ? args[ti + 1].split(',') : [path.join(repoRoot, 'fixtures/tracks')];
  const ji = args.indexOf('--json');
  if (!existsSync(csvPath)) {
    console.error(`knee_labelled_auc: ${csvPath} not found (the shared fixtures live beside the repo)`);
    process.exit(2);
  }
  const rows = loadCsv();
  for (const j of [0.02, 0.03, 0.05]) {
    const r = findRuns(rows, j);
    const c = (l: number) => r.filter(([s]) => rows[s].label === l).length;
    console.log(`runs at jump ${j}: ${r.length} (label 3: ${c(3)}, label 0: ${c(0)})`);
  }
  const runs = findRuns(rows);

  // Frame aspect suggested by body proportions: width/height = 0.448 x leg (y) / shoulder width (x).
  const aspectGuess = percentileOf(
    runs.map(([s, e]) => {
      const fr = rows.slice(s, e).map((r) => rowFrame(r, 1));
      const ref = standingReference(fr);
      return ref ? (0.448 * ref.legLen) / percentileOf(fr.map(shoulderWidthX), 0.5) : NaN;
    }),
    0.5,
  );
  console.log(`frame width/height suggested by body proportions (median over runs): ${aspectGuess.toFixed(2)}`);
  const aspects: Array<[string, number]> = [['4:3', 4 / 3], ['16:9', 16 / 9], ['3:4', 3 / 4], ['9:16', 9 / 16], [`est ${aspectGuess.toFixed(2)}`, aspectGuess]];

  const results: Record<string, unknown> = {};
  const table: string[] = [];
  const perAspect: Record<string, Record<string, number>> = {};
  let groupsAtGuess: Record<string, Group[]> = {};
  for (const [an, aspect] of aspects) {
    const groups: Record<string, Group[]> = {};
    let noRef = 0;
    for (const [s, e] of runs) {
      const label = rows[s].label;
      if (label !== 3 && label !== 0) continue;
      const fr = rows.slice(s, e).map((r) => rowFrame(r, aspect));
      if (!standingReference(fr)) noRef++;
      const sc = runScores(fr);
      sc['F rep'] = productKneeDrift(rows.slice(s, e), aspect);
      for (const [k, v] of Object.entries(sc)) (groups[k] ??= []).push({ positive: label === 3, scores: v });
    }
    perAspect[an] = {};
    for (const [k, g] of Object.entries(groups)) perAspect[an][k] = aucWithGroupBootstrap(g, 1).auc;
    if (an.startsWith('est')) groupsAtGuess = groups;
    if (noRef) console.log(`aspect ${an}: ${noRef} runs of label 0/3 without standing frames`);
  }
  table.push('| score | AUC 3 vs 0, every frame, [95 % CI over runs] (frame size from proportions) | min / max over 4 assumed frame sizes |');
  table.push('|---|---|---|');
  for (const k of Object.keys(SCORE_NAMES)) {
    const ci = aucWithGroupBootstrap(groupsAtGuess[k], 2000, 7);
    const over = aspects.slice(0, 4).map(([an]) => perAspect[an][k]);
    table.push(`| ${SCORE_NAMES[k]} | ${fmtCi(ci)} | ${Math.min(...over).toFixed(3)} / ${Math.max(...over).toFixed(3)} |`);
    results[k] = { ...ci, minOverAspects: Math.min(...over), maxOverAspects: Math.max(...over) };
  }
  console.log(`\nLabelled CSV, ${runs.filter(([s]) => rows[s].label === 3).length} label-3 runs vs ${runs.filter(([s]) => rows[s].label === 0).length} label-0 runs:`);
  console.log(table.join('\n'));

  // What the flag itself says (mild tier, thresholds.ts KNEE_DRIFT_LEG, a constant from FPPA norms, not from these labels).
  {
    const g = groupsAtGuess['F rep'];
    const called = (pos: boolean) => g.filter((x) => x.positive === pos && x.scores[0] >= KNEE_DRIFT_LEG.mild).length;
    const vals = (pos: boolean) => g.filter((x) => x.positive === pos).map((x) => x.scores[0].toFixed(3)).join(' ');
    console.log(`\nThe knees-cave-in flag's mild tier (${KNEE_DRIFT_LEG.mild} leg lengths) on F: label-3 runs called ${called(true)}/${g.filter((x) => x.positive).length}, label-0 runs called ${called(false)}/${g.filter((x) => !x.positive).length}`);
    console.log(`  F per run, label 3: ${vals(true)}\n  F per run, label 0: ${vals(false)}`);
  }

  // Leave-one-run-out decision: threshold at Youden's J on the other runs' frames, applied to the held-out run.
  console.log('\nLeave-one-run-out: threshold chosen on the other runs (Youden J), frames of the held-out run classified; balanced accuracy over held-out frames:');
  const loro: Record<string, number> = {};
  for (const k of Object.keys(SCORE_NAMES)) {
    const g = groupsAtGuess[k];
    let tp = 0, fn = 0, tn = 0, fp = 0;
    g.forEach((held, hi) => {
      const pos: number[] = [], neg: number[] = [];
      g.forEach((o, oi) => { if (oi !== hi) for (const s of o.scores) if (Number.isFinite(s)) (o.positive ? pos : neg).push(s); });
      const cands = Array.from(new Set([...pos, ...neg])).sort((a, b) => a - b);
      let best = -Infinity, thr = 0;
      // Candidate thresholds at most 400 quantiles (enough on a few thousand frames).
      const step = Math.max(1, Math.floor(cands.length / 400));
      for (let c = 0; c < cands.length; c += step) {
        const t = cands[c];
        const j = pos.filter((v) => v >= t).length / pos.length - neg.filter((v) => v >= t).length / neg.length;
        if (j > best) { best = j; thr = t; }
      }
      for (const s of held.scores) {
        if (!Number.isFinite(s)) continue;
        const call = s >= thr;
        if (held.positive) call ? tp++ : fn++;
        else call ? fp++ : tn++;
      }
    });
    loro[k] = 0.5 * (tp / (tp + fn) + tn / (tn + fp));
    console.log(`  ${k.padEnd(6)} ${loro[k].toFixed(3)}  (label 3 frames called: ${tp}/${tp + fn}, label 0 frames called: ${fp}/${fp + tn})`);
  }

  // Cross-source: label-3 frames of the CSV vs every frame of real good front-view lifters filmed by others.
  const negGroups: Record<string, Group[]> = {};
  const used: string[] = [];
  for (const clip of GOOD_FRONT_CLIPS) {
    const p = findTrack(trackDirs, clip);
    if (!p) continue;
    const t = JSON.parse(readFileSync(p, 'utf8')) as TrackJson;
    const fr = trackFrames(t);
    if (fr.length < 10) continue;
    used.push(clip);
    const sc = runScores(fr);
    const a = analyzeRep(t);
    sc['F rep'] = new Array(fr.length).fill(a);
    for (const [k, v] of Object.entries(sc)) (negGroups[k] ??= []).push({ positive: false, scores: v });
  }
  console.log(`\nCross-source: CSV label-3 frames (positives) vs every frame of good front-view fixture lifters (${used.join(', ') || 'none found'}):`);
  const cross: Record<string, unknown> = {};
  if (used.length) {
    for (const k of Object.keys(SCORE_NAMES)) {
      const pos = groupsAtGuess[k].filter((g) => g.positive);
      const ci = aucWithGroupBootstrap([...pos, ...negGroups[k]], 2000, 11);
      const perClip = negGroups[k].map((g, i) => `${used[i]} ${rocAuc(pos.flatMap((p) => p.scores).filter(Number.isFinite), g.scores.filter(Number.isFinite)).toFixed(2)}`);
      console.log(`  ${SCORE_NAMES[k].padEnd(90)} ${fmtCi(ci)}   ${perClip.join(', ')}`);
      cross[k] = { ...ci, perClip };
    }
  }
  if (ji >= 0) writeFileSync(args[ji + 1], JSON.stringify({ runs: runs.length, aspectGuess, results, loro, cross, crossClips: used }, null, 1));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();

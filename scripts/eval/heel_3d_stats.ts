/**
 * Research: where BlazePose's keypoints3D help heel-lift measurement and where they do not.
 * On the heels-down clips (every clip but oblique-heel-lift and side-upright-knees-forward), per
 * rep bottom and foot: the 3D foot pitch change from standing against the 3D shank's forward
 * tilt (knee travel), for visible and hidden feet; the 3D vs 2D foot length; which foot the 3D
 * depth calls far, against the mirrored track.
 *
 *   npx tsx scripts/eval/heel_3d_stats.ts [full|lite]
 */
import { analyze } from '../../src/core/analyze';
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { footSeries, read3D, repBottomFrames, stanceHiddenFoot, upVector3D } from './heel_lib';
import { loadSet } from './track_sets';

const set = process.argv[2] ?? 'full';
const med = (v: number[]) => { const a = v.filter(Number.isFinite).sort((x, y) => x - y); return a.length ? a[a.length >> 1] : NaN; };
const pearson = (x: number[], y: number[]) => {
  const n = x.length, mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
};
const vis = { p3: [] as number[], shin: [] as number[], h2: [] as number[], lift: [] as number[] };
const hid = { p3: [] as number[], h2: [] as number[] };
const len3: number[] = [], len2: number[] = [];
let farAgree = 0, farTotal = 0;
for (const clip of CORPUS) {
  const name = trackName(clip.file);
  const t = loadSet(set, clip.file);
  if (!t) continue;
  const fm = computeFrameMetrics(t);
  const stance = stanceHiddenFoot(t, fm);
  const mirror = loadSet(set === 'lite' ? 'mirrored-lite' : 'mirrored', clip.file);
  if (mirror && stance.far && stance.separation < 3.5) {
    const ms = stanceHiddenFoot(mirror, computeFrameMetrics(mirror));
    farTotal++;
    if (ms.far && ms.far !== stance.far) farAgree++;
  }
  if (name === 'oblique-heel-lift' || name === 'side-upright-knees-forward-rotated') continue;
  const a = analyze(t);
  const up = upVector3D(t, fm.clip.standing.standing);
  for (const side of ['left', 'right'] as const) {
    const f = footSeries(t, fm, side);
    const knee = read3D(t, side === 'left' ? 25 : 26, fm.clip.fps), ankle = read3D(t, side === 'left' ? 27 : 28, fm.clip.fps);
    const hidden = stance.hidden === (side === 'left' ? 1 : 2);
    for (let i = 0; i < t.frames.length; i++) if (fm.clip.standing.standing[i] && Number.isFinite(f.len3[i])) len3.push(f.len3[i] / 100);
    for (const rep of a.reps) {
      const idx = repBottomFrames(fm, rep);
      const p3 = med(idx.map((i) => f.p3[i])), h2 = med(idx.map((i) => f.h2[i])), a2 = med(idx.map((i) => f.a2[i]));
      const shin = med(idx.map((i) => {
        const v = [knee.x[i] - ankle.x[i], knee.y[i] - ankle.y[i], knee.z[i] - ankle.z[i]];
        const l = Math.hypot(v[0], v[1], v[2]);
        return (Math.acos(Math.max(-1, Math.min(1, (v[0] * up[0] + v[1] * up[1] + v[2] * up[2]) / l))) * 180) / Math.PI;
      }));
      if (hidden) { hid.p3.push(p3); hid.h2.push(h2); }
      else if (Number.isFinite(p3) && Number.isFinite(shin)) { vis.p3.push(p3); vis.shin.push(shin); vis.h2.push(h2); vis.lift.push(Math.min(h2, a2 / 0.8)); }
    }
  }
  for (let i = 0; i < t.frames.length; i++) {
    const k = t.frames[i].keypoints3D;
    if (!fm.clip.standing.standing[i] || !k) continue;
    const l3 = (Math.hypot(k[23].x - k[25].x, k[23].y - k[25].y, k[23].z - k[25].z) + Math.hypot(k[25].x - k[27].x, k[25].y - k[27].y, k[25].z - k[27].z));
    len2.push(Math.hypot(k[29].x - k[31].x, k[29].y - k[31].y, k[29].z - k[31].z) / l3);
  }
}
const q = (v: number[], p: number) => { const a = [...v].filter(Number.isFinite).sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(p * a.length))]; };
console.log(`${set}: heels-down visible feet-reps ${vis.p3.length}, hidden ${hid.p3.length}`);
console.log(`3D foot pitch change at the bottom, visible feet: median ${q(vis.p3, 0.5).toFixed(1)} deg, 90th pct ${q(vis.p3, 0.9).toFixed(1)}, max ${Math.max(...vis.p3).toFixed(1)}`);
console.log(`  correlation with the 3D shank's tilt from vertical at the bottom: r = ${pearson(vis.p3, vis.shin).toFixed(2)} (shank tilt median ${q(vis.shin, 0.5).toFixed(1)} deg)`);
console.log(`  hidden feet: median ${q(hid.p3, 0.5).toFixed(1)} deg, max ${Math.max(...hid.p3).toFixed(1)}`);
console.log(`2D heel over toe (h2), visible: 90th pct ${q(vis.h2, 0.9).toFixed(3)}, max ${Math.max(...vis.h2).toFixed(3)}; hidden: 90th pct ${q(hid.h2, 0.9).toFixed(3)}, max ${Math.max(...hid.h2).toFixed(3)}`);
console.log(`two-point lift, visible: 90th pct ${q(vis.lift, 0.9).toFixed(3)}, max ${Math.max(...vis.lift).toFixed(3)}`);
console.log(`3D heel-toe length / 3D leg length, standing: median ${q(len2, 0.5).toFixed(3)} (Winter foot/leg 0.31)`);
console.log(`far foot by 3D depth swaps under mirroring in ${farAgree}/${farTotal} side/oblique clips`);

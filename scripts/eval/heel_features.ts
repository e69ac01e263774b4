/**
 * Research: candidate heel-lift measures on every clip of a track set, per rep and per foot,
 * to compare what they read on good clips (heels flat by eye) with the heel-lift clip.
 *
 *   npx tsx scripts/eval/heel_features.ts [full|lite|mirrored] [--frames clip]
 *
 * Measures (all relative to that foot's own standing value, the median over the nearest
 * standing run(s); "rise" = up, in foot lengths, foot = 0.31 x standing leg, Winter 2009):
 *   core     the core's heelLift rep value (analyze(), whatever the checked-out core computes)
 *   h2       2D heel height above the toe (the foot's pitch in the picture), roll removed
 *   a2       2D ankle height above the toe
 *   h3       3D (keypoints3D, metres, hip-centred) heel height above the toe, in cm
 *   p3       3D foot pitch (heel->toe line against the horizontal plane of the 3D frame), deg
 *   a3       3D ankle height above the toe, cm
 * Each rep's value is the median over the bottom frames (hip height within the lowest 25 % of
 * the rep's range), which is where a heel lifts, so one stray frame cannot make a lift.
 */
import { analyze } from '../../src/core/analyze';
import { computeFrameMetrics } from '../../src/core/frame_metrics';
import { repValue } from '../../src/core/series';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { footSeries, repBottomFrames, type FootSeries } from './heel_lib';
import { loadSet } from './track_sets';

const FEATURES = ['h2', 'a2', 'h3', 'p3', 'a3'] as const;

function median(v: number[]): number {
  const a = v.filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  return a.length ? a[a.length >> 1] : NaN;
}

function main(): void {
  const args = process.argv.slice(2);
  const set = args.find((a) => !a.startsWith('--')) ?? 'full';
  const fi = args.indexOf('--frames');
  const framesOf = fi >= 0 ? args[fi + 1] : null;
  const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  console.log(`| clip | rep | foot | score heel/toe/ankle | core | h2 | a2 | h3 cm | p3 deg | a3 cm | view |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const clip of CORPUS) {
    const track = loadSet(set, clip.file);
    if (!track) continue;
    const a = analyze(track);
    const fm = computeFrameMetrics(track);
    const feet = { left: footSeries(track, fm, 'left'), right: footSeries(track, fm, 'right') };
    for (const rep of a.reps) {
      const idx = repBottomFrames(fm, rep);
      for (const side of ['left', 'right'] as const) {
        const f: FootSeries = feet[side];
        const old = repValue(rep, 'heelLift', side)?.value ?? null;
        const vals = FEATURES.map((k) => median(idx.map((i) => f[k][i])));
        const sc = ['heelScore', 'toeScore', 'ankleScore'].map((k) => median(idx.map((i) => (f as unknown as Record<string, Float32Array>)[k][i])));
        console.log(`| ${trackName(clip.file)} | ${rep.index + 1}${rep.partial ? 'p' : ''} | ${side[0].toUpperCase()} | ${sc.map((s) => fmt(s, 2)).join('/')} | ${fmt(old ?? NaN)} | ${fmt(vals[0])} | ${fmt(vals[1])} | ${fmt(vals[2], 1)} | ${fmt(vals[3], 1)} | ${fmt(vals[4], 1)} | ${a.view.kind} |`);
      }
    }
    if (framesOf && trackName(clip.file) === framesOf) {
      for (let i = 0; i < track.frames.length; i++) {
        const hh = fm.clip.hipHeight[i];
        console.error(`${i} t=${track.frames[i].t.toFixed(2)} hip=${fmt(hh ?? NaN, 2)} ` + (['left', 'right'] as const).map((s) => `${s[0]}: ` + FEATURES.map((k) => `${k}=${fmt(feet[s][k][i], k.endsWith('3') ? 1 : 3)}`).join(' ')).join(' | '));
      }
    }
  }
}

main();

/**
 * Leave-one-clip-out choice of the heel-lift peak hold (registry peakHoldS): for each clip held
 * out (its original and mirrored full-model tracks together), the hold in 0.1-0.3 s is chosen on
 * the other clips (every heel-lift rep found, then fewest moderate-or-worse heel-lift flags on
 * heels-down clips, then fewest mild ones, then the shortest hold) and the held-out clip's
 * heel-lift flags at that hold are counted. side-upright-knees-forward (heel unclear by eye) is
 * left out. The hold is set on the registry's heelLift entry at run time.
 *
 *   npx tsx scripts/eval/heel_loo.ts
 */
import { analyze } from '../../src/core/analyze';
import { metricDef } from '../../src/core/metrics/registry';
import { CORPUS, trackName } from '../../tests/accuracy/corpus_expectations';
import { loadSet } from './track_sets';

const HOLDS = [0.1, 0.15, 0.2, 0.25, 0.3];
const POS = 'oblique-heel-lift', UNCLEAR = 'side-upright-knees-forward-rotated';
type Tally = { mod: number; mild: number; found: number; reps: number };
const clips = CORPUS.map((c) => c.file).filter((f) => trackName(f) !== UNCLEAR);
const def = metricDef('heelLift') as { peakHoldS?: number };
const original = def.peakHoldS;
// per hold, per clip: tally over the original and mirrored tracks
const table = new Map<number, Map<string, Tally>>();
for (const hold of HOLDS) {
  def.peakHoldS = hold;
  const m = new Map<string, Tally>();
  for (const file of clips) {
    const t: Tally = { mod: 0, mild: 0, found: 0, reps: 0 };
    for (const set of ['full', 'mirrored']) {
      const track = loadSet(set, file);
      if (!track) continue;
      for (const r of analyze(track).reps) {
        const f = r.flags.find((x) => x.fault === 'heel_lift');
        if (trackName(file) === POS) { t.reps++; if (f) t.found++; }
        else if (f) { if (f.severity === 'mild') t.mild++; else t.mod++; }
      }
    }
    m.set(file, t);
  }
  table.set(hold, m);
}
def.peakHoldS = original;
const sum = (hold: number, files: string[]) => files.reduce((a, f) => {
  const t = table.get(hold)!.get(f)!;
  return { mod: a.mod + t.mod, mild: a.mild + t.mild, found: a.found + t.found, reps: a.reps + t.reps };
}, { mod: 0, mild: 0, found: 0, reps: 0 });
console.log('| hold s | false heel-lift flags moderate+ / mild (all heels-down clips, both passes) | heel-lift reps found |');
console.log('|---|---|---|');
for (const h of HOLDS) { const s = sum(h, clips); console.log(`| ${h} | ${s.mod} / ${s.mild} | ${s.found}/${s.reps} |`); }
console.log('\n| held-out clip | hold chosen on the others | held-out result |');
console.log('|---|---|---|');
let mod = 0, mild = 0;
for (const held of clips) {
  const train = clips.filter((f) => f !== held);
  const best = [...HOLDS].sort((a, b) => {
    const x = sum(a, train), y = sum(b, train);
    return (x.reps - x.found) - (y.reps - y.found) || x.mod - y.mod || x.mild - y.mild || a - b;
  })[0];
  const r = sum(best, [held]);
  mod += r.mod; mild += r.mild;
  console.log(`| ${trackName(held)} | ${best} | ${trackName(held) === POS ? `lift reps found ${r.found}/${r.reps}` : `false flags moderate+ ${r.mod}, mild ${r.mild}`} |`);
}
console.log(`\nheld-out false heel-lift flags on ${clips.length - 1} heels-down clips (original + mirrored): moderate+ ${mod}, mild ${mild}`);

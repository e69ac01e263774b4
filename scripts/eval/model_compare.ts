/**
 * Lite against full on every shared clip (committed tracks, original and mirrored): rep counts
 * against the MANIFEST, heel-lift flags on heels-down clips (every clip but oblique-heel-lift and
 * the unclear side-upright-knees-forward), heel-lift clip reps found, severe flags on good clips.
 *
 *   npx tsx scripts/eval/model_compare.ts
 */
import { analyze } from '../../src/core/analyze';
import { CORPUS } from '../../tests/accuracy/corpus_expectations';
import { loadSet } from './track_sets';
for (const set of ['full', 'lite', 'mirrored', 'mirrored-lite']) {
  let ok = 0, n = 0, heelFalse = 0, heelFalseMod = 0, liftFound = 0, liftReps = 0, sev = 0;
  for (const c of CORPUS) {
    const a = analyze(loadSet(set, c.file)!);
    const full = a.reps.filter((r) => !r.partial).length;
    n++; if (full === c.reps) ok++;
    const name = c.file.replace(/\.[^.]+$/, '');
    for (const r of a.reps) {
      const h = r.flags.find((f) => f.fault === 'heel_lift');
      if (c.good) sev += r.flags.filter((f) => f.severity === 'severe').length;
      if (name === 'oblique-heel-lift') { liftReps++; if (h) liftFound++; }
      else if (name !== 'side-upright-knees-forward-rotated' && h) { heelFalse++; if (h.severity !== 'mild') heelFalseMod++; }
    }
  }
  console.log(`${set}: rep count right ${ok}/${n}; heel-lift flags on heels-down clips ${heelFalse} (moderate+ ${heelFalseMod}); heel-lift clip reps flagged ${liftFound}/${liftReps}; severe flags on good clips ${sev}`);
}

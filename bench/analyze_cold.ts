/**
 * One analyze() in a fresh Node process, as the first upload in a fresh page gets it: nothing of
 * the core has been compiled yet, so V8 interprets each loop until it has optimised it. Run by
 * analyze_bench.ts (coldRuns) as a child process; prints one JSON line.
 *
 *   npx tsx bench/analyze_cold.ts [frames=216000]
 */
import { analyze } from '../src/core/analyze';
import { oneHourTrackPacked } from './analyze_bench';

const frames = Number(process.argv[2] ?? 216_000);
const track = oneHourTrackPacked(60, frames);
const t0 = performance.now();
const a = analyze(track);
const ms = performance.now() - t0;
// A second run in the same process, for the warm figure beside the cold one.
const t1 = performance.now();
analyze(track);
const secondMs = performance.now() - t1;
console.log(JSON.stringify({ frames, ms, secondMs, reps: a.reps.length }));

/**
 * Behaviour check for refactors of the core: analyse every track in fixtures/tracks (plus a few
 * seeded synthetic sets that raise every fault) and write a canonical summary of what a lifter
 * would be told: reps and their events, every rep measure, flags, asymmetries, findings,
 * measurability, warnings, the view, and a digest of every per-frame column (count of values,
 * sum of values, sum of confidences). With --against, compare with an earlier summary: numbers
 * must agree within 1e-6 relative; anything else is listed.
 *
 * Reads the Analysis either as format v1 (frames, reps[].peaks) or v2 (series, reps[].measures),
 * so the same script runs before and after a format change.
 *
 *   npx tsx scripts/compare_analyses.ts --out /tmp/analyses-before.json
 *   npx tsx scripts/compare_analyses.ts --out /tmp/analyses-after.json --against /tmp/analyses-before.json
 *
 * --packed analyses each track as the pipeline hands it over, with packed frames
 * (src/core/packed_track.ts), so that a run against an object-frame summary checks that
 * packing changes nothing a lifter is told.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analyze';
import { withPackedFrames } from '../src/core/packed_track';
import type { PoseTrack } from '../src/core/types';
import { syntheticSquat, type SyntheticSquatSpec } from '../tests/support/synthetic_squat';

const REL_TOL = 1e-6;
const ABS_TOL = 1e-9;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tracksDir = path.join(root, 'fixtures', 'tracks');

/** Seeded synthetic sets, one per fault and view, so that every flag path runs. */
const SYNTHETIC: Record<string, SyntheticSquatSpec> = {
  'synthetic-front-valgus-left': { reps: 5, view: 'front', valgusDeg: { left: 25, right: 0 }, perRep: (r) => ({ valgusDeg: { left: 20 + 3 * r, right: 0 } }), noisePx: 1, seed: 1 },
  'synthetic-front-hip-shift': { reps: 4, view: 'front', hipShift: 0.45, noisePx: 1, seed: 2 },
  'synthetic-side-heel-lift-growing': { reps: 6, view: 'side', perRep: (r) => ({ heelLift: { left: 0.02 + 0.03 * r, right: 0.02 + 0.03 * r } }), noisePx: 1, seed: 3 },
  'synthetic-side-lean-tuck': { reps: 4, view: 'side', trunkLeanDeg: 30, pelvicTuckDeg: 18, noisePx: 1, seed: 4 },
  'synthetic-side-shallow': { reps: 3, view: 'side', bottomThighAngleDeg: -25, noisePx: 1, seed: 5 },
  'synthetic-oblique-rolled': { reps: 4, view: 'oblique', rollDeg: 6, heelLift: { left: 0.12, right: 0.02 }, noisePx: 1.5, dropRate: 0.02, seed: 6 },
  'synthetic-front-shallow-turned-out': { reps: 3, view: 'front', bottomThighAngleDeg: -30, footTurnOutDeg: 20, noisePx: 1, seed: 7 },
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
// The Analysis is read loosely on purpose: it may be either format version.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function sidedOrScalar(v: Loose, pick: (x: Loose) => number | null): Json {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && 'left' in v && 'right' in v) return { left: pick(v.left), right: pick(v.right) };
  return pick(v);
}

function repMeasures(rep: Loose): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (rep.measures) {
    for (const key of Object.keys(rep.measures).sort()) out[key] = sidedOrScalar(rep.measures[key], (m) => (m ? m.value : null));
  } else {
    for (const key of Object.keys(rep.peaks ?? {}).sort()) out[key] = sidedOrScalar(rep.peaks[key], (v) => (typeof v === 'number' ? v : null));
  }
  return out;
}

interface ColumnDigest { count: number; sum: number; confidenceSum: number }

function seriesDigest(a: Loose): Record<string, ColumnDigest> {
  const out: Record<string, ColumnDigest> = {};
  const add = (key: string, v: number | null, c: number) => {
    const d = (out[key] ??= { count: 0, sum: 0, confidenceSum: 0 });
    if (v !== null && Number.isFinite(v)) {
      d.count++;
      d.sum += v;
    }
    d.confidenceSum += c;
  };
  if (a.series) {
    for (const key of Object.keys(a.series.columns).sort()) {
      const col = a.series.columns[key];
      for (let i = 0; i < col.value.length; i++) add(key, Number.isNaN(col.value[i]) ? null : col.value[i], col.confidence[i]);
    }
  } else {
    for (const f of a.frames) {
      for (const key of Object.keys(f.metrics)) {
        const v = f.metrics[key];
        const c = f.confidence[key];
        if (v !== null && typeof v === 'object') {
          add(`${key}.left`, v.left, c.left);
          add(`${key}.right`, v.right, c.right);
        } else add(key, v, c);
      }
    }
  }
  const sorted: Record<string, ColumnDigest> = {};
  for (const key of Object.keys(out).sort()) sorted[key] = out[key];
  return sorted;
}

export function summarise(a: Loose): Json {
  return {
    frames: a.series ? a.series.t.length : a.frames.length,
    view: { kind: a.view.kind, confidence: a.view.confidence, segments: a.view.segments },
    cameraRollDeg: a.cameraRollDeg,
    poseCoverage: a.poseCoverage,
    reps: a.reps.map((r: Loose) => ({
      index: r.index,
      start: r.start,
      bottom: r.bottom,
      ascentStart: r.ascentStart,
      end: r.end,
      tempo: r.tempo,
      partial: r.partial ?? false,
      bottomHipHeight: r.bottomHipHeight ?? null,
      measures: repMeasures(r),
      flags: r.flags.map((f: Loose) => ({
        fault: f.fault, side: f.side, severity: f.severity, value: f.value, threshold: f.threshold, t: f.t, confidence: f.confidence, metric: f.metric,
      })),
    })),
    asymmetries: a.asymmetries,
    findings: a.findings.map((f: Loose) => ({
      id: f.id, kind: f.kind ?? null, severity: f.severity, side: f.side, chain: f.chain, confidence: f.confidence, fatigue: f.fatigue ?? false, text: f.text,
      evidence: f.evidence,
    })),
    measurability: Object.fromEntries(
      Object.keys(a.measurability).sort().map((k) => [k, { measurable: a.measurability[k].measurable, reason: a.measurability[k].reason, confidence: a.measurability[k].confidence }]),
    ),
    warnings: a.warnings.map((w: Loose) => w.code),
    series: seriesDigest(a) as unknown as Json,
  };
}

export function summariseAll(packed = false): Record<string, Json> {
  const out: Record<string, Json> = {};
  const input = (track: PoseTrack) => (packed ? withPackedFrames(track) : track);
  for (const file of readdirSync(tracksDir).filter((f) => f.endsWith('.json')).sort()) {
    const track = JSON.parse(readFileSync(path.join(tracksDir, file), 'utf8')) as PoseTrack;
    out[file.replace(/\.json$/, '')] = summarise(analyze(input(track)));
  }
  for (const [name, spec] of Object.entries(SYNTHETIC)) out[name] = summarise(analyze(input(syntheticSquat(spec).track)));
  return out;
}

function close(a: number, b: number): boolean {
  if (a === b) return true;
  const d = Math.abs(a - b);
  return d <= ABS_TOL || d <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

/** Differences between two summaries, as "path: before -> after" lines. */
export function differences(before: Json, after: Json, at = ''): string[] {
  if (typeof before === 'number' && typeof after === 'number') return close(before, after) ? [] : [`${at}: ${before} -> ${after}`];
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object') {
    return before === after ? [] : [`${at}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
  }
  if (Array.isArray(before) !== Array.isArray(after)) return [`${at}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    if (before.length !== after.length) out.push(`${at}: length ${before.length} -> ${after.length}`);
    for (let i = 0; i < Math.min(before.length, after.length); i++) out.push(...differences(before[i], after[i], `${at}[${i}]`));
    return out;
  }
  const b = before as Record<string, Json>, a = after as Record<string, Json>;
  const out: string[] = [];
  for (const k of Object.keys(b)) {
    if (!(k in a)) out.push(`${at}.${k}: removed (was ${JSON.stringify(b[k]).slice(0, 80)})`);
    else out.push(...differences(b[k], a[k], `${at}.${k}`));
  }
  for (const k of Object.keys(a)) if (!(k in b)) out.push(`${at}.${k}: added (${JSON.stringify(a[k]).slice(0, 80)})`);
  return out;
}

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const outFile = arg('--out');
  const against = arg('--against');
  const summary = summariseAll(argv.includes('--packed'));
  if (outFile) writeFileSync(outFile, `${JSON.stringify(summary, null, 1)}\n`);
  const tracks = Object.keys(summary).length;
  const reps = Object.values(summary).reduce<number>((n, s) => n + ((s as { reps: unknown[] }).reps.length), 0);
  const flags = Object.values(summary).reduce<number>(
    (n, s) => n + (s as { reps: { flags: unknown[] }[] }).reps.reduce((m, r) => m + r.flags.length, 0), 0,
  );
  console.log(`${tracks} tracks, ${reps} reps, ${flags} flags${outFile ? ` -> ${outFile}` : ''}`);
  if (!against) return 0;
  const before = JSON.parse(readFileSync(against, 'utf8')) as Json;
  const diffs = differences(before, summary as Json);
  if (!diffs.length) {
    console.log(`same as ${against} (numbers within ${REL_TOL} relative)`);
    return 0;
  }
  console.log(`${diffs.length} difference(s) from ${against}:`);
  for (const d of diffs.slice(0, 200)) console.log(`  ${d}`);
  if (diffs.length > 200) console.log(`  ... ${diffs.length - 200} more`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));

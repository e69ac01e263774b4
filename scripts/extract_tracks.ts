/**
 * Extracts a PoseTrack from every shared clip with the FULL model, through the same pipeline as
 * `npm run analyze` (ffmpeg frames in memory -> src/pose on wasm), and writes them to
 * fixtures/tracks/<clip>.json, rounded (0.1 px, 3-decimal scores) to keep them small.
 * The tracks are our own derived test data; the clips themselves are never copied
 * (../shared/fixtures/MANIFEST.md). Also writes fixtures/tracks/README.md with pose coverage.
 *
 *   npx tsx scripts/extract_tracks.ts [--model full|lite] [clip-name ...]
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPoseTrack, poseCoverage, roundTrack } from '../src/cli/pose_track';
import { createNodePoseEstimator } from '../src/pose/node';
import { isPoseModelName } from '../src/pose/model_registry';
import type { PoseModelName } from '../src/pose/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clipsDir = path.resolve(repoRoot, '../shared/fixtures/clips');
const outDir = path.join(repoRoot, 'fixtures/tracks');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let model: PoseModelName = 'full';
  const mi = args.indexOf('--model');
  if (mi >= 0) {
    const m = args[mi + 1];
    if (!isPoseModelName(m)) throw new Error(`--model must be lite or full, not ${m}`);
    model = m;
    args.splice(mi, 2);
  }
  if (!existsSync(clipsDir)) {
    console.error(`extract_tracks: shared clips not found at ${clipsDir}; nothing to do.`);
    process.exit(2);
  }
  const clips = readdirSync(clipsDir)
    .filter((f) => /\.(mp4|mov|webm)$/i.test(f))
    .filter((f) => args.length === 0 || args.some((a) => f.startsWith(a)))
    .sort();
  mkdirSync(outDir, { recursive: true });
  const estimator = await createNodePoseEstimator({ model });
  console.error(`model blazepose-${model}, backend ${estimator.backend} (${estimator.backendReason})`);
  const rows: string[] = [];
  for (const clip of clips) {
    const started = performance.now();
    const { track, info } = await extractPoseTrack(path.join(clipsDir, clip), { model, estimator });
    const name = clip.replace(/\.[^.]+$/, '');
    writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(roundTrack(track)) + '\n');
    const cov = poseCoverage(track);
    const secs = (performance.now() - started) / 1000;
    const row = `| ${name} | ${track.source.width}x${track.source.height}${info.rotationDeg ? ` (rotated ${info.rotationDeg})` : ''} | ${track.source.fps} | ${track.frames.length} | ${(cov * 100).toFixed(1)} % |`;
    rows.push(row);
    console.error(`${row}  ${secs.toFixed(1)} s`);
  }
  estimator.dispose();
  if (args.length === 0) {
    const readme = `# fixtures/tracks: PoseTracks extracted from the shared clips

Derived test data (keypoints only, no pixels), made by our own pipeline from
\`../shared/fixtures/clips/\` (see ../shared/fixtures/MANIFEST.md for where the clips come from;
the clips themselves are never copied here). One file per clip, \`PoseTrack\` JSON
(src/core/types.ts), rounded: x/y to 0.1 px, scores to 3 decimals, t to 0.1 ms, keypoints3D to 1 mm.

Made with: \`npx tsx scripts/extract_tracks.ts\` (model blazepose-${model}, tfjs ${estimator.backend} backend
in Node, ffmpeg frames in memory, every frame, exact timestamps).

| clip | displayed size | fps | frames | pose coverage (frames with a person) |
|---|---|---|---|---|
${rows.join('\n')}
`;
    writeFileSync(path.join(outDir, 'README.md'), readme);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

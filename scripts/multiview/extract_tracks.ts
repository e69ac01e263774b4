/**
 * Extracts PoseTracks from the shared synchronised multi-camera clips
 * (../shared/fixtures/multiview, Pose2Sim demo, BSD-3-Clause) with the FULL model, through the
 * same pipeline as `npm run analyze` (ffmpeg frames in memory -> src/pose on wasm), and writes
 * them rounded to fixtures/tracks/multiview/<clip>.json. The clips themselves are never copied.
 *
 *   npx tsx scripts/multiview/extract_tracks.ts [--model full|lite]
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPoseTrack, poseCoverage, roundTrack } from '../../src/cli/pose_track';
import { createNodePoseEstimator } from '../../src/pose/node';
import { isPoseModelName } from '../../src/pose/model_registry';
import type { PoseModelName } from '../../src/pose/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clipsDir = path.resolve(repoRoot, '../shared/fixtures/multiview');
const outDir = path.join(repoRoot, 'fixtures/tracks/multiview');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mi = args.indexOf('--model');
  const model = (mi >= 0 ? args[mi + 1] : 'full') as PoseModelName;
  if (!isPoseModelName(model)) throw new Error(`--model must be lite or full, not ${model}`);
  if (!existsSync(clipsDir)) {
    console.error(`extract_tracks: shared multiview clips not found at ${clipsDir}; nothing to do.`);
    process.exit(2);
  }
  const clips = readdirSync(clipsDir).filter((f) => /\.mp4$/i.test(f)).sort();
  mkdirSync(outDir, { recursive: true });
  const estimator = await createNodePoseEstimator({ model });
  const rows: string[] = [];
  for (const clip of clips) {
    const { track } = await extractPoseTrack(path.join(clipsDir, clip), { model, estimator });
    const name = clip.replace(/\.[^.]+$/, '');
    writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(roundTrack(track)) + '\n');
    const row = `| ${name} | ${track.source.width}x${track.source.height} | ${track.source.fps} | ${track.frames.length} | ${(poseCoverage(track) * 100).toFixed(1)} % |`;
    rows.push(row);
    console.error(row);
  }
  estimator.dispose();
  console.error(`model blazepose-${model}, backend ${estimator.backend}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

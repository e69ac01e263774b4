/**
 * Extracts PoseTracks (2D keypoints and keypoints3D) from the shared clips through the same
 * pipeline as `npm run analyze` (ffmpeg frames in memory -> src/pose on wasm, every frame) and
 * writes them rounded (0.1 px, 3-decimal scores, 1 mm) to keep them small. The tracks are our
 * own derived test data; the clips themselves are never copied (../shared/fixtures/MANIFEST.md).
 *
 *   npx tsx scripts/extract_tracks.ts [--model full|lite] [--mirror] [clip-name-prefix ...]
 *
 * Output folder by set: full -> fixtures/tracks/, lite -> fixtures/tracks/lite/, --mirror
 * (ffmpeg hflip after autorotation, before pose) -> fixtures/tracks/mirrored/ or mirrored-lite/.
 * Each folder's README.md table is rebuilt from every track in it, so a partial run keeps it whole.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseTrack } from '../src/core/types';
import { extractPoseTrack, poseCoverage, roundTrack } from '../src/cli/pose_track';
import { probeVideo } from '../src/cli/video_probe';
import { createNodePoseEstimator } from '../src/pose/node';
import { isPoseModelName } from '../src/pose/model_registry';
import type { PoseModelName } from '../src/pose/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clipsDir = path.resolve(repoRoot, '../shared/fixtures/clips');
const tracksRoot = path.join(repoRoot, 'fixtures/tracks');
const VIDEO = /\.(mp4|mov|webm|avi|mkv)$/i;

function trackSetDir(model: PoseModelName, mirror: boolean): string {
  const sub = mirror ? (model === 'full' ? 'mirrored' : `mirrored-${model}`) : model === 'full' ? '' : model;
  return path.join(tracksRoot, sub);
}

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
  const mirror = args.includes('--mirror');
  const prefixes = args.filter((a) => a !== '--mirror');
  if (!existsSync(clipsDir)) {
    console.error(`extract_tracks: shared clips not found at ${clipsDir}; nothing to do.`);
    process.exit(2);
  }
  const clips = readdirSync(clipsDir)
    .filter((f) => VIDEO.test(f))
    .filter((f) => prefixes.length === 0 || prefixes.some((a) => f.startsWith(a)))
    .sort();
  const outDir = trackSetDir(model, mirror);
  mkdirSync(outDir, { recursive: true });
  const estimator = await createNodePoseEstimator({ model });
  console.error(`model blazepose-${model}${mirror ? ', mirrored (hflip)' : ''}, backend ${estimator.backend} (${estimator.backendReason})`);
  for (const clip of clips) {
    const started = performance.now();
    const { track } = await extractPoseTrack(path.join(clipsDir, clip), {
      model,
      estimator,
      videoFilter: mirror ? 'hflip' : undefined,
    });
    const name = clip.replace(VIDEO, '');
    if (mirror) track.source.name = `${clip} (hflip)`;
    writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(roundTrack(track)) + '\n');
    const secs = (performance.now() - started) / 1000;
    console.error(`${name}: ${track.frames.length} frames, pose ${(poseCoverage(track) * 100).toFixed(1)} %, ${secs.toFixed(1)} s`);
  }
  estimator.dispose();
  await writeReadme(outDir, model, mirror, estimator.backend);
}

const OTHER_SETS = `
Other sets: \`lite/\` (blazepose-lite), \`mirrored/\` (blazepose-full on hflipped clips), \`mirrored-lite/\`; every
set has every clip. Extraction is deterministic here: re-running it rewrites the same bytes (checked on
front-two-reps-good and side-deep-good-rotated). The AVI (MPEG-4 Part 2) is read through ffmpeg like the rest.
`;

async function writeReadme(outDir: string, model: PoseModelName, mirror: boolean, backend: string): Promise<void> {
  const rows: string[] = [];
  for (const f of readdirSync(outDir).filter((x) => x.endsWith('.json')).sort()) {
    const track = JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) as PoseTrack;
    const clip = readdirSync(clipsDir).find((c) => c.replace(VIDEO, '') === f.replace(/\.json$/, ''));
    const rot = clip ? (await probeVideo(path.join(clipsDir, clip), clip)).rotationDeg : 0;
    const has3d = track.frames.some((fr) => fr.keypoints3D);
    rows.push(
      `| ${f.replace(/\.json$/, '')} | ${track.source.width}x${track.source.height}${rot ? ` (rotated ${rot})` : ''} | ` +
        `${track.source.fps} | ${track.frames.length} | ${(poseCoverage(track) * 100).toFixed(1)} % | ${has3d ? 'yes' : 'no'} |`,
    );
  }
  const rel = path.relative(repoRoot, outDir) || '.';
  const flags = `${model === 'full' ? '' : ` --model ${model}`}${mirror ? ' --mirror' : ''}`;
  const readme = `# ${rel}: PoseTracks extracted from the shared clips (blazepose-${model}${mirror ? ', mirrored' : ''})

Derived test data (keypoints only, no pixels), made by our own pipeline from
\`../shared/fixtures/clips/\` (see ../shared/fixtures/MANIFEST.md for where the clips come from;
the clips themselves are never copied here). One file per clip, \`PoseTrack\` JSON
(src/core/types.ts), rounded: x/y to 0.1 px, scores to 3 decimals, t to 0.1 ms, keypoints3D to 1 mm.
${mirror ? '\nMirrored: every frame flipped left-right by ffmpeg `hflip` (after the rotation tag is applied)\nbefore pose, as if the clip had been filmed in a mirror: every side should swap, nothing else change.\n' : ''}
Made with: \`npx tsx scripts/extract_tracks.ts${flags}\` (model blazepose-${model}, tfjs ${backend} backend
in Node, ffmpeg frames in memory, every frame, exact timestamps).
${outDir === tracksRoot ? OTHER_SETS : ''}
| clip | displayed size | fps | frames | pose coverage (frames with a person) | keypoints3D |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
  writeFileSync(path.join(outDir, 'README.md'), readme);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

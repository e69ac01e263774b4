/**
 * Does a fresh extraction (today's pipeline) still equal the committed tracks? Per clip: frame
 * counts and the 99th percentile keypoint distance in leg lengths (tests/accuracy/pipeline.ts).
 *
 *   npx tsx scripts/eval/fresh_vs_committed.ts [full|lite] [--mirror] [clip-prefix ...]
 */
import { readdirSync } from 'node:fs';
import { disposeEstimators, trackDistance, trackOfClip } from '../../tests/accuracy/pipeline';
import { CLIPS_DIR, loadCommittedTrack } from '../../tests/accuracy/track_files';

const args = process.argv.slice(2);
const model = args.includes('lite') ? 'lite' : 'full';
const mirror = args.includes('--mirror');
const prefixes = args.filter((a) => a !== 'lite' && a !== 'full' && a !== '--mirror');
const set = mirror ? (model === 'full' ? 'mirrored' : null) : model;
if (!set) throw new Error('no committed mirrored-lite loader; use full');
for (const file of readdirSync(CLIPS_DIR).filter((f) => !prefixes.length || prefixes.some((p) => f.startsWith(p))).sort()) {
  const fresh = await trackOfClip(file, { model, mirror });
  const committed = loadCommittedTrack(set as 'full' | 'lite' | 'mirrored', file);
  if (!committed) { console.log(`${file}: no committed track`); continue; }
  const d = trackDistance(fresh, committed);
  console.log(`${file}: frames ${fresh.frames.length} vs ${committed.frames.length}, p99 ${(d.p99LegFraction * 100).toFixed(2)} % leg${fresh.people ? ', people: ' + JSON.stringify(fresh.people).slice(0, 120) : ''}`);
}
await disposeEstimators();

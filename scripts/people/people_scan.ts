/**
 * Who the person tracker finds in every shared clip, and whether the followed track still equals
 * the committed one: per clip (and its ffmpeg-hflipped copy with --mirror), the people ids seen and
 * on how many frames, PoseTrack.people, the reps the core counts, and the 99th percentile keypoint
 * distance to fixtures/tracks (in leg lengths; tests/accuracy/pipeline.ts trackDistance).
 *
 *   npx tsx scripts/people/people_scan.ts [full|lite] [--mirror] [clip-prefix ...]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { extractPoseTrack } from '../../src/cli/pose_track';
import { createNodePoseEstimator } from '../../src/pose/node';
import type { PoseFrameWithPeople } from '../../src/pose/person_types';
import type { PoseEstimator } from '../../src/pose/types';
import { trackDistance } from '../../tests/accuracy/pipeline';
import { CLIPS_DIR, loadCommittedTrack, type TrackSet } from '../../tests/accuracy/track_files';

const args = process.argv.slice(2);
const model = args.includes('lite') ? 'lite' : 'full';
const mirror = args.includes('--mirror');
const prefixes = args.filter((a) => !['lite', 'full', '--mirror'].includes(a));
const set: TrackSet | null = mirror ? (model === 'full' ? 'mirrored' : null) : model;

const base = await createNodePoseEstimator({ model });
const seen = new Map<number, number>();
const counting: PoseEstimator = {
  ...base,
  reset: () => base.reset(),
  dispose: () => base.dispose(),
  async estimate(frame, t) {
    const f = (await base.estimate(frame, t)) as PoseFrameWithPeople;
    const found = f.people ?? (f.keypoints ? [{ id: 0, keypoints: f.keypoints }] : []);
    for (const p of found) if (p.keypoints) seen.set(p.id, (seen.get(p.id) ?? 0) + 1);
    return f;
  },
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
console.log(`model ${model}${mirror ? ', mirrored (hflip)' : ''}`);
console.log('| clip | frames | ids seen (frames) | track.people | reps | p99 vs committed (% leg) | CPU ms/frame |');
console.log('|---|---|---|---|---|---|---|');
for (const file of readdirSync(CLIPS_DIR).filter((f) => !prefixes.length || prefixes.some((p) => f.startsWith(p))).sort()) {
  seen.clear();
  const c0 = cpu();
  const { track } = await extractPoseTrack(path.join(CLIPS_DIR, file), { model, estimator: counting, videoFilter: mirror ? 'hflip' : undefined });
  const ms = (cpu() - c0) / track.frames.length;
  const committed = set ? loadCommittedTrack(set, file) : null;
  const d = committed ? trackDistance(track, committed) : null;
  const dist = d ? `${(d.p99LegFraction * 100).toFixed(2)}${d.frameCountsEqual ? '' : ' (frame counts differ)'}` : '-';
  const people = track.people ? `${track.people.count}, ${track.people.reason}, ${track.people.position}` : '-';
  const ids = [...seen].sort((a, b) => a[0] - b[0]).map(([id, n]) => `${id}: ${n}`).join(', ');
  console.log(`| ${file} | ${track.frames.length} | ${ids} | ${people} | ${analyze(track).reps.length} | ${dist} | ${ms.toFixed(0)} |`);
}
base.dispose();

/**
 * npm run analyze -- <video A> <video B> [--out set.json]: two cameras filming one set.
 *
 * Each input (a video, or a track/analysis JSON) becomes a PoseTrack exactly as in the one-video
 * mode, is analysed on its own, then the two are lined up in time from the motion and read
 * together (src/core/multiview). Writes one JSON, documented in docs/analysis-format.md
 * ("Two views"): both tracks and analyses, the offset with its confidence, the matched reps and
 * the fused analysis.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../core/analyze';
import { analysisToJSON } from '../core/analysis_io';
import { combineViews, type ViewInput } from '../core/multiview/combine_views';
import { fuseViews } from '../core/multiview/fuse';
import type { PoseTrack } from '../core/types';
import { createNodePoseEstimator } from '../pose/node';
import type { PoseEstimator } from '../pose/types';
import type { CliArgs } from './analyze';
import { progressPrinter } from './analyze';
import { CliError, EXIT } from './cli_error';
import { checkInputFile, extractPoseTrack, longestPersonRunS, MIN_PERSON_RUN_S } from './pose_track';
import { setSummaryLines } from './set_summary';
import { readTrackFile } from './track_io';

/** Version of the two-view file's own layout (each analysis inside carries its own formatVersion). */
export const SET_FORMAT_VERSION = 1;

async function trackOf(input: string, args: CliArgs, estimator: () => Promise<PoseEstimator>, log: (s: string) => void): Promise<PoseTrack> {
  if (/\.json$/i.test(input)) {
    checkInputFile(input);
    const track = readTrackFile(input);
    log(`${path.basename(input)}: ${track.frames.length} frames (${track.model}); pose skipped`);
    return track;
  }
  const progress = progressPrinter(args.quiet);
  const result = await extractPoseTrack(input, {
    model: args.model,
    estimator: await estimator(),
    onInfo: (info) => log(`${path.basename(input)}: ${info.codedWidth}x${info.codedHeight}${info.rotationDeg ? `, rotated ${info.rotationDeg} deg` : ''}, ${info.fps.toFixed(2)} fps`),
    onProgress: (p) => progress(p.done, p.total, p.fps),
  });
  if (!args.quiet && process.stderr.isTTY) process.stderr.write('\n');
  return result.track;
}

function checkPerson(track: PoseTrack): void {
  if (track.frames.length === 0 || longestPersonRunS(track) < MIN_PERSON_RUN_S) {
    throw new CliError(
      `no person found in ${track.source.name} (${track.frames.length} frames). Film the whole body, head to feet, in both videos.`,
      EXIT.noPerson,
    );
  }
}

export async function analyzeSet(args: CliArgs): Promise<number> {
  const log = (s: string) => {
    if (!args.quiet) process.stderr.write(`${s}\n`);
  };
  const inputs = [args.input, args.second!];
  let loaded: PoseEstimator | null = null;
  const estimator = async () => (loaded ??= await createNodePoseEstimator({ model: args.model }));
  const views: ViewInput[] = [];
  try {
    for (const input of inputs) {
      const track = await trackOf(input, args, estimator, log);
      checkPerson(track);
      views.push({ name: path.basename(input), track, analysis: analyze(track, { mode: 'recorded' }) });
    }
  } finally {
    (loaded as PoseEstimator | null)?.dispose();
  }
  const [a, b] = views;
  const combined = combineViews(a, b);
  const fused = fuseViews(a, b, combined);
  const out = {
    kind: 'two-view set',
    setFormatVersion: SET_FORMAT_VERSION,
    views: views.map((v, i) => ({ role: i === 0 ? 'a' : 'b', name: v.name, track: v.track, analysis: analysisToJSON(v.analysis) })),
    alignment: combined.alignment,
    repMatches: combined.repMatches,
    fused,
  };
  const json = JSON.stringify(out);
  if (args.out) {
    writeFileSync(args.out, `${json}\n`);
    log(`wrote ${args.out}`);
  } else {
    process.stdout.write(`${json}\n`);
  }
  for (const line of setSummaryLines(a, b, combined, fused)) log(line);
  return 0;
}

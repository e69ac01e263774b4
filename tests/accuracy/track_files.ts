/**
 * Where the accuracy tests find their inputs: the committed tracks (fixtures/tracks and its
 * lite/ and mirrored/ sets) and the shared clips (../shared/fixtures/clips, absent on a fresh
 * clone elsewhere: tests skip, saying why).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseTrack } from '../../src/core/types';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIPS_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/clips');

const SETS = { full: 'fixtures/tracks', lite: 'fixtures/tracks/lite', mirrored: 'fixtures/tracks/mirrored' } as const;
export type TrackSet = keyof typeof SETS;

export function loadCommittedTrack(set: TrackSet, clipFile: string): PoseTrack | null {
  const f = path.join(REPO_ROOT, SETS[set], `${clipFile.replace(/\.[^.]+$/, '')}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as PoseTrack) : null;
}

/** Why the real-pipeline tests cannot run here, or null when they can. */
export function pipelineUnavailable(): string | null {
  if (!existsSync(CLIPS_DIR)) return `the shared clips are not at ${CLIPS_DIR}`;
  const probe = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return 'ffmpeg is not installed';
  return null;
}

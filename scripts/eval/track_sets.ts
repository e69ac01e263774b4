/** The committed track sets (fixtures/tracks and its sub-folders), by name. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseTrack } from '../../src/core/types';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SET_DIRS: Record<string, string> = {
  full: 'fixtures/tracks',
  lite: 'fixtures/tracks/lite',
  mirrored: 'fixtures/tracks/mirrored',
  'mirrored-lite': 'fixtures/tracks/mirrored-lite',
};

/** The track of a clip (file name as in the MANIFEST) in a set, or null when absent. */
export function loadSet(set: string, clipFile: string): PoseTrack | null {
  const dir = SET_DIRS[set];
  if (!dir) throw new Error(`unknown track set ${set} (${Object.keys(SET_DIRS).join(', ')})`);
  const f = path.join(REPO_ROOT, dir, `${clipFile.replace(/\.[^.]+$/, '')}.json`);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as PoseTrack) : null;
}

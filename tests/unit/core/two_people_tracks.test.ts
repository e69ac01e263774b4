/**
 * The committed tracks of gym-oblique-goblet-two-people (a woman goblet-squats one rep while a
 * coach stands beside her, on the picture's right; ../shared/fixtures/MANIFEST.md) follow her in
 * every track set, mirrored (ffmpeg hflip) included: there she stands on the picture's right.
 * Before the person tracker looked on each of the first frames, the mirrored tracks followed the
 * coach (no people facts, 0 full reps). The tracks are remade by scripts/extract_tracks.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import type { PoseTrack } from '../../../src/core/types';

const tracks = path.resolve(__dirname, '../../../fixtures/tracks');

describe.skipIf(!existsSync(tracks))('two people: the committed tracks follow the lifter', () => {
  const sets = [
    { set: '', position: 'left' },
    { set: 'lite/', position: 'left' },
    { set: 'mirrored/', position: 'right' },
    { set: 'mirrored-lite/', position: 'right' },
  ] as const;
  for (const { set, position } of sets) {
    it(`${set || 'full/'}: two people, the one who squats (on the ${position}), one full rep, and a warning`, () => {
      const track = JSON.parse(readFileSync(path.join(tracks, `${set}gym-oblique-goblet-two-people.json`), 'utf8')) as PoseTrack;
      expect(track.people?.count).toBe(2);
      expect(track.people?.reason).toBe('squats');
      expect(track.people?.position).toBe(position);
      const a = analyze(track);
      expect(a.reps.filter((r) => !r.partial)).toHaveLength(1);
      expect(a.warnings.map((w) => w.code)).toContain('several_people');
    });
  }
});

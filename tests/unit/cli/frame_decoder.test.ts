import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames, type DecodedFrame } from '../../../src/cli/frame_decoder';
import { probeVideo } from '../../../src/cli/video_probe';
import { hasFfmpeg, makeVideo, repoRoot } from './helpers';

if (!hasFfmpeg) console.warn('frame_decoder: ffmpeg not on PATH, tests skipped');

async function decodeAll(file: string) {
  const info = await probeVideo(file);
  const frames: Omit<DecodedFrame, 'data'>[] = [];
  const sums: number[] = [];
  const result = await decodeFrames(file, info, (f) => {
    frames.push({ index: f.index, t: f.t, width: f.width, height: f.height });
    let s = 0;
    for (let i = 0; i < f.data.length; i += 997) s += f.data[i];
    sums.push(s);
  });
  return { info, frames, sums, result };
}

describe.skipIf(!hasFfmpeg)('decodeFrames (ffmpeg, frames in memory)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'squat-decoder-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every frame of a variable-frame-rate video with its own time (no duplicates, no drops)', async () => {
    // 15 frames at 30 fps with a 0.5 s pause after frame 4, as phones write when the encoder stalls.
    const f = path.join(dir, 'vfr.mp4');
    makeVideo(f, 'testsrc2=size=320x240:rate=30:duration=0.5', ['-vf', "setpts='N/30/TB+gte(N\\,5)*0.5/TB'", '-fps_mode', 'passthrough', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    const { frames, result } = await decodeAll(f);
    expect(result.frames).toBe(15);
    const ts = frames.map((x) => x.t);
    for (let i = 0; i < 15; i++) {
      const expected = i / 30 + (i >= 5 ? 0.5 : 0);
      // The mp4 time base (1/15360 for libx264 at 30 fps) represents these to well under 0.1 ms.
      expect(ts[i]).toBeCloseTo(expected, 4);
    }
  });

  it('delivers frames in order with width x height x 4 bytes each, distinct content per frame', async () => {
    const f = path.join(dir, 'cfr.mp4');
    makeVideo(f, 'testsrc2=size=320x240:rate=10:duration=1', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    const { frames, sums } = await decodeAll(f);
    expect(frames.map((x) => x.index)).toEqual([...Array(10).keys()]);
    expect(frames.every((x) => x.width === 320 && x.height === 240)).toBe(true);
    expect(new Set(sums).size).toBeGreaterThan(5); // testsrc2 moves every frame
  });

  const rotatedClip = path.resolve(repoRoot, '../shared/fixtures/clips/side-deep-good-rotated.mp4');
  it.skipIf(!existsSync(rotatedClip))('applies a rotation tag: a stored 848x480 phone clip decodes as 480x848', async () => {
    // Cut 0.5 s with stream copy so the display matrix (rotation -90) is kept as the phone wrote it.
    const f = path.join(dir, 'rotated-cut.mp4');
    const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', rotatedClip, '-t', '0.5', '-c', 'copy', f]);
    expect(r.status).toBe(0);
    const info = await probeVideo(f);
    expect(info).toMatchObject({ codedWidth: 848, codedHeight: 480, width: 480, height: 848, rotationDeg: 90 });
    let first: Uint8Array | null = null;
    const result = await decodeFrames(f, info, (fr) => {
      first ??= fr.data.slice();
    });
    expect(result.frames).toBeGreaterThan(10);
    // Same pixel count either way, so compare content: our frame 0 must equal the stored frame
    // turned a quarter clockwise by ffmpeg explicitly (and not the stored frame as is).
    const reference = (vf: string) =>
      spawnSync('ffmpeg', ['-v', 'error', '-noautorotate', '-i', f, '-frames:v', '1', ...(vf ? ['-vf', vf] : []), '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'], {
        maxBuffer: 64 * 1024 * 1024,
      }).stdout;
    const clockwise = reference('transpose=clock');
    const asStored = reference('');
    expect(Buffer.from(first!).equals(clockwise)).toBe(true);
    expect(Buffer.from(first!).equals(asStored)).toBe(false);
  });
});

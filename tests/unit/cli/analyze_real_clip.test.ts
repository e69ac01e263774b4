import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLAZEPOSE_KEYPOINT_NAMES, type PoseTrack } from '../../../src/core/types';
import { hasFfmpeg, repoRoot, runCli } from './helpers';

// A rotated phone clip: stored 848x480 with a -90 degree display matrix, shown 480x848.
const clip = path.resolve(repoRoot, '../shared/fixtures/clips/side-deep-good-rotated.mp4');
const canRun = hasFfmpeg && existsSync(clip);
if (!canRun) console.warn(`analyze_real_clip: skipped (${hasFfmpeg ? `${clip} not found: ../shared is absent` : 'no ffmpeg on PATH'})`);

describe.skipIf(!canRun)('npm run analyze on a real rotated clip', () => {
  let dir: string;
  let out: { track: PoseTrack; analysis: unknown };
  let stderr: string;
  let code: number | null;
  let ffprobeFrames: number;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'squat-cli-real-'));
    const r = await runCli(['--model', 'lite', clip, '--out', path.join(dir, 'out.json')]);
    code = r.code;
    stderr = r.stderr;
    out = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    // Independent count: ffprobe decoding every frame.
    const p = spawnSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', clip], { encoding: 'utf8' });
    ffprobeFrames = parseInt(p.stdout, 10); // csv may end in ',' (side data)
  }, 240_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints a summary to stderr', () => {
    expect(code).toBe(0);
    expect(stderr).toMatch(/rotated 90 deg -> shown 480x848/);
    expect(stderr).toMatch(/pose found in \d+\/\d+ frames/);
  });

  it('reports the displayed (rotated) size and every decoded frame', () => {
    expect(out.track.source).toMatchObject({ name: 'side-deep-good-rotated.mp4', width: 480, height: 848, fps: 30 });
    expect(out.track.frames.length).toBe(ffprobeFrames);
    expect(out.track.source.frameCount).toBe(ffprobeFrames);
    expect(out.track.model).toBe('blazepose-lite');
  });

  it('gives strictly increasing timestamps one frame (1/30 s) apart', () => {
    const ts = out.track.frames.map((f) => f.t);
    expect(ts[0]).toBe(0);
    for (let i = 1; i < ts.length; i++) expect(ts[i] - ts[i - 1]).toBeCloseTo(1 / 30, 6);
  });

  it('finds the person on at least 95 % of frames (issue 2 target) with keypoints inside the portrait frame', () => {
    const found = out.track.frames.filter((f) => f.keypoints);
    expect(found.length / out.track.frames.length).toBeGreaterThanOrEqual(0.95);
    for (const f of found) {
      expect(f.keypoints!.map((k) => k.name)).toEqual([...BLAZEPOSE_KEYPOINT_NAMES]);
      const hip = f.keypoints!.find((k) => k.name === 'left_hip')!;
      expect(hip.x).toBeGreaterThan(0);
      expect(hip.x).toBeLessThan(480);
      expect(hip.y).toBeGreaterThan(0);
      expect(hip.y).toBeLessThan(848);
    }
  });

  it('re-analyses its own output without running pose again, keeping the track', async () => {
    const again = path.join(dir, 'again.json');
    const r = await runCli([path.join(dir, 'out.json'), '--out', again]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/pose skipped/);
    expect(r.stderr).not.toMatch(/pose: frame/);
    const second = JSON.parse(readFileSync(again, 'utf8')) as typeof out;
    expect(second.track).toEqual(out.track);
    expect(second.analysis === null || typeof second.analysis === 'object').toBe(true);
  });
});

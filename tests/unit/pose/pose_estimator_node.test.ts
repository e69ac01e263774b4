import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../../../src/core/types';
import { createNodePoseEstimator } from '../../../src/pose/node';
import type { PoseEstimator } from '../../../src/pose/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clip = path.resolve(repoRoot, '../shared/fixtures/clips/side-two-reps-good.mp4');
const hasFfmpeg = (() => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const canUseClip = existsSync(clip) && hasFfmpeg;
if (!canUseClip) console.warn(`pose_estimator_node: real-clip tests skipped (${hasFfmpeg ? `no ${clip}` : 'no ffmpeg on PATH'})`);

describe('pose estimator in Node (wasm)', () => {
  let est: PoseEstimator;
  beforeAll(async () => {
    est = await createNodePoseEstimator({ model: 'lite' });
  });
  afterAll(() => est?.dispose());

  it('runs on the wasm backend and says why', () => {
    expect(est.backend).toBe('wasm');
    expect(est.backendReason).toMatch(/Node/);
    expect(est.model).toBe('lite');
  });

  it('finds no person in a blank grey frame', async () => {
    const width = 320;
    const height = 240;
    const frame = await est.estimate({ data: new Uint8Array(width * height * 4).fill(128), width, height }, 0.5);
    expect(frame.t).toBe(0.5);
    expect(frame.keypoints).toBeNull();
  });

  it('rejects a buffer shorter than width x height x 4', async () => {
    await expect(est.estimate({ data: new Uint8Array(10), width: 4, height: 4 }, 0)).rejects.toThrow(/too short/);
  });

  describe.skipIf(!canUseClip)('on a real clip (side-two-reps-good.mp4, 540x960)', () => {
    const width = 540;
    const height = 960;
    const frames: Uint8Array[] = [];
    beforeAll(() => {
      // Frames 0, 45, 90 (standing, mid-squat): decoded in memory, never written to disk.
      const raw = execFileSync(
        'ffmpeg',
        ['-v', 'error', '-i', clip, '-vf', "select='not(mod(n\\,45))'", '-vsync', 'passthrough', '-frames:v', '3', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      for (let i = 0; i < 3; i++) frames.push(new Uint8Array(raw.buffer, raw.byteOffset + i * width * height * 4, width * height * 4));
    });

    it('returns the 33 named BlazePose keypoints in source pixels, and keypoints3D', async () => {
      est.reset();
      for (let i = 0; i < frames.length; i++) {
        const f = await est.estimate({ data: frames[i], width, height }, i * 1.5);
        expect(f.keypoints).not.toBeNull();
        expect(f.keypoints!.map((k) => k.name)).toEqual([...BLAZEPOSE_KEYPOINT_NAMES]);
        const hips = f.keypoints!.filter((k) => k.name.endsWith('_hip'));
        for (const k of hips) {
          // A person standing in a portrait frame: hips inside the frame, in pixel units (not 0..1).
          expect(k.x).toBeGreaterThan(0);
          expect(k.x).toBeLessThan(width);
          expect(k.y).toBeGreaterThan(height * 0.2);
          expect(k.y).toBeLessThan(height);
        }
        // Nose above the ankles (y down) whatever the squat phase.
        const y = (n: string) => f.keypoints!.find((k) => k.name === n)!.y;
        expect(y('nose')).toBeLessThan(y('left_ankle'));
        expect(f.keypoints3D).toHaveLength(33);
        // keypoints3D are metres around the hips: within a couple of metres.
        for (const k of f.keypoints3D!) expect(Math.abs(k.x) + Math.abs(k.y) + Math.abs(k.z)).toBeLessThan(3);
      }
    });

    it('leaks no tensors from frame to frame (a 10-minute video is 18,000 frames)', async () => {
      est.reset();
      await est.estimate({ data: frames[0], width, height }, 0);
      const before = tf.memory().numTensors;
      expect(before).toBeGreaterThan(0); // the model weights: proves this is the estimator's tfjs instance
      for (let i = 0; i < 6; i++) await est.estimate({ data: frames[i % 3], width, height }, (i + 1) / 30);
      expect(tf.memory().numTensors).toBe(before);
    });

    it('gives the same keypoints for the same frame after reset()', async () => {
      est.reset();
      const a = await est.estimate({ data: frames[0], width, height }, 0);
      est.reset();
      const b = await est.estimate({ data: frames[0], width, height }, 0);
      expect(b.keypoints).toEqual(a.keypoints);
    });
  });
});

/**
 * Chromium's fake camera plays a .y4m made at test time from a shared clip through getUserMedia;
 * the frames must reach the pose module (the worker) and a body be found in them.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, clip, launch, makeY4m, screenshot, skipReason } from './harness';

const reason = skipReason(true);
if (reason) console.warn(`camera e2e skipped: ${reason}`);

describe.skipIf(reason !== null)('fake camera -> pose', () => {
  it('getUserMedia frames reach the pose worker and a person is found', async () => {
    const y4m = makeY4m(clip('side-two-reps-good.mp4'), { seconds: 3, width: 360 });
    const session = await launch({ fakeCameraFile: y4m });
    try {
      await session.page.goto(baseUrl());
      await session.page.waitForFunction(() => 'cameraFramesToPose' in ((window as unknown as { __squatDebug?: object }).__squatDebug ?? {}));
      const result = await session.page.evaluate(() =>
        (window as unknown as { __squatDebug: { cameraFramesToPose: (n: number) => Promise<{ frames: number; framesWithPose: number; width: number; height: number; backend: string }> } }).__squatDebug.cameraFramesToPose(12),
      );
      expect(result.frames).toBe(12);
      // The y4m is 360 px wide, portrait like its source: the camera delivers that size.
      expect(result.width).toBe(360);
      expect(result.height).toBeGreaterThan(result.width);
      // A person is in every frame of this clip; allow the tracker's first frames to miss.
      expect(result.framesWithPose).toBeGreaterThanOrEqual(9);
      expect(['wasm', 'webgl', 'cpu']).toContain(result.backend);
      await screenshot(session.page, 'pose-camera');
      expect(session.offOriginRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

/// <reference lib="webworker" />
/** One bare model loop (bench/pose_loop.ts) in a Web Worker: frames arrive once, ms per frame go back. */
import { poseLoop, type PoseLoopRequest } from './pose_loop';

self.onmessage = async (event: MessageEvent<PoseLoopRequest>) => {
  try {
    postMessage({ ok: true, ms: await poseLoop(event.data) });
  } catch (e) {
    postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};

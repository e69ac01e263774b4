/**
 * Several live pose workers behind one estimator, so the live loop can use every core.
 *
 * One BlazePose lite run takes about 25-35 ms on one wasm thread here (bench/run.ts), which is
 * a 30 fps camera with almost no slack: on this machine one worker keeps up only since camera
 * frames reach it without a copy on the page (docs/pose.md), and on a slower CPU it cannot.
 * XNNPACK's own thread pool does not help a model this small (bench/live_bench.ts: 2 threads in
 * one worker were slower than 1). Two workers, each taking every other camera frame, each need
 * only 15 fps.
 *
 * - A frame goes to the worker with the fewest frames in hand (ties: the one used longest ago),
 *   so with two workers they alternate.
 * - Results come back in the order the frames were sent, whichever worker finishes first: the
 *   overlay smoother, the rep counter and the recording's pose log all expect time order.
 * - Each worker tracks the lifter on the frames it sees (BlazePose crops each frame around the
 *   previous one's landmarks); with two workers that previous frame is two camera frames back,
 *   67 ms at 30 fps, well within what the crop's margin allows for a squat.
 * - Workers can be added while the loop runs: the first skeleton does not wait for the second
 *   worker's model to load.
 */
import type { PoseFrame } from '../core/types';
import type { CameraPicture } from './camera_frames';
import type { LiveEstimator } from './live_pose_loop';

/** What the pool needs of one worker (pose_worker_client.ts's PoseWorkerClient fits). */
export interface LivePoseWorker extends LiveEstimator {
  readonly backend: string;
  readonly backendReason: string;
  readonly threads?: number;
  reset(): unknown;
  dispose(): void;
}

export interface LivePosePool extends LiveEstimator {
  readonly backend: string;
  readonly backendReason: string;
  /** Workers currently taking frames. */
  readonly size: number;
  /** Adds a worker (disposed at once if the pool already is). */
  add(worker: LivePoseWorker): void;
  reset(): void;
  dispose(): void;
}

interface Slot {
  worker: LivePoseWorker;
  inFlight: number;
  lastUsed: number;
}

export function createLivePosePool(first: LivePoseWorker): LivePosePool {
  const slots: Slot[] = [{ worker: first, inFlight: 0, lastUsed: 0 }];
  let sent = 0;
  let disposed = false;
  // Resolves when the previously sent frame's result has been handed out.
  let previous: Promise<unknown> = Promise.resolve();

  const pick = (): Slot => {
    let best = slots[0];
    for (const s of slots) {
      if (s.inFlight < best.inFlight || (s.inFlight === best.inFlight && s.lastUsed < best.lastUsed)) best = s;
    }
    return best;
  };

  return {
    backend: first.backend,
    backendReason: first.backendReason,
    get size() {
      return slots.length;
    },
    add(worker) {
      if (disposed) {
        worker.dispose();
        return;
      }
      slots.push({ worker, inFlight: 0, lastUsed: 0 });
    },
    estimate(frame: CameraPicture, t: number): Promise<PoseFrame> {
      if (disposed) {
        frame.close(); // never sent: an open camera VideoFrame would hold back the camera
        return Promise.reject(new Error('live pose pool used after dispose()'));
      }
      const slot = pick();
      slot.inFlight += 1;
      slot.lastUsed = ++sent;
      const result = slot.worker.estimate(frame, t).finally(() => {
        slot.inFlight -= 1;
      });
      // Hand the result out only after the earlier frames' results (or failures).
      const ordered = previous.then(
        () => result,
        () => result,
      );
      previous = ordered.catch(() => undefined);
      return ordered;
    },
    reset() {
      for (const s of slots) s.worker.reset();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const s of slots) s.worker.dispose();
    },
  };
}

/**
 * The live estimator the Record tab uses: the first worker, then `workers - 1` more added once it
 * is ready, on the wasm backend only. On webgl the GPU is the shared resource and a second
 * worker would only hold a second copy of the model; on the cpu backend (plain JS) nothing is
 * fast enough for it to matter.
 */
export async function createLivePoseEstimator(makeWorker: () => Promise<LivePoseWorker>, workers: number): Promise<LivePosePool> {
  const pool = createLivePosePool(await makeWorker());
  if (pool.backend === 'wasm') {
    for (let i = 1; i < workers; i++) {
      // A worker that fails to load only costs speed: the first one keeps the loop going.
      makeWorker().then((w) => pool.add(w), () => undefined);
    }
  }
  return pool;
}

/// <reference lib="webworker" />
/**
 * A Web Worker that decodes one stretch of an uploaded video and runs BlazePose on every frame of
 * it, so the page's main thread does nothing per frame: WebCodecs decoding (mediabunny works in
 * workers), drawing the frame upright and scaled, reading its pixels and the model all happen
 * here. The page only receives the keypoints, in batches. Spoken to through video_pose_pool.ts.
 *
 * Several of these can share one clip, each taking a contiguous part of it (video_parts.ts).
 */
import * as Comlink from 'comlink';
import { createPoseEstimator } from '../pose/pose_estimator';
import type { BackendName, PoseEstimator, PoseEstimatorConfig } from '../pose/types';
import { openVideo, type FrameRange, type VideoProbe } from '../video/open_video';
import { isVideoInputError } from '../video/video_input_error';
import type { PoseFrameWithPeople } from '../pose/person_types';
import { withPeopleMapped } from './person_frames';
import { toSourcePixels } from './source_pixels';

export interface PoseRangeRequest {
  name: string;
  /** The page's probe of this file: the worker does not repeat the checks. */
  probe: VideoProbe;
  /** Frames with range.start <= t < range.end are posed, in order. */
  range: FrameRange;
  /** Forget the tracked person first (a new clip or part); false carries on from the last range. */
  reset: boolean;
  maxLongSide?: number;
  /** Posed frames are handed back at most this often, ms (and at the end). */
  batchMs?: number;
}

export interface PoseRangeStats {
  frames: number;
  hiddenPreRoll: number;
  /** From the call to the last frame posed, ms. */
  wallMs: number;
  /** Waiting for the decoder to hand over the next frame, ms. */
  decodeWaitMs: number;
  /** Drawing frames upright and scaled, and reading their pixels, ms. */
  prepMs: number;
  /** In the model, ms. */
  poseMs: number;
  /** tfjs tensors alive in this worker after the range (constant from clip to clip when nothing leaks). */
  tensorsAfter: number;
}

/** Errors cross the worker boundary as data: comlink would keep only the message of an Error. */
export type WorkerError = { code: string | null; message: string; hint: string | null };
export type PoseRangeOutcome = { ok: true; stats: PoseRangeStats } | { ok: false; error: WorkerError };

export interface VideoPoseWorkerApi {
  init(config: PoseEstimatorConfig): Promise<{ backend: BackendName; backendReason: string; threads?: number }>;
  /** Frames come back with every tracked person (src/pose/person_types.ts), in source pixels. */
  poseRange(file: Blob, request: PoseRangeRequest, onFrames: (frames: PoseFrameWithPeople[]) => void): Promise<PoseRangeOutcome>;
  /** Stops the range being posed (it resolves with a 'cancelled' error). */
  cancel(): void;
  dispose(): void;
}

let estimator: PoseEstimator | null = null;
let running: AbortController | null = null;

function asWorkerError(error: unknown): WorkerError {
  if (isVideoInputError(error)) return { code: error.code, message: error.message, hint: error.hint };
  return { code: null, message: error instanceof Error ? error.message : String(error), hint: null };
}

const api: VideoPoseWorkerApi = {
  async init(config) {
    estimator?.dispose();
    estimator = await createPoseEstimator(config);
    return { backend: estimator.backend, backendReason: estimator.backendReason, threads: estimator.threads };
  },

  async poseRange(file, request, onFrames) {
    const est = estimator;
    if (!est) return { ok: false, error: { code: null, message: 'video pose worker: poseRange() before init()', hint: null } };
    running?.abort();
    const abort = new AbortController();
    running = abort;
    const started = performance.now();
    const stats: PoseRangeStats = { frames: 0, hiddenPreRoll: 0, wallMs: 0, decodeWaitMs: 0, prepMs: 0, poseMs: 0, tensorsAfter: 0 };
    // webgl uploads a bitmap as a texture; wasm and cpu want the bytes, read here once.
    const pixelFormat = est.backend === 'webgl' ? 'bitmap' : 'rgba';
    let opened: Awaited<ReturnType<typeof openVideo>> | null = null;
    try {
      // One pixel buffer for every frame: each is turned into a tensor before the next is decoded.
      opened = await openVideo(file, request.name, { probe: request.probe, maxLongSide: request.maxLongSide, pixelFormat, reusePixels: true, signal: abort.signal });
      if (request.reset) est.reset();
      const batchMs = request.batchMs ?? 200;
      let batch: PoseFrameWithPeople[] = [];
      let lastSent = performance.now();
      const frames = opened.frames(request.range);
      let waitStart = performance.now();
      for await (const frame of frames) {
        stats.decodeWaitMs += performance.now() - waitStart - frame.prepMs;
        stats.prepMs += frame.prepMs;
        const poseStart = performance.now();
        let pose: PoseFrameWithPeople;
        try {
          pose = await est.estimate(frame.image, frame.t);
        } finally {
          if (frame.image instanceof ImageBitmap) frame.image.close();
        }
        stats.poseMs += performance.now() - poseStart;
        stats.frames += 1;
        batch.push(withPeopleMapped(pose, (p) => toSourcePixels(p, frame)));
        if (performance.now() - lastSent >= batchMs) {
          onFrames(batch);
          batch = [];
          lastSent = performance.now();
        }
        waitStart = performance.now();
      }
      if (batch.length) onFrames(batch);
      if (abort.signal.aborted) return { ok: false, error: { code: 'cancelled', message: 'Analysis cancelled.', hint: null } };
      stats.hiddenPreRoll = opened.hiddenPreRoll;
      stats.wallMs = performance.now() - started;
      stats.tensorsAfter = est.memory?.().tensors ?? 0;
      return { ok: true, stats };
    } catch (error) {
      if (abort.signal.aborted) return { ok: false, error: { code: 'cancelled', message: 'Analysis cancelled.', hint: null } };
      return { ok: false, error: asWorkerError(error) };
    } finally {
      opened?.dispose();
      if (running === abort) running = null;
    }
  },

  cancel() {
    running?.abort();
  },

  dispose() {
    running?.abort();
    estimator?.dispose();
    estimator = null;
  },
};

Comlink.expose(api);

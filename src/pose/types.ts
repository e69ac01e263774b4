import type { PoseFrame } from '../core/types';

/** Models served from models/ (see models/MANIFEST.sha256). */
export type PoseModelName = 'lite' | 'full';
export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface PoseEstimatorConfig {
  model: PoseModelName;
  /** Base URL (browser) or file:// / directory path (Node) under which models/ lives. */
  modelBaseUrl: string;
  /** 'auto' (default): webgl on a real GPU, wasm on a software renderer or where webgl fails, cpu last. */
  backend?: BackendName | 'auto';
  /** Where the tfjs wasm binaries are served from (browser), e.g. '/tfjs-wasm/'. */
  wasmPathPrefix?: string;
  /** wasm backend: threads in XNNPACK's pool (see backend.ts). Default: tfjs's own (half the cores). */
  wasmThreads?: number;
  /**
   * How a tracked frame's 256 x 256 landmark input is cut on wasm and cpu: 'rgba' (default) from
   * the frame's bytes (landmarks_in_region.ts, equal to pose-detection's crop bit for bit, about
   * 6 ms a frame cheaper); 'tfjs' through pose-detection's own whole-frame tensor. webgl always
   * uses pose-detection's.
   */
  landmarkCrop?: 'rgba' | 'tfjs';
}

/** Pixels of one frame: anything tfjs.browser.fromPixels takes, or raw RGBA. */
export interface RgbaFrame {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface PoseEstimator {
  readonly model: PoseModelName;
  readonly backend: BackendName;
  /** Why that backend was chosen, in words (e.g. "software WebGL renderer (SwiftShader): wasm is faster"). */
  readonly backendReason: string;
  /** wasm: threads the model runs on; undefined on other backends. */
  readonly threads?: number;
  /** Keypoints in the frame's pixels; keypoints null when no person is found. */
  estimate(frame: RgbaFrame | ImageBitmap | VideoFrame, t: number): Promise<PoseFrame>;
  /** Forget tracking state between unrelated clips. */
  reset(): void;
  /** Live tensors and their bytes in this estimator's tfjs (a leak shows as growth between clips). */
  memory?(): { tensors: number; bytes: number };
  dispose(): void;
}

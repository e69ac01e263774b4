/**
 * BlazePose (tfjs runtime of @tensorflow-models/pose-detection) behind the PoseEstimator interface.
 * The same code runs in a browser Web Worker (pose_worker.ts), on a page, and in Node (node.ts).
 *
 * - Models load only from the URLs given (model_registry.ts), or from IOHandlers in Node.
 * - Smoothing is off: pose-detection's filter does not work on the tfjs runtime
 *   (../shared/REFERENCE.md section 3) and src/core filters the whole track itself.
 * - Between frames, BlazePose tracks the person: it crops the next frame around the previous
 *   frame's landmarks and only runs the detector when tracking is lost. So frames of one clip must
 *   be fed in order, and reset() called before an unrelated clip.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { io } from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import { BLAZEPOSE_KEYPOINT_NAMES, type Keypoint, type Keypoint3D, type PoseFrame } from '../core/types';
import { initBackend } from './backend';
import { modelUrls } from './model_registry';
import type { BackendName, PersonCandidate, PersonChooser, PoseEstimator, PoseEstimatorConfig, PoseModelName, RgbaFrame } from './types';

export interface PoseEstimatorDeps {
  /**
   * Turns a model.json URL into what tfjs loads. Default: the URL itself (fetched by tfjs).
   * Node passes an IOHandler that reads files (node.ts), since Node's fetch has no file:// support.
   */
  modelSource?: (modelJsonUrl: string) => string | io.IOHandler;
}

function isRgbaFrame(frame: unknown): frame is RgbaFrame {
  return typeof frame === 'object' && frame !== null && 'data' in frame && 'width' in frame && 'height' in frame;
}

/**
 * RGBA bytes -> float32 [h, w, 3] tensor with values 0..255 (what pose-detection casts its input
 * to anyway). A plain loop: about 1 ms faster per 540x960 frame than tf.browser.fromPixels, which
 * builds int32 that pose-detection then casts again. `scratch` (wasm backend only, which copies a
 * new tensor's values into its own heap at once) lets one buffer serve every frame instead of a
 * fresh 6 MB array per 540x960 frame for the garbage collector; the cpu backend keeps the array
 * it is given, so it gets a new one each time.
 */
function rgbaToTensor(frame: RgbaFrame, scratch?: { buffer: Float32Array | null }): tf.Tensor3D {
  const { width, height, data } = frame;
  const n = width * height;
  if (data.length < n * 4) throw new Error(`RGBA frame too short: ${data.length} bytes for ${width}x${height}`);
  let rgb: Float32Array;
  if (scratch) {
    if (scratch.buffer?.length !== n * 3) scratch.buffer = new Float32Array(n * 3);
    rgb = scratch.buffer;
  } else rgb = new Float32Array(n * 3);
  for (let i = 0, j = 0, o = 0; i < n; i++, j += 4, o += 3) {
    rgb[o] = data[j];
    rgb[o + 1] = data[j + 1];
    rgb[o + 2] = data[j + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'float32');
}

/**
 * ImageBitmap -> RGBA bytes through one reusable 2D canvas created with willReadFrequently, which
 * keeps it in CPU memory so getImageData does not read back from the GPU each frame. tfjs's own
 * fromPixels path for bitmaps on the wasm/cpu backends makes a canvas without that hint and then
 * builds int32 that pose-detection casts to float again. The webgl backend uploads bitmaps as
 * textures directly, so it keeps the bitmap.
 */
function bitmapReader(): (bitmap: ImageBitmap) => RgbaFrame {
  let ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null = null;
  return (bitmap) => {
    const { width, height } = bitmap;
    if (!ctx) {
      const canvas: OffscreenCanvas | HTMLCanvasElement =
        typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
      if (!ctx) throw new Error('no 2D canvas context to read video frames');
    }
    if (ctx.canvas.width !== width || ctx.canvas.height !== height) {
      ctx.canvas.width = width;
      ctx.canvas.height = height;
    }
    ctx.drawImage(bitmap, 0, 0);
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  };
}

function isImageBitmap(frame: unknown): frame is ImageBitmap {
  return typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** pose-detection's pose -> our keypoints; undefined scores (never seen from BlazePose) become 0. */
function toPoseFrame(pose: poseDetection.Pose | undefined, t: number): PoseFrame {
  if (!pose || !pose.keypoints?.length) return { t, keypoints: null, keypoints3D: null };
  const keypoints: Keypoint[] = pose.keypoints.map((k, i) => ({
    name: k.name ?? BLAZEPOSE_KEYPOINT_NAMES[i] ?? String(i),
    x: k.x,
    y: k.y,
    score: k.score ?? 0,
  }));
  const keypoints3D: Keypoint3D[] | null = pose.keypoints3D
    ? pose.keypoints3D.map((k, i) => ({
        name: k.name ?? keypoints[i]?.name ?? String(i),
        x: round(k.x, 5),
        y: round(k.y, 5),
        z: round(k.z ?? 0, 5),
        score: k.score ?? 0,
      }))
    : null;
  return { t, keypoints, keypoints3D };
}

/** pose-detection's detection, as its BlazePose detector holds it (relative box, 0..1). */
interface RawDetection {
  score?: number[];
  locationData?: { relativeBoundingBox?: { xMin: number; yMin: number; width: number; height: number } };
}

/** How many people the detector keeps for a chooser to pick from (NMS keeps at most this many). */
const CANDIDATES_WHEN_CHOOSING = 4;

/**
 * The hook into BlazePose's detection step. pose-detection's tfjs BlazePose runs its person
 * detector (detectPose, after non-max suppression keeps `maxPoses` people) only when it has no
 * region to track, and then tracks detections[0]. With a chooser set we keep a few candidates and
 * move the chosen one first; without one nothing changes (one candidate, the most confident).
 */
export function installPersonChoice(detector: poseDetection.PoseDetector) {
  const state = {
    chooser: null as PersonChooser | null,
    frame: { width: 0, height: 0 },
    maxPoses: () => (state.chooser ? CANDIDATES_WHEN_CHOOSING : 1),
  };
  const inner = detector as unknown as { detectPose?: (image: unknown) => Promise<RawDetection[]> };
  const original = inner.detectPose?.bind(detector);
  if (!original) return state;
  inner.detectPose = async (image) => {
    const detections = await original(image);
    const chooser = state.chooser;
    if (!chooser || detections.length < 2) return detections;
    const { width, height } = state.frame;
    const candidates: PersonCandidate[] = detections.map((d) => {
      const b = d.locationData?.relativeBoundingBox ?? { xMin: 0, yMin: 0, width: 0, height: 0 };
      return { box: { xMin: b.xMin * width, yMin: b.yMin * height, width: b.width * width, height: b.height * height }, score: d.score?.[0] ?? 0 };
    });
    const chosen = chooser(candidates, { width, height });
    if (chosen === null || !(chosen >= 0 && chosen < detections.length)) return detections;
    return [detections[chosen], ...detections.filter((_, i) => i !== chosen)];
  };
  return state;
}

export async function createPoseEstimator(config: PoseEstimatorConfig, deps: PoseEstimatorDeps = {}): Promise<PoseEstimator> {
  const model: PoseModelName = config.model;
  const { backend, reason, threads } = await initBackend({
    preference: config.backend,
    wasmPathPrefix: config.wasmPathPrefix,
    wasmThreads: config.wasmThreads,
  });
  const urls = modelUrls(model, config.modelBaseUrl);
  const source = deps.modelSource ?? ((u: string) => u);
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: model,
    enableSmoothing: false,
    enableSegmentation: false,
    // Typed as string | IOHandler in pose-detection's BlazePoseTfjsModelConfig.
    detectorModelUrl: source(urls.detector) as string,
    landmarkModelUrl: source(urls.landmark) as string,
  } as poseDetection.BlazePoseTfjsModelConfig);

  let disposed = false;
  const readBitmap = bitmapReader();
  const people = installPersonChoice(detector);
  const scratch = backend === 'wasm' ? { buffer: null as Float32Array | null } : undefined;
  return {
    model,
    backend: backend as BackendName,
    backendReason: reason,
    threads,
    async estimate(frame, t) {
      if (disposed) throw new Error('pose estimator used after dispose()');
      // pose-detection reads .width/.height of its input (never videoWidth): both tensors and
      // ImageBitmaps carry them, and keypoints come back in the frame's own pixels.
      const input = isRgbaFrame(frame)
        ? rgbaToTensor(frame, scratch)
        : isImageBitmap(frame) && backend !== 'webgl'
          ? rgbaToTensor(readBitmap(frame), scratch)
          : frame;
      try {
        people.frame = input instanceof tf.Tensor ? { width: input.shape[1], height: input.shape[0] } : { width: input.width, height: input.height };
        const poses = await detector.estimatePoses(input, { maxPoses: people.maxPoses(), flipHorizontal: false }, t * 1000);
        return toPoseFrame(poses[0], t);
      } finally {
        if (input instanceof tf.Tensor) input.dispose();
      }
    },
    reset() {
      detector.reset();
    },
    setPersonChooser(chooser) {
      people.chooser = chooser;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      detector.dispose();
    },
  };
}

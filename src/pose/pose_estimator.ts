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
import { createPersonTracker, type LazyFrame } from './person_tracker';
import { isImageBitmap, isVideoFrame } from './pictures';
import type { PoseFrameWithPeople } from './person_types';
import type { BackendName, PoseEstimator, PoseEstimatorConfig, PoseModelName, RgbaFrame } from './types';

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

/**
 * VideoFrame -> RGBA bytes. A camera frame arrives as a VideoFrame (camera_frames.ts): making one
 * from the <video> costs the page nothing, where createImageBitmap(video) took about 5 ms of its
 * main thread per frame (bench/live_bench.ts, "page main thread busy"). Here copyTo converts the
 * camera's YUV to RGBA itself; a frame whose visible size differs from its display size
 * (non-square pixels), or a browser whose copyTo cannot give RGBA, is drawn on a canvas at its
 * display size instead, so keypoints always come back in display pixels. Each frame gets its own
 * buffer: two estimates may be in this worker at once, and a masked second person reads the
 * pixels again later.
 */
function videoFrameReader(): (frame: VideoFrame) => Promise<RgbaFrame> {
  let copyUnsupported = false;
  let ctx: OffscreenCanvasRenderingContext2D | null = null;
  return async (frame) => {
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const rect = frame.visibleRect;
    if (!copyUnsupported && rect && rect.width === width && rect.height === height) {
      const data = new Uint8ClampedArray(width * height * 4);
      try {
        await frame.copyTo(data, { format: 'RGBA' });
        return { data, width, height };
      } catch {
        copyUnsupported = true;
      }
    }
    ctx ??= new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context to read camera frames');
    if (ctx.canvas.width !== width || ctx.canvas.height !== height) {
      ctx.canvas.width = width;
      ctx.canvas.height = height;
    }
    ctx.drawImage(frame, 0, 0, width, height);
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  };
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
  const readVideoFrame = videoFrameReader();
  const scratch = backend === 'wasm' ? { buffer: null as Float32Array | null } : undefined;
  const toTensor = (rgba: RgbaFrame) => rgbaToTensor(rgba, scratch);
  // Tracked frames' landmark crops come straight from the bytes on wasm and cpu (landmarks_in_region.ts);
  // webgl keeps pose-detection's own crop, on the GPU.
  const cropFromRgba = backend !== 'webgl' && config.landmarkCrop !== 'tfjs';
  const people = createPersonTracker(detector, toTensor, cropFromRgba ? { cropFromRgba: { keypointNames: BLAZEPOSE_KEYPOINT_NAMES, reuseBuffer: backend === 'wasm' } } : {});
  return {
    model,
    backend: backend as BackendName,
    backendReason: reason,
    threads,
    async estimate(given, t) {
      if (disposed) throw new Error('pose estimator used after dispose()');
      // A VideoFrame becomes bytes (wasm, cpu) or a bitmap (webgl uploads bitmaps as textures);
      // the caller still owns and closes the VideoFrame itself.
      let madeBitmap: ImageBitmap | null = null;
      let frame: RgbaFrame | ImageBitmap;
      if (isVideoFrame(given)) {
        if (backend === 'webgl') frame = madeBitmap = await createImageBitmap(given);
        else frame = await readVideoFrame(given);
      } else frame = given;
      // pose-detection reads .width/.height of its input (never videoWidth): both tensors and
      // ImageBitmaps carry them, and keypoints come back in the frame's own pixels.
      const rgba = isRgbaFrame(frame) ? frame : isImageBitmap(frame) && backend !== 'webgl' ? readBitmap(frame) : null;
      // The whole-frame tensor is made only if something asks for it: the detector, or a landmark
      // step that does not crop from the bytes.
      let tensor: tf.Tensor3D | null = null;
      const input: LazyFrame | ImageBitmap = rgba
        ? { width: rgba.width, height: rgba.height, rgba, image: () => (tensor ??= toTensor(rgba)) }
        : (frame as ImageBitmap);
      try {
        const found = await people.estimate(input, t, () => rgba ?? readBitmap(frame as ImageBitmap));
        const out: PoseFrameWithPeople = toPoseFrame(found.pose, t);
        if (found.people) out.people = found.people.map(({ id, pose }) => ({ id, ...toPoseFrame(pose, t) }));
        return out;
      } finally {
        (tensor as tf.Tensor3D | null)?.dispose();
        madeBitmap?.close();
      }
    },
    reset() {
      people.reset();
    },
    memory() {
      const m = tf.memory();
      return { tensors: m.numTensors, bytes: m.numBytes };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      detector.dispose();
    },
  };
}

/**
 * BlazePose's landmark step on a known region of interest, fed from the frame's RGBA bytes.
 *
 * This is pose-detection's BlazePoseTfjsDetector.estimatePoses (2.1.3,
 * dist/blazepose_tfjs/detector.js) for the case where a region is already set, which is every
 * tracked frame: the same detector object, the same landmark model and the same post-processing
 * methods, called in the same order. Only the input differs: the 256 x 256 crop is cut from the
 * bytes (landmark_crop.ts, equal to pose-detection's bit for bit) instead of from a float tensor
 * of the whole frame, which pose-detection builds, casts and samples on every frame. On the wasm
 * backend that saves about 6 ms of a 540 x 960 frame (docs/pose.md, "The landmark crop").
 *
 * Frames that need the person detector (no region yet, or a person lost) still go through the
 * library with the whole-frame tensor (person_tracker.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as poseDetection from '@tensorflow-models/pose-detection';
import { cropLandmarkInput, landmarkCropGeometry, LANDMARK_INPUT_SIZE, type NormalizedRect, type Padding } from './landmark_crop';
import type { RgbaFrame } from './types';

type Landmark = { x: number; y: number; z?: number; score?: number; name?: string };

/** The members of pose-detection's BlazePoseTfjsDetector the landmark step uses (not in its typings). */
export interface LandmarkStepInternals {
  regionOfInterest: NormalizedRect | null;
  maxPoses: number;
  timestamp: number | null;
  enableSegmentation: boolean;
  landmarkModel: { execute(input: tf.Tensor, outputs: string[]): tf.Tensor | tf.Tensor[] };
  tensorsToPoseLandmarksAndSegmentation(tensors: tf.Tensor[]): Promise<{
    landmarks: Landmark[];
    auxiliaryLandmarks: Landmark[];
    poseScore: number;
    worldLandmarks: Landmark[];
    segmentationMask: unknown;
  } | null>;
  poseLandmarksAndSegmentationInverseProjection(
    imageSize: { width: number; height: number },
    roi: NormalizedRect,
    padding: Padding,
    transformationMatrix: number[][],
    landmarks: Landmark[],
    auxiliaryLandmarks: Landmark[],
    worldLandmarks: Landmark[],
    segmentationMask: unknown,
  ): Promise<{ landmarks: Landmark[]; auxiliaryLandmarks: Landmark[]; worldLandmarks: Landmark[] }>;
  poseLandmarkFiltering(
    landmarks: Landmark[],
    auxiliaryLandmarks: Landmark[],
    worldLandmarks: Landmark[],
    imageSize: { width: number; height: number },
  ): { actualLandmarksFiltered: Landmark[]; auxiliaryLandmarksFiltered: Landmark[]; actualWorldLandmarksFiltered: Landmark[] };
  poseLandmarksToRoi(auxiliaryLandmarks: Landmark[], imageSize: { width: number; height: number }): NormalizedRect;
  reset(): void;
}

/** The detector's internals, or null when a version of pose-detection lacks one (then the library's own path runs). */
export function landmarkStepInternals(detector: poseDetection.PoseDetector): LandmarkStepInternals | null {
  const d = detector as unknown as Partial<LandmarkStepInternals>;
  const methods = ['tensorsToPoseLandmarksAndSegmentation', 'poseLandmarksAndSegmentationInverseProjection', 'poseLandmarkFiltering', 'poseLandmarksToRoi', 'reset'] as const;
  const ok = methods.every((m) => typeof d[m] === 'function') && typeof d.landmarkModel?.execute === 'function' && 'regionOfInterest' in d && d.enableSegmentation === false;
  return ok ? (d as LandmarkStepInternals) : null;
}

/** pose-detection's names for the 33 keypoints, in order (BLAZEPOSE_KEYPOINTS). */
const OUTPUTS = ['ld_3d', 'output_poseflag', 'activation_heatmap', 'world_3d'];

export interface RegionLandmarker {
  /**
   * estimatePoses(frame, { maxPoses: 1 }, timestampMs) with `detector.regionOfInterest` already
   * set: the pose found in that region (or none), and the region left for the next frame.
   */
  estimate(frame: RgbaFrame, timestampMs: number): Promise<poseDetection.Pose[]>;
}

/**
 * `reuseBuffer`: one crop buffer for every frame. Right for wasm, which copies a new tensor's
 * values into its own heap; the cpu backend keeps the array it is given, so it needs a new one.
 */
export function createRegionLandmarker(d: LandmarkStepInternals, keypointNames: readonly string[], reuseBuffer: boolean): RegionLandmarker {
  const length = LANDMARK_INPUT_SIZE * LANDMARK_INPUT_SIZE * 3;
  let scratch: Float32Array | null = null;
  return {
    async estimate(frame, timestampMs) {
      const roi = d.regionOfInterest;
      if (!roi) throw new Error('landmark step: no region of interest');
      d.maxPoses = 1;
      d.timestamp = timestampMs * 1000;
      const imageSize = { width: frame.width, height: frame.height };

      // poseLandmarksByRoi, with the crop from the bytes.
      const geometry = landmarkCropGeometry(imageSize, roi);
      const values = reuseBuffer ? (scratch ??= new Float32Array(length)) : new Float32Array(length);
      cropLandmarkInput(frame, geometry.projective, values);
      const input = tf.tensor4d(values, [1, LANDMARK_INPUT_SIZE, LANDMARK_INPUT_SIZE, 3], 'float32');
      let outputs: tf.Tensor[] = [];
      let projected: Awaited<ReturnType<LandmarkStepInternals['poseLandmarksAndSegmentationInverseProjection']>> | null = null;
      let poseScore = 0;
      try {
        const out = d.landmarkModel.execute(input, OUTPUTS);
        outputs = Array.isArray(out) ? out : [out];
        const found = await d.tensorsToPoseLandmarksAndSegmentation(outputs);
        if (found) {
          poseScore = found.poseScore;
          projected = await d.poseLandmarksAndSegmentationInverseProjection(
            imageSize,
            roi,
            geometry.padding,
            geometry.transformationMatrix,
            found.landmarks,
            found.auxiliaryLandmarks,
            found.worldLandmarks,
            found.segmentationMask,
          );
        }
      } finally {
        tf.dispose(outputs);
        input.dispose();
      }
      if (!projected) {
        d.reset();
        return [];
      }

      // The rest of estimatePoses (no smoothing, no segmentation).
      const filtered = d.poseLandmarkFiltering(projected.landmarks, projected.auxiliaryLandmarks, projected.worldLandmarks, imageSize);
      d.regionOfInterest = d.poseLandmarksToRoi(filtered.auxiliaryLandmarksFiltered, imageSize);
      const keypoints = filtered.actualLandmarksFiltered.map((k, i) => {
        const kp: Landmark = { ...k, x: k.x * imageSize.width, y: k.y * imageSize.height };
        if (k.z != null) kp.z = k.z * imageSize.width;
        kp.name = keypointNames[i];
        return kp;
      });
      const keypoints3D = filtered.actualWorldLandmarksFiltered;
      keypoints3D.forEach((k, i) => (k.name = keypointNames[i]));
      return [{ score: poseScore, keypoints, keypoints3D } as poseDetection.Pose];
    },
  };
}

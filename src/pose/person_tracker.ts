/**
 * Follows every person BlazePose finds in a clip, not only the first one.
 *
 * pose-detection's BlazePose (tfjs runtime, 2.1.3: dist/blazepose_tfjs/detector.js) keeps one
 * region of interest: it runs its person detector only when it has none, takes the FIRST detection
 * after non-max suppression (the highest score), and from then on crops each frame around the
 * previous frame's landmarks. With a coach beside the lifter that first detection is often the
 * coach, and a crop that holds both may slide from one to the other.
 *
 * This tracker drives the same detector object, keeping BlazePose's own models, crops and
 * tracking, with one region of interest per person:
 * - detection runs on each of the first SEARCH_START_FRAMES frames while fewer than MAX_PEOPLE
 *   are tracked, and again when someone has been lost (every frame while nobody is tracked, as
 *   BlazePose does; at most every RETRY_DETECTION_FRAMES frames otherwise); each detection not
 *   claimed by a tracked person continues a lost person's track (the nearest) or starts a new
 *   one, up to MAX_PEOPLE;
 * - each person's landmarks come from BlazePose's landmark step on their own region, with the
 *   other people's heads painted grey (person_mask.ts) so the crop does not slide to them;
 * - a person whose landmarks the model does not confirm on the very first try is dropped (the
 *   detector now and then "finds" a person in a poster or a busy background).
 *
 * With one person in the picture none of this changes the keypoints: the first frames' extra
 * detections find only that person (claimed by their head), no masks, the same landmark calls
 * as BlazePose's estimatePoses.
 * Who of the people tracked is the lifter is decided after the clip (src/pipeline/person_choice.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as poseDetection from '@tensorflow-models/pose-detection';
import { headBox, rectCenter, rectContains, scaleRect } from './person_head';
import { maskedRgba, type PixelRect } from './person_mask';
import { createRegionLandmarker, landmarkStepInternals, type RegionLandmarker } from './landmarks_in_region';
import type { RgbaFrame } from './types';

/** At most this many people are followed (each costs one landmark pass per frame). */
export const MAX_PEOPLE = 3;
/** While someone is tracked and someone else is lost, look for the lost one this often (frames). */
export const RETRY_DETECTION_FRAMES = 10;
/**
 * The detector runs on each of a clip's first frames, not only the first one: its score for one
 * person jumps from frame to frame, and pose-detection keeps only detections scoring 0.5 or more
 * (BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION.minScoreThresh, as MediaPipe's pose detection).
 * Measured on the mirrored copy of gym-oblique-goblet-two-people (ffmpeg hflip, docs/pose.md):
 * the lifter scores 0.45 on frame 0 (so only the coach was found, and followed), 0.57 on frame 1,
 * and under 0.5 on 14 of the clip's 35 frames. Five frames are also the warm-up each part of a
 * clip split over several workers starts with, so every part has looked five times at the seam.
 */
export const SEARCH_START_FRAMES = 5;
/*
 * No search after the first frames: looking again once a second while fewer than MAX_PEOPLE were
 * tracked made the one-person clip side-forward-lean-rotated grow a second "person" for 62 of
 * its 117 frames, who was then followed (0 reps instead of 1; scripts/people/people_scan.ts).
 */
/** Detections kept by non-max suppression: a few more than MAX_PEOPLE, for the ones already tracked. */
const MAX_DETECTIONS = MAX_PEOPLE + 2;
/**
 * A detection's box surrounds the head with a wide margin (about 2.5 head widths, measured on the
 * shared clips); masking it at this scale covers the head and little else.
 */
const DETECTION_BOX_MASK_SCALE = 0.6;
/** A lost person's last head is painted over for this many frames, then it is too old to trust. */
const STALE_HEAD_FRAMES = 15;
/** Two tracks whose shoulders and hips lie within this share of a torso of each other are one person. */
const SAME_PERSON_TORSO_SHARE = 0.15;

interface NormalizedRect {
  xCenter: number;
  yCenter: number;
  width: number;
  height: number;
  rotation?: number;
}

interface Detection {
  score: number[];
  locationData: {
    relativeBoundingBox: { xMin: number; yMin: number; xMax: number; yMax: number; width: number; height: number };
  };
}

/**
 * The members of pose-detection's BlazePoseTfjsDetector this file uses. They are not in its
 * public typings; blazePoseInternals() checks they are there and the tracker falls back to plain
 * single-person estimatePoses if a future version drops them.
 */
interface BlazePoseInternals {
  regionOfInterest: NormalizedRect | null;
  maxPoses: number;
  detectPose(image: tf.Tensor3D): Promise<Detection[]>;
  poseDetectionToRoi(detection: Detection, imageSize: { width: number; height: number }): NormalizedRect;
}

export function blazePoseInternals(detector: poseDetection.PoseDetector): BlazePoseInternals | null {
  const d = detector as unknown as Partial<BlazePoseInternals>;
  return typeof d.detectPose === 'function' && typeof d.poseDetectionToRoi === 'function' && 'regionOfInterest' in d
    ? (d as BlazePoseInternals)
    : null;
}

type Input = tf.Tensor3D | ImageBitmap;

/**
 * A frame given lazily: `image()` makes the whole-frame input BlazePose's own entry points take
 * (its detector needs it; the caller disposes what it made), while the landmark step on a tracked
 * region crops `rgba` directly (landmarks_in_region.ts) and never needs the whole-frame tensor.
 */
export interface LazyFrame {
  width: number;
  height: number;
  rgba: RgbaFrame;
  image(): tf.Tensor3D;
}

function isLazyFrame(input: Input | LazyFrame): input is LazyFrame {
  return !(input instanceof tf.Tensor) && typeof (input as LazyFrame).image === 'function';
}

export interface TrackedPose {
  /** Stable within a clip: 0 is the first person found. */
  id: number;
  pose: poseDetection.Pose;
}

export interface PeopleEstimate {
  /** Person 0's pose (the one BlazePose alone would have followed), or undefined. */
  pose: poseDetection.Pose | undefined;
  /** Everyone tracked in this frame; present once a second person has been found in the clip. */
  people?: TrackedPose[];
}

export interface PersonTracker {
  /**
   * One frame, in time order. `rgba` gives the frame's pixels for masking; it is called only when
   * several people are tracked.
   */
  estimate(input: Input | LazyFrame, t: number, rgba: () => RgbaFrame): Promise<PeopleEstimate>;
  reset(): void;
}

interface Track {
  id: number;
  roi: NormalizedRect | null;
  /** Last known head square, frame pixels. */
  head: PixelRect | null;
  /** Frame index at which the track was lost (-1: never). */
  lostAt: number;
}

const ESTIMATION = { maxPoses: 1, flipHorizontal: false };

function sizeOf(input: Input | LazyFrame): { width: number; height: number } {
  return isLazyFrame(input) ? { width: input.width, height: input.height } : input instanceof tf.Tensor ? { width: input.shape[1], height: input.shape[0] } : { width: input.width, height: input.height };
}

function torsoPoints(pose: poseDetection.Pose) {
  const k = pose.keypoints;
  return [k[11], k[12], k[23], k[24]];
}

function samePerson(a: poseDetection.Pose, b: poseDetection.Pose): boolean {
  const pa = torsoPoints(a);
  const pb = torsoPoints(b);
  if (pa.some((p) => !p) || pb.some((p) => !p)) return false;
  const torso = (p: typeof pa) => Math.hypot((p[0].x + p[1].x - p[2].x - p[3].x) / 2, (p[0].y + p[1].y - p[2].y - p[3].y) / 2);
  const scale = Math.max(torso(pa), torso(pb));
  const mean = pa.reduce((s, p, i) => s + Math.hypot(p.x - pb[i].x, p.y - pb[i].y), 0) / pa.length;
  return mean < SAME_PERSON_TORSO_SHARE * scale;
}

function detectionBox(d: Detection, size: { width: number; height: number }): PixelRect {
  const b = d.locationData.relativeBoundingBox;
  return { x: b.xMin * size.width, y: b.yMin * size.height, width: b.width * size.width, height: b.height * size.height };
}

/**
 * `toTensor` turns RGBA into what BlazePose is given (the estimator's own conversion), for the
 * frames with other people's heads painted over.
 */
export interface PersonTrackerOptions {
  /**
   * Landmarks on a tracked region straight from the frame's bytes (landmarks_in_region.ts), given
   * the keypoint names and whether one crop buffer may serve every frame (wasm). Absent: every
   * landmark step goes through pose-detection's estimatePoses on the whole-frame input.
   */
  cropFromRgba?: { keypointNames: readonly string[]; reuseBuffer: boolean };
}

export function createPersonTracker(
  detector: poseDetection.PoseDetector,
  toTensor: (frame: RgbaFrame) => tf.Tensor3D,
  options: PersonTrackerOptions = {},
): PersonTracker {
  const internals = blazePoseInternals(detector);
  const stepInternals = options.cropFromRgba ? landmarkStepInternals(detector) : null;
  const fromRgba: RegionLandmarker | null =
    stepInternals && options.cropFromRgba ? createRegionLandmarker(stepInternals, options.cropFromRgba.keypointNames, options.cropFromRgba.reuseBuffer) : null;
  const whole = (input: Input | LazyFrame): Input => (isLazyFrame(input) ? input.image() : input);
  let tracks: Track[] = [];
  let nextId = 0;
  let frameIndex = -1;
  let lastDetection = -Infinity;

  if (!internals) {
    return {
      async estimate(input, t) {
        const poses = await detector.estimatePoses(whole(input), ESTIMATION, t * 1000);
        return { pose: poses[0] };
      },
      reset: () => detector.reset(),
    };
  }
  const blazePose = internals;

  /** BlazePose's landmark step on `roi`; returns the pose and the region for the next frame. */
  async function landmarks(
    input: Input | LazyFrame,
    roi: NormalizedRect,
    masks: PixelRect[],
    rgba: () => RgbaFrame,
    t: number,
  ): Promise<{ pose: poseDetection.Pose | undefined; next: NormalizedRect | null }> {
    if (fromRgba && isLazyFrame(input)) {
      try {
        blazePose.regionOfInterest = roi;
        const poses = await fromRgba.estimate(masks.length > 0 ? maskedRgba(input.rgba, masks) : input.rgba, t * 1000);
        return { pose: poses[0], next: blazePose.regionOfInterest };
      } finally {
        blazePose.regionOfInterest = null;
      }
    }
    const masked = masks.length > 0 ? toTensor(maskedRgba(rgba(), masks)) : null;
    try {
      blazePose.regionOfInterest = roi;
      const poses = await detector.estimatePoses(masked ?? whole(input), ESTIMATION, t * 1000);
      return { pose: poses[0], next: blazePose.regionOfInterest };
    } finally {
      masked?.dispose();
      blazePose.regionOfInterest = null;
    }
  }

  async function detect(given: Input | LazyFrame): Promise<Detection[]> {
    const input = whole(given);
    const pixels = input instanceof tf.Tensor ? null : tf.browser.fromPixels(input);
    try {
      blazePose.maxPoses = MAX_DETECTIONS;
      return await blazePose.detectPose(pixels ?? (input as tf.Tensor3D));
    } finally {
      pixels?.dispose();
    }
  }

  function headsExcept(id: number, extra: PixelRect[] = []): PixelRect[] {
    const own = tracks.find((tr) => tr.id === id)?.head ?? null;
    const ownCenter = own ? rectCenter(own) : null;
    const recent = (tr: Track) => tr.roi !== null || frameIndex - tr.lostAt <= STALE_HEAD_FRAMES;
    const heads = tracks.filter((tr) => tr.id !== id && tr.head && recent(tr)).map((tr) => tr.head as PixelRect);
    // A head over the followed person's own head cannot be painted without painting theirs.
    return [...heads, ...extra].filter((h) => !ownCenter || !rectContains(h, ownCenter));
  }

  return {
    async estimate(input, t, rgba) {
      frameIndex += 1;
      const size = sizeOf(input);
      const found = new Map<number, poseDetection.Pose>();

      // 1. Everyone tracked: landmarks on their own region.
      for (const tr of tracks) {
        if (!tr.roi) continue;
        const masks = tracks.length > 1 ? headsExcept(tr.id) : [];
        const { pose, next } = await landmarks(input, tr.roi, masks, rgba, t);
        tr.roi = pose ? next : null;
        if (pose) {
          found.set(tr.id, pose);
          tr.head = headBox(pose.keypoints);
        } else {
          tr.lostAt = frameIndex;
        }
      }
      // Two regions that slid onto the same person: the later-found track lets go.
      for (const a of tracks) {
        for (const b of tracks) {
          const pa = found.get(a.id);
          const pb = found.get(b.id);
          if (a.id < b.id && pa && pb && samePerson(pa, pb)) {
            found.delete(b.id);
            b.roi = null;
            b.lostAt = frameIndex;
          }
        }
      }

      // 2. Detection: at the start, and for people lost before this frame (as BlazePose: a
      //    person lost in this frame is looked for from the next one).
      const live = tracks.filter((tr) => found.has(tr.id));
      const lost = tracks.filter((tr) => !tr.roi && tr.lostAt < frameIndex);
      const retryLost = lost.length > 0 && (live.length === 0 || frameIndex - lastDetection >= RETRY_DETECTION_FRAMES);
      const search = tracks.length < MAX_PEOPLE && frameIndex < SEARCH_START_FRAMES;
      if (tracks.length === 0 || retryLost || search) {
        lastDetection = frameIndex;
        const detections = await detect(input);
        const boxes = detections.map((d) => detectionBox(d, size));
        // A detection whose box centre lies on a tracked (or just lost) person's head is theirs.
        const claimed = (box: PixelRect) => {
          const c = rectCenter(box);
          return tracks.some((tr) => !lost.includes(tr) && tr.head && rectContains(tr.head, c));
        };
        const open = detections.map((_, i) => i).filter((i) => !claimed(boxes[i]));
        const assignments: Array<{ track: Track; det: number; isNew: boolean }> = [];
        // Lost people first, nearest detection each (their last head to the detection's centre).
        const waiting = [...lost];
        while (waiting.length > 0 && open.length > 0) {
          let best = { w: 0, o: 0, d: Infinity };
          waiting.forEach((tr, w) => {
            const last = tr.head ? rectCenter(tr.head) : null;
            open.forEach((det, o) => {
              const c = rectCenter(boxes[det]);
              const d = last ? Math.hypot(c.x - last.x, c.y - last.y) : 0;
              if (d < best.d) best = { w, o, d };
            });
          });
          assignments.push({ track: waiting[best.w], det: open[best.o], isNew: false });
          waiting.splice(best.w, 1);
          open.splice(best.o, 1);
        }
        for (const det of open) {
          if (tracks.length + assignments.filter((a) => a.isNew).length >= MAX_PEOPLE) break;
          assignments.push({ track: { id: nextId++, roi: null, head: null, lostAt: -1 }, det, isNew: true });
        }
        const several = tracks.length + assignments.filter((a) => a.isNew).length > 1;
        for (const a of assignments) {
          const others = boxes.filter((_, i) => i !== a.det).map((b) => scaleRect(b, DETECTION_BOX_MASK_SCALE));
          const masks = several ? headsExcept(a.track.id, others) : [];
          const roi = blazePose.poseDetectionToRoi(detections[a.det], size);
          const { pose, next } = await landmarks(input, roi, masks, rgba, t);
          if (pose && ![...found.values()].some((other) => samePerson(other, pose))) {
            a.track.roi = next;
            a.track.head = headBox(pose.keypoints);
            found.set(a.track.id, pose);
            if (a.isNew) tracks.push(a.track);
          } else if (!a.isNew) {
            a.track.lostAt = frameIndex;
          }
        }
        tracks.sort((x, y) => x.id - y.id);
      }

      const people = tracks.length > 1 ? [...found].map(([id, pose]) => ({ id, pose })).sort((x, y) => x.id - y.id) : undefined;
      return people ? { pose: found.get(0), people } : { pose: found.get(0) };
    },
    reset() {
      tracks = [];
      nextId = 0;
      frameIndex = -1;
      lastDetection = -Infinity;
      detector.reset();
    },
  };
}

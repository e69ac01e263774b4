/**
 * window.__squatDebug: small hooks for the end-to-end tests and the bench, which drive the built
 * app in headless Chromium. Nothing here is used by the UI.
 */
import { openVideo } from '../video/open_video';
import { analyzeVideoFile } from './analyze_video';
import { getPoseEstimator } from './pose_provider';
import { disposeVideoPoseWorkers, setUploadPoseConfig, uploadPoseConfig } from './video_pose_pool';
import { liveHoldNewest, liveWasmThreads, liveWorkers, setLiveHoldNewest, setLiveWasmThreads, setLiveWorkers } from '../live/live_config';
import type { PoseModelName, RgbaFrame } from '../pose/types';

export interface CameraPoseProbe {
  frames: number;
  framesWithPose: number;
  width: number;
  height: number;
  backend: string;
}

/** getUserMedia -> frames -> the pose worker: proves camera frames reach the pose module. */
async function cameraFramesToPose(frameCount = 10, model: PoseModelName = 'lite'): Promise<CameraPoseProbe> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    const estimator = await getPoseEstimator(model);
    estimator.reset();
    let framesWithPose = 0;
    for (let i = 0; i < frameCount; i++) {
      const bitmap = await createImageBitmap(video);
      const pose = await estimator.estimate(bitmap, video.currentTime);
      if (pose.keypoints) framesWithPose += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    return { frames: frameCount, framesWithPose, width: video.videoWidth, height: video.videoHeight, backend: estimator.backend };
  } finally {
    stream.getTracks().forEach((track) => track.stop());
  }
}

/**
 * Raw model time for the bench: decodes the first `frameCount` frames up front, then times only
 * estimate() on them, one after another (median ms per frame, through the same worker).
 */
async function rawPoseTiming(
  file: Blob,
  model: PoseModelName,
  frameCount = 60,
  pixelFormat: 'bitmap' | 'rgba' = 'bitmap',
): Promise<{ medianMs: number; meanMs: number; frames: number }> {
  const opened = await openVideo(file, 'bench', { pixelFormat });
  const images: (ImageBitmap | RgbaFrame)[] = [];
  const times: number[] = [];
  try {
    for await (const frame of opened.frames()) {
      images.push(frame.image);
      if (images.length >= frameCount) break;
    }
    const estimator = await getPoseEstimator(model);
    estimator.reset();
    for (const [i, image] of images.entries()) {
      const start = performance.now();
      await estimator.estimate(image, i / 30);
      times.push(performance.now() - start);
    }
  } finally {
    images.forEach((image) => {
      if (image instanceof ImageBitmap) image.close();
    });
    opened.dispose();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], meanMs: times.reduce((a, b) => a + b, 0) / times.length, frames: times.length };
}

export function installDebugHooks(): void {
  (window as unknown as { __squatDebug: unknown }).__squatDebug = {
    analyzeVideoFile,
    openVideo,
    getPoseEstimator,
    setUploadPoseConfig,
    uploadPoseConfig,
    disposeVideoPoseWorkers,
    setLiveWasmThreads,
    liveWasmThreads,
    setLiveWorkers,
    liveWorkers,
    setLiveHoldNewest,
    liveHoldNewest,
    cameraFramesToPose,
    rawPoseTiming,
  };
}

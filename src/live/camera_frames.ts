/**
 * Where the live engine's camera frames come from, and where the camera picture is shown: small
 * interfaces so the engine runs without a DOM (tests hand it fakes), and one browser
 * implementation on a <video> element.
 */

/** One camera picture: a VideoFrame where the browser has them, else an ImageBitmap. */
export type CameraPicture = ImageBitmap | VideoFrame;

/**
 * The <video>'s current frame. new VideoFrame(video) wraps the frame the camera delivered, with
 * no copy; createImageBitmap(video) copied it on the page's main thread, about 5 ms a frame here
 * (bench/live_bench.ts). The pose worker turns it into pixels itself (pose_estimator.ts).
 */
export async function grabVideoPicture(video: HTMLVideoElement): Promise<CameraPicture> {
  if (typeof VideoFrame === 'function') {
    try {
      return new VideoFrame(video, { timestamp: Math.round(video.currentTime * 1e6) });
    } catch {
      // No frame yet, or this browser cannot wrap a <video>: take the copying way.
    }
  }
  return createImageBitmap(video);
}

/** A stream of camera frames the live loop can take pictures of. */
export interface CameraFrames {
  /**
   * Calls `cb` once per new camera frame until stop(): `atMs` on the page clock, `presented` the
   * count of frames presented so far when the source knows it (so skipped callbacks still count).
   */
  onFrame(cb: (atMs: number, presented: number | undefined) => void): void;
  stop(): void;
  /** The picture's size, unrotated pixels (0 x 0 before the first frame). */
  size(): { width: number; height: number };
  /** The current picture (the caller owns it: transfer or close it). */
  grab(): Promise<CameraPicture>;
}

/** Shows the camera to the lifter and hands its frames to the engine. */
export interface LivePreview {
  /** Plays `stream` (or nothing, with null). */
  show(stream: MediaStream | null): Promise<void>;
  readonly frames: CameraFrames;
}

type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { presentedFrames?: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Frames of a playing <video>: requestVideoFrameCallback fires once per composited video frame
 * with the count of frames presented; without it, animation frames poll for a new currentTime.
 */
export function videoElementFrames(video: HTMLVideoElement): CameraFrames {
  const v = video as VideoWithRvfc;
  let handle: number | null = null;
  let running = false;
  const cancel = () => {
    if (handle === null) return;
    if (v.cancelVideoFrameCallback) v.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
    handle = null;
  };
  return {
    onFrame(cb) {
      cancel();
      running = true;
      if (v.requestVideoFrameCallback) {
        const next = () => {
          handle = v.requestVideoFrameCallback!((now, meta) => {
            if (!running) return;
            next();
            cb(now, meta.presentedFrames);
          });
        };
        next();
      } else {
        let lastTime = -1;
        const poll = (now: number) => {
          if (!running) return;
          handle = requestAnimationFrame(poll);
          if (video.currentTime !== lastTime) {
            lastTime = video.currentTime;
            cb(now, undefined);
          }
        };
        handle = requestAnimationFrame(poll);
      }
    },
    stop() {
      running = false;
      cancel();
    },
    size: () => ({ width: video.videoWidth, height: video.videoHeight }),
    grab: () => grabVideoPicture(video),
  };
}

/** The browser preview: the <video> the Record tab shows, mirrored by CSS only. */
export function videoPreview(video: HTMLVideoElement): LivePreview {
  return {
    async show(stream) {
      if (video.srcObject !== stream) video.srcObject = stream;
      if (stream) await video.play().catch(() => {});
    },
    frames: videoElementFrames(video),
  };
}

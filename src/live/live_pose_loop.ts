/**
 * The live loop: every camera frame goes to the pose worker unless the workers already have
 * `maxInFlight` frames. Then the newest such frame is held, and sent the moment a result comes
 * back; a frame held is replaced by the next one, so it is never older than one camera frame and
 * nothing queues behind it (a queue would make the skeleton trail further and further behind the
 * lifter).
 *
 * Why hold one: the model's run and the camera's frames do not line up. A worker that finishes
 * 10 ms after a frame it had no room for would otherwise idle until the next one, up to a camera
 * interval (33 ms at 30 fps) of every run lost, and the frame in between dropped. With two
 * workers taking 45-60 ms a run on this machine, that idle time was about a quarter of their
 * capacity (docs/pose.md, "Live and single frames"). The held frame's picture is taken when it
 * is sent (`grab()` reads the <video>'s current frame, which is that frame unless a newer one has
 * been shown and not yet called back), stamped with its own callback's time.
 *
 * Two in flight rather than one: while the worker runs the model on frame n, frame n+1 is already
 * grabbed and posted, so the worker never idles waiting for the next camera callback and the
 * bitmap copy. The worker handles them in order, so BlazePose's frame-to-frame tracking is
 * unaffected, and the skeleton lags by at most one extra model run.
 *
 * Frames come from a CameraFrames source (camera_frames.ts: a <video> element's
 * requestVideoFrameCallback in the browser, a fake in tests), which tells how many frames the
 * camera presented since the last callback, so the share of camera frames that never reached the
 * model is exact even when callbacks are skipped. No DOM here: the clock and frames are injected.
 */
import type { PoseFrame } from '../core/types';
import type { CameraFrames, CameraPicture } from './camera_frames';

export interface LiveEstimator {
  /** Takes ownership of the picture (transfers or closes it). */
  estimate(frame: CameraPicture, t: number): Promise<PoseFrame>;
}

export interface LivePoseEvent {
  /** Raw model output; t = seconds on the page clock (performance.now() / 1000). */
  frame: PoseFrame;
  width: number;
  height: number;
  /** ms from frame capture callback to pose result. */
  latencyMs: number;
}

export interface LiveLoopStats {
  /** Frames the camera presented since start. */
  cameraFrames: number;
  /** Frames the model answered. */
  posedFrames: number;
  /** Share of camera frames that never went to the model (0..1). */
  droppedShare: number;
  /** Pose results per second over the last ~2 s. */
  poseFps: number;
  /** Camera frames per second over the last ~2 s. */
  cameraFps: number;
  /** Median latency of the last ~2 s of results, ms. */
  latencyMs: number;
}

const WINDOW_MS = 2000;

export class LivePoseLoop {
  private running = false;
  private inFlight = 0;
  /** Callback time (ms) of the newest camera frame that found the workers full, not yet sent. */
  private held: number | null = null;
  private lastPresented: number | null = null;
  private cameraFrames = 0;
  private posedFrames = 0;
  private readonly cameraTimes: number[] = [];
  private readonly poseTimes: { at: number; latency: number }[] = [];

  constructor(
    private readonly frames: CameraFrames,
    private readonly estimator: LiveEstimator,
    private readonly onPose: (event: LivePoseEvent) => void,
    private readonly onError: (error: unknown) => void = () => {},
    /** Frames sent and not yet answered, at most; a function when workers join while it runs. */
    private readonly maxInFlight: number | (() => number) = 2,
    private readonly now: () => number = () => performance.now(),
    /** Hold the newest frame that found the workers full (above); false drops it, as before. */
    private readonly holdNewest = true,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastPresented = null;
    this.held = null;
    this.frames.onFrame((at, presented) => this.onFrame(at, presented));
  }

  stop(): void {
    this.running = false;
    this.frames.stop();
  }

  stats(now = this.now()): LiveLoopStats {
    const recentCamera = this.cameraTimes.filter((t) => now - t <= WINDOW_MS);
    const recentPose = this.poseTimes.filter((p) => now - p.at <= WINDOW_MS);
    const span = (times: number[]) => (times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0);
    const poseSpan = span(recentPose.map((p) => p.at));
    const cameraSpan = span(recentCamera);
    const latencies = recentPose.map((p) => p.latency).sort((a, b) => a - b);
    return {
      cameraFrames: this.cameraFrames,
      posedFrames: this.posedFrames,
      droppedShare: this.cameraFrames > 0 ? Math.max(0, 1 - this.posedFrames / this.cameraFrames) : 0,
      poseFps: poseSpan > 0 ? (recentPose.length - 1) / poseSpan : 0,
      cameraFps: cameraSpan > 0 ? (recentCamera.length - 1) / cameraSpan : 0,
      latencyMs: latencies.length ? latencies[Math.floor(latencies.length / 2)] : 0,
    };
  }

  resetStats(): void {
    this.cameraFrames = 0;
    this.posedFrames = 0;
    this.cameraTimes.length = 0;
    this.poseTimes.length = 0;
    this.lastPresented = null;
  }

  private onFrame(now: number, presented: number | undefined): void {
    if (!this.running) return;
    const newFrames = presented !== undefined && this.lastPresented !== null ? Math.max(1, presented - this.lastPresented) : 1;
    if (presented !== undefined) this.lastPresented = presented;
    this.cameraFrames += newFrames;
    this.cameraTimes.push(now);
    while (this.cameraTimes.length && now - this.cameraTimes[0] > WINDOW_MS) this.cameraTimes.shift();
    if (this.inFlight >= this.limit()) {
      if (this.holdNewest) this.held = now; // the one held before, if any, is dropped: this one is newer
      return;
    }
    this.send(now);
  }

  private limit(): number {
    return typeof this.maxInFlight === 'function' ? this.maxInFlight() : this.maxInFlight;
  }

  private send(now: number): void {
    const { width, height } = this.frames.size();
    if (!width || !height) return;
    this.inFlight++;
    this.frames
      .grab()
      .then((bitmap) => this.estimator.estimate(bitmap, now / 1000))
      .then((frame) => {
        if (!this.running) return;
        this.posedFrames++;
        const at = this.now();
        this.poseTimes.push({ at, latency: at - now });
        while (this.poseTimes.length && at - this.poseTimes[0].at > WINDOW_MS) this.poseTimes.shift();
        this.onPose({ frame, width, height, latencyMs: at - now });
      })
      .catch((error: unknown) => {
        if (this.running) this.onError(error);
      })
      .finally(() => {
        this.inFlight--;
        const held = this.held;
        if (held !== null && this.running && this.inFlight < this.limit()) {
          this.held = null;
          this.send(held);
        }
      });
  }
}

/**
 * One encoded video file being written, frame by frame, through mediabunny (WebCodecs): MP4 with
 * H.264 where the browser can encode it, else WebM with VP9, else VP8. Each frame keeps the
 * timestamp and duration it is given (no frame-rate snapping), so an export has the source's
 * frame count and timing.
 *
 * Debian's headless Chromium 156 (the e2e browser) encodes avc1 (H.264, via OpenH264), vp09, vp8
 * and av01, but not HEVC (VideoEncoder.isConfigSupported, 640x480, checked here).
 */
import { BufferTarget, Mp4OutputFormat, Output, QUALITY_HIGH, VideoSample, VideoSampleSource, WebMOutputFormat, canEncodeVideo, type VideoCodec } from 'mediabunny';

export type VideoContainer = 'mp4' | 'webm';

export interface VideoOutputChoice {
  container: VideoContainer;
  codec: VideoCodec;
  mimeType: string;
  extension: string;
}

const CHOICES: readonly VideoOutputChoice[] = [
  { container: 'mp4', codec: 'avc', mimeType: 'video/mp4', extension: 'mp4' },
  { container: 'webm', codec: 'vp9', mimeType: 'video/webm', extension: 'webm' },
  { container: 'webm', codec: 'vp8', mimeType: 'video/webm', extension: 'webm' },
];

export class VideoExportError extends Error {
  readonly code: 'no_encoder' | 'cancelled' | 'failed';
  constructor(code: VideoExportError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VideoExportError';
    this.code = code;
  }
}

/** The first container and codec this browser can encode at this size (MP4/H.264 first). */
export async function chooseVideoOutput(width: number, height: number, frameRate: number, prefer?: VideoContainer): Promise<VideoOutputChoice> {
  const ordered = prefer ? [...CHOICES.filter((c) => c.container === prefer), ...CHOICES.filter((c) => c.container !== prefer)] : CHOICES;
  if (typeof VideoEncoder === 'undefined') throw new VideoExportError('no_encoder', 'This browser cannot encode video (no WebCodecs). Use a current Chrome, Edge or Safari to export the annotated video.');
  for (const choice of ordered) {
    if (await canEncodeVideo(choice.codec, { width, height, frameRate, quality: QUALITY_HIGH }).catch(() => false)) return choice;
  }
  throw new VideoExportError('no_encoder', `This browser cannot encode a ${width}×${height} video as H.264, VP9 or VP8. Try another browser.`);
}

/** H.264 and VP8/VP9 in 4:2:0 need even dimensions: the frame is padded, never scaled, to get them. */
export function evenSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.ceil(width / 2) * 2, height: Math.ceil(height / 2) * 2 };
}

export interface EncodedVideoWriter {
  readonly choice: VideoOutputChoice;
  /** Encodes what the canvas shows now as one frame at t seconds lasting durationS. */
  addFrame(canvas: OffscreenCanvas, t: number, durationS: number): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}

export async function createVideoWriter(choice: VideoOutputChoice, keyFrameIntervalS = 1): Promise<EncodedVideoWriter> {
  const target = new BufferTarget();
  const format = choice.container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat();
  const output = new Output({ format, target });
  const source = new VideoSampleSource({ codec: choice.codec, quality: QUALITY_HIGH, keyFrameInterval: keyFrameIntervalS });
  output.addVideoTrack(source);
  await output.start();
  return {
    choice,
    async addFrame(canvas, t, durationS) {
      const sample = new VideoSample(canvas, { timestamp: t, duration: durationS });
      try {
        await source.add(sample);
      } finally {
        sample.close();
      }
    },
    async finish() {
      source.close();
      await output.finalize();
      return new Blob([target.buffer!], { type: choice.mimeType });
    },
    async cancel() {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    },
  };
}

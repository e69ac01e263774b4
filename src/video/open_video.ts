/**
 * Opens an uploaded video with mediabunny (WebCodecs) and hands out every frame, upright, with
 * its exact presentation timestamp. See docs/design.md "Decoding" for why WebCodecs and not
 * seeking a <video> element.
 *
 * Probing happens first and fails early with a VideoInputError a person can act on: zero-byte
 * file, not a container we can read, no video track, a codec this browser cannot decode
 * (VideoDecoder.isConfigSupported on the track's exact decoder config), or a file whose
 * packets point past its end (truncated).
 */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input, VideoSampleSink, type InputVideoTrack, type VideoSample } from 'mediabunny';
import { errors, isVideoInputError, VideoInputError } from './video_input_error';
import { fitLongSide } from './frame_geometry';
import type { RgbaFrame } from '../pose/types';
import { downscaleFrameInto, wholeDownscaleFactor, type DownscaleScratch } from './frame_downscale';

export interface VideoProbe {
  name: string;
  sizeBytes: number;
  /** Full MIME type with codecs, e.g. 'video/mp4; codecs="avc1.64001f"'. */
  mimeType: string;
  /** mediabunny's codec id: 'avc' | 'hevc' | 'vp8' | 'vp9' | 'av1' | ... */
  codec: string | null;
  /** RFC 6381 codec string, e.g. 'avc1.64001f'. */
  codecString: string | null;
  codedWidth: number;
  codedHeight: number;
  /** As displayed: after the rotation tag (a portrait phone video is taller than wide). */
  displayWidth: number;
  displayHeight: number;
  /** Clockwise degrees from the container's rotation tag. */
  rotation: number;
  durationS: number;
  /** Presentation time of the first frame, seconds (0 for most files). */
  startS: number;
  /** Number of video packets = frames. */
  frameCount: number;
  fps: number;
}

export interface DecodedFrame {
  /** 0-based index in presentation order. */
  index: number;
  /** Presentation timestamp in seconds, exactly as in the file. */
  t: number;
  /**
   * Upright pixels, scaled so the long side is at most maxLongSide: an ImageBitmap (the consumer
   * owns it: close or transfer it) or RGBA bytes (pixelFormat 'rgba').
   */
  image: ImageBitmap | RgbaFrame;
  /** Bitmap size (kept here because a transferred ImageBitmap reports 0x0). */
  width: number;
  height: number;
  /** Multiply bitmap x by this to get displayed source pixels (>= 1). */
  toSourceX: number;
  /** Multiply bitmap y by this to get displayed source pixels (>= 1). */
  toSourceY: number;
  /** Time this thread spent turning the decoded frame into `image` (rotate, scale, copy), ms. */
  prepMs: number;
  /** How `image` was made: copied out of the decoder (and box-averaged), or drawn on a canvas. */
  pixelsBy: 'copy' | 'canvas';
}

export interface OpenVideoOptions {
  /** Frames larger than this (long side, px) are scaled down before pose estimation. Default 960. */
  maxLongSide?: number;
  signal?: AbortSignal;
  /**
   * 'bitmap' (default): ImageBitmap, cheap to make and to transfer to a worker.
   * 'rgba': RGBA bytes read back on this thread, so the pose worker skips its own read-back.
   */
  pixelFormat?: 'bitmap' | 'rgba';
  /**
   * 'rgba' only: every frame's bytes live in one buffer, overwritten by the next frame (read each
   * frame before asking for the next). Saves allocating a frame's worth of memory per frame.
   */
  reusePixels?: boolean;
  /**
   * 'rgba' only: frames whose scale is a whole number are box-averaged from a full-size copy
   * instead of drawn on a canvas (frame_downscale.ts). Default true; false for the comparison test.
   */
  wholeScaleCopy?: boolean;
  /**
   * The probe of this same file made earlier (e.g. by the page, when a worker opens the file
   * again for its part of the clip): the checks are not repeated.
   */
  probe?: VideoProbe;
}

/**
 * A stretch of the video by presentation time, in seconds: frames with start <= t < end.
 * Used to split one clip over several pose workers (src/pipeline/video_parts.ts).
 */
export interface FrameRange {
  start: number;
  end: number;
}

export interface OpenedVideo {
  probe: VideoProbe;
  /**
   * Every frame in presentation order, or only those in `range` (decoding starts at the key frame
   * before range.start, and the frames before it are decoded but not handed out). Stops early
   * (cleanly) when the signal aborts. The whole clip also checks that every listed frame was read.
   */
  frames(range?: FrameRange): AsyncGenerator<DecodedFrame, void, unknown>;
  /** Frames hidden by an edit list (pre-roll) seen by the last frames() call. */
  readonly hiddenPreRoll: number;
  dispose(): void;
}

/** Pose estimation does not need more pixels than this: BlazePose crops and resizes to 256 px anyway. */
export const DEFAULT_MAX_LONG_SIDE = 960;

export async function openVideo(file: Blob, name: string, options: OpenVideoOptions = {}): Promise<OpenedVideo> {
  if (file.size === 0) throw errors.emptyFile(name);
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const known = options.probe;
    const knownTrack = known ? await input.getPrimaryVideoTrack().catch(() => null) : null;
    if (known && knownTrack) return makeOpenedVideo(input, knownTrack, known, options);
    const probeResult = await probeInput(input, file, name);
    return makeOpenedVideo(input, probeResult.track, probeResult.probe, options);
  } catch (error) {
    input.dispose();
    throw error;
  }
}

/** Probe only: container, codec, size, rotation, frames, and whether this browser can decode it. */
export async function probeVideo(file: Blob, name: string): Promise<VideoProbe> {
  const opened = await openVideo(file, name);
  opened.dispose();
  return opened.probe;
}

async function probeInput(input: Input, file: Blob, name: string): Promise<{ track: InputVideoTrack; probe: VideoProbe }> {
  let readable: boolean;
  try {
    readable = await input.canRead();
  } catch (error) {
    throw errors.notAVideo(name, error);
  }
  if (!readable) throw errors.notAVideo(name);

  let track: InputVideoTrack | null;
  try {
    track = await input.getPrimaryVideoTrack();
  } catch (error) {
    // The container was recognised but its header could not be parsed: a cut-off or damaged file.
    throw errors.truncated(name, 'its header could not be read', error);
  }
  if (!track) {
    // An MP4 cut before its index (moov at the end) still looks like an MP4 but lists no tracks at all.
    const anyTracks = await input.getTracks().catch(() => []);
    if (anyTracks.length === 0) throw errors.truncated(name, 'its index of frames is missing (the end of the file is cut off)');
    throw errors.noVideoTrack(name);
  }

  try {
    const [mimeType, codec, codecString, codedWidth, codedHeight, displayWidth, displayHeight, rotation] = await Promise.all([
      input.getMimeType(),
      track.getCodec(),
      track.getCodecParameterString(),
      track.getCodedWidth(),
      track.getCodedHeight(),
      track.getDisplayWidth(),
      track.getDisplayHeight(),
      track.getRotation(),
    ]);

    const decodable = await canBrowserDecode(track);
    if (!decodable) throw errors.unsupportedCodec(name, codec, codecString);

    const stats = await track.computePacketStats();
    if (stats.packetCount === 0) throw errors.truncated(name, 'it contains no video frames');
    await assertLastFrameInFile(track, name);
    const firstTimestamp = await track.getFirstTimestamp();
    const endTimestamp = await track.computeDuration();
    const durationS = Math.max(0, endTimestamp - Math.min(0, firstTimestamp));
    let fps = stats.averagePacketRate;
    try {
      fps = (await track.computeFrameRateMetrics()).bestGuessFrameRate || fps;
    } catch {
      // Keep the average packet rate: good enough for progress and time-left estimates.
    }

    return {
      track,
      probe: {
        name,
        sizeBytes: file.size,
        mimeType,
        codec,
        codecString,
        codedWidth,
        codedHeight,
        displayWidth,
        displayHeight,
        rotation,
        durationS,
        startS: firstTimestamp,
        frameCount: stats.packetCount,
        fps,
      },
    };
  } catch (error) {
    if (isVideoInputError(error)) throw error;
    throw errors.truncated(name, 'its frame index could not be read', error);
  }
}

/**
 * An MP4 whose index (moov) comes first but whose frame data was cut off lists frames that are not
 * in the file. mediabunny returns null for a packet whose bytes lie past the end of the file, while
 * the metadata-only lookup still finds it: fail now rather than after analysing half the video.
 */
async function assertLastFrameInFile(track: InputVideoTrack, name: string): Promise<void> {
  const sink = new EncodedPacketSink(track);
  const listed = await sink.getPacket(Infinity, { metadataOnly: true });
  if (!listed) return;
  const present = await sink.getPacket(Infinity);
  if (!present) throw errors.truncated(name, 'its last frames are listed but missing from the file');
}

/** VideoDecoder.isConfigSupported with the track's exact decoder config (profile, level, description). */
async function canBrowserDecode(track: InputVideoTrack): Promise<boolean> {
  if (typeof VideoDecoder === 'undefined') return false;
  const config = await track.getDecoderConfig();
  if (!config) return false;
  try {
    const support = await VideoDecoder.isConfigSupported(config);
    return support.supported === true;
  } catch {
    return false;
  }
}

function makeOpenedVideo(input: Input, track: InputVideoTrack, probe: VideoProbe, options: OpenVideoOptions): OpenedVideo {
  const { width, height } = fitLongSide(probe.displayWidth, probe.displayHeight, options.maxLongSide ?? DEFAULT_MAX_LONG_SIDE);
  const signal = options.signal;
  const pixelFormat = options.pixelFormat ?? 'bitmap';
  const toSourceX = probe.displayWidth / width;
  const toSourceY = probe.displayHeight / height;

  let hiddenPreRoll = 0;
  async function* frames(range?: FrameRange): AsyncGenerator<DecodedFrame, void, unknown> {
    const start = range?.start ?? -Infinity;
    const end = range?.end ?? Infinity;
    const wholeClip = start === -Infinity && end === Infinity;
    const sink = new VideoSampleSink(track);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { alpha: false, willReadFrequently: pixelFormat === 'rgba' });
    if (!context) throw new VideoInputError('decode_failed', 'This browser cannot draw video frames (no 2D canvas).', 'Use a current Chrome, Edge, Firefox or Safari.');
    let index = 0;
    hiddenPreRoll = 0;
    const pixels: PixelBuffers = {
      buffer: null,
      reuse: options.reusePixels === true,
      unsupported: false,
      wholeScale: options.wholeScaleCopy !== false,
      scratch: { full: null, rowSums: null },
    };
    // mediabunny's samples(start, end) also yields the frame showing at `start`, which may begin
    // before it; that frame belongs to the previous range and is skipped here.
    const iterator = sink.samples(start, end);
    try {
      while (true) {
        if (signal?.aborted) return;
        let result: IteratorResult<VideoSample, void>;
        try {
          result = await iterator.next();
        } catch (error) {
          if (signal?.aborted) return;
          throw classifyDecodeError(probe, index, error);
        }
        if (result.done) break;
        const sample = result.value;
        const t = sample.timestamp;
        const prepStart = performance.now();
        let image: ImageBitmap | RgbaFrame;
        let pixelsBy: DecodedFrame['pixelsBy'] = 'canvas';
        try {
          if (t < start || t >= end) continue;
          // A negative end time marks pre-roll frames that an edit list hides from presentation.
          if (sample.timestamp + sample.duration <= 0) {
            hiddenPreRoll += 1;
            continue;
          }
          const direct = pixelFormat === 'rgba' ? await copyUpright(sample, width, height, pixels) : null;
          if (direct) {
            image = direct;
            pixelsBy = 'copy';
          } else {
            // draw() applies the rotation tag, so the bitmap is upright in display orientation.
            sample.draw(context, 0, 0, width, height);
            image = pixelFormat === 'rgba' ? { data: context.getImageData(0, 0, width, height).data, width, height } : canvas.transferToImageBitmap();
          }
        } finally {
          sample.close();
        }
        yield { index, t, image, width, height, toSourceX, toSourceY, prepMs: performance.now() - prepStart, pixelsBy };
        index += 1;
      }
    } finally {
      await iterator.return?.(undefined);
    }
    if (wholeClip && !signal?.aborted) assertAllFramesRead(probe, index, hiddenPreRoll);
  }

  return {
    probe,
    frames,
    get hiddenPreRoll() {
      return hiddenPreRoll;
    },
    dispose: () => input.dispose(),
  };
}

/**
 * Upright, scaled RGBA without a canvas where the scale is a whole number (frame_downscale.ts):
 * a frame that needs no scaling and no turning is copied straight out of the decoder
 * (VideoFrame.copyTo converts the decoder's YUV itself), a 1080 x 1920 phone frame is copied at
 * full size and box-averaged 2 x 2. Null: take the canvas way (another scale, a flipped frame,
 * non-square pixels, or a browser whose copyTo cannot convert to RGBA).
 */
async function copyUpright(sample: VideoSample, width: number, height: number, pixels: PixelBuffers): Promise<RgbaFrame | null> {
  const k = pixels.unsupported || !pixels.wholeScale ? null : wholeDownscaleFactor(sample, width, height);
  if (k === null) return null;
  const bytes = width * height * 4;
  const data = pixels.reuse && pixels.buffer?.length === bytes ? pixels.buffer : new Uint8ClampedArray(bytes);
  try {
    await downscaleFrameInto(sample, k, data, pixels.scratch);
  } catch {
    pixels.unsupported = true;
    return null;
  }
  if (pixels.reuse) pixels.buffer = data;
  return { data, width, height };
}

interface PixelBuffers {
  buffer: Uint8ClampedArray | null;
  reuse: boolean;
  unsupported: boolean;
  /** False: every frame is drawn on the canvas (the e2e test compares both ways). */
  wholeScale: boolean;
  scratch: DownscaleScratch;
}

/**
 * Demuxing stopped early without an error: the file ends before its index says it should.
 * One frame of slack: a decoder may legitimately drop a single damaged frame.
 */
export function assertAllFramesRead(probe: VideoProbe, framesRead: number, hiddenPreRoll: number): void {
  if (framesRead + hiddenPreRoll < probe.frameCount - 1) {
    throw errors.truncated(probe.name, `only ${framesRead} of its ${probe.frameCount} frames could be read`);
  }
}

function classifyDecodeError(probe: VideoProbe, index: number, error: unknown): VideoInputError {
  if (isVideoInputError(error)) return error;
  // The header promised more frames than the bytes deliver: reading past the end of a cut file.
  if (index > 0 && index < probe.frameCount) {
    return errors.truncated(probe.name, `decoding stopped at frame ${index} of ${probe.frameCount}`, error);
  }
  return errors.decodeFailed(probe.name, error);
}

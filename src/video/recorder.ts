/**
 * Records the webcam with MediaRecorder, handing over a chunk every second so that the caller
 * can store it at once (src/store/recordings_db.ts): a crash loses at most the last second.
 *
 * MediaRecorder writes its file as a live stream: Chromium's WebM and Matroska have no duration
 * and no cues (seek index) in the header, and its MP4 is fragmented. A <video> then shows an
 * unknown duration and seeks slowly, demuxers must scan the whole file, and an MKV is no file a
 * coach can open on an iPhone. remuxToSeekable rewrites it with mediabunny (packets copied, never
 * re-encoded) into the container that fits its codec (seekableContainerFor): H.264 into an MP4
 * with its index at the front, VP9/VP8 into a WebM with duration and cues.
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';

/**
 * H.264 first, then VP9, then VP8. Measured in this project's headless Chromium 156 on a 2-core
 * machine, fake camera 640 x 480 at 30 fps (`npx tsx bench/recorder_cost.ts`, docs/pose.md):
 * recording costs Chromium +45-66 ms of CPU per second of video with H.264 in Matroska and
 * +144-187 ms with VP9, CPU the live pose loop shares. With a MediaRecorder recording VP9 or
 * H.264 the page still got 29-30 video frames per second, but with VP8 only 7-18 (Chromium's VP8
 * encoder is set slower), so VP8, which would cap the live loop, is the last choice (Firefox
 * records VP8 only).
 *
 * H.264 is asked for in Matroska, not MP4, although Chromium records both: its MP4 recorder holds
 * every fragment back until the next key frame and ignores the timeslice and requestData() (here:
 * nothing but the 752-byte header in the first 5 s), so a crash would lose up to a key-frame
 * interval, while its Matroska hands over every second like its WebM. It reports that type as
 * 'video/x-matroska;codecs=avc1' also when asked for 'video/webm;codecs=avc1'. MP4 with H.264 is
 * the second choice, for Safari, whose recorder makes MP4 (not checked here: no Safari on this
 * machine). Plain 'video/mp4' comes last: Chromium fills it with VP9.
 */
export const RECORDER_MIME_PREFERENCE = [
  'video/x-matroska;codecs=avc1',
  'video/mp4;codecs=avc1',
  'video/webm;codecs=vp9',
  'video/webm;codecs=vp8',
  'video/webm',
  'video/mp4',
];

/**
 * A key frame every second. Chromium's H.264 recorder otherwise writes one every 5 s (its VP9
 * one every 0.6 s), and every reader of the file starts decoding at a key frame: each pose worker
 * on its part of the clip (src/pipeline/video_parts.ts), and the review's <video> on every seek,
 * would decode up to 150 frames it throws away. Chromium honours this option (measured: key frames
 * at 0, 1.02, 2.02, 3.07 s...); browsers without it ignore it.
 */
export const RECORDER_KEY_FRAME_INTERVAL_MS = 1000;

/** 2.5 Mbit/s is plenty for 640x480 at 30 fps and keeps a minute near 19 MB. */
export const RECORDER_VIDEO_BITS_PER_SECOND = 2_500_000;

/** The options the app hands MediaRecorder (also used by bench/recorder_cost.ts). */
export function recorderOptions(mimeType: string, videoBitsPerSecond = RECORDER_VIDEO_BITS_PER_SECOND): MediaRecorderOptions {
  return { mimeType, videoBitsPerSecond, videoKeyFrameIntervalDuration: RECORDER_KEY_FRAME_INTERVAL_MS } as MediaRecorderOptions;
}

export function pickRecorderMimeType(isTypeSupported: (type: string) => boolean = (t) => globalThis.MediaRecorder?.isTypeSupported?.(t) ?? false): string | null {
  return RECORDER_MIME_PREFERENCE.find((t) => isTypeSupported(t)) ?? null;
}

export interface ChunkRecorderOptions {
  /** One chunk per timeslice; 1 s keeps at most a second at risk. */
  timesliceMs?: number;
  mimeType?: string | null;
  /** Default RECORDER_VIDEO_BITS_PER_SECOND. */
  videoBitsPerSecond?: number;
  /** Each non-empty chunk, numbered from 0 in the order MediaRecorder produced them. */
  onChunk: (chunk: Blob, seq: number) => void;
  onError?: (error: Error) => void;
}

export interface ChunkRecorder {
  readonly mimeType: string;
  /** performance.now() when recording started (ms), or null. */
  readonly startedAt: number | null;
  readonly chunksEmitted: number;
  start(): void;
  /** Stops; resolves after the last chunk was handed to onChunk. */
  stop(): Promise<void>;
  /** Asks for the data recorded so far now (e.g. before the page unloads). */
  flush(): void;
  readonly state: RecordingState;
  /** Resolves once MediaRecorder has stopped (for any reason) and handed over its last chunk. */
  readonly ended: Promise<void>;
}

export class RecorderUnsupportedError extends Error {
  constructor() {
    super('This browser cannot record video (no MediaRecorder with WebM or MP4).');
    this.name = 'RecorderUnsupportedError';
  }
}

export function createChunkRecorder(stream: MediaStream, options: ChunkRecorderOptions): ChunkRecorder {
  if (typeof MediaRecorder === 'undefined') throw new RecorderUnsupportedError();
  const mimeType = options.mimeType ?? pickRecorderMimeType();
  if (!mimeType) throw new RecorderUnsupportedError();
  const recorder = new MediaRecorder(stream, recorderOptions(mimeType, options.videoBitsPerSecond));
  let seq = 0;
  let startedAt: number | null = null;
  // Resolves on 'stop' whatever caused it: our stop(), or every track ending (camera unplugged),
  // after which MediaRecorder stops by itself. The last dataavailable fires before 'stop'
  // (MediaStream Recording spec, "stop the recording" steps).
  const ended = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data && event.data.size > 0) options.onChunk(event.data, seq++);
  });
  recorder.addEventListener('error', (event) => {
    const error = (event as unknown as { error?: Error }).error ?? new Error('MediaRecorder failed');
    options.onError?.(error);
  });
  return {
    mimeType: recorder.mimeType || mimeType,
    get startedAt() {
      return startedAt;
    },
    get chunksEmitted() {
      return seq;
    },
    get state() {
      return recorder.state;
    },
    ended,
    start() {
      startedAt = performance.now();
      recorder.start(options.timesliceMs ?? 1000);
    },
    flush() {
      if (recorder.state === 'recording') recorder.requestData();
    },
    stop() {
      if (startedAt === null) return Promise.resolve();
      if (recorder.state !== 'inactive') recorder.stop();
      return ended;
    },
  };
}

export type SeekableContainer = 'mp4' | 'webm';

/**
 * The container a recording is rewritten into, by its codec (mediabunny's codec id): H.264 and
 * HEVC into MP4, which every phone and desktop player opens; VP8, VP9 and AV1 into WebM, their
 * own container. null: a codec we do not know how to place, kept as recorded.
 */
export function seekableContainerFor(codec: string | null): SeekableContainer | null {
  if (codec === 'avc' || codec === 'hevc') return 'mp4';
  if (codec === 'vp8' || codec === 'vp9' || codec === 'av1') return 'webm';
  return null;
}

export interface RemuxResult {
  file: Blob;
  durationS: number;
  container: SeekableContainer;
}

/**
 * Rewrites a MediaRecorder file (live-stream WebM or Matroska, or fragmented MP4; also one cut off
 * mid-recording) as a seekable file in the container that fits its codec, copying the packets as
 * they are: an MP4 with its index (moov) before the frames, or a WebM with duration and cues. The
 * Blob's type is 'video/mp4' or 'video/webm'. Throws when mediabunny cannot read the input, or
 * when the packets could only be placed by re-encoding them.
 */
export async function remuxToSeekable(recorded: Blob): Promise<RemuxResult> {
  const input = new Input({ source: new BlobSource(recorded), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('cannot remux the recording: no video track');
    const codec = await track.getCodec();
    const container = seekableContainerFor(codec);
    if (!container) throw new Error(`cannot remux the recording: no container chosen for codec ${codec ?? 'unknown'}`);
    const format = container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat();
    const output = new Output({ format, target: new BufferTarget() });
    // 'forced': copy or drop the track, never transcode (which would cost the CPU and the quality).
    const conversion = await Conversion.init({ input, output, copy: { mode: 'forced' }, showWarnings: false });
    if (!conversion.isValid) {
      throw new Error(`cannot remux the recording: ${conversion.discardedTracks.map((t) => t.reason).join(', ') || 'no usable track'}`);
    }
    await conversion.execute();
    const buffer = output.target.buffer;
    if (!buffer) throw new Error('remux produced no data');
    const file = new Blob([buffer], { type: format.mimeType });
    const written = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
    try {
      return { file, durationS: await written.computeDuration(), container };
    } finally {
      written.dispose();
    }
  } finally {
    input.dispose();
  }
}

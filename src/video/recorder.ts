/**
 * Records the webcam with MediaRecorder, handing over a chunk every second so that the caller
 * can store it at once (src/store/recordings_db.ts): a crash loses at most the last second.
 *
 * MediaRecorder's WebM from Chromium is written as a live stream: no duration and no cues
 * (seek index) in the header. A <video> then shows an unknown duration and seeks slowly, and
 * demuxers must scan the whole file. remuxToSeekableWebm rewrites it with mediabunny (packets
 * copied, not re-encoded) so the stored file carries its duration and cues.
 */
import { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, Output, WebMOutputFormat } from 'mediabunny';

/**
 * VP9 first. Measured in this project's headless Chromium on a 2-core machine, fake camera at
 * 30 fps, no pose model running: with a MediaRecorder recording VP9 or H.264 the page still got
 * 29-30 video frames per second, but with VP8 only 7-18 (Chromium's VP8 encoder is set slower).
 * The live loop can only pose frames the page gets, so VP8 would cap it. VP8 stays as the
 * fallback (Firefox records VP8 only); WebM holds both, and mediabunny reads both.
 */
export const RECORDER_MIME_PREFERENCE = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4'];

export function pickRecorderMimeType(isTypeSupported: (type: string) => boolean = (t) => globalThis.MediaRecorder?.isTypeSupported?.(t) ?? false): string | null {
  return RECORDER_MIME_PREFERENCE.find((t) => isTypeSupported(t)) ?? null;
}

export interface ChunkRecorderOptions {
  /** One chunk per timeslice; 1 s keeps at most a second at risk. */
  timesliceMs?: number;
  mimeType?: string | null;
  /** 2.5 Mbit/s is plenty for 640x480 at 30 fps and keeps a minute near 19 MB. */
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
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: options.videoBitsPerSecond ?? 2_500_000 });
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

export interface RemuxResult {
  file: Blob;
  durationS: number;
}

/**
 * Rewrites a MediaRecorder WebM (live-stream layout) as a seekable WebM with its duration and
 * cues, copying the packets as they are. Throws when mediabunny cannot read the input.
 */
export async function remuxToSeekableWebm(recorded: Blob): Promise<RemuxResult> {
  const input = new Input({ source: new BlobSource(recorded), formats: ALL_FORMATS });
  try {
    const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
    const conversion = await Conversion.init({ input, output });
    if (!conversion.isValid) {
      throw new Error(`cannot remux the recording: ${conversion.discardedTracks.map((t) => t.reason).join(', ') || 'no usable track'}`);
    }
    await conversion.execute();
    const buffer = output.target.buffer;
    if (!buffer) throw new Error('remux produced no data');
    const durationS = await new Input({ source: new BlobSource(new Blob([buffer])), formats: ALL_FORMATS }).computeDuration();
    return { file: new Blob([buffer], { type: 'video/webm' }), durationS };
  } finally {
    input.dispose?.();
  }
}

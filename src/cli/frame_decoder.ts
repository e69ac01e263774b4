/**
 * Decodes every frame of a video with ffmpeg into RGBA bytes in memory (never images on disk),
 * each with its exact presentation time.
 *
 * - `-fps_mode passthrough` (the newer name of `-vsync passthrough`): no frame is duplicated or
 *   dropped to fit a constant rate, so variable-frame-rate phone video keeps its real frames.
 * - The `showinfo` filter prints every frame's pts_time to stderr as it passes; frames arrive on
 *   stdout in the same order, so the n-th timestamp belongs to the n-th frame.
 * - ffmpeg's autorotate applies the rotation tag before the filter, so frames come out at the
 *   displayed size (VideoInfo.width x height).
 */
import { spawn } from 'node:child_process';
import { CliError, EXIT } from './cli_error';
import { ffmpegMissing, type VideoInfo } from './video_probe';

export interface DecodedFrame {
  index: number;
  /** Seconds, from ffmpeg's pts_time (the stream's start is 0). */
  t: number;
  width: number;
  height: number;
  /** RGBA, width x height x 4 bytes; a fresh buffer per frame. */
  data: Uint8Array;
}

const SHOWINFO = /\bn:\s*(\d+)\s+pts:\s*(-?\d+|NOPTS)\s+pts_time:(\S+)/;
// "config in time_base: 1/600": pts x time_base is exact, pts_time is printed to 6 digits only.
const SHOWINFO_TIMEBASE = /config in time_base:\s*(\d+)\/(\d+)/;

export interface DecodeOptions {
  /**
   * An ffmpeg filter applied after autorotation, before the frames are timed, e.g. "hflip" for a
   * mirrored copy (the mirror-invariance check). Must keep the frame size.
   */
  videoFilter?: string;
}

export interface DecodeResult {
  frames: number;
  /** ffmpeg's error lines (corrupt data, truncated file), if any. */
  errors: string[];
}

/**
 * Calls onFrame for every decoded frame, in presentation order, one at a time (awaited). Up to a
 * few frames are decoded ahead meanwhile, so memory stays at a handful of frames.
 */
export async function decodeFrames(
  file: string,
  info: Pick<VideoInfo, 'width' | 'height' | 'fps'>,
  onFrame: (frame: DecodedFrame) => Promise<void> | void,
  options: DecodeOptions = {},
): Promise<DecodeResult> {
  const { width, height } = info;
  const frameBytes = width * height * 4;
  const child = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info',
      '-i', file,
      '-map', '0:v:0',
      '-fps_mode', 'passthrough',
      '-vf', options.videoFilter ? `${options.videoFilter},showinfo` : 'showinfo',
      '-f', 'rawvideo', '-pix_fmt', 'rgba',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  const spawnError = new Promise<never>((_, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? ffmpegMissing('ffmpeg') : e));
  });
  spawnError.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  // Timestamps from stderr, frames from stdout: paired by index.
  const times: number[] = [];
  const errors: string[] = [];
  let timeBase: [number, number] | null = null;
  let stderrBuf = '';
  let timeWaiter: (() => void) | null = null;
  let stderrEnded = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderrBuf += chunk;
    let nl: number;
    while ((nl = stderrBuf.indexOf('\n')) >= 0) {
      const line = stderrBuf.slice(0, nl);
      stderrBuf = stderrBuf.slice(nl + 1);
      const m = line.includes('Parsed_showinfo') ? SHOWINFO.exec(line) : null;
      const tb = line.includes('Parsed_showinfo') ? SHOWINFO_TIMEBASE.exec(line) : null;
      if (tb && Number(tb[2]) > 0) {
        timeBase = [Number(tb[1]), Number(tb[2])];
      } else if (m) {
        const t = m[2] === 'NOPTS' ? NaN : timeBase ? (Number(m[2]) * timeBase[0]) / timeBase[1] : Number(m[3]);
        times[Number(m[1])] = t;
      } else if (/error|invalid|corrupt|truncat|partial file|could not/i.test(line) && !/^\s*Stream|Parsed_showinfo/.test(line)) {
        errors.push(line.trim());
      }
    }
    timeWaiter?.();
  });
  child.stderr.on('end', () => {
    stderrEnded = true;
    timeWaiter?.();
  });

  const waitForTime = async (index: number): Promise<number> => {
    while (times[index] === undefined && !stderrEnded) {
      await new Promise<void>((r) => (timeWaiter = r));
      timeWaiter = null;
    }
    const t = times[index];
    // Never seen in practice; fall back to the nominal frame time rather than dropping the frame.
    return t === undefined || Number.isNaN(t) ? index / info.fps : t;
  };

  // Read ahead up to READ_AHEAD frames while the caller runs pose on the current one, so ffmpeg
  // decodes on the other core instead of waiting on a full pipe (a frame is MBs, a pipe 64 KB).
  const READ_AHEAD = 3;
  const ready: Uint8Array[] = [];
  let current = new Uint8Array(frameBytes);
  let filled = 0;
  let stdoutEnded = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(frameBytes - filled, chunk.length - offset);
      current.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === frameBytes) {
        ready.push(current);
        current = new Uint8Array(frameBytes);
        filled = 0;
      }
    }
    if (ready.length >= READ_AHEAD) child.stdout.pause();
    notify();
  });
  child.stdout.on('end', () => {
    stdoutEnded = true;
    notify();
  });

  let index = 0;
  try {
    const consuming = (async () => {
      for (;;) {
        while (ready.length === 0 && !stdoutEnded) await new Promise<void>((r) => (wake = r));
        const data = ready.shift();
        if (!data) break;
        if (ready.length < READ_AHEAD && child.stdout.isPaused()) child.stdout.resume();
        const t = await waitForTime(index);
        await onFrame({ index, t, width, height, data });
        index++;
      }
    })();
    await Promise.race([consuming, spawnError]);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const code = await exited;
  if (code !== 0) {
    const detail = errors.slice(-3).join(' | ') || stderrBuf.trim().split('\n').slice(-2).join(' | ');
    throw new CliError(`ffmpeg could not decode the video (exit ${code})${detail ? `: ${detail}` : ''}.`, EXIT.badInput);
  }
  return { frames: index, errors };
}

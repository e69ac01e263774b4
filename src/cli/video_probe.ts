/**
 * What ffprobe says about a video: size as displayed (after the rotation tag), frame rate,
 * duration, expected frame count. Phones store portrait video as landscape frames plus a
 * rotation tag (several shared clips do: 848x480 stored, 480x848 shown); ffmpeg applies the tag
 * when decoding (autorotate), so the decoded frames already have the displayed size.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { CliError, EXIT } from './cli_error';

export interface VideoInfo {
  /** Stored (coded) size. */
  codedWidth: number;
  codedHeight: number;
  /** Displayed size: coded size with width and height swapped for a 90/270 degree rotation. */
  width: number;
  height: number;
  /** Clockwise rotation in degrees that a player applies: 0, 90, 180 or 270. */
  rotationDeg: number;
  fps: number;
  durationS: number;
  /** From the container, when it says (MP4 does); else estimated from duration x fps. */
  frameCountHint: number | null;
  codec: string;
  formatName: string;
}

export interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; format_name?: string };
}

/** Runs a command and collects its output; ENOENT becomes a CliError naming the missing tool. */
export function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(ffmpegMissing(cmd));
      else reject(e);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function ffmpegMissing(cmd: string): CliError {
  return new CliError(
    `${cmd} was not found on PATH. Install FFmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg) and try again.`,
    EXIT.noFfmpeg,
  );
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [n, d] = rate.split('/').map(Number);
  const v = d ? n / d : n;
  return Number.isFinite(v) && v > 0 ? v : null;
}

/** Clockwise rotation a player applies. ffprobe's display-matrix "rotation" is counter-clockwise. */
export function rotationFromStream(s: FfprobeStream): number {
  const matrix = s.side_data_list?.find((d) => typeof d.rotation === 'number');
  let deg = matrix ? -(matrix.rotation as number) : Number(s.tags?.rotate ?? 0);
  if (!Number.isFinite(deg)) deg = 0;
  return (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
}

/** Pure: ffprobe JSON -> VideoInfo, or a CliError saying what is wrong with the file. */
export function videoInfoFromProbe(probe: FfprobeOutput, fileLabel: string): VideoInfo {
  const video = probe.streams?.find((s) => s.codec_type === 'video' && (s.width ?? 0) > 0);
  if (!video) {
    throw new CliError(`${fileLabel} has no video stream (is it an audio file or an image?).`, EXIT.badInput);
  }
  const codedWidth = video.width as number;
  const codedHeight = video.height as number;
  const rotationDeg = rotationFromStream(video);
  const swap = rotationDeg === 90 || rotationDeg === 270;
  const fps = parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate) ?? 30;
  const durationS = Number(video.duration ?? probe.format?.duration ?? NaN);
  const nb = Number(video.nb_frames);
  const frameCountHint = Number.isFinite(nb) && nb > 0 ? nb : Number.isFinite(durationS) ? Math.round(durationS * fps) : null;
  return {
    codedWidth,
    codedHeight,
    width: swap ? codedHeight : codedWidth,
    height: swap ? codedWidth : codedHeight,
    rotationDeg,
    fps,
    durationS: Number.isFinite(durationS) ? durationS : NaN,
    frameCountHint,
    codec: video.codec_name ?? 'unknown',
    formatName: probe.format?.format_name ?? 'unknown',
  };
}

/**
 * ISO-BMFF (MP4/MOV) files are a sequence of boxes: bytes 4..7 of the file name the first box.
 * Used to tell "an MP4 cut short" from "not a video at all" when ffprobe only says "moov atom not
 * found" (it says that for any file named .mp4).
 */
const MP4_FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot', 'uuid']);

export function looksLikeMp4(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  return MP4_FIRST_BOXES.has(String.fromCharCode(head[4], head[5], head[6], head[7]));
}

/** Turns ffprobe's complaint into words a user understands. head = the file's first bytes. */
export function describeProbeFailure(stderr: string, fileLabel: string, head?: Uint8Array): string {
  if (/moov atom not found/i.test(stderr) && head && !looksLikeMp4(head)) {
    return `${fileLabel} is not a video file FFmpeg can read (it does not start like an MP4/MOV).`;
  }
  if (/moov atom not found/i.test(stderr)) {
    return `${fileLabel} looks like a truncated or unfinished MP4/MOV (its index, the "moov atom", is missing). Re-export or re-copy the video.`;
  }
  if (/Invalid data found when processing input/i.test(stderr)) {
    return `${fileLabel} is not a video file FFmpeg can read (unknown or corrupt format).`;
  }
  const line = stderr.trim().split('\n').pop() ?? '';
  return `${fileLabel} could not be read as a video${line ? `: ${line}` : ''}.`;
}

function readHead(file: string): Uint8Array | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = new Uint8Array(16);
      const n = readSync(fd, buf, 0, 16, 0);
      return buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

export async function probeVideo(file: string, fileLabel = file): Promise<VideoInfo> {
  const { code, stdout, stderr } = await run('ffprobe', [
    '-v', 'error',
    '-print_format', 'json',
    '-show_streams',
    '-show_format',
    file,
  ]);
  if (code !== 0) throw new CliError(describeProbeFailure(stderr, fileLabel, readHead(file)), EXIT.badInput);
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(stdout) as FfprobeOutput;
  } catch {
    throw new CliError(`${fileLabel}: ffprobe gave unreadable output.`, EXIT.badInput);
  }
  return videoInfoFromProbe(parsed, fileLabel);
}

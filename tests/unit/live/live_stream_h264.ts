/**
 * What Chromium's MediaRecorder writes for 'video/x-matroska;codecs=avc1' (no duration, no cues),
 * made by ffmpeg at test time: its Matroska muxer in live mode writes the same layout.
 */
import { execFileSync } from 'node:child_process';

export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** 2 s of 160 x 120 H.264 at 30 fps in live Matroska. */
export function liveMatroskaH264(): Uint8Array<ArrayBuffer> {
  const bytes = execFileSync('ffmpeg', [
    '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30', '-t', '2',
    '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-profile:v', 'baseline', '-g', '30', '-f', 'matroska', '-live', '1', 'pipe:1',
  ]);
  return new Uint8Array(bytes);
}

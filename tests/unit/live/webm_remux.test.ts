/**
 * MediaRecorder's WebM is a live stream: no duration, no cues. remuxToSeekableWebm must turn such
 * a file into one that states its duration, without re-encoding. The live-style input is made
 * here with ffmpeg's WebM muxer in live mode (-live 1), which writes the same layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remuxToSeekableWebm } from '../../../src/video/recorder';

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tools = has('ffmpeg') && has('ffprobe');
if (!tools) console.warn('webm remux test skipped: ffmpeg/ffprobe not on PATH');

function probeDuration(file: string): string {
  return execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file]).toString().trim();
}

describe.skipIf(!tools)('remuxToSeekableWebm', () => {
  it.each([
    ['libvpx-vp9', 'vp9'],
    ['libvpx', 'vp8'],
  ])('writes the duration a MediaRecorder-style WebM lacks, copying the packets (%s)', async (encoder, codecName) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'squat-remux-'));
    try {
      const live = path.join(dir, 'live.webm');
      execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30', '-t', '2', '-c:v', encoder, '-b:v', '300k', '-deadline', 'realtime', '-f', 'webm', '-live', '1', live]);
      expect(probeDuration(live)).toBe('N/A');
      const input = new Blob([readFileSync(live)], { type: 'video/webm' });
      const { file, durationS } = await remuxToSeekableWebm(input);
      expect(durationS).toBeGreaterThan(1.9);
      expect(durationS).toBeLessThan(2.1);
      expect(file.type).toBe('video/webm');
      const out = path.join(dir, 'seekable.webm');
      writeFileSync(out, Buffer.from(await file.arrayBuffer()));
      expect(Number(probeDuration(out))).toBeCloseTo(2, 1);
      const frames = execFileSync('ffprobe', ['-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_packets,codec_name', '-of', 'csv=p=0', out]).toString().trim();
      expect(frames).toBe(`${codecName},60`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

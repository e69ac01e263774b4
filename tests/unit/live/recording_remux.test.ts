/**
 * MediaRecorder writes a live stream: Chromium's WebM and Matroska have no duration and no cues,
 * its MP4 is fragmented. remuxToSeekable must turn such a file, also one cut off mid-recording,
 * into a seekable one in the container that fits its codec (H.264 -> MP4 with its index first,
 * VP9/VP8 -> WebM), copying every packet byte for byte. The live-style inputs are made here with
 * ffmpeg: its WebM/Matroska muxers in live mode (-live 1) write the same layout as MediaRecorder,
 * and `-movflags frag_keyframe+empty_moov` a fragmented MP4 like Chromium's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remuxToSeekable, seekableContainerFor } from '../../../src/video/recorder';

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tools = has('ffmpeg') && has('ffprobe');
if (!tools) console.warn('recording remux test skipped: ffmpeg/ffprobe not on PATH');

function probe(file: string, entries: string): string {
  return execFileSync('ffprobe', ['-v', 'error', '-show_entries', entries, '-of', 'default=nw=1:nk=1', file]).toString().trim();
}

/** MD5 of every video packet in file order: equal lists mean the packets were copied, not re-encoded. */
function packetHashes(file: string): string[] {
  return execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=data_hash', '-show_data_hash', 'md5', '-of', 'csv=p=0', file])
    .toString()
    .trim()
    .split('\n');
}

/** The top-level MP4 boxes in order (ftyp, moov, mdat...). */
function mp4Boxes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at);
    boxes.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

const LIVE = {
  'H.264 in live Matroska': { args: ['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-profile:v', 'baseline', '-g', '30', '-f', 'matroska', '-live', '1'], ext: 'mkv', codec: 'h264', container: 'mp4' },
  'H.264 in fragmented MP4': { args: ['-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-profile:v', 'baseline', '-g', '30', '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov'], ext: 'mp4', codec: 'h264', container: 'mp4' },
  'VP9 in live WebM': { args: ['-c:v', 'libvpx-vp9', '-b:v', '300k', '-deadline', 'realtime', '-g', '30', '-f', 'webm', '-live', '1'], ext: 'webm', codec: 'vp9', container: 'webm' },
  'VP8 in live WebM': { args: ['-c:v', 'libvpx', '-b:v', '300k', '-deadline', 'realtime', '-g', '30', '-f', 'webm', '-live', '1'], ext: 'webm', codec: 'vp8', container: 'webm' },
} as const;

describe('seekableContainerFor', () => {
  it('puts H.264 (and HEVC) into MP4 and the VP codecs and AV1 into WebM, and places no unknown codec', () => {
    expect(seekableContainerFor('avc')).toBe('mp4');
    expect(seekableContainerFor('hevc')).toBe('mp4');
    expect(seekableContainerFor('vp9')).toBe('webm');
    expect(seekableContainerFor('vp8')).toBe('webm');
    expect(seekableContainerFor('av1')).toBe('webm');
    expect(seekableContainerFor(null)).toBeNull();
    expect(seekableContainerFor('mpeg4')).toBeNull();
  });
});

describe.skipIf(!tools)('remuxToSeekable', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'squat-remux-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function record(name: keyof typeof LIVE): string {
    const { args, ext } = LIVE[name];
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.${ext}`);
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=30', '-t', '2', ...args, file]);
    return file;
  }

  it.each(Object.keys(LIVE) as (keyof typeof LIVE)[])('%s: the container that fits the codec, with its duration, every packet copied', async (name) => {
    const { codec, container } = LIVE[name];
    const live = record(name);
    if (name.includes('live')) expect(probe(live, 'format=duration')).toBe('N/A');
    const { file, durationS, container: chosen } = await remuxToSeekable(new Blob([readFileSync(live)]));
    expect(chosen).toBe(container);
    expect(file.type).toBe(`video/${container}`);
    expect(durationS).toBeGreaterThan(1.9);
    expect(durationS).toBeLessThan(2.1);
    const out = path.join(dir, `seekable-${path.basename(live)}.${container}`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    writeFileSync(out, bytes);
    expect(probe(out, 'stream=codec_name')).toBe(codec);
    expect(Number(probe(out, 'format=duration'))).toBeCloseTo(2, 1);
    expect(probe(out, 'format=format_name')).toBe(container === 'mp4' ? 'mov,mp4,m4a,3gp,3g2,mj2' : 'matroska,webm');
    // Copied, not re-encoded: the same 60 packets, byte for byte.
    const hashes = packetHashes(out);
    expect(hashes).toHaveLength(60);
    expect(hashes).toEqual(packetHashes(live));
    // Fast start: the index before the frames, so a player can start before it has it all.
    if (container === 'mp4') expect(mp4Boxes(bytes).slice(0, 3)).toEqual(['ftyp', 'moov', 'mdat']);
  });

  it('remuxes an H.264 Matroska recording cut off mid-way (the tab killed), keeping what was written', async () => {
    const whole = readFileSync(record('H.264 in live Matroska'));
    // MediaRecorder's chunks end anywhere, mid-cluster too: keep the first 60 % of the bytes.
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const { file, durationS, container } = await remuxToSeekable(new Blob([cut]));
    expect(container).toBe('mp4');
    expect(durationS).toBeGreaterThan(0.5);
    expect(durationS).toBeLessThan(1.9);
    const out = path.join(dir, 'cut.mp4');
    writeFileSync(out, new Uint8Array(await file.arrayBuffer()));
    expect(probe(out, 'stream=codec_name')).toBe('h264');
    expect(Number(probe(out, 'format=duration'))).toBeCloseTo(durationS, 1);
  });

  it('refuses bytes that are no video, so the caller keeps the chunks as recorded', async () => {
    await expect(remuxToSeekable(new Blob([new Uint8Array([1, 2, 3, 4])]))).rejects.toThrow();
  });
});

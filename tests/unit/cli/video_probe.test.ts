import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../../src/cli/cli_error';
import { describeProbeFailure, looksLikeMp4, rotationFromStream, videoInfoFromProbe } from '../../../src/cli/video_probe';

const stream = {
  codec_type: 'video',
  codec_name: 'h264',
  width: 848,
  height: 480,
  avg_frame_rate: '30/1',
  nb_frames: '141',
  duration: '4.700000',
};

describe('videoInfoFromProbe', () => {
  it('swaps width and height for a phone video tagged -90 (display matrix), as a player shows it', () => {
    const info = videoInfoFromProbe({ streams: [{ ...stream, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }] }, 'x');
    expect(info).toMatchObject({ codedWidth: 848, codedHeight: 480, width: 480, height: 848, rotationDeg: 90, fps: 30, frameCountHint: 141 });
  });

  it('reads the older "rotate" tag and keeps the size for 180 degrees', () => {
    expect(videoInfoFromProbe({ streams: [{ ...stream, tags: { rotate: '270' } }] }, 'x')).toMatchObject({ width: 480, height: 848, rotationDeg: 270 });
    expect(videoInfoFromProbe({ streams: [{ ...stream, tags: { rotate: '180' } }] }, 'x')).toMatchObject({ width: 848, height: 480, rotationDeg: 180 });
  });

  it('uses a fractional frame rate (12.5 fps GIF conversions) and estimates frames without nb_frames', () => {
    const info = videoInfoFromProbe({ streams: [{ ...stream, avg_frame_rate: '25/2', nb_frames: undefined, duration: '4.6' }] }, 'x');
    expect(info.fps).toBe(12.5);
    expect(info.frameCountHint).toBe(Math.round(4.6 * 12.5));
  });

  it('refuses a file without a video stream', () => {
    const run = () => videoInfoFromProbe({ streams: [{ codec_type: 'audio', codec_name: 'aac' }] }, 'song.m4a');
    expect(run).toThrow(CliError);
    expect(run).toThrow(/song.m4a has no video stream/);
  });

  it('rotationFromStream normalises odd values to a quarter turn', () => {
    expect(rotationFromStream({ side_data_list: [{ rotation: 90 }] })).toBe(270);
    expect(rotationFromStream({ side_data_list: [{ rotation: -89.9 }] })).toBe(90);
    expect(rotationFromStream({})).toBe(0);
  });
});

describe('probe failure messages', () => {
  const head = (box: string) => new Uint8Array([0, 0, 0, 32, ...[...box].map((c) => c.charCodeAt(0)), 0, 0, 0, 0]);

  it('tells a cut-short MP4 from a file that is not a video', () => {
    expect(looksLikeMp4(head('ftyp'))).toBe(true);
    expect(looksLikeMp4(new TextEncoder().encode('hello world, not a video'))).toBe(false);
    expect(describeProbeFailure('moov atom not found', 'a.mp4', head('ftyp'))).toMatch(/truncated/);
    expect(describeProbeFailure('moov atom not found', 'a.mp4', new TextEncoder().encode('hello world!'))).toMatch(/not a video/);
    expect(describeProbeFailure('a.bin: Invalid data found when processing input', 'a.bin')).toMatch(/not a video/);
  });

  it('uses the bad-input exit code', () => {
    expect(EXIT.badInput).not.toBe(0);
  });
});

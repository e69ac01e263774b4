import { describe, expect, it } from 'vitest';
import { videoFileExtension } from '../../../src/store/video_extension';

describe('videoFileExtension', () => {
  it('names a recording by what MediaRecorder gave, not always .webm', () => {
    expect(videoFileExtension('video/webm;codecs=vp9')).toBe('webm');
    expect(videoFileExtension('video/mp4;codecs=avc1')).toBe('mp4'); // Safari's MediaRecorder
    expect(videoFileExtension('video/x-matroska;codecs=avc1')).toBe('mkv');
    expect(videoFileExtension('video/quicktime')).toBe('mov');
    expect(videoFileExtension('')).toBe('mp4');
  });
});

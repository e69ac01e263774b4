import { describe, expect, it } from 'vitest';
import { describeCodec, errors, isVideoInputError } from '../../../src/video/video_input_error';
import { toProblem } from '../../../src/ui/app/to_problem';

describe('video input errors', () => {
  it('name the file and say what to do, for every kind', () => {
    const all = [
      errors.emptyFile('a.mp4'),
      errors.notAVideo('a.mp4'),
      errors.noVideoTrack('a.mp4'),
      errors.truncated('a.mp4', 'its last frames are missing'),
      errors.unsupportedCodec('a.mp4', 'hevc', 'hvc1.1.6.L93.B0'),
      errors.decodeFailed('a.mp4', new Error('boom')),
      errors.noPerson('a.mp4', 2, 60),
    ];
    for (const error of all) {
      expect(isVideoInputError(error)).toBe(true);
      expect(error.message).toContain('a.mp4');
      expect(error.hint.length).toBeGreaterThan(20);
    }
    expect(new Set(all.map((e) => e.code)).size).toBe(all.length);
  });

  it('tells an HEVC user how to get H.264, and anyone else to convert', () => {
    expect(errors.unsupportedCodec('x.mov', 'hevc', null).hint).toMatch(/Most Compatible/);
    expect(errors.unsupportedCodec('x.mov', 'av1', null).hint).toMatch(/Convert the video to H\.264/);
    expect(errors.unsupportedCodec('x.mov', 'hevc', 'hvc1.1.6.L93.B0').message).toContain('H.265 (HEVC) (hvc1.1.6.L93.B0)');
  });

  it('reports the pose count for "no person"', () => {
    expect(errors.noPerson('gym.mp4', 3, 120).message).toContain('3 of 120 frames');
  });

  it('names codecs in words', () => {
    expect(describeCodec('avc')).toBe('H.264 (AVC)');
    expect(describeCodec(null)).toBe('an unknown codec');
    expect(describeCodec('mystery')).toBe('mystery');
  });
});

describe('toProblem', () => {
  it('keeps a video error’s code, message and hint', () => {
    const problem = toProblem(errors.emptyFile('e.mp4'));
    expect(problem).toMatchObject({ code: 'empty_file', title: 'That file is empty' });
    expect(problem.hint).toMatch(/Pick the video again/);
  });

  it('turns a model failure into advice, and anything else into a generic but actionable message', () => {
    expect(toProblem(new Error('failed to fetch model.json')).code).toBe('pose_failed');
    const other = toProblem('weird');
    expect(other.code).toBe('unexpected');
    expect(other.message).toContain('weird');
  });
});

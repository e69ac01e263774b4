// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { analyze } from '../../../../src/core';
import type { PoseTrack } from '../../../../src/core/types';
import { SetFacts } from '../../../../src/ui/report/SetFacts';
import type { LoadedVideoLike } from '../../../../src/ui/report/loaded_video_like';

const trackOf = (name: string): PoseTrack =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../../fixtures/tracks', `${name}.json`), 'utf8')) as PoseTrack;

afterEach(cleanup);

describe('SetFacts: where the camera filmed from', () => {
  it.each([
    ['gym-rear-barbell', /^behind/],
    ['front-two-reps-good', /^the front/],
  ])('%s', (name, words) => {
    const track = trackOf(name);
    const analysis = analyze(track);
    render(<SetFacts analysis={analysis} video={{ track, analysis } as unknown as LoadedVideoLike} />);
    const text = screen.getByTestId('view-kind').textContent ?? '';
    expect(text).toMatch(words);
    expect(text.includes('from behind')).toBe(analysis.view.fromBehind === true);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { peopleWarnings } from '../../../src/core/people_warning';
import type { PeopleInPicture } from '../../../src/core/types';
import { syntheticSquat } from '../../support/synthetic_squat';

const base: PeopleInPicture = {
  count: 2,
  chosen: 'auto',
  reason: 'squats',
  position: 'left',
  box: { x: 0.4, y: 0.1, width: 0.15, height: 0.85 },
  t: 0,
};

describe('peopleWarnings', () => {
  it('none for a track with one person', () => {
    expect(peopleWarnings({})).toEqual([]);
  });

  it('says whom it followed, where, and how to change it', () => {
    expect(peopleWarnings({ people: base })).toEqual([
      {
        code: 'several_people',
        message: 'Two people were in the picture; we followed the one who squats (on the left of the picture). Not right? Tap the lifter on the first frame.',
      },
    ]);
  });

  it('admits when it could not tell who squats', () => {
    const [w] = peopleWarnings({ people: { ...base, count: 3, reason: 'prominent', position: 'middle' } });
    expect(w.message).toBe(
      'Three people were in the picture and we could not tell which one squats; we followed the biggest, most central one (in the middle). Not right? Tap the lifter on the first frame.',
    );
  });

  it('after a tap: the user chose, no advice to tap', () => {
    const [w] = peopleWarnings({ people: { ...base, chosen: 'tapped', reason: 'tapped', position: 'right' } });
    expect(w.message).toBe('Two people were in the picture; we followed the one you chose (on the right of the picture).');
  });

  it('is the first warning of the analysis of such a track, and absent otherwise', () => {
    const { track } = syntheticSquat({ reps: 1 });
    expect(analyze(track).warnings.some((w) => w.code === 'several_people')).toBe(false);
    const warnings = analyze({ ...track, people: base }).warnings;
    expect(warnings[0].code).toBe('several_people');
  });
});

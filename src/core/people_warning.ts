/**
 * Several people in the picture (PoseTrack.people, set by the pipeline's lifter choice): say whom
 * the analysis follows and how to change it, so a bystander is never analysed silently.
 */
import type { AnalysisWarning, PeopleInPicture, PoseTrack } from './types';

const COUNT_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five'];

function countWord(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}

function where(position: PeopleInPicture['position']): string {
  return position === 'middle' ? 'in the middle' : `on the ${position} of the picture`;
}

export function peopleWarnings(track: Pick<PoseTrack, 'people'>): AnalysisWarning[] {
  const people = track.people;
  if (!people || people.count < 2) return [];
  const who = `${countWord(people.count)} people were in the picture`;
  const place = where(people.position);
  const change = 'Not right? Tap the lifter on the first frame.';
  const message =
    people.reason === 'tapped'
      ? `${who}; we followed the one you chose (${place}).`
      : people.reason === 'squats'
        ? `${who}; we followed the one who squats (${place}). ${change}`
        : `${who} and we could not tell which one squats; we followed the biggest, most central one (${place}). ${change}`;
  return [{ code: 'several_people', message }];
}

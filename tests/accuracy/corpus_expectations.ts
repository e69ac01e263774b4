/**
 * What each shared clip shows, as ../shared/fixtures/MANIFEST.md states it (judged by eye from
 * the clips), in a form a test can check: good or not, the fault(s) a coach would name, and the
 * rep count. Where the MANIFEST gives no count, or we counted differently by eye, `repNote` says
 * how the number was obtained.
 */
import type { Fault } from '../../src/core/types';

export interface ClipExpectation {
  /** File name in ../shared/fixtures/clips (also the track name without the extension). */
  file: string;
  /** Good form: a coach would name no fault (the false-alarm set). */
  good: boolean;
  /** Faults the MANIFEST names ([] for good clips). */
  faults: Fault[];
  /** Full reps expected. */
  reps: number;
  /** A partial rep (the clip starts or ends mid-squat) is expected and allowed besides `reps`. */
  partial?: boolean;
  repNote?: string;
  /** The MANIFEST's words, shortened. */
  shows: string;
}

export const CORPUS: ClipExpectation[] = [
  { file: 'front-deep-good-lowres.mp4', good: true, faults: [], reps: 1, shows: 'front, 240 px wide; deep squat, knees over the toes' },
  { file: 'front-forward-lean-lowres.mp4', good: false, faults: ['forward_lean'], reps: 1, shows: 'front, 240 px; deep squat, trunk pitched forward (lean is a side-view measure)' },
  { file: 'front-shallow-lowres.mp4', good: false, faults: ['shallow_depth'], reps: 1, repNote: 'MANIFEST "half squats"; the hip trajectory and the frames show one', shows: 'front, 240 px; half squat well above parallel' },
  { file: 'front-two-reps-good.mp4', good: true, faults: [], reps: 2, shows: 'true front, wide stance; two squats to about parallel' },
  { file: 'gym-front-barbell.mp4', good: true, faults: [], reps: 1, shows: 'front, barbell back squat in a rack, to about parallel' },
  { file: 'gym-oblique-goblet-two-people.mp4', good: true, faults: [], reps: 1, shows: '~45 deg front-left, goblet squat; a coach stands beside her' },
  { file: 'gym-rear-barbell.mp4', good: true, faults: [], reps: 1, shows: 'rear view, barbell back squat' },
  { file: 'gym-rear-oblique-barbell.avi', good: true, faults: [], reps: 1, shows: 'behind-left ~45 deg, barbell, one deep rep; MPEG-4 Part 2 in AVI' },
  { file: 'home-front-bodyweight.mp4', good: true, faults: [], reps: 1, shows: 'front, bodyweight, arms forward' },
  { file: 'home-side-half-squat-caption.mp4', good: true, faults: [], reps: 1, shows: 'side, bodyweight half squat, caption in the corner' },
  { file: 'oblique-good-hand-over-lens.mp4', good: true, faults: [], reps: 4, repNote: 'MANIFEST "2-3"; four descents by eye (t ~1.9, 4.8, 8.0, 11.2 s)', shows: '~45 deg front-right, barefoot, deep squats, heels down; hand over the lens at the end' },
  { file: 'oblique-heel-lift.mp4', good: false, faults: ['heel_lift'], reps: 4, repNote: 'MANIFEST "repeated squats"; four by eye, the first starting at t = 0', partial: true, shows: '~45 deg front-right, barefoot; heels clearly off the floor at the bottom, knees forward, lean' },
  { file: 'side-deep-good-rotated.mp4', good: true, faults: [], reps: 1, shows: 'side, barefoot, one deep squat, heels down' },
  { file: 'side-forward-lean-rotated.mp4', good: false, faults: ['forward_lean'], reps: 1, shows: 'side; trunk nearly horizontal, little knee bend' },
  { file: 'side-rise-from-bottom-rotated.mp4', good: false, faults: ['forward_lean'], reps: 1, partial: true, repNote: 'starts near the bottom and stands up: one rep, partial', shows: 'side; rises from the bottom, moderate lean' },
  { file: 'side-two-reps-good.mp4', good: true, faults: [], reps: 2, partial: true, repNote: 'two full squats; the clip opens on the end of a third', shows: 'true side; two squats to about parallel, heels down' },
  { file: 'side-upright-knees-forward-rotated.mp4', good: false, faults: [], reps: 1, repNote: 'knees far past the toes is not a fault we flag; heel: see docs/accuracy.md', shows: 'side; to about parallel, knees far past toes, upright torso' },
  { file: 'side-very-deep-rounded-rotated.mp4', good: false, faults: ['butt_wink'], reps: 1, repNote: 'butt wink "possible, not certain" (MANIFEST)', shows: 'side; very deep, lower back possibly rounded at the bottom' },
];

export const trackName = (file: string): string => file.replace(/\.[^.]+$/, '');

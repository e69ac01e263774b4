/**
 * A clip analysed in parts (several pose estimators, each given a stretch of the video): each
 * estimator numbers the people it finds from 0, so person 1 of one part may be person 0 of the
 * next. This joins the parts' frames into one clip with one numbering, before the lifter is
 * chosen (person_choice.ts): a person in the first frames of a part is the one of the previous
 * part whose hips were nearest, in the frames either side of the cut (one frame apart).
 */
import type { PoseFrame } from '../core/types';
import type { PersonPose, PoseFrameWithPeople } from '../pose/person_types';

/** A person seen within this many frames of a cut can be matched across it. */
const CUT_WINDOW_FRAMES = 5;
/** Hips farther apart than this many torso lengths are not the same person. */
const MAX_MATCH_TORSOS = 1;

type Pose = Pick<PoseFrame, 'keypoints'>;

function peopleOf(f: PoseFrameWithPeople): PersonPose[] {
  if (f.people) return f.people;
  return f.keypoints ? [{ id: 0, t: f.t, keypoints: f.keypoints, keypoints3D: f.keypoints3D ?? null }] : [];
}

function hipsAndTorso(p: Pose): { x: number; y: number; torso: number } | null {
  const k = p.keypoints;
  if (!k || k.length < 25) return null;
  const hx = (k[23].x + k[24].x) / 2;
  const hy = (k[23].y + k[24].y) / 2;
  const torso = Math.hypot((k[11].x + k[12].x) / 2 - hx, (k[11].y + k[12].y) / 2 - hy);
  return { x: hx, y: hy, torso };
}

/** Each id's pose nearest the cut: the last one in `frames` (from the end) or the first (from the start). */
function nearCut(frames: PoseFrameWithPeople[], fromEnd: boolean): Map<number, PersonPose> {
  const out = new Map<number, PersonPose>();
  const n = frames.length;
  for (let i = 0; i < Math.min(CUT_WINDOW_FRAMES, n); i++) {
    for (const p of peopleOf(frames[fromEnd ? n - 1 - i : i])) if (!out.has(p.id)) out.set(p.id, p);
  }
  return out;
}

/** local id -> joined id for one part, given the joined frames so far. */
function matchPart(before: PoseFrameWithPeople[], part: PoseFrameWithPeople[], nextId: () => number): Map<number, number> {
  const last = nearCut(before, true);
  const first = nearCut(part, false);
  const pairs: Array<{ local: number; joined: number; d: number }> = [];
  for (const [local, p] of first) {
    const a = hipsAndTorso(p);
    for (const [joined, q] of last) {
      const b = hipsAndTorso(q);
      if (!a || !b) continue;
      const d = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(a.torso, b.torso, 1e-6);
      if (d <= MAX_MATCH_TORSOS) pairs.push({ local, joined, d });
    }
  }
  pairs.sort((x, y) => x.d - y.d);
  const map = new Map<number, number>();
  const taken = new Set<number>();
  for (const { local, joined } of pairs) {
    if (map.has(local) || taken.has(joined)) continue;
    map.set(local, joined);
    taken.add(joined);
  }
  // Someone not seen at the cut (lost just before it, or found just after) continues the nearest
  // person not yet matched, as the tracker itself gives a lost person the nearest detection.
  const lastSeen = new Map<number, PersonPose>();
  for (let i = before.length - 1; i >= 0; i--) for (const p of peopleOf(before[i])) if (!lastSeen.has(p.id)) lastSeen.set(p.id, p);
  const firstSeen = new Map<number, PersonPose>();
  for (const f of part) for (const p of peopleOf(f)) if (!firstSeen.has(p.id)) firstSeen.set(p.id, p);
  for (const [local, p] of firstSeen) {
    if (map.has(local)) continue;
    const a = hipsAndTorso(p);
    let best: { joined: number; d: number } | null = null;
    for (const [joined, q] of lastSeen) {
      if (taken.has(joined)) continue;
      const b = hipsAndTorso(q);
      const d = a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Infinity;
      if (!best || d < best.d) best = { joined, d };
    }
    const joined = best ? best.joined : nextId();
    map.set(local, joined);
    taken.add(joined);
  }
  return map;
}

/**
 * The parts' frames (in time order, each part as its estimator returned them) as one clip's
 * frames with one numbering of people: `keypoints` are joined person 0's, `people` lists everyone
 * once more than one person is known.
 */
export function joinPeopleParts(parts: PoseFrameWithPeople[][]): PoseFrameWithPeople[] {
  const joined: PoseFrameWithPeople[] = [];
  let next = 0;
  const nextId = () => next++;
  for (const part of parts) {
    const map = joined.length === 0 ? matchPart([], part, nextId) : matchPart(joined, part, nextId);
    for (const f of part) {
      const people = peopleOf(f).map((p) => ({ ...p, id: map.get(p.id)! }));
      const zero = people.find((p) => p.id === 0);
      joined.push({ t: f.t, keypoints: zero?.keypoints ?? null, keypoints3D: zero?.keypoints3D ?? null, people });
    }
  }
  if (next <= 1) {
    // One person in every part: plain frames, as a single estimator would have given.
    return joined.map(({ people: _people, ...f }) => f);
  }
  return joined.map((f) => ({ ...f, people: [...f.people!].sort((a, b) => a.id - b.id) }));
}

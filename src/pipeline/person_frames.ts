/**
 * The estimator's frames carry every tracked person (src/pose/person_types.ts); the pipeline maps
 * keypoints from the decoded (possibly scaled) frame to the source's displayed pixels, and the
 * other people's keypoints need the same mapping.
 */
import type { PoseFrame } from '../core/types';
import type { PoseFrameWithPeople } from '../pose/person_types';

export function withPeopleMapped(pose: PoseFrameWithPeople, toSource: (p: PoseFrame) => PoseFrame): PoseFrameWithPeople {
  const out: PoseFrameWithPeople = toSource(pose);
  if (pose.people) out.people = pose.people.map((p) => ({ ...toSource(p), id: p.id }));
  return out;
}

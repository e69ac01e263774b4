/**
 * BlazePose body connections: MediaPipe Pose's POSE_CONNECTIONS
 * (mediapipe/python/solutions/pose_connections.py) without the face and hands, written with
 * BlazePose's keypoint names instead of indices.
 */
/** BlazePose body connections (face and fingers left out: they say nothing about a squat). */
export const SKELETON_EDGES: readonly (readonly [string, string])[] = [
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
];

/** Browser-facing front door of src/pose. Node code imports ./node instead (fs-based model loading). */
export { createPoseWorkerClient } from './pose_worker_client';
export type { PoseWorkerClient, PoseWorkerClientConfig } from './pose_worker_client';
export { createPoseEstimator } from './pose_estimator';
export { currentPoseBackend, formatBackendLabel, reportPoseBackend, POSE_BACKEND_EVENT } from './backend_report';
export type { PoseBackendInfo } from './backend_report';
export { modelUrls, POSE_MODELS, trackModelName, isPoseModelName } from './model_registry';
export { backendPlan, isSoftwareRenderer } from './backend';
export { BLAZEPOSE_EDGES } from './skeleton';
export type * from './types';

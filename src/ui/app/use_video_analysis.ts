/**
 * One analysis at a time: start, progress, cancel, result or problem. Lives in App so switching
 * tabs mid-analysis neither stops it nor loses the file.
 */
import { useCallback, useRef, useState } from 'react';
import { analyzeVideoFile, type AnalysisProgress } from '../../pipeline/analyze_video';
import type { DepthTarget } from '../../core/types';
import type { PoseModelName } from '../../pose/types';
import { toLoadedVideo, type LoadedVideo } from './loaded_videos';
import { toProblem } from './to_problem';
import type { Problem } from './ErrorNotice';

export interface RunningAnalysis {
  name: string;
  file: Blob;
  progress: AnalysisProgress | null;
}

export function useVideoAnalysis(onDone: (video: LoadedVideo) => void) {
  const [running, setRunning] = useState<RunningAnalysis | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const start = useCallback(async (file: Blob, name: string, model: PoseModelName, depthTarget?: DepthTarget) => {
    if (controllerRef.current) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    setProblem(null);
    setRunning({ name, file, progress: null });
    try {
      const result = await analyzeVideoFile(file, {
        name,
        model,
        depthTarget,
        signal: controller.signal,
        onProgress: (progress) => setRunning((r) => (r ? { ...r, progress } : r)),
      });
      onDoneRef.current(toLoadedVideo(file, name, result));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      controllerRef.current = null;
      setRunning(null);
    }
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const dismiss = useCallback(() => setProblem(null), []);

  return { running, problem, start, cancel, dismiss };
}

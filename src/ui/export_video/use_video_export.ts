/** One video export at a time: progress, cancel, the finished file or a plain error. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { VideoExportError } from '../../export/annotated_video/video_encoder_output';
import type { ExportProgress, ExportedVideo } from '../../export/annotated_video/annotated_video';

export type VideoExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null }
  | { phase: 'done'; video: ExportedVideo; fileName: string }
  | { phase: 'error'; message: string };

export function useVideoExport() {
  const [state, setState] = useState<VideoExportState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (fileStem: string, run: (signal: AbortSignal, onProgress: (p: ExportProgress) => void) => Promise<ExportedVideo>) => {
    if (controller.current) return null;
    const c = new AbortController();
    controller.current = c;
    setState({ phase: 'running', progress: null });
    try {
      const video = await run(c.signal, (progress) => setState({ phase: 'running', progress }));
      const fileName = `${fileStem}.${video.choice.extension}`;
      setState({ phase: 'done', video, fileName });
      return { video, fileName };
    } catch (error) {
      const cancelled = error instanceof VideoExportError && error.code === 'cancelled';
      setState(cancelled ? { phase: 'idle' } : { phase: 'error', message: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}

const CODEC_NAMES: Record<string, string> = { avc: 'H.264', vp9: 'VP9', vp8: 'VP8' };

export function exportSummary(video: ExportedVideo, fileName: string): string {
  const mb = video.blob.size / 1e6;
  return `Saved ${fileName}: ${video.choice.container.toUpperCase()} (${CODEC_NAMES[video.choice.codec] ?? video.choice.codec}), ${video.width}×${video.height}, ${video.frames} frames, ${video.durationS.toFixed(2)} s, ${mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(mb * 1000))} kB`}.`;
}

/** "squat.mp4" -> "squat" */
export function fileStem(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'video';
}

/** Play/pause, one frame back and forward, and the speed: the buttons of a frame-locked player (use_locked_playback.ts). */
export const PLAYBACK_SPEEDS = [0.1, 0.25, 0.5, 0.75, 1] as const;

export interface PlaybackButtonsProps {
  playing: boolean;
  onTogglePlay: () => void;
  onStep: (direction: 1 | -1) => void;
  speed: number;
  onSpeed: (speed: number) => void;
  playTestId: string;
  speedTestId: string;
}

export function PlaybackButtons({ playing, onTogglePlay, onStep, speed, onSpeed, playTestId, speedTestId }: PlaybackButtonsProps) {
  return (
    <>
      <button type="button" onClick={onTogglePlay} aria-label={playing ? 'Pause both' : 'Play both'} data-testid={playTestId}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => onStep(-1)} aria-label="One frame back">
        ◀ frame
      </button>
      <button type="button" onClick={() => onStep(1)} aria-label="One frame forward">
        frame ▶
      </button>
      <label className="speed">
        Speed
        <select value={speed} onChange={(event) => onSpeed(Number(event.target.value))} data-testid={speedTestId}>
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

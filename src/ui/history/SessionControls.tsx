/**
 * Beside a report: whether this set is in the history, a tick to keep its video with it (videos
 * are large, so only on request), and its note. Hidden outside a HistoryProvider.
 */
import { useEffect, useState } from 'react';
import type { LoadedVideo } from '../app/loaded_videos';
import { useOptionalHistory } from './history_context';
import { formatBytes } from './progress_display';
import './session_controls.css';

export function SessionControls({ video }: { video: LoadedVideo }) {
  const history = useOptionalHistory();
  const link = history?.link(video.id);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The box follows a click at once; the store catches up (or the error says why not). */
  const [pendingKeep, setPendingKeep] = useState<boolean | null>(null);
  const savedNote = link?.status === 'saved' ? link.session.note : '';
  useEffect(() => setNote(savedNote), [savedNote]);
  if (!history || !link) return null;

  if (link.status === 'saving') return <p className="muted small session-controls" data-testid="history-status" data-status="saving">Saving to your history…</p>;
  if (link.status !== 'saved') {
    return (
      <p className={`small session-controls ${link.status === 'failed' ? 'notice error' : 'muted'}`} role={link.status === 'failed' ? 'alert' : undefined} data-testid="history-status" data-status={link.status}>
        {link.message}
      </p>
    );
  }
  const kept = link.session.video !== null;
  const hasFile = video.file.size > 0;
  const toggle = async (keep: boolean) => {
    setBusy(true);
    setPendingKeep(keep);
    setError(null);
    try {
      await (keep ? history.keepVideo(video) : history.dropVideo(video));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setPendingKeep(null);
    }
  };
  const saveNote = async () => {
    if (note.trim() === savedNote) return;
    try {
      await history.setNote(video, note.trim());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="session-controls" data-testid="history-status" data-status="saved" data-session-id={link.session.id}>
      <p className="small">✓ Kept in your history on this device.</p>
      {hasFile || kept ? (
        <label className="small">
          <input type="checkbox" checked={pendingKeep ?? kept} disabled={busy || (!hasFile && !kept)} onChange={(event) => void toggle(event.target.checked)} data-testid="keep-video" /> Keep the video with it
          {hasFile ? ` (${formatBytes(video.file.size)})` : ''}
        </label>
      ) : (
        <p className="muted small">The video of this set was not kept.</p>
      )}
      <label className="small session-note">
        Note{' '}
        <input
          type="text"
          value={note}
          maxLength={200}
          placeholder="e.g. after 2 weeks of ankle mobility"
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => void saveNote()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void saveNote();
          }}
          data-testid="results-note"
        />
      </label>
      {error ? (
        <p className="notice error small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Recent webcam recordings kept in this browser: analyse again, download, delete.
 * Reads src/store/recordings_db.ts; storage errors are shown in plain words.
 */
import { useEffect, useState } from 'react';
import { type RecordingMeta, type RecordingStore, describeStorageError, storageEstimate } from '../../store/recordings_db';
import { videoFileExtension } from '../../store/video_extension';

export interface RecentRecordingsProps {
  store: RecordingStore;
  /** Changes whenever the list should be read again. */
  version: number;
  /** Analyse (or analyse again) a stored recording. */
  onAnalyse: (id: string) => void;
  /** No actions while recording or analysing. */
  busy?: boolean;
  /** The recording being made now (not offered for analysis or deletion). */
  activeId?: string | null;
}

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} kB`;
}

function formatDuration(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '';
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

function statusText(r: RecordingMeta): string {
  if (r.status === 'recording') return 'recording now';
  if (r.status === 'interrupted') return 'cut off';
  return r.analysedAt ? 'analysed' : 'not analysed yet';
}

export function RecentRecordings({ store, version, onAnalyse, busy = false, activeId = null }: RecentRecordingsProps) {
  const [items, setItems] = useState<RecordingMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    store
      .list()
      .then((list) => {
        if (!cancelled) setItems(list);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(describeStorageError(e).message);
      });
    void storageEstimate().then((u) => {
      if (!cancelled) setUsage(u);
    });
    return () => {
      cancelled = true;
    };
  }, [store, version, reload]);

  const download = async (r: RecordingMeta) => {
    try {
      const file = await store.getFile(r.id);
      const url = URL.createObjectURL(file);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${r.name}.${videoFileExtension(file.type || r.mimeType)}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(describeStorageError(e).message);
    }
  };

  const remove = async (r: RecordingMeta) => {
    if (!window.confirm(`Delete "${r.name}" from this browser? This cannot be undone.`)) return;
    try {
      await store.delete(r.id);
      setReload((n) => n + 1);
    } catch (e) {
      setError(describeStorageError(e).message);
    }
  };

  return (
    <section className="panel recent-recordings" aria-labelledby="recent-recordings-title" data-testid="recent-recordings">
      <h2 id="recent-recordings-title">Recent recordings</h2>
      <p className="muted small">
        Kept in this browser only, saved second by second while recording.
        {usage ? ` Storage used: ${formatBytes(usage.usage)} of ${formatBytes(usage.quota)}.` : ''}
      </p>
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted" data-testid="recordings-empty">
          No recordings yet.
        </p>
      ) : (
        <ul className="recording-list">
          {items.map((r) => {
            const active = r.id === activeId;
            return (
              <li key={r.id} data-testid="recording-item" data-recording-id={r.id} data-status={r.status} data-bytes={r.bytes}>
                <div className="recording-meta">
                  <strong>{r.name}</strong>
                  <span className="muted small">
                    {[formatDuration(r.durationS), formatBytes(r.bytes), statusText(r), r.liveReps !== null ? `${r.liveReps} reps counted live` : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {r.note ? <span className="small recording-note">{r.note}</span> : null}
                </div>
                <div className="recording-actions">
                  <button type="button" className="button" disabled={busy || active || r.bytes === 0} onClick={() => onAnalyse(r.id)}>
                    {r.analysedAt ? 'Analyse again' : 'Analyse'}
                  </button>
                  <button type="button" className="button subtle" disabled={r.bytes === 0} onClick={() => void download(r)}>
                    Download
                  </button>
                  <button type="button" className="button subtle" disabled={busy || active} onClick={() => void remove(r)} aria-label={`Delete ${r.name}`}>
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default RecentRecordings;

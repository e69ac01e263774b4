/**
 * The History tab: progress across sessions, every stored session, storage and backup.
 * Everything here lives in this browser's IndexedDB (src/store/history_db.ts).
 */
import { useEffect, useState } from 'react';
import type { HistorySession } from '../../store/history_types';
import { describeHistoryError } from '../../store/storage_errors';
import { RecordingStore } from '../../store/recordings_db';
import { useHistory } from './history_context';
import { ProgressPanel } from './ProgressPanel';
import { SessionList } from './SessionList';
import { StoragePanel } from './StoragePanel';
import './history.css';

export interface HistoryViewProps {
  onOpenSession: (id: string) => void;
}

let recordingStore: RecordingStore | null = null;

export function HistoryView({ onOpenSession }: HistoryViewProps) {
  const history = useHistory();
  const [sessions, setSessions] = useState<HistorySession[] | null>(null);
  const [recordings, setRecordings] = useState<{ count: number; bytes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    history.store
      .list()
      .then((list) => {
        if (!cancelled) {
          setSessions(list);
          setError(null);
        }
      })
      .catch((e: unknown) => !cancelled && setError(describeHistoryError(e, 'Your history could not be read').message));
    recordingStore ??= new RecordingStore();
    recordingStore
      .list()
      .then((list) => !cancelled && setRecordings({ count: list.length, bytes: list.reduce((sum, r) => sum + r.bytes, 0) }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [history.store, history.version]);

  const act = (failed: string, op: () => Promise<void>) => async () => {
    try {
      await op();
    } catch (e) {
      setError(describeHistoryError(e, failed).message);
    } finally {
      history.changed();
    }
  };

  return (
    <div className="history" data-testid="history">
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {sessions === null ? (
        <p className="muted">Loading your history…</p>
      ) : sessions.length === 0 ? (
        <section className="panel">
          <h2>History</h2>
          <p className="muted" data-testid="history-empty">
            Every set you analyse is kept here, on this device only, so you can see your progress over weeks. Nothing yet: analyse a video or record a set.
          </p>
        </section>
      ) : (
        <>
          <ProgressPanel sessions={sessions} onOpenSession={onOpenSession} />
          <SessionList
            sessions={sessions}
            onOpen={onOpenSession}
            onNote={(id, note) => act('The note could not be saved', () => history.store.setNote(id, note))()}
            onDate={(id, at) => act('The date could not be changed', () => history.store.setPerformedAt(id, at))()}
            onDropVideo={(id) => act('The video could not be removed', () => history.store.dropVideo(id))()}
            onDelete={(id) => act('That session could not be deleted', () => history.store.delete(id))()}
          />
        </>
      )}
      {sessions !== null && <StoragePanel sessions={sessions} recordings={recordings} />}
    </div>
  );
}

export default HistoryView;

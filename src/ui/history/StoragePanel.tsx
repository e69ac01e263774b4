/**
 * What the history takes on this device (the browser's own estimate, and ours per kind), a
 * backup to one file and back, and one confirmed "delete everything".
 */
import { useEffect, useRef, useState } from 'react';
import type { HistoryUsage } from '../../store/history_db';
import { sessionDate, type HistorySession } from '../../store/history_types';
import { describeHistoryError } from '../../store/storage_errors';
import { storageEstimate } from '../../store/recordings_db';
import { useHistory } from './history_context';
import { dateStamp, downloadBlob } from '../download_file';
import { formatBytes, formatSessionDate } from './progress_display';

export interface StoragePanelProps {
  sessions: readonly HistorySession[];
  /** Stored webcam recordings, bytes and count (the Record tab manages them). */
  recordings: { count: number; bytes: number } | null;
}

type Message = { kind: 'status' | 'error'; text: string } | null;

export function StoragePanel({ sessions, recordings }: StoragePanelProps) {
  const history = useHistory();
  const [usage, setUsage] = useState<HistoryUsage | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [videoIds, setVideoIds] = useState<ReadonlySet<string>>(new Set());
  const fileInput = useRef<HTMLInputElement | null>(null);
  const withVideo = sessions.filter((s) => s.video);

  useEffect(() => {
    let cancelled = false;
    void history.store
      .usage()
      .then((u) => !cancelled && setUsage(u))
      .catch(() => undefined);
    void storageEstimate().then((e) => !cancelled && setEstimate(e));
    return () => {
      cancelled = true;
    };
  }, [history.store, history.version]);

  const run = async (failed: string, op: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'status', text: await op() });
    } catch (error) {
      setMessage({ kind: 'error', text: describeHistoryError(error, failed).message });
    } finally {
      setBusy(false);
      history.changed();
    }
  };

  const exportBackup = () =>
    run('The backup could not be made', async () => {
      const blob = await history.store.exportBackup({ videoIds: [...videoIds] });
      downloadBlob(blob, `squat-history-${dateStamp()}.zip`);
      return `Backup saved: ${sessions.length} session${sessions.length === 1 ? '' : 's'}${videoIds.size ? ` and ${videoIds.size} video${videoIds.size === 1 ? '' : 's'}` : ''}, ${formatBytes(blob.size)}.`;
    });

  const importBackup = (file: File) =>
    run('The backup could not be imported', async () => {
      const { added, skipped } = await history.store.importBackup(file);
      return `Imported ${added} session${added === 1 ? '' : 's'} from ${file.name}${skipped ? `; ${skipped} already here ${skipped === 1 ? 'was' : 'were'} left as ${skipped === 1 ? 'it was' : 'they were'}` : ''}.`;
    });

  const deleteEverything = () => {
    const what = `all ${sessions.length} sessions${recordings?.count ? ` and ${recordings.count} webcam recording${recordings.count === 1 ? '' : 's'}` : ''}`;
    if (!window.confirm(`Delete ${what} from this device? Export a backup first if you may want them back. This cannot be undone.`)) return;
    void run('Not everything could be deleted', async () => {
      const done = await history.store.deleteEverything();
      return `Deleted ${done.sessions} session${done.sessions === 1 ? '' : 's'} and ${done.recordings} recording${done.recordings === 1 ? '' : 's'}.`;
    });
  };

  return (
    <section className="panel storage-panel" aria-labelledby="storage-heading" data-testid="storage-panel">
      <h2 id="storage-heading">Storage and backup</h2>
      <p data-testid="storage-usage">
        {estimate ? (
          <>
            This site uses <strong>{formatBytes(estimate.usage)}</strong> of the {formatBytes(estimate.quota)} the browser allows it.
          </>
        ) : (
          'This browser does not say how much storage the site uses.'
        )}
        {usage ? (
          <span className="muted">
            {' '}
            History: {usage.sessions} session{usage.sessions === 1 ? '' : 's'} ({formatBytes(usage.dataBytes)}), {usage.videos} kept video{usage.videos === 1 ? '' : 's'} ({formatBytes(usage.videoBytes)})
            {recordings ? `; webcam recordings: ${recordings.count} (${formatBytes(recordings.bytes)})` : ''}.
          </span>
        ) : null}
      </p>
      <p className="muted small">To free space: remove kept videos (the numbers stay), delete old sessions, or delete recordings under Record.</p>

      {withVideo.length > 0 && (
        <fieldset className="backup-videos">
          <legend>Videos to put in the backup</legend>
          {withVideo.map((s) => (
            <label key={s.id}>
              <input
                type="checkbox"
                checked={videoIds.has(s.id)}
                onChange={(event) =>
                  setVideoIds((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(s.id);
                    else next.delete(s.id);
                    return next;
                  })
                }
              />{' '}
              {s.name}, {formatSessionDate(sessionDate(s))} ({formatBytes(s.video!.bytes)})
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy || sessions.length === 0} onClick={() => void exportBackup()} data-testid="export-history">
          ⤓ Export backup
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()} data-testid="import-history">
          Import a backup…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="import-history-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importBackup(file);
          }}
        />
        <button type="button" className="button danger" disabled={busy || (sessions.length === 0 && !recordings?.count)} onClick={deleteEverything} data-testid="delete-everything">
          Delete everything…
        </button>
      </div>
      {message ? (
        <p className={message.kind === 'error' ? 'notice error' : 'small'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="storage-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

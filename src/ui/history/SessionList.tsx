/**
 * Every stored session, newest first: date, clip, view, reps, the faults flagged, the user's
 * note (edited in place), whether its video is kept, and open / remove video / delete.
 */
import { useEffect, useState } from 'react';
import type { Fault } from '../../core/types';
import { sessionDate, type HistorySession } from '../../store/history_types';
import { FAULT_LABELS } from '../report/labels';
import { formatBytes, formatSessionDate, viewWords } from './progress_display';
import './session_controls.css';

export interface SessionListProps {
  sessions: readonly HistorySession[];
  onOpen: (id: string) => void;
  onNote: (id: string, note: string) => Promise<void>;
  onDate: (id: string, performedAt: number) => Promise<void>;
  onDropVideo: (id: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

function NoteField({ session, onNote }: { session: HistorySession; onNote: SessionListProps['onNote'] }) {
  const [text, setText] = useState(session.note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  useEffect(() => setText(session.note), [session.note]);
  const save = async () => {
    if (text === session.note) return;
    setState('saving');
    await onNote(session.id, text.trim());
    setState('saved');
  };
  return (
    <label className="session-note">
      <span className="visually-hidden">Note for {session.name}</span>
      <input
        type="text"
        value={text}
        placeholder="Add a note or tag, e.g. after 2 weeks of ankle mobility"
        maxLength={200}
        onChange={(event) => {
          setText(event.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
        data-testid="session-note"
      />
      <span className="muted small" aria-live="polite">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
      </span>
    </label>
  );
}

function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The day the set was done (from the file), to correct when the file's date is wrong; the time of day is kept. */
function DateField({ session, onDate }: { session: HistorySession; onDate: SessionListProps['onDate'] }) {
  const current = sessionDate(session);
  return (
    <label className="small session-date">
      Done on{' '}
      <input
        type="date"
        value={localDay(current)}
        max={localDay(Date.now())}
        onChange={(event) => {
          const [y, m, d] = event.target.value.split('-').map(Number);
          if (!y || !m || !d) return;
          const at = new Date(current);
          at.setFullYear(y, m - 1, d);
          void onDate(session.id, at.getTime());
        }}
        data-testid="session-date"
      />
    </label>
  );
}

function faultsText(session: HistorySession): string {
  const entries = Object.entries(session.summary.flaggedReps) as [Fault, number][];
  if (entries.length === 0) return 'no faults flagged';
  return entries.map(([fault, n]) => `${FAULT_LABELS[fault] ?? fault} ×${n}`).join(', ');
}

export function SessionList({ sessions, onOpen, onNote, onDate, onDropVideo, onDelete }: SessionListProps) {
  const newestFirst = [...sessions].reverse();
  return (
    <section className="panel session-list" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions ({sessions.length})</h2>
      <ul>
        {newestFirst.map((s) => (
          <li key={s.id} data-testid="history-session" data-session-id={s.id} data-view={s.view}>
            <div className="session-head">
              <strong className="session-name">{s.name}</strong>
              <span className="muted small">
                {formatSessionDate(sessionDate(s))} · filmed from {viewWords(s.view)} · {s.summary.repCount} rep{s.summary.repCount === 1 ? '' : 's'} ·{' '}
                {s.origin === 'recording' ? 'recorded here' : 'uploaded'} · BlazePose {s.model.replace('blazepose-', '')}
              </span>
              <span className="small">{faultsText(s)}</span>
            </div>
            <div className="session-fields">
              <NoteField session={s} onNote={onNote} />
              <DateField session={s} onDate={onDate} />
            </div>
            <div className="session-actions">
              <button type="button" className="button primary" onClick={() => onOpen(s.id)} data-testid="open-session">
                Open report
              </button>
              {s.video ? (
                <button type="button" className="button subtle" onClick={() => void onDropVideo(s.id)} aria-label={`Remove the video of ${s.name} (${formatBytes(s.video.bytes)}); keep its numbers`}>
                  Remove video ({formatBytes(s.video.bytes)})
                </button>
              ) : (
                <span className="muted small">video not kept</span>
              )}
              <button
                type="button"
                className="button subtle"
                onClick={() => {
                  if (window.confirm(`Delete the session "${s.name}" of ${formatSessionDate(sessionDate(s))} from this device? This cannot be undone.`)) void onDelete(s.id);
                }}
                aria-label={`Delete the session ${s.name}`}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

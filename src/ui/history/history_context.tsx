/**
 * The history as the app shell uses it: one HistoryStore for the page, which analysed video
 * became which stored session, and the intents (save a new analysis, keep or drop its video,
 * write a note). The History tab and the results page both read it, so a note typed on one
 * shows on the other.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { HistoryStore } from '../../store/history_db';
import type { HistorySession, SessionOrigin } from '../../store/history_types';
import { describeHistoryError } from '../../store/storage_errors';
import { requestPersistentStorage } from '../../store/recordings_db';
import type { LoadedVideo } from '../app/loaded_videos';

export type HistoryLink =
  | { status: 'saving' }
  | { status: 'saved'; session: HistorySession }
  | { status: 'failed'; message: string }
  | { status: 'not_saved'; message: string };

export interface HistoryApi {
  store: HistoryStore;
  /** Bumps on every change, so lists read the store again. */
  version: number;
  changed(): void;
  link(videoId: string): HistoryLink | undefined;
  /** Saves a newly analysed video as a session. */
  record(video: LoadedVideo, origin: SessionOrigin): Promise<void>;
  /** The video was analysed again (same id): its session takes the new Analysis. */
  update(video: LoadedVideo): Promise<void>;
  /** A video opened from the history is that session (not saved again). */
  attach(videoId: string, session: HistorySession): void;
  keepVideo(video: LoadedVideo): Promise<void>;
  dropVideo(video: LoadedVideo): Promise<void>;
  setNote(video: LoadedVideo, note: string): Promise<void>;
}

let sharedStore: HistoryStore | null = null;
/** The page's one history store (the app's IndexedDB database). */
export function historyStore(): HistoryStore {
  sharedStore ??= new HistoryStore();
  return sharedStore;
}

const HistoryContext = createContext<HistoryApi | null>(null);

/** A picked file's own date (a phone video's is when it was filmed), when it has a plausible one. */
function fileDate(file: Blob): number | undefined {
  const modified = (file as Partial<File>).lastModified;
  return typeof modified === 'number' && modified > 0 && modified <= Date.now() ? modified : undefined;
}

export function HistoryProvider({ children, store }: { children: ReactNode; store?: HistoryStore }) {
  const storeRef = useRef(store ?? historyStore());
  const [version, setVersion] = useState(0);
  const [links, setLinks] = useState<ReadonlyMap<string, HistoryLink>>(new Map());
  const linksRef = useRef(links);
  linksRef.current = links;
  const asked = useRef(false);

  const setLink = useCallback((videoId: string, link: HistoryLink) => {
    setLinks((current) => new Map(current).set(videoId, link));
  }, []);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const record = useCallback(
    async (video: LoadedVideo, origin: SessionOrigin) => {
      if (!video.analysis) {
        setLink(video.id, { status: 'not_saved', message: 'Not saved to your history: the movement analysis failed, so there is nothing to compare.' });
        return;
      }
      setLink(video.id, { status: 'saving' });
      try {
        const session = await storeRef.current.save({ analysis: video.analysis, track: video.track, name: video.name, origin, backend: video.backend, performedAt: fileDate(video.file) });
        setLink(video.id, { status: 'saved', session });
        changed();
        // Ask once that the browser not evict the history under storage pressure (it may say no).
        if (!asked.current) {
          asked.current = true;
          void requestPersistentStorage();
        }
      } catch (error) {
        setLink(video.id, { status: 'failed', message: describeHistoryError(error, 'This set could not be saved to your history').message });
      }
    },
    [setLink, changed],
  );

  const withSession = useCallback(
    async (video: LoadedVideo, failed: string, op: (session: HistorySession) => Promise<void>) => {
      const link = linksRef.current.get(video.id);
      if (link?.status !== 'saved') return;
      try {
        await op(link.session);
        const session = await storeRef.current.get(link.session.id);
        if (session) setLink(video.id, { status: 'saved', session });
        changed();
      } catch (error) {
        // The session stays saved; say what did not happen.
        setLink(video.id, { status: 'saved', session: { ...link.session } });
        throw describeHistoryError(error, failed);
      }
    },
    [setLink, changed],
  );

  const api = useMemo<HistoryApi>(
    () => ({
      store: storeRef.current,
      version,
      changed,
      link: (videoId) => links.get(videoId),
      record,
      attach: (videoId, session) => setLink(videoId, { status: 'saved', session }),
      update: async (video) => {
        const link = linksRef.current.get(video.id);
        if (link?.status !== 'saved' || !video.analysis) return;
        try {
          setLink(video.id, { status: 'saved', session: await storeRef.current.replaceAnalysis(link.session.id, video.analysis, video.track) });
          changed();
        } catch (error) {
          setLink(video.id, { status: 'failed', message: describeHistoryError(error, 'The new analysis could not be saved to your history').message });
        }
      },
      keepVideo: (video) => withSession(video, 'The video could not be kept', (s) => storeRef.current.keepVideo(s.id, video.file)),
      dropVideo: (video) => withSession(video, 'The video could not be removed', (s) => storeRef.current.dropVideo(s.id)),
      setNote: (video, note) => withSession(video, 'The note could not be saved', (s) => storeRef.current.setNote(s.id, note)),
    }),
    [version, links, changed, record, setLink, withSession],
  );
  return <HistoryContext.Provider value={api}>{children}</HistoryContext.Provider>;
}

export function useHistory(): HistoryApi {
  const api = useContext(HistoryContext);
  if (!api) throw new Error('useHistory needs a HistoryProvider');
  return api;
}

/** Same as useHistory, or null outside a provider (component tests of the report). */
export function useOptionalHistory(): HistoryApi | null {
  return useContext(HistoryContext);
}

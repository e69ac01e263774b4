/**
 * App shell: four tabs (analyse a video, record, results, history). State that must survive tab
 * switches lives here: the loaded videos, the running analysis (with its File), the chosen model.
 * Every analysed video is saved to the history (src/ui/history) as it arrives.
 */
import { Suspense, lazy, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DepthTarget } from '../core/types';
import type { PoseModelName } from '../pose/types';
import { AnalysisProgressView } from './upload/AnalysisProgressView';
import { UploadPanel } from './upload/UploadPanel';
import { ErrorBoundary } from './app/ErrorBoundary';
import { ErrorNotice } from './app/ErrorNotice';
import { LazyLiveRecorder, preloadReportView } from './app/lazy_parts';
import { releaseLoadedVideo, type LoadedVideo } from './app/loaded_videos';
import { ResultsView } from './app/ResultsView';
import { useVideoAnalysis } from './app/use_video_analysis';
import { HistoryProvider, useHistory } from './history/history_context';
import { sessionToLoadedVideo } from './history/open_session';
import { UpdatePrompt } from './pwa/UpdatePrompt';

const HistoryView = lazy(() => import('./history/HistoryView'));

type TabId = 'analyse' | 'record' | 'results' | 'history';
const TABS: { id: TabId; label: string }[] = [
  { id: 'analyse', label: 'Analyse a video' },
  { id: 'record', label: 'Record' },
  { id: 'results', label: 'Results' },
  { id: 'history', label: 'History' },
];

export function App() {
  return (
    <HistoryProvider>
      <AppShell />
    </HistoryProvider>
  );
}

function AppShell() {
  const [tab, setTab] = useState<TabId>('analyse');
  // Full by default: on the shared clips it gives the verdicts a coach signs more often than lite
  // (docs/accuracy.md, "Lite or full"); lite stays a choice, and the live preview's model.
  const [model, setModel] = useState<PoseModelName>('full');
  const [depthTarget, setDepthTarget] = useState<DepthTarget>('parallel');
  const [videos, setVideos] = useState<LoadedVideo[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const videosRef = useRef(videos);
  videosRef.current = videos;
  // The recorder stays mounted once opened, so a recording goes on while another tab is shown.
  const [recorderOpened, setRecorderOpened] = useState(false);
  if (tab === 'record' && !recorderOpened) setRecorderOpened(true);
  const tabRefs = useRef<Record<TabId, HTMLButtonElement | null>>({ analyse: null, record: null, results: null, history: null });
  const history = useHistory();
  const historyRef = useRef(history);
  historyRef.current = history;
  const [historyProblem, setHistoryProblem] = useState<string | null>(null);

  const showVideo = useCallback((video: LoadedVideo) => {
    setVideos((list) => [...list, video]);
    setSelectedId(video.id);
    setTab('results');
  }, []);
  const addUploaded = useCallback(
    (video: LoadedVideo) => {
      showVideo(video);
      void historyRef.current.record(video, 'upload');
    },
    [showVideo],
  );
  const addRecorded = useCallback(
    (video: LoadedVideo) => {
      showVideo(video);
      void historyRef.current.record(video, 'recording');
    },
    [showVideo],
  );
  const analysis = useVideoAnalysis(addUploaded);

  /** A session from the history: shown on the results page (once), not saved again. */
  const openSession = useCallback(
    async (sessionId: string) => {
      const already = videosRef.current.find((v) => {
        const link = historyRef.current.link(v.id);
        return link?.status === 'saved' && link.session.id === sessionId;
      });
      if (already) {
        setSelectedId(already.id);
        setTab('results');
        return;
      }
      try {
        setHistoryProblem(null);
        const opened = await historyRef.current.store.open(sessionId);
        const video = sessionToLoadedVideo(opened);
        historyRef.current.attach(video.id, opened.session);
        showVideo(video);
      } catch (error) {
        setHistoryProblem((error as Error).message);
      }
    },
    [showVideo],
  );
  const analysing = analysis.running !== null;
  useEffect(() => {
    if (analysing) preloadReportView();
  }, [analysing]);

  const removeVideo = (id: string) => {
    setVideos((list) => {
      const gone = list.find((v) => v.id === id);
      if (gone) releaseLoadedVideo(gone);
      const rest = list.filter((v) => v.id !== id);
      setSelectedId((current) => (current === id ? (rest.at(-1)?.id ?? null) : current));
      if (rest.length === 0) setTab('analyse');
      return rest;
    });
  };

  // A file dropped outside the drop zone would make the browser navigate to it, losing the
  // session's videos: swallow such drops.
  useEffect(() => {
    const swallow = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', swallow);
    window.addEventListener('drop', swallow);
    return () => {
      window.removeEventListener('dragover', swallow);
      window.removeEventListener('drop', swallow);
    };
  }, []);

  useEffect(() => () => videosRef.current.forEach(releaseLoadedVideo), []);

  const selected = videos.find((v) => v.id === selectedId) ?? videos.at(-1) ?? null;

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const order = TABS.map((t) => t.id);
    const i = order.indexOf(tab);
    let next: TabId | null = null;
    if (event.key === 'ArrowRight') next = order[(i + 1) % order.length];
    else if (event.key === 'ArrowLeft') next = order[(i - 1 + order.length) % order.length];
    else if (event.key === 'Home') next = order[0];
    else if (event.key === 'End') next = order[order.length - 1];
    if (next) {
      event.preventDefault();
      setTab(next);
      tabRefs.current[next]?.focus();
    }
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div>
          <h1>Squat Analyzer</h1>
          <p className="tagline">Film a set, find what breaks. Nothing leaves this device.</p>
        </div>
        <div role="tablist" aria-label="Sections" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              role="tab"
              type="button"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={onTabKey}
              className="tab"
            >
              {t.label}
              {t.id === 'results' && videos.length > 0 ? <span className="badge">{videos.length}</span> : null}
              {t.id === 'analyse' && analysis.running ? <span className="badge busy" aria-label="analysing" /> : null}
            </button>
          ))}
        </div>
      </header>

      <main id="main" className="app-main">
        <UpdatePrompt />
        {analysis.problem ? <ErrorNotice problem={analysis.problem} onDismiss={analysis.dismiss} /> : null}

        <section role="tabpanel" id="panel-analyse" aria-labelledby="tab-analyse" hidden={tab !== 'analyse'}>
          {analysis.running ? (
            <AnalysisProgressView name={analysis.running.name} progress={analysis.running.progress} onCancel={analysis.cancel} />
          ) : (
            <UploadPanel
              model={model}
              onModelChange={setModel}
              disabled={analysis.running !== null}
              depthTarget={depthTarget}
              onDepthTargetChange={setDepthTarget}
              onFile={(file) => void analysis.start(file, file.name, model, depthTarget)}
            />
          )}
        </section>

        <section role="tabpanel" id="panel-record" aria-labelledby="tab-record" hidden={tab !== 'record'}>
          {recorderOpened ? (
            <ErrorBoundary what="recorder">
              <Suspense fallback={<p className="muted">Loading the recorder…</p>}>
                <LazyLiveRecorder onAnalysed={addRecorded} active={tab === 'record'} depthTarget={depthTarget} onDepthTargetChange={setDepthTarget} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </section>

        <section role="tabpanel" id="panel-results" aria-labelledby="tab-results" hidden={tab !== 'results'}>
          {selected ? (
            <ResultsView
              videos={videos}
              selected={selected}
              onSelect={setSelectedId}
              onRemove={removeVideo}
              onUpdate={(updated) => {
                setVideos((list) => list.map((v) => (v.id === updated.id ? updated : v)));
                void history.update(updated);
              }}
            />
          ) : (
            <p className="panel muted">No video analysed yet. Choose one under “Analyse a video”.</p>
          )}
        </section>

        <section role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'}>
          {historyProblem ? (
            <div className="notice error" role="alert">
              <p>{historyProblem}</p>
            </div>
          ) : null}
          {tab === 'history' ? (
            <ErrorBoundary what="history">
              <Suspense fallback={<p className="muted">Loading your history…</p>}>
                <HistoryView onOpenSession={(id) => void openSession(id)} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </section>
      </main>
      <footer className="app-footer muted small">
        Pose: BlazePose (Google, Apache-2.0) running locally. Guidance, not diagnosis.
      </footer>
    </div>
  );
}

/**
 * "A new version is ready" (reload when you like) and, once, "works offline now" (it goes away
 * by itself). Both float at the bottom of the window rather than push the page down.
 */
import { useEffect, useState } from 'react';
import { registerServiceWorker } from './service_worker';
import './pwa.css';

const OFFLINE_NOTICE_MS = 10_000;

export function UpdatePrompt() {
  const [activate, setActivate] = useState<(() => void) | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);

  useEffect(
    () =>
      registerServiceWorker({
        onUpdateReady: (run) => setActivate(() => run),
        onOfflineReady: () => setOfflineReady(true),
      }),
    [],
  );
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady]);

  if (activate) {
    return (
      <div className="notice pwa-toast update-prompt" role="status" data-testid="update-prompt">
        <p>A new version of the app is ready. Reloading keeps your history; an analysis that is running stops.</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={activate}>
            Reload to update
          </button>
          <button type="button" className="button subtle" onClick={() => setActivate(null)}>
            Later
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="notice pwa-toast offline-ready" role="status" data-testid="offline-ready">
        <p className="small">Stored on this device: the app now works without a network.</p>
        <button type="button" className="button subtle" onClick={() => setOfflineReady(false)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}

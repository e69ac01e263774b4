/** "A new version is ready" (reload when you like) and, once, "works offline now". */
import { useEffect, useState } from 'react';
import { registerServiceWorker } from './service_worker';

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

  if (activate) {
    return (
      <div className="notice update-prompt" role="status" data-testid="update-prompt">
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
      <div className="notice offline-ready" role="status" data-testid="offline-ready">
        <p>The app is now stored on this device: it opens and analyses without a network.</p>
        <button type="button" className="button subtle" onClick={() => setOfflineReady(false)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}

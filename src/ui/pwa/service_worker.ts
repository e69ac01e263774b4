/**
 * Registers the service worker that vite-plugin-pwa generates (workbox, bundled into the build:
 * nothing from a CDN), which precaches the app, the models and the wasm so the app loads and
 * analyses with the network off. Uses workbox-window, as vite-plugin-pwa's own register module
 * does, without its virtual module (so the unit tests, which run without the plugin, import this).
 *
 * Built app only (`__SERVICE_WORKER__`, set by vite.config.ts): the dev server serves no service
 * worker. Not import.meta.env.PROD, which follows NODE_ENV and is false in a build made under the
 * test runner (the e2e tests' build).
 */
import { Workbox } from 'workbox-window';

declare const __SERVICE_WORKER__: boolean | undefined;
const serviceWorkerBuilt = typeof __SERVICE_WORKER__ !== 'undefined' && __SERVICE_WORKER__;

export interface ServiceWorkerEvents {
  /** A new version is installed and waiting; call activate() to switch to it (the page reloads). */
  onUpdateReady(activate: () => void): void;
  /** The first install finished: from now on the app works offline. */
  onOfflineReady(): void;
}

/** Path of the generated worker (vite-plugin-pwa's default filename, at the app's base URL). */
export const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL}sw.js`;

/** The dev server defines `__SERVICE_WORKER__` false (unit tests leave it undefined). */
const onDevServer = typeof __SERVICE_WORKER__ !== 'undefined' && !__SERVICE_WORKER__;

export function registerServiceWorker(events: ServiceWorkerEvents): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  if (onDevServer) {
    // A worker left by a build once served from this origin would answer with that build's
    // files: remove it, so the next reload runs the code being edited.
    void navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister())), () => undefined);
    return () => undefined;
  }
  if (!serviceWorkerBuilt) return () => undefined;
  const workbox = new Workbox(SERVICE_WORKER_URL, { scope: import.meta.env.BASE_URL, type: 'classic' });
  let reloading = false;
  const onWaiting = () =>
    events.onUpdateReady(() => {
      workbox.addEventListener('controlling', () => {
        if (reloading) return;
        reloading = true;
        window.location.reload();
      });
      workbox.messageSkipWaiting();
    });
  const onInstalled = (event: { isUpdate?: boolean }) => {
    if (!event.isUpdate) events.onOfflineReady();
  };
  workbox.addEventListener('waiting', onWaiting);
  workbox.addEventListener('installed', onInstalled);
  void workbox.register().catch(() => undefined);
  // Look for a new version now and then while the app stays open (a tab kept open for days).
  const timer = window.setInterval(() => void workbox.update().catch(() => undefined), 60 * 60 * 1000);
  return () => {
    window.clearInterval(timer);
    workbox.removeEventListener('waiting', onWaiting);
    workbox.removeEventListener('installed', onInstalled);
  };
}

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ServiceWorkerEvents } from '../../../../src/ui/pwa/service_worker';

let events: ServiceWorkerEvents | null = null;
vi.mock('../../../../src/ui/pwa/service_worker', () => ({
  registerServiceWorker: (e: ServiceWorkerEvents) => {
    events = e;
    return () => undefined;
  },
}));
const { UpdatePrompt } = await import('../../../../src/ui/pwa/UpdatePrompt');

afterEach(cleanup);

describe('UpdatePrompt', () => {
  it('says nothing until the service worker reports, then offers the update and runs it on request', () => {
    render(<UpdatePrompt />);
    expect(screen.queryByTestId('update-prompt')).toBeNull();
    act(() => events!.onOfflineReady());
    expect(screen.getByTestId('offline-ready').textContent).toMatch(/works without a network/);
    const activate = vi.fn();
    act(() => events!.onUpdateReady(activate));
    expect(screen.getByTestId('update-prompt').textContent).toMatch(/new version of the app is ready/);
    fireEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('can be put off', () => {
    render(<UpdatePrompt />);
    act(() => events!.onUpdateReady(() => undefined));
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByTestId('update-prompt')).toBeNull();
  });
});

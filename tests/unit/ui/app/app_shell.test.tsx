// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../src/ui/App';

afterEach(cleanup);

describe('app shell', () => {
  it('has labelled tabs that follow the keyboard (arrow keys, Home, End)', () => {
    render(<App />);
    const analyse = screen.getByRole('tab', { name: 'Analyse a video' });
    expect(analyse.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(analyse, { key: 'ArrowRight' });
    const record = screen.getByRole('tab', { name: 'Record' });
    expect(record.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(record);
    fireEvent.keyDown(record, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'History' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: /Results/ }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: /Results/ }), { key: 'Home' });
    expect(analyse.getAttribute('aria-selected')).toBe('true');
  });

  it('offers a labelled file picker and a model choice', () => {
    render(<App />);
    const picker = screen.getByLabelText('Choose a video…') as HTMLInputElement;
    expect(picker.type).toBe('file');
    expect(picker.accept).toContain('video/mp4');
    const lite = screen.getByRole('radio', { name: /Lite/ }) as HTMLInputElement;
    const full = screen.getByRole('radio', { name: /Full/ }) as HTMLInputElement;
    // Full by default (docs/accuracy.md, "Lite or full"); lite stays a choice.
    expect(full.checked).toBe(true);
    fireEvent.click(lite);
    expect(lite.checked).toBe(true);
  });

  it('says there are no results yet instead of showing an empty player', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('tab', { name: /Results/ }));
    expect(screen.getByText(/No video analysed yet/)).toBeTruthy();
  });
});

/** Keeps one failing part (e.g. the report) from taking the whole app down. */
import { Component, type ReactNode } from 'react';

interface Props {
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <div className="notice error" role="alert">
          <div>
            <h2 className="notice-title">The {this.props.what} could not be shown</h2>
            <p>{this.state.error.message}</p>
            <p className="hint">The rest of the app still works. Try another video or reload the page.</p>
          </div>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

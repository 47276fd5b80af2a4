import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Name of the part of the page, used in the message. */
  label: string;
}

interface State {
  error: Error | null;
}

/** Keeps one broken view from blanking the page: shows a message and a retry button instead. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is rendered; nothing else to report (no trackers).
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="card app__error" role="alert">
          <p>
            <strong>The {this.props.label} could not be shown.</strong> {this.state.error.message}
          </p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}

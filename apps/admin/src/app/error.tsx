"use client";

/** Server rendering failed, most often because the API is unreachable (see API_URL). */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>Something went wrong</h1>
        <p className="muted">The admin could not load this page. If the Frontdesk API is not running, start it and try again.</p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </div>
  );
}

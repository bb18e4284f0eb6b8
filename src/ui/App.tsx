export function App() {
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
  return (
    <main className="app">
      <header className="app-header">
        <h1>Tracewell</h1>
        <p>Scanned well logs to LAS — offline, in your browser.</p>
      </header>
      <p data-testid="isolation">{isolated ? 'cross-origin isolated' : 'not cross-origin isolated'}</p>
    </main>
  );
}

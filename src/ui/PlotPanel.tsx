/** Right panel: the log plot of the digitised curves (drawn once curves exist). */
export function PlotPanel() {
  return (
    <aside className="panel panel-right" aria-label="Log plot">
      <h2>Log plot</h2>
      <div className="empty-note">
        <p>The digitised curves are plotted here, depth against value on their own scales, scrolling with the scan.</p>
        <p className="muted small">Calibrate and digitise the scan to fill it.</p>
      </div>
    </aside>
  );
}

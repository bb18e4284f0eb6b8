/**
 * The workbench shell: file bar on top, steps and tools on the left, the scan in the centre, the
 * log plot on the right, status at the bottom. Drop a scan anywhere to open it.
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import { CalibrateOverlay } from './calibrate/CalibrateOverlay';
import { ReviewLayer } from './digitise/ReviewLayer';
import { CurveLayer } from './edit/CurveLayer';
import { EditOverlay } from './edit/EditOverlay';
import { ExportPreview } from './export/ExportPreview';
import { DropZone } from './load/DropZone';
import { JobProgress } from './load/JobProgress';
import { FilePicker, OpenButton } from './load/OpenButton';
import { PageChooser } from './load/PageChooser';
import { NoticeBanner } from './NoticeBanner';
import { PlotPanel } from './PlotPanel';
import { scanLoader, startServices } from './services';
import { StatusBar } from './StatusBar';
import { StepsPanel } from './StepsPanel';
import { TopBar } from './TopBar';
import { useShortcuts } from './useShortcuts';
import { ScanViewer } from './viewer/ScanViewer';

export function App() {
  useShortcuts();
  useEffect(() => {
    // A read-only handle for end-to-end tests and debugging in the console.
    (window as unknown as { tracewell: unknown }).tracewell = { store: appStore };
    return startServices();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <StepsPanel />
      <main className="centre">
        <NoticeBanner />
        <JobProgress />
        <ScanViewer empty={<EmptyViewer />}>
          <ReviewLayer />
          <CurveLayer />
          <EditOverlay />
          <CalibrateOverlay />
        </ScanViewer>
        <ExportPreview />
      </main>
      <PlotPanel />
      <StatusBar />
      <DropZone />
      <FilePicker />
      <PageChooser />
    </div>
  );
}

const SAMPLE = 'synthetic-log.png';

/** The bundled synthetic log (public/samples), served from our own origin like the app. */
async function openSample(): Promise<void> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}samples/${SAMPLE}`);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    await scanLoader().openFile(new File([await res.blob()], SAMPLE, { type: 'image/png' }));
  } catch (e) {
    appStore.getState().showNotice({ kind: 'error', title: 'Could not open the sample log', message: (e as Error).message });
  }
}

function EmptyViewer() {
  return (
    <div className="viewer-empty">
      <div className="viewer-empty-card">
        <h2>Open a scanned log</h2>
        <p>Drop a PNG, JPEG, TIFF (G3/G4, LZW, PackBits, Deflate) or PDF anywhere in this window.</p>
        <div className="button-row">
          <OpenButton className="primary" />
          <button onClick={() => void openSample()}>Open the sample log</button>
        </div>
        <p className="muted small">Long logs are fine: up to 50,000 px. Nothing leaves this computer.</p>
      </div>
    </div>
  );
}

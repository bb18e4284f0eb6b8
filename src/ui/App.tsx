/**
 * The workbench shell: file bar on top, steps and tools on the left, the scan in the centre, the
 * log plot on the right, status at the bottom. Drop a scan anywhere to open it. With no scan open
 * the viewer shows the start screen (saved sessions).
 */
import { useEffect } from 'react';
import { appStore } from '../state/store';
import { CalibrateOverlay } from './calibrate/CalibrateOverlay';
import { ReviewLayer } from './digitise/ReviewLayer';
import { CurveCanvas } from './edit/CurveCanvas';
import { CurveLayer } from './edit/CurveLayer';
import { EditOverlay } from './edit/EditOverlay';
import { ExportPreview } from './export/ExportPreview';
import { DropZone } from './load/DropZone';
import { JobProgress } from './load/JobProgress';
import { FilePicker } from './load/OpenButton';
import { PageChooser } from './load/PageChooser';
import { NoticeBanner } from './NoticeBanner';
import { PlotPanel } from './PlotPanel';
import { startServices } from './services';
import { startSessions } from './sessions/session-services';
import { StartScreen } from './sessions/StartScreen';
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
    const stops = [startServices(), startSessions()];
    return () => stops.forEach((stop) => stop());
  }, []);
  return (
    <div className="app">
      <TopBar />
      <StepsPanel />
      <main className="centre">
        <NoticeBanner />
        <JobProgress />
        <ScanViewer empty={<StartScreen />} underlay={<ReviewLayer />} layers={<CurveCanvas />}>
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

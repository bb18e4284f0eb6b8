/**
 * Which execution provider runs the model, and the user's override (a small popover): automatic
 * (WebGPU on a hardware adapter, else WASM), WebGPU, or WASM. A change applies from the next
 * Digitise: the segmenter is made again.
 */
import { useState } from 'react';
import { EP_SETTINGS, getEpSetting, setEpSetting, type EpSetting } from '../../ml/browser';
import type { BackendInfo } from '../../ml/segmenter';
import { useAppStore } from '../../state/store';
import { prepareModel, resetSegmenter } from '../services';

const WORDS: Record<EpSetting, string> = {
  auto: 'Automatic (WebGPU on a real GPU, else WASM)',
  webgpu: 'WebGPU (graphics card)',
  wasm: 'WASM (CPU, all cores)',
};

export function backendLine(b: BackendInfo | null): string {
  if (!b) return 'starts at the first Digitise';
  const ep = b.ep === 'webgpu' ? 'WebGPU' : b.ep === 'wasm' ? 'WASM' : 'CPU';
  const threads = b.ep === 'webgpu' ? '' : ` · ${b.workers} worker${b.workers === 1 ? '' : 's'} × ${b.threadsPerWorker} thread${b.threadsPerWorker === 1 ? '' : 's'}`;
  return `${ep}${threads}`;
}

export function EngineSettings() {
  const backend = useAppStore((s) => s.digitise.backend);
  const [open, setOpen] = useState(false);
  const [setting, setSetting] = useState<EpSetting>(getEpSetting);
  const choose = (v: EpSetting) => {
    setEpSetting(v);
    setSetting(v);
    void resetSegmenter().then(prepareModel);
  };
  return (
    <div className="engine">
      <div className="engine-line">
        <span data-testid="engine-in-use">Engine: {backendLine(backend)}</span>
        <button className="small" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
          Settings
        </button>
      </div>
      {backend?.note && <p className="muted small">{backend.note}</p>}
      {open && (
        <div className="engine-popover" role="dialog" aria-label="Engine settings" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <fieldset>
            <legend>Run the model with</legend>
            {EP_SETTINGS.map((v) => (
              <label key={v}>
                <input type="radio" name="ep" value={v} checked={setting === v} onChange={() => choose(v)} />
                {WORDS[v]}
              </label>
            ))}
          </fieldset>
          <p className="muted small">Applies from the next Digitise. A WebGPU that fails to start falls back to WASM, and says so.</p>
          <button className="small" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}

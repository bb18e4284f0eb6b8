/**
 * "Open scan…" buttons and the one hidden file input they all use. Accepts by type, but the
 * decoder checks the bytes regardless (a mislabelled file still opens, a renamed GIF still fails).
 */
import { useEffect, useRef } from 'react';
import { scanLoader } from '../services';

export const ACCEPT = '.png,.jpg,.jpeg,.tif,.tiff,.pdf,image/png,image/jpeg,image/tiff,application/pdf';

let input: HTMLInputElement | null = null;

/** Show the system file picker (buttons, Ctrl+O). */
export function openFilePicker(): void {
  input?.click();
}

export function FilePicker() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input = ref.current;
    return () => {
      input = null;
    };
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      accept={ACCEPT}
      hidden
      data-testid="file-input"
      onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        e.currentTarget.value = ''; // picking the same file again must fire again
        if (f) void scanLoader().openFile(f);
      }}
    />
  );
}

export function OpenButton({ className, label = 'Open scan…' }: { className?: string; label?: string }) {
  return (
    <button className={className} onClick={openFilePicker} title="Open a scan (Ctrl+O)">
      {label}
    </button>
  );
}

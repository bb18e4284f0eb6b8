"""Shared bits of the training tests: paths, a fake dataset per test class, running run.py."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent
SMOKE = TRAINING / "configs" / "smoke.json"
sys.path.insert(0, str(TRAINING))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fakedata  # noqa: E402


class Workspace:
    """A temp dir holding a fake dataset, a decoded-scan cache and run dirs."""

    def __init__(self, n=16):
        self._tmp = tempfile.TemporaryDirectory(prefix="tw-train-test-")
        self.root = Path(self._tmp.name)
        self.dataset = self.root / "dataset"
        self.manifest = fakedata.write_dataset(self.dataset, n=n, jpeg_every=5)

    def args(self, run_dir, *extra):
        return [sys.executable, str(TRAINING / "run.py"), "--config", str(SMOKE), "--run-dir", str(run_dir),
                "--dataset-dir", str(self.dataset), "--cache-dir", str(self.root / "cache"),
                "--models-dir", str(self.root / "models"), *extra]

    def run(self, run_dir, *extra, timeout=240):
        return subprocess.run(self.args(run_dir, *extra), capture_output=True, text=True, timeout=timeout,
                              env=dict(os.environ, PYTHONUNBUFFERED="1"))

    def close(self):
        self._tmp.cleanup()

"""Whole-scan evaluation through the exported model in onnxruntime (onnxruntime-node, the runtime the
app uses, kept open by `scripts/onnx-check.ts serve`): it measures the shipped artifact, and it is
several times faster than PyTorch on the CPU for depthwise-separable convolutions."""
import subprocess
import threading

import numpy as np

from .export import REPO, ExportError


class OrtTiles:
    """Callable: float32 [N,1,H,W] -> uint8 argmax classes [N,H,W], one onnxruntime session."""

    def __init__(self, onnx_path, threads=2):
        cmd = ["npx", "tsx", "scripts/onnx-check.ts", "serve", "--model", str(onnx_path), "--threads", str(threads)]
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.stderr = []
        self.reader = threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True)
        self.reader.start()

    def __call__(self, x):
        n, _, h, w = x.shape
        try:
            self.proc.stdin.write(np.array([n, 1, h, w], "<u4").tobytes())
            self.proc.stdin.write(np.ascontiguousarray(x, "<f4").tobytes())
            self.proc.stdin.flush()
            raw = self.proc.stdout.read(n * h * w)
        except BrokenPipeError:
            raw = b""
        if len(raw) != n * h * w:
            self.close()
            self.reader.join(timeout=10)
            lines = b"".join(self.stderr).decode(errors="replace").splitlines()
            why = " ".join(line for line in lines if not line.startswith("npm warn")).strip()
            raise ExportError(f"onnxruntime serve stopped (exit code {self.proc.returncode}): {why or 'no message'}")
        return np.frombuffer(raw, np.uint8).reshape(n, h, w)

    def close(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

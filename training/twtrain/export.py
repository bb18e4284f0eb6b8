"""ONNX export (docs/model-card.md contract) and the parity check against PyTorch, run with the real
onnxruntime through onnxruntime-node (scripts/onnx-check.ts): there is no Python onnxruntime here."""
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[2]
PARITY_TOL = 1e-4   # max abs difference of logits, PyTorch vs onnxruntime


class ExportError(RuntimeError):
    pass


def export_onnx(model, path, multiple, opset=17):
    """Eval-mode export (BatchNorm folded into the convs), dynamic N, H and W."""
    model.eval()
    dummy = torch.rand(1, 1, multiple * 4, multiple * 6)
    axes = {0: "N", 2: "H", 3: "W"}
    with torch.no_grad():
        torch.onnx.export(model, dummy, str(path), opset_version=opset, input_names=["image"],
                          output_names=["logits"], dynamic_axes={"image": axes, "logits": axes},
                          do_constant_folding=True)
    return Path(path)


def run_onnxruntime(onnx_path, inputs, threads=2, timeout=600):
    """Run each float32 [N,1,H,W] array through onnxruntime-node; returns (outputs, results.json)."""
    with tempfile.TemporaryDirectory(prefix="onnx-check-") as tmp:
        tmp = Path(tmp)
        cases = []
        for k, x in enumerate(inputs):
            np.ascontiguousarray(x, dtype="<f4").tofile(tmp / f"case{k}.in.f32")
            cases.append({"input": f"case{k}.in.f32", "shape": list(x.shape)})
        (tmp / "cases.json").write_text(json.dumps(cases))
        cmd = ["npx", "tsx", "scripts/onnx-check.ts", "run", "--model", str(Path(onnx_path).resolve()),
               "--cases", str(tmp), "--threads", str(threads)]
        try:
            proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ExportError(f"onnxruntime check did not finish in {timeout} s") from None
        if proc.returncode != 0:
            raise ExportError(f"onnxruntime check failed: {proc.stderr.strip() or proc.stdout.strip()}")
        results = json.loads((tmp / "results.json").read_text())
        outs = [np.fromfile(tmp / r["output"], dtype="<f4").reshape(r["shape"]) for r in results["results"]]
        return outs, results


def parity_inputs(crops, multiple, rng, n_tiles):
    """Random tiles: real scan crops (uint8) at random multiple-of sizes, a batch of 2, and noise."""
    inputs = []
    for k in range(n_tiles):
        img = crops[int(rng.integers(len(crops)))][0]
        h = multiple * int(rng.integers(1, max(2, img.shape[0] // multiple + 1)))
        w = multiple * int(rng.integers(1, max(2, img.shape[1] // multiple + 1)))
        inputs.append((img[:h, :w].astype(np.float32) / 255.0)[None, None])
    a = crops[0][0][:multiple * 2, :multiple * 3].astype(np.float32) / 255.0
    inputs.append(np.stack([a, 1.0 - a])[:, None])
    inputs.append(rng.random((1, 1, multiple * 3, multiple * 2), dtype=np.float32))
    return inputs


def parity_check(model, onnx_path, inputs, threads=2):
    """Max |logits_torch - logits_ort| over all tiles; raises ExportError above PARITY_TOL."""
    model.eval()
    outs, results = run_onnxruntime(onnx_path, inputs, threads)
    diffs = []
    with torch.no_grad():
        for x, o in zip(inputs, outs):
            ref = model(torch.from_numpy(x)).numpy()
            if ref.shape != o.shape:
                raise ExportError(f"onnxruntime output shape {o.shape} != PyTorch {ref.shape} for input {x.shape}")
            diffs.append(float(np.abs(ref - o).max()))
    report = {"tolerance": PARITY_TOL, "maxAbsDiff": max(diffs), "tiles": [list(x.shape) for x in inputs],
              "perTile": diffs, "runtime": "onnxruntime-node", "ioNames": [results["inputNames"], results["outputNames"]]}
    if report["maxAbsDiff"] > PARITY_TOL:
        raise ExportError(f"ONNX parity failed: max abs diff {report['maxAbsDiff']:.3g} > {PARITY_TOL}")
    return report

"""Whole-scan evaluation the way the app segments (src/ml/tiling.ts, ported): each tile owns a core of
at most tile - 2*overlap px and sees `overlap` px of context on every side, input windows start on
multiples of the model's size multiple, and pixels outside the scan are mirrored (no edge repeat)."""
import time

import numpy as np
import torch

from .config import multiple_of, task_info
from .metrics import confusion, summarize, tolerant_counts, tolerant_scores


def round_up(v, m):
    return -(-v // m) * m


def plan_axis(start, end, size, overlap, m):
    """[(core_start, core_end, input_start, input_end)] px, as planAxis in src/ml/tiling.ts: equal
    cores (a multiple of m, at most size - 2*overlap), inputs = core + overlap each side, rounded up."""
    length = end - start
    if length <= 0:
        return []
    max_core = size - 2 * overlap
    n0 = -(-length // max_core)
    core = round_up(-(-length // n0), m)
    tiles = []
    for s in range(start, end, core):
        e = min(end, s + core)
        tiles.append((s, e, s - overlap, s - overlap + round_up(e - s + 2 * overlap, m)))
    return tiles


def reflect_index(i, n):
    """Mirror without repeating the edge pixel (... 2 1 | 0 1 2 ... n-1 | n-2 ...), vectorised."""
    if n == 1:
        return np.zeros_like(i)
    period = 2 * (n - 1)
    r = np.mod(i, period)
    return np.where(r < n, r, period - r)


def torch_predictor(model):
    """float32 [N,1,H,W] -> uint8 argmax classes [N,H,W] with a PyTorch model in eval mode."""
    def predict(x):
        with torch.no_grad():
            return model(torch.from_numpy(x)).argmax(1).numpy().astype(np.uint8)
    return predict


def predict_scan(predict, image, tile, overlap, multiple, batch=4):
    """image uint8 HxW -> argmax class map uint8 HxW; `predict` maps float32 [N,1,H,W] tiles to
    uint8 [N,H,W] classes (torch_predictor, or onnxruntime: ortclient.OrtTiles); same-shape tiles batched."""
    h, w = image.shape
    rows, cols = plan_axis(0, h, tile, overlap, multiple), plan_axis(0, w, tile, overlap, multiple)
    groups = {}
    for r in rows:
        for c in cols:
            groups.setdefault((r[3] - r[2], c[3] - c[2]), []).append((r, c))
    out = np.zeros((h, w), np.uint8)
    for jobs in groups.values():
        for i in range(0, len(jobs), batch):
            chunk = jobs[i:i + batch]
            x = np.stack([image[np.ix_(reflect_index(np.arange(r[2], r[3]), h),
                                       reflect_index(np.arange(c[2], c[3]), w))] for r, c in chunk])
            pred = predict((x.astype(np.float32) / 255.0)[:, None])
            for (r, c), p in zip(chunk, pred):
                out[r[0]:r[1], c[0]:c[1]] = p[r[0] - r[2]:r[1] - r[2], c[0] - c[2]:c[1] - c[2]]
    return out


def evaluate_scans(predict, store, val_ids, cfg, tile, runtime):
    """Per-class metrics over whole validation scans (micro-averaged over all their pixels), tiled
    with tile = {"size", "overlap"}; plus 1-px boundary-tolerant scores of curve ink and grid (an
    extra, see metrics.tolerant_counts). `runtime` names what ran the model, for the record."""
    info = task_info(cfg)
    n = len(info["classes"])
    ids = val_ids if cfg["val"]["maxScans"] is None else val_ids[:cfg["val"]["maxScans"]]
    cm = np.zeros((n, n), np.int64)
    groups = {"curve": info["curveClasses"]}
    if info["gridClass"] is not None:
        groups["grid"] = [info["gridClass"]]
    tol = {k: np.zeros(4, np.int64) for k in groups}
    t0 = time.time()
    for k, sid in enumerate(ids):
        image, mask = store.full(sid)
        pred = predict_scan(predict, image, tile["size"], tile["overlap"], multiple_of(cfg))
        cm += confusion(torch.from_numpy(pred), torch.from_numpy(mask), n)
        for name, classes in groups.items():
            tol[name] += tolerant_counts(np.isin(pred, classes), np.isin(mask, classes))
        print(f"evaluate: scan {k + 1}/{len(ids)} ({sid}, {image.shape[1]}x{image.shape[0]}) "
              f"{time.time() - t0:.0f} s", flush=True)
    out = summarize(cm, info["classes"], info["curveClasses"], info["gridClass"])
    out.update({"tolerant1px": {name: tolerant_scores(c) for name, c in tol.items()},
                "scans": len(ids), "tile": tile["size"], "overlap": tile["overlap"],
                "stitching": "src/ml/tiling.ts plan, mirrored edges", "runtime": runtime,
                "seconds": round(time.time() - t0, 1), "confusion": cm.tolist()})
    return out

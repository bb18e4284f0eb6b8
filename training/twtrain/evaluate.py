"""Whole-scan evaluation the way the app segments: overlapping tiles (val.tile, val.overlap), each
output pixel taken from the tile where it is farthest from a tile edge (cut in the middle of each
overlap), scans smaller than a tile padded with white paper."""
import time

import numpy as np
import torch

from .config import multiple_of, task_info
from .metrics import confusion, summarize


def axis_plan(length, tile, overlap):
    """[(start, keep_from, keep_to)] along one axis: the tile at `start` supplies pixels
    keep_from..keep_to (absolute px). length >= tile here (smaller scans are padded first)."""
    stride = tile - overlap
    starts = list(range(0, length - tile + 1, stride))
    if starts[-1] + tile < length:
        starts.append(length - tile)
    plan = []
    for i, s in enumerate(starts):
        lo = 0 if i == 0 else (s + starts[i - 1] + tile) // 2
        hi = length if i == len(starts) - 1 else (starts[i + 1] + s + tile) // 2
        plan.append((s, lo, hi))
    return plan


def predict_scan(model, image, tile, overlap, multiple, batch=4):
    """image uint8 HxW -> argmax class map uint8 HxW, model in eval mode, tiles batched."""
    h, w = image.shape
    # a side shorter than a tile becomes one tile, padded up to the model's size multiple
    ph = h if h >= tile else -(-h // multiple) * multiple
    pw = w if w >= tile else -(-w // multiple) * multiple
    padded = np.full((ph, pw), 255, np.uint8)
    padded[:h, :w] = image
    th, tw = min(tile, ph), min(tile, pw)
    rows, cols = axis_plan(ph, th, overlap if th == tile else 0), axis_plan(pw, tw, overlap if tw == tile else 0)
    jobs = [(r, c) for r in rows for c in cols]
    out = np.zeros((ph, pw), np.uint8)
    with torch.no_grad():
        for i in range(0, len(jobs), batch):
            chunk = jobs[i:i + batch]
            x = np.stack([padded[r[0]:r[0] + th, c[0]:c[0] + tw] for r, c in chunk]).astype(np.float32) / 255.0
            pred = model(torch.from_numpy(x)[:, None]).argmax(1).numpy().astype(np.uint8)
            for (r, c), p in zip(chunk, pred):
                out[r[1]:r[2], c[1]:c[2]] = p[r[1] - r[0]:r[2] - r[0], c[1] - c[0]:c[2] - c[0]]
    return out[:h, :w]


def evaluate_scans(model, store, val_ids, cfg):
    """Per-class metrics over whole validation scans (micro-averaged over all their pixels)."""
    info = task_info(cfg)
    n = len(info["classes"])
    ids = val_ids if cfg["val"]["maxScans"] is None else val_ids[:cfg["val"]["maxScans"]]
    cm = np.zeros((n, n), np.int64)
    model.eval()
    t0 = time.time()
    for k, sid in enumerate(ids):
        image, mask = store.full(sid)
        pred = predict_scan(model, image, cfg["val"]["tile"], cfg["val"]["overlap"], multiple_of(cfg))
        cm += confusion(torch.from_numpy(pred), torch.from_numpy(mask), n)
        print(f"evaluate: scan {k + 1}/{len(ids)} ({sid}, {image.shape[1]}x{image.shape[0]})", flush=True)
    out = summarize(cm, info["classes"], info["curveClasses"], info["gridClass"])
    out.update({"scans": len(ids), "tile": cfg["val"]["tile"], "overlap": cfg["val"]["overlap"],
                "seconds": time.time() - t0, "confusion": cm.tolist()})
    return out

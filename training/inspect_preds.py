#!/usr/bin/env python3
"""Where a finished run's exported model goes wrong on whole validation scans: per-scan scores (plain
and 1-px tolerant IoU of curve ink and grid, ink darkness, 1-bit or JPEG scan) and PNG panels of
crops centred on curve ink: scan | truth | prediction | curve errors | grid errors.

    /usr/bin/python3 training/inspect_preds.py --run-dir runs/NAME [--scans 8] [--crops 2]
        [--size 192] [--zoom 3] [--out runs/NAME/inspect] [--onnx OTHER.onnx]

--onnx scores another exported model on this run's validation scans and labels, so two models can be
compared on the same data (e.g. v3 on v4's dataset: --run-dir runs/tw-unet-mc-gpu-v4 --onnx
public/models/tw-unet-mc-gpu-v3.onnx); the run's own val tile and overlap are used.

Error panels: right = black, predicted but not true = red, true but missed = blue; a light shade of
each where the error is within 1 px of the other side (boundary disagreement)."""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))

from twtrain import data                                    # noqa: E402
from twtrain.config import multiple_of, task_info           # noqa: E402
from twtrain.evaluate import predict_scan                   # noqa: E402
from twtrain.metrics import dilate1, tolerant_counts, tolerant_scores  # noqa: E402
from twtrain.ortclient import OrtTiles                      # noqa: E402
from twtrain.runinfo import REPO                            # noqa: E402

PALETTE = np.array([[255, 255, 255], [120, 170, 255], [220, 30, 30], [255, 150, 0], [40, 160, 40]], np.uint8)
BINARY_PALETTE = np.array([[255, 255, 255], [220, 30, 30]], np.uint8)


def error_panel(pred, truth):
    """RGB: TP black, FP red (pale when within 1 px of truth), FN blue (pale when within 1 px of pred)."""
    out = np.full(pred.shape + (3,), 255, np.uint8)
    near_t, near_p = dilate1(truth), dilate1(pred)
    out[pred & truth] = (0, 0, 0)
    out[pred & ~truth & near_t] = (255, 170, 170)
    out[pred & ~truth & ~near_t] = (230, 0, 0)
    out[truth & ~pred & near_p] = (160, 190, 255)
    out[truth & ~pred & ~near_p] = (0, 60, 230)
    return out


def iou(pred, truth):
    union = np.count_nonzero(pred | truth)
    return np.count_nonzero(pred & truth) / union if union else None


def group_report(name, pred, truth, visible):
    """Plain and tolerant IoU of one class group, and how much of its truth shows as ink at all:
    `visible` = pixels at least INK_CONTRAST darker than the scan's paper (its 90th percentile)."""
    out = {f"{name}IoU": iou(pred, truth), f"{name}Tol": tolerant_scores(tolerant_counts(pred, truth))["iou"]}
    if truth.any():
        out[f"{name}Visible"] = np.count_nonzero(truth & visible) / np.count_nonzero(truth)
        missed_far = truth & ~dilate1(pred)   # true pixels with no prediction within 1 px
        out[f"{name}MissedFarInvisible"] = (np.count_nonzero(missed_far & ~visible) / np.count_nonzero(missed_far)
                                            if missed_far.any() else None)
    return out


INK_CONTRAST = 25   # gray levels


def scan_report(sid, sample, image, mask, pred, info):
    curve_t, curve_p = np.isin(mask, info["curveClasses"]), np.isin(pred, info["curveClasses"])
    visible = image < np.percentile(image[::4, ::4], 90) - INK_CONTRAST
    row = {"id": sid, "size": f"{image.shape[1]}x{image.shape[0]}", "jpeg": sample["image"].endswith(".jpg"),
           "oneBit": len(np.unique(image[::7, ::7])) <= 2,
           "curveInkGray": float(np.median(image[curve_t])) if curve_t.any() else None}
    row.update(group_report("curve", curve_p, curve_t, visible))
    if info["gridClass"] is not None:
        g = info["gridClass"]
        row.update(group_report("grid", pred == g, mask == g, visible))
    return row


def panels(image, mask, pred, info, centre, size, zoom):
    h, w = image.shape
    y0 = int(np.clip(centre[0] - size // 2, 0, max(0, h - size)))
    x0 = int(np.clip(centre[1] - size // 2, 0, max(0, w - size)))
    win = (slice(y0, y0 + size), slice(x0, x0 + size))
    pal = PALETTE if len(info["classes"]) == 5 else BINARY_PALETTE
    img, msk, prd = image[win], mask[win], pred[win]
    parts = [np.repeat(img[..., None], 3, axis=2), pal[msk], pal[prd],
             error_panel(np.isin(prd, info["curveClasses"]), np.isin(msk, info["curveClasses"]))]
    if info["gridClass"] is not None:
        parts.append(error_panel(prd == info["gridClass"], msk == info["gridClass"]))
    gap = np.full((img.shape[0], 4, 3), 128, np.uint8)
    row = np.concatenate([p for part in parts for p in (part, gap)][:-1], axis=1)
    return np.kron(row, np.ones((zoom, zoom, 1), np.uint8)), (y0, x0)


def summary(rows):
    """Mean of each score over the scans, for all of them and by kind of scan (1-bit, JPEG, other)."""
    kinds = {"all": rows, "oneBit": [r for r in rows if r["oneBit"]],
             "jpeg": [r for r in rows if r["jpeg"] and not r["oneBit"]],
             "gray": [r for r in rows if not r["jpeg"] and not r["oneBit"]]}
    keys = [k for k in rows[0] if k.endswith(("IoU", "Tol", "Visible", "Invisible"))]
    out = {}
    for kind, rs in kinds.items():
        out[kind] = {"scans": len(rs)}
        for k in keys:
            vals = [r[k] for r in rs if r.get(k) is not None]
            out[kind][k] = round(float(np.mean(vals)), 3) if vals else None
    return out


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--run-dir", required=True)
    p.add_argument("--scans", type=int, default=8)
    p.add_argument("--crops", type=int, default=2)
    p.add_argument("--size", type=int, default=192)
    p.add_argument("--zoom", type=int, default=3)
    p.add_argument("--out")
    p.add_argument("--onnx", help="score this exported model instead of the run's own (same scans, same labels)")
    p.add_argument("--cache-dir", default=str(REPO / "runs" / "cache"))
    args = p.parse_args(argv)
    run_dir = Path(args.run_dir)
    cfg = json.loads((run_dir / "config.json").read_text())
    info, val_ids = task_info(cfg), json.loads((run_dir / "runinfo.json").read_text())["split"]["val"]
    root = REPO / cfg["dataset"]["dir"]
    manifest = data.load_manifest(root)
    store = data.ScanStore(root, manifest, args.cache_dir, cfg["task"])
    onnx = Path(args.onnx) if args.onnx else run_dir / f"{cfg['name']}.onnx"
    if not onnx.exists():
        sys.exit(f"error: no model at {onnx}")
    out = Path(args.out) if args.out else run_dir / ("inspect" if not args.onnx else f"inspect-{onnx.stem}")
    out.mkdir(parents=True, exist_ok=True)
    samples = {s["id"]: s for s in manifest["samples"]}
    rng = np.random.default_rng(0)
    ort = OrtTiles(onnx)
    rows = []
    try:
        for sid in val_ids[:args.scans]:
            image, mask = store.full(sid)
            pred = predict_scan(ort, image, cfg["val"]["tile"], cfg["val"]["overlap"], multiple_of(cfg))
            rows.append(scan_report(sid, samples[sid], image, mask, pred, info))
            print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in rows[-1].items()}), flush=True)
            pts = np.argwhere(np.isin(mask, info["curveClasses"]))
            for k in range(min(args.crops, len(pts))):
                pic, (y0, x0) = panels(image, mask, pred, info, pts[rng.integers(len(pts))], args.size, args.zoom)
                Image.fromarray(pic).save(out / f"{sid}-{k}-y{y0}-x{x0}.png")
    finally:
        ort.close()
    result = {"summary": summary(rows), "scans": rows}
    (out / "scans.json").write_text(json.dumps(result, indent=1) + "\n")
    for kind, row in result["summary"].items():
        print(kind, json.dumps(row), flush=True)
    print(f"wrote {out}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

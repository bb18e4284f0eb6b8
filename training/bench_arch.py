#!/usr/bin/env python3
"""Cost of candidate architectures on this machine: parameters, MACs per pixel, seconds per training
step (2 torch threads, batch x crop as given) and ms per 512^2 tile with onnxruntime-node (2 threads,
a proxy for onnxruntime-web WASM in Chromium; see training/README.md for the ratio).

    /usr/bin/python3 training/bench_arch.py [--steps 5] [--batch 8] [--crop 256] [--only NAME,...]
                                            [--out training/bench/arch.json]

Prints a table and writes the rows as JSON (median of the timed steps after one warm-up step)."""
import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402

from twtrain.config import DEFAULTS  # noqa: E402
from twtrain.export import export_onnx  # noqa: E402
from twtrain.losses import make_loss  # noqa: E402
from twtrain.model import UNet, count_params, macs_per_pixel  # noqa: E402
from twtrain.pipeline import ort_speed  # noqa: E402
from twtrain.runinfo import hardware  # noqa: E402

M = DEFAULTS["model"]
CANDIDATES = {
    # the issue's reference: plain 4-level U-Net, base width 16 (two 3x3 convs per level)
    "ref-plain16": {**M, "stem": 16, "stemConvs": 2, "widths": [32, 64, 128, 256], "block": "plain",
                    "blocksPerLevel": 2, "downsample": "maxpool", "upsample": "transpose"},
    "plain8": {**M, "stem": 8, "widths": [16, 24, 32, 48], "block": "plain"},
    "ds8": {**M, "stem": 8, "widths": [16, 24, 32, 48], "block": "dsconv"},
    "ds8x2": {**M, "stem": 8, "widths": [16, 32, 48, 64], "block": "dsconv", "blocksPerLevel": 2},
    "ds12x2": {**M, "stem": 12, "stemConvs": 2, "widths": [24, 32, 48, 64], "block": "dsconv", "blocksPerLevel": 2},
    "ds8x2-add": {**M, "stem": 8, "widths": [16, 32, 48, 64], "block": "dsconv", "blocksPerLevel": 2, "merge": "add"},
    "ds12x2-add": {**M, "stem": 12, "stemConvs": 2, "widths": [24, 32, 48, 64], "block": "dsconv", "blocksPerLevel": 2,
                   "merge": "add"},
    "ds8x2-5lv": {**M, "stem": 8, "widths": [16, 32, 48, 64, 96], "block": "dsconv", "blocksPerLevel": 2},
    "ds8x2-half": {**M, "stem": 8, "widths": [16, 32, 48, 64], "block": "dsconv", "blocksPerLevel": 2, "inputScale": 2},
}


def step_seconds(model, batch, crop, steps, n_classes=5):
    loss_fn = make_loss(DEFAULTS["loss"], n_classes)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    x = torch.rand(batch, 1, crop, crop)
    y = torch.randint(0, n_classes, (batch, crop, crop))
    times = []
    for i in range(steps + 1):
        t0 = time.perf_counter()
        loss = loss_fn(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if i:   # the first step allocates and is not counted
            times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def measure(name, mcfg, args):
    torch.manual_seed(0)
    model = UNet(mcfg, 5)
    row = {"name": name, "model": mcfg, "params": count_params(model), "macsPerPixel": round(macs_per_pixel(model)),
           "batch": args.batch, "crop": args.crop}
    med, best = step_seconds(model.train(), args.batch, args.crop, args.steps) if args.steps else (0, 0)
    row["secondsPerStep"], row["secondsPerStepMin"] = round(med, 3), round(best, 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = export_onnx(model, Path(tmp) / "m.onnx", 2 ** len(mcfg["widths"]) * mcfg["inputScale"])
        row["onnxBytes"] = path.stat().st_size
        speed = ort_speed(path, args.runs)
        row["ortMsPer512"], row["ortMsPer512Min"] = round(speed["medianMs"], 1), round(speed["minMs"], 1)
    return row


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=5, help="timed training steps; 0 = onnxruntime only")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--crop", type=int, default=256)
    p.add_argument("--only", help="comma-separated candidate names")
    p.add_argument("--out", default=str(Path(__file__).resolve().parent / "bench" / "arch.json"))
    args = p.parse_args()
    torch.set_num_threads(2)
    names = args.only.split(",") if args.only else list(CANDIDATES)
    rows = []
    print(f"{'name':12} {'params':>8} {'MACs/px':>8} {'s/step':>7} {'(min)':>7} {'ms/512²':>8} {'(min)':>7} {'KB':>6}")
    for name in names:
        row = measure(name, CANDIDATES[name], args)
        rows.append(row)
        print(f"{name:12} {row['params']:8d} {row['macsPerPixel']:8d} {row['secondsPerStep']:7.3f} "
              f"{row['secondsPerStepMin']:7.3f} {row['ortMsPer512']:8.1f} {row['ortMsPer512Min']:7.1f} "
              f"{row['onnxBytes'] // 1024:6d}", flush=True)
    out = {"hardware": hardware(2), "date": time.strftime("%Y-%m-%d"), "torch": torch.__version__,
           "note": "s/step: forward+backward+AdamW, random data, median and min after 1 warm-up; ms: onnxruntime-node median and min", "loadAverage": list(__import__("os").getloadavg()),
           "rows": rows}
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()

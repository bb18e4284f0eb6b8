#!/usr/bin/env python3
"""Short runs of one config that differ only in the loss: Dice, focal, Tversky (and CE + Dice), the
comparison EarthScan made. Each variant is an ordinary training run (runs/losscmp-<variant>/, resumable)
with the same seed, data, model and steps; the table compares their validation-crop metrics.

    /usr/bin/python3 training/compare_losses.py [--config training/configs/multiclass.json]
        [--epochs 4] [--steps 40] [--variants dice,focal,tversky,ce+dice] [--out training/bench/losses.json]
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

TRAINING = Path(__file__).resolve().parent
REPO = TRAINING.parent
VARIANTS = {
    "dice": [{"type": "dice", "weight": 1.0}],
    "focal": [{"type": "focal", "weight": 1.0}],
    "tversky": [{"type": "tversky", "weight": 1.0}],
    "ce+dice": [{"type": "ce", "weight": 1.0}, {"type": "dice", "weight": 1.0}],
    "focal+tversky": [{"type": "focal", "weight": 1.0}, {"type": "tversky", "weight": 1.0}],
}


def variant_config(base, name, args):
    cfg = json.loads(Path(args.config).read_text())
    cfg["name"] = f"losscmp-{name.replace('+', '-')}"
    cfg["loss"] = {**cfg.get("loss", {}), "terms": VARIANTS[name]}
    cfg["train"] = {**cfg.get("train", {}), "epochs": args.epochs, "stepsPerEpoch": args.steps,
                    "cropSizes": [256], "warmupSteps": 20}
    cfg["earlyStopping"] = {**cfg.get("earlyStopping", {}), "patience": 1000}
    cfg["export"] = {**cfg.get("export", {}), "publish": False}
    return cfg


def summary(run_dir):
    log = [json.loads(line) for line in (run_dir / "log.jsonl").read_text().splitlines()]
    last = log[-1]["val"]
    best = max(log, key=lambda e: e["monitor"])
    return {"epochs": len(log), "steps": log[-1]["step"], "final": {k: last[k] for k in ("curveIoU", "gridIoU", "mIoU")},
            "finalCurve": last["curve"], "bestEpoch": best["epoch"], "bestMonitor": best["monitor"],
            "perClassIoU": {k: v["iou"] for k, v in last["perClass"].items()},
            "secondsPerStep": sum(e["secondsPerStep"] for e in log) / len(log)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default=str(TRAINING / "configs" / "multiclass.json"))
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--steps", type=int, default=40)
    p.add_argument("--variants", default="dice,focal,tversky,ce+dice")
    p.add_argument("--out", default=str(TRAINING / "bench" / "losses.json"))
    args = p.parse_args()
    cfg_dir = REPO / "runs" / "losscmp-configs"
    cfg_dir.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name in args.variants.split(","):
        cfg = variant_config(args.config, name, args)
        path = cfg_dir / f"{cfg['name']}.json"
        path.write_text(json.dumps(cfg, indent=1))
        code = subprocess.run([sys.executable, str(TRAINING / "run.py"), "--config", str(path), "--until", "train"],
                              cwd=REPO).returncode
        if code != 0:
            sys.exit(f"variant {name} failed (exit {code})")
        rows[name] = {"loss": VARIANTS[name], **summary(REPO / "runs" / cfg["name"])}
        write(args, rows)
        print(f"{name:14} curveIoU {rows[name]['final']['curveIoU']:.4f} gridIoU {rows[name]['final']['gridIoU']:.4f} "
              f"mIoU {rows[name]['final']['mIoU']:.4f}", flush=True)


def write(args, rows):
    """After every variant, so an interrupted comparison keeps what it measured."""
    Path(args.out).write_text(json.dumps({"base": Path(args.config).name, "epochs": args.epochs,
                                          "stepsPerEpoch": args.steps, "variants": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()

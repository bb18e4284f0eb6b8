"""Steps after training: whole-scan evaluation of the best weights, ONNX export with the parity check,
an onnxruntime speed figure, the model card, and publishing to the models dir."""
import json
import subprocess

import numpy as np
import torch

from . import card as cardlib
from . import checkpoint as ck
from . import export
from .config import multiple_of
from .evaluate import evaluate_scans
from .model import count_params, macs_per_pixel
from .runinfo import REPO


def load_best(trainer, run_dir):
    """The best weights, on the CPU: evaluation, export and parity run there whatever trained them."""
    best = ck.load(run_dir / "best.pt")
    trainer.model = trainer.model.cpu()
    trainer.model.load_state_dict(best["model"])
    trainer.model.eval()
    return best


def ort_speed(onnx_path, runs, size=512, threads=2):
    """Median ms per size^2 tile with onnxruntime-node on this machine (a proxy for the browser)."""
    cmd = ["npx", "tsx", "scripts/onnx-check.ts", "bench", "--model", str(onnx_path), "--size", str(size),
           "--runs", str(runs), "--threads", str(threads)]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise export.ExportError(f"onnxruntime benchmark failed: {proc.stderr.strip()}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out.update({"runtime": "onnxruntime-node CPU", "threads": threads})
    return out


def training_record(cfg, final, best, info):
    # where the training ran (a run trained elsewhere is finished here), not where this step runs
    return {"seconds": round(final["elapsedSeconds"], 1), "hardware": "; ".join(final["trainedOn"]["hardware"]),
            "torch": "; ".join(final["trainedOn"]["torch"]), "gitCommit": info["gitCommit"], "epochs": final["epoch"],
            "steps": final["step"], "bestEpoch": best["epoch"], "stoppedEarly": final["earlyStop"]["stopped"]}


def finish(cfg, args, run_dir, trainer, final, manifest, store, val_ids, info):
    best = load_best(trainer, run_dir)
    model = trainer.model
    metrics = {"valCrops": best["metrics"]}
    eval_path = run_dir / "eval.json"
    if eval_path.exists() and json.loads(eval_path.read_text()).get("bestEpoch") == best["epoch"]:
        metrics["val"] = json.loads(eval_path.read_text())["val"]   # already evaluated these weights
    else:
        metrics["val"] = evaluate_scans(model, store, val_ids, cfg)
        cardlib.write_json(eval_path, {"bestEpoch": best["epoch"], "val": metrics["val"]})
    print(f"evaluate: curveIoU {metrics['val']['curveIoU']} gridIoU {metrics['val']['gridIoU']}", flush=True)
    if args.until == "evaluate":
        return 0
    onnx_path = run_dir / f"{cfg['name']}.onnx"
    export.export_onnx(model, onnx_path, multiple_of(cfg), cfg["export"]["opset"])
    rng = np.random.Generator(np.random.PCG64(cfg["seed"]))
    inputs = export.parity_inputs(trainer.val, multiple_of(cfg), rng, cfg["export"]["parityTiles"])
    parity = export.parity_check(model, onnx_path, inputs, cfg["threads"])
    print(f"export: {onnx_path.name} {onnx_path.stat().st_size} bytes, parity max abs diff "
          f"{parity['maxAbsDiff']:.2e} (onnxruntime-node)", flush=True)
    extra = {}
    if cfg["export"]["benchRuns"] > 0:
        extra["speed"] = ort_speed(onnx_path, cfg["export"]["benchRuns"], threads=cfg["threads"])
        print(f"speed: {extra['speed']['medianMs']:.1f} ms per 512^2 tile (onnxruntime-node)", flush=True)
    card = cardlib.build_card(cfg, onnx_path, manifest, metrics, count_params(model), macs_per_pixel(model),
                              training_record(cfg, final, best, info), parity, extra)
    cardlib.write_json(run_dir / f"{cfg['name']}.json", card)
    publish = cfg["export"]["publish"] if args.publish is None else args.publish
    if args.until == "export" or not publish:
        return 0
    index = cardlib.publish(card, onnx_path, args.models_dir, cfg["export"]["default"])
    print(f"published {card['name']} ({card['id'][:19]}) to {args.models_dir}; default {index['default']}", flush=True)
    return 0

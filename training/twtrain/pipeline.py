"""Steps after training: ONNX export of the best weights with the parity check, whole-scan evaluation
of that .onnx in onnxruntime, an onnxruntime speed figure, the model card, publishing."""
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import torch

from . import card as cardlib
from . import checkpoint as ck
from . import export
from .config import multiple_of
from .data import file_sha256
from .evaluate import evaluate_scans
from .ortclient import OrtTiles
from .model import context_needed, count_params, macs_per_pixel
from .runinfo import REPO, git_commit, hardware


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
    # where the training ran (a run trained elsewhere is finished here), not where this step runs;
    # a fine-tune also names the run it started from, whose time and hardware are part of the model's
    record = {"seconds": round(final["elapsedSeconds"], 1), "hardware": "; ".join(final["trainedOn"]["hardware"]),
            "torch": "; ".join(final["trainedOn"]["torch"]), "gitCommit": info["gitCommit"], "epochs": final["epoch"],
            "steps": final["step"], "bestEpoch": best["epoch"], "stoppedEarly": final["earlyStop"]["stopped"]}
    if final.get("initFrom"):
        init = final["initFrom"]
        record["initFrom"] = init
        if "seconds" in init:
            record["totalSeconds"] = round(init["seconds"] + final["elapsedSeconds"], 1)
            record["hardware"] = "; ".join(init["trainedOn"]["hardware"] + final["trainedOn"]["hardware"])
    return record


def export_step(cfg, run_dir, trainer):
    """ONNX export of the (best) weights and the parity check against PyTorch in onnxruntime."""
    onnx_path = run_dir / f"{cfg['name']}.onnx"
    export.export_onnx(trainer.model, onnx_path, multiple_of(cfg), cfg["export"]["opset"])
    rng = np.random.Generator(np.random.PCG64(cfg["seed"]))
    inputs = export.parity_inputs(trainer.val, multiple_of(cfg), rng, cfg["export"]["parityTiles"])
    parity = export.parity_check(trainer.model, onnx_path, inputs, local_threads(cfg))
    print(f"export: {onnx_path.name} {onnx_path.stat().st_size} bytes, parity max abs diff "
          f"{parity['maxAbsDiff']:.2e} (onnxruntime-node)", flush=True)
    return onnx_path, parity


def evaluate_step(cfg, run_dir, onnx_path, store, val_ids, tile):
    """Whole validation scans through the exported model in onnxruntime; reused while the .onnx and
    the tile plan are unchanged (eval.json is keyed by both)."""
    key = {"modelId": "sha256:" + file_sha256(onnx_path), "tile": tile}
    eval_path = run_dir / "eval.json"
    if eval_path.exists():
        done = json.loads(eval_path.read_text())
        if {k: done.get(k) for k in key} == key and "tolerant1px" in done["val"]:
            return done["val"]
    ort = OrtTiles(onnx_path, local_threads(cfg))
    try:
        val = evaluate_scans(ort, store, val_ids, cfg, tile, "onnxruntime-node (the exported .onnx)")
    finally:
        ort.close()
    cardlib.write_json(eval_path, {**key, "val": val})
    return val


def local_threads(cfg):
    """Threads for the steps that run here (a config made for a bigger training machine may ask for more)."""
    return max(1, min(cfg["threads"], os.cpu_count() or 1))


def tile_plan(cfg, args, model):
    """The tile size/overlap the card promises (--tile/--overlap, else the config's val.tile/overlap),
    checked as src/ml/tiling.ts checkSpec does, with the context the model's receptive field needs:
    overlap >= that context makes tiled inference equal whole-image inference."""
    m = multiple_of(cfg)
    size = args.tile or cfg["val"]["tile"]
    overlap = cfg["val"]["overlap"] if args.overlap is None else args.overlap
    if size % m or overlap % m or overlap < 0 or size - 2 * overlap < m:
        raise export.ExportError(f"tile {size} / overlap {overlap}: both must be multiples of {m} leaving a core")
    need = context_needed(model, m)
    plan = {"size": size, "overlap": overlap}
    field = {**need, "contextNeeded": max(need["before"], need["after"]),
             "tiledEqualsWhole": overlap >= max(need["before"], need["after"])}
    print(f"tile {size}/{overlap}: receptive field reach {need['reach']} px, context needed "
          f"{field['contextNeeded']} px -> tiled {'=' if field['tiledEqualsWhole'] else '!='} whole image", flush=True)
    return plan, field


def speed_record(onnx_path, runs, tile):
    """onnxruntime-node ms per tile at the card's tile size and at 512 (2 threads, as the browser)."""
    out = {}
    for size in sorted({tile["size"], 512}):
        s = ort_speed(onnx_path, runs, size=size, threads=2)
        core = (size - 2 * tile["overlap"]) ** 2
        s["msPerCoreMegapixel"] = round(s["medianMs"] / core * 1e6, 1)   # cost per scan pixel, overlap included
        out[str(size)] = s
        print(f"speed: {s['medianMs']:.1f} ms per {size}^2 tile, {s['msPerCoreMegapixel']} ms per core Mpx "
              "(onnxruntime-node, 2 threads)", flush=True)
    return out


def tradeoff_rows(card, compare_dirs):
    """One row per model: this card and the cards of the runs it was compared with (--compare)."""
    rows = []
    others = []
    for d in map(Path, compare_dirs):
        name = json.loads((d / "config.json").read_text())["name"]
        if not (d / f"{name}.json").exists():
            raise export.ExportError(f"--compare {d}: no card {name}.json there (finish that run first)")
        others.append(json.loads((d / f"{name}.json").read_text()))
    for c in [card] + others:
        v = c["metrics"]["val"]
        rows.append({"name": c["name"], "curveIoU": v["curveIoU"], "gridIoU": v["gridIoU"],
                     "curveIoUTolerant1px": v["tolerant1px"]["curve"]["iou"], "params": c["params"],
                     "macsPerPixel": c["macsPerPixel"],
                     "msPerTile": {k: s["medianMs"] for k, s in c.get("speed", {}).items()},
                     "tile": c["tile"]})
    return rows


def finish(cfg, args, run_dir, trainer, final, manifest, store, val_ids, info):
    best = load_best(trainer, run_dir)
    torch.set_num_threads(local_threads(cfg))
    model = trainer.model
    onnx_path, parity = export_step(cfg, run_dir, trainer)
    if args.until == "export":
        return 0
    tile, field = tile_plan(cfg, args, model)
    metrics = {"val": evaluate_step(cfg, run_dir, onnx_path, store, val_ids, tile), "valCrops": best["metrics"]}
    print(f"evaluate: curveIoU {metrics['val']['curveIoU']} gridIoU {metrics['val']['gridIoU']}", flush=True)
    extra = {"receptiveField": field, "finish": {"gitCommit": git_commit(),   # the code that exported and evaluated
                                                 "hardware": hardware(local_threads(cfg)), "torch": torch.__version__}}
    if cfg["export"]["benchRuns"] > 0:
        extra["speed"] = speed_record(onnx_path, cfg["export"]["benchRuns"], tile)
    card = cardlib.build_card(cfg, onnx_path, manifest, metrics, count_params(model), macs_per_pixel(model),
                              training_record(cfg, final, best, info), parity, tile, extra)
    if args.compare:
        card["tradeoff"] = tradeoff_rows(card, args.compare)
    cardlib.write_json(run_dir / f"{cfg['name']}.json", card)
    publish = cfg["export"]["publish"] if args.publish is None else args.publish
    if args.until == "evaluate" or not publish:
        return 0
    index = cardlib.publish(card, onnx_path, args.models_dir, cfg["export"]["default"])
    print(f"published {card['name']} ({card['id'][:19]}) to {args.models_dir}; default {index['default']}", flush=True)
    return 0

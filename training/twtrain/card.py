"""Model card (docs/model-card.md) and publishing to public/models/ with index.json."""
import json
import os
import shutil
from pathlib import Path

from .config import multiple_of, task_info
from .data import file_sha256

FORMAT = "tracewell-model-card/1"


def build_card(cfg, onnx_path, manifest, metrics, params, macs, training, parity, tile, extra=None):
    """tile: {"size", "overlap"} px the metrics were measured with (the engine tiles with these)."""
    info = task_info(cfg)
    card = {
        "format": FORMAT,
        "id": "sha256:" + file_sha256(onnx_path),
        "name": cfg["name"], "file": f"{cfg['name']}.onnx",
        "task": cfg["task"],
        "classes": info["classes"],
        "curveClasses": info["curveClasses"],
        "input": {"name": "image", "layout": "NCHW", "dtype": "float32", "channels": 1,
                  "scale": "pixel/255, 0 = black ink, 1 = white paper", "multipleOf": multiple_of(cfg)},
        "output": {"name": "logits", "layout": "NCHW"},
        "opset": cfg["export"]["opset"],
        "tile": dict(tile),
        "dataset": {"sha256": manifest["datasetSha256"],
                    "generator": f"{manifest['generator']['name']} {manifest['generator']['version']}",
                    "n": len(manifest["samples"]), "kind": manifest["kind"], "seed": manifest.get("seed")},
        "config": cfg,
        "metrics": metrics,
        "params": params, "macsPerPixel": round(macs),
        "training": training,
        "parity": parity,
    }
    card.update(extra or {})
    return card


def write_json(path, obj):
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, indent=1) + "\n")
    os.replace(tmp, path)


def publish(card, onnx_path, models_dir, make_default):
    """Copy <name>.onnx + <name>.json into models_dir and add the name to index.json; the first
    multiclass model (or one whose config says export.default) becomes the default."""
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(onnx_path, models_dir / card["file"])
    write_json(models_dir / f"{card['name']}.json", card)
    index_path = models_dir / "index.json"
    index = json.loads(index_path.read_text()) if index_path.exists() else {"default": None, "models": []}
    index["models"] = sorted(set(index["models"]) | {card["name"]})
    if make_default or (index.get("default") is None and card["task"] == "multiclass"):
        index["default"] = card["name"]
    write_json(index_path, index)
    return index

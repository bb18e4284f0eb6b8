"""Training config: JSON file deep-merged over DEFAULTS; unknown keys are an error (typos must not
silently fall back to a default). The resolved config is what gets logged, hashed and put in the card."""
import copy
import hashlib
import json
from pathlib import Path


class ConfigError(ValueError):
    pass


DEFAULTS = {
    "name": None,                    # model / run name, e.g. "tw-unet-mc-v1"
    "task": "multiclass",            # multiclass (5 classes) | binary (curve ink vs rest)
    "seed": 1234,
    "threads": 2,                    # torch intra-op threads (the machine has 2 shared cores)
    "device": "cpu",                 # cpu | cuda (training only; evaluation and export run on the CPU)
    "dataset": {
        "dir": None,                 # relative to the repo root
        "kind": "multiclass",        # what `npm run synth` is asked for when the dataset is missing
        "n": 300, "seed": 7,
        "minLen": None, "maxLen": None,
        "sha256": None,              # pin: refuse any other dataset when set
    },
    "model": {
        "stem": 8,                   # channels of the cheap full-resolution stem
        "stemConvs": 1,
        "widths": [16, 24, 32, 48],  # one entry per level below full resolution
        "block": "dsconv",           # plain (3x3 conv) | dsconv (depthwise 3x3 + pointwise 1x1)
        "blocksPerLevel": 1,
        "downsample": "conv",        # conv (3x3 stride 2) | maxpool
        "upsample": "nearest",       # nearest | bilinear | transpose
        "merge": "concat",           # concat | add (skip + 1x1-projected upsampled path: cheaper)
        "inputScale": 1,             # 1 or 2: run the whole net on a 2x average-pooled image
    },
    "loss": {
        "terms": [{"type": "ce", "weight": 1.0}, {"type": "dice", "weight": 1.0}],
        "focalGamma": 2.0,
        "tverskyAlpha": 0.3,         # weight of false positives
        "tverskyBeta": 0.7,          # weight of false negatives (thin ink: missing it is worse)
        "regionClasses": None,       # classes dice/tversky average over; None = all but background
    },
    "train": {
        "epochs": 50,
        "stepsPerEpoch": 100,
        "batchSize": 8,
        "cropSizes": [256, 384, 512],   # one size per batch, picked at random
        "curveCropFraction": 0.5,       # share of crops centred on a curve pixel
        "samplerThreads": 1,            # threads cutting/augmenting crops (same batches for any number)
        "optimizer": "adamw", "lr": 0.003, "weightDecay": 0.0001,
        "schedule": "cosine",           # cosine (with warmup) | constant
        "warmupSteps": 100, "minLr": 0.00003,
        "logEvery": 10,
        "initFrom": None,               # fine-tune: {"path": ".../best.pt", "sha256": "..."}, weights only
    },
    "earlyStopping": {"monitor": "curveIoU", "patience": 10, "minDelta": 0.001},
    "augment": {
        "hflip": 0.5, "vflip": 0.5,
        "brightness": 0.1,             # +- additive, image in [0, 1]
        "contrast": 0.2,               # +- relative around the crop mean
        "gamma": [0.7, 1.4],
        "noise": 0.03,                 # max gaussian sigma
        "blurP": 0.3, "blurSigma": [0.3, 1.0],
    },
    "val": {
        "cropSize": 512, "cropsPerSample": 2, "maxCrops": 64,   # per-epoch validation crops
        "tile": 512, "overlap": 64,                             # final whole-scan evaluation
        "maxScans": None,                                       # cap on whole-scan evaluation
    },
    "export": {"opset": 17, "parityTiles": 3, "publish": True, "default": False,
               "benchRuns": 10},             # onnxruntime-node ms per 512^2 tile for the card; 0 = skip
}

TASKS = {
    "multiclass": {"classes": ["paper", "grid", "solid_curve", "broken_curve", "text"],
                   "curveClasses": [2, 3], "gridClass": 1},
    "binary": {"classes": ["background", "curve"], "curveClasses": [1], "gridClass": None},
}
MONITORS = ("curveIoU", "gridIoU", "curveGridMean", "mIoU")
LOSSES = ("ce", "dice", "focal", "tversky")


def _merge(base, over, where):
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"unknown config key '{where}{key}'")
        if isinstance(base[key], dict) and isinstance(value, dict):
            out[key] = _merge(base[key], value, f"{where}{key}.")
        else:
            out[key] = value
    return out


def _check(cfg):
    def need(cond, msg):
        if not cond:
            raise ConfigError(msg)
    need(isinstance(cfg["name"], str) and cfg["name"], "config needs a 'name'")
    need(cfg["device"] in ("cpu", "cuda"), "device must be cpu or cuda")
    need(cfg["task"] in TASKS, f"task must be one of {list(TASKS)}, got {cfg['task']!r}")
    need(cfg["dataset"]["dir"], "config needs dataset.dir")
    need(cfg["dataset"]["kind"] in ("multiclass", "binary"), "dataset.kind must be multiclass|binary")
    need(not (cfg["task"] == "multiclass" and cfg["dataset"]["kind"] == "binary"),
         "a multiclass model cannot be trained on a binary dataset")
    m = cfg["model"]
    need(m["block"] in ("plain", "dsconv"), "model.block must be plain|dsconv")
    need(m["downsample"] in ("conv", "maxpool"), "model.downsample must be conv|maxpool")
    need(m["upsample"] in ("nearest", "bilinear", "transpose"), "model.upsample must be nearest|bilinear|transpose")
    need(m["merge"] in ("concat", "add"), "model.merge must be concat|add")
    need(m["inputScale"] in (1, 2), "model.inputScale must be 1 or 2")
    need(len(m["widths"]) >= 1, "model.widths needs at least one level")
    for t in cfg["loss"]["terms"]:
        need(t.get("type") in LOSSES, f"loss term type must be one of {LOSSES}, got {t.get('type')!r}")
    mult = multiple_of(cfg)
    for c in cfg["train"]["cropSizes"] + [cfg["val"]["cropSize"], cfg["val"]["tile"]]:
        need(c % mult == 0, f"crop/tile size {c} is not a multiple of {mult} (2^levels x inputScale)")
    v = cfg["val"]
    need(v["overlap"] % mult == 0 and v["tile"] - 2 * v["overlap"] >= mult,   # as src/ml/tiling.ts checkSpec
         f"val.overlap {v['overlap']} must be a multiple of {mult} leaving a core inside tile {v['tile']}")
    need(cfg["earlyStopping"]["monitor"] in MONITORS, f"earlyStopping.monitor must be one of {MONITORS}")
    need(cfg["earlyStopping"]["monitor"] != "gridIoU" or cfg["task"] == "multiclass", "gridIoU needs the multiclass task")
    need(cfg["train"]["schedule"] in ("cosine", "constant"), "train.schedule must be cosine|constant")
    need(cfg["train"]["optimizer"] in ("adamw", "adam", "sgd"), "train.optimizer must be adamw|adam|sgd")
    init = cfg["train"]["initFrom"]
    need(init is None or (isinstance(init, dict) and set(init) == {"path", "sha256"}),
         "train.initFrom must be null or {\"path\": checkpoint, \"sha256\": its SHA-256}")


def multiple_of(cfg):
    """Input H and W must be multiples of this: one 2x downsampling per level, times inputScale."""
    return (2 ** len(cfg["model"]["widths"])) * cfg["model"]["inputScale"]


def load_config(path):
    path = Path(path)
    try:
        raw = json.loads(path.read_text())
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except json.JSONDecodeError as e:
        raise ConfigError(f"config {path} is not valid JSON: {e}") from None
    cfg = _merge(DEFAULTS, raw, "")
    _check(cfg)
    return cfg


# keys added after runs were made with this code, left out of the hash while at their default so
# those runs still resume (and can still be finished)
LATER_KEYS = (("train", "initFrom", None),)


def config_hash(cfg):
    """Hash of the resolved config: a checkpoint is only resumed under the same one."""
    cfg = copy.deepcopy(cfg)
    for section, key, default in LATER_KEYS:
        if cfg[section].get(key, default) == default:
            cfg[section].pop(key, None)
    return hashlib.sha256(json.dumps(cfg, sort_keys=True).encode()).hexdigest()


def task_info(cfg):
    return TASKS[cfg["task"]]

#!/usr/bin/env python3
"""End-to-end training run: synth (if the dataset is missing) -> verify -> train (resuming the
newest checkpoint) -> export ONNX + parity check -> evaluate that .onnx on whole validation scans
-> model card -> public/models/.

    npm run train -- --config training/configs/multiclass.json
    /usr/bin/python3 training/run.py --config CFG [--run-dir DIR] [--until train|export|evaluate|publish]
                                     [--publish|--no-publish] [--models-dir DIR] [--dataset-dir DIR] [--fresh]
                                     [--tile PX --overlap PX] [--compare RUN_DIR ...]

Re-running the same command after an interruption resumes where it stopped; a finished run skips
straight to the steps after training."""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from twtrain import card as cardlib                      # noqa: E402
from twtrain import data, export, runinfo                # noqa: E402
from twtrain import pipeline                             # noqa: E402
from twtrain.config import ConfigError, config_hash, load_config   # noqa: E402
from twtrain.trainer import ResumeError, Trainer         # noqa: E402

REPO = Path(__file__).resolve().parents[1]
STEPS = ("train", "export", "evaluate", "publish")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--config", required=True)
    p.add_argument("--run-dir", help="default runs/<config name>")
    p.add_argument("--until", choices=STEPS, default="publish", help="last step to run")
    p.add_argument("--publish", dest="publish", action="store_true", default=None,
                   help="copy into the models dir even if the config's export.publish is false")
    p.add_argument("--no-publish", dest="publish", action="store_false", help="do not copy into the models dir")
    p.add_argument("--models-dir", default=str(REPO / "public" / "models"))
    p.add_argument("--cache-dir", default=str(REPO / "runs" / "cache"), help="decoded-scan cache")
    p.add_argument("--dataset-dir", help="use this dataset instead of the config's dataset.dir")
    p.add_argument("--fresh", action="store_true", help="move an existing run dir aside and start over")
    p.add_argument("--tile", type=int, help="tile size (px) for evaluation and the card; default val.tile")
    p.add_argument("--overlap", type=int, help="tile overlap (px) for evaluation and the card; default val.overlap")
    p.add_argument("--compare", nargs="*", default=[], metavar="RUN_DIR",
                   help="finished runs (with their cards) to list beside this one in the card's trade-off table")
    return p.parse_args(argv)


def resolve(path):
    path = Path(path)
    return path if path.is_absolute() else REPO / path


def ensure_dataset(cfg):
    """The dataset dir, generated with `npm run synth` from the config's dataset section if missing."""
    ds = cfg["dataset"]
    root = resolve(ds["dir"])
    manifest = root / "manifest.json"
    if manifest.exists() and json.loads(manifest.read_text()).get("complete") is not False:
        return root   # an incomplete one is finished by running synth again (it resumes)
    if not (REPO / "scripts" / "synth.ts").exists():
        raise data.DatasetError(f"dataset {root} is missing and scripts/synth.ts (npm run synth) does not exist")
    cmd = ["npm", "run", "synth", "--", "--out", str(root), "--n", str(ds["n"]), "--seed", str(ds["seed"]),
           "--kind", ds["kind"]]
    if ds["minLen"] is not None:
        cmd += ["--min-len", str(ds["minLen"])]
    if ds["maxLen"] is not None:
        cmd += ["--max-len", str(ds["maxLen"])]
    print("synth: " + " ".join(cmd), flush=True)
    if subprocess.run(cmd, cwd=REPO).returncode != 0 or not (root / "manifest.json").exists():
        raise data.DatasetError(f"`{' '.join(cmd)}` failed; no dataset at {root}")
    return root


def open_dataset(cfg, args):
    root = ensure_dataset(cfg)
    manifest = data.load_manifest(root)
    print(f"verifying {len(manifest['files'])} files of dataset {manifest['datasetSha256'][:12]} ...", flush=True)
    data.verify_dataset(root, manifest)
    pin = cfg["dataset"]["sha256"]
    if pin and pin != manifest["datasetSha256"]:
        raise data.DatasetError(f"config pins dataset {pin}, but {root} is {manifest['datasetSha256']}")
    if cfg["task"] == "multiclass" and manifest["kind"] != "multiclass":
        raise data.DatasetError(f"{root} is a {manifest['kind']} dataset; the multiclass task needs a multiclass one")
    train_ids, val_ids = data.split(manifest)
    store = data.ScanStore(root, manifest, args.cache_dir, cfg["task"])
    return manifest, store, train_ids, val_ids


def record_run(cfg, run_dir, manifest, train_ids, val_ids):
    """config.json + runinfo.json once; every invocation (start or resume) appended to sessions.jsonl."""
    run_dir.mkdir(parents=True, exist_ok=True)
    info = {"config": cfg, "configHash": config_hash(cfg), "gitCommit": runinfo.git_commit(),
            "dataset": {"dir": cfg["dataset"]["dir"], "sha256": manifest["datasetSha256"],
                        "generator": manifest["generator"], "n": len(manifest["samples"])},
            "split": {"train": train_ids, "val": val_ids}, "versions": runinfo.versions(),
            "hardware": runinfo.hardware(cfg["threads"], cfg["device"])}
    if not (run_dir / "runinfo.json").exists():
        cardlib.write_json(run_dir / "config.json", cfg)
        cardlib.write_json(run_dir / "runinfo.json", info)
    with open(run_dir / "sessions.jsonl", "a") as f:
        f.write(json.dumps({"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "gitCommit": info["gitCommit"],
                            "argv": sys.argv[1:]}) + "\n")
    # the run's record is the one written when it started (its code version is the training's)
    return json.loads((run_dir / "runinfo.json").read_text())


def main(argv):
    args = parse_args(argv)
    cfg = load_config(args.config)
    if args.dataset_dir:
        cfg["dataset"]["dir"] = str(Path(args.dataset_dir).resolve())
    run_dir = Path(args.run_dir) if args.run_dir else REPO / "runs" / cfg["name"]
    if args.fresh and run_dir.exists():
        aside = run_dir.with_name(f"{run_dir.name}.old-{time.strftime('%Y%m%d-%H%M%S')}")
        run_dir.rename(aside)
        print(f"--fresh: moved the previous run to {aside}", flush=True)
    manifest, store, train_ids, val_ids = open_dataset(cfg, args)
    info = record_run(cfg, run_dir, manifest, train_ids, val_ids)
    print(f"run {run_dir}: {len(train_ids)} train / {len(val_ids)} val scans, git {info['gitCommit']}", flush=True)
    trainer = Trainer(cfg, run_dir, store, train_ids, val_ids, manifest["datasetSha256"])
    final = trainer.train()
    if args.until == "train":
        return 0
    return pipeline.finish(cfg, args, run_dir, trainer, final, manifest, store, val_ids, info)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (ConfigError, data.DatasetError, ResumeError, export.ExportError) as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        sys.exit(2)

"""The training loop: epochs of random-crop steps, per-epoch validation on fixed crops, early
stopping, a full checkpoint after every epoch and automatic resume from the newest one.

Bitwise reproducibility on CPU rests on: one process, no DataLoader workers; every random draw from
generators whose states are checkpointed (torch, numpy, python, the batch sampler); deterministic
torch algorithms; a fixed thread count; the LR schedule a pure function of the step."""
import json
import math
import os
import random
import time
from pathlib import Path

import numpy as np
import torch

from . import checkpoint as ck
from .config import config_hash, task_info
from .losses import make_loss
from .metrics import confusion, summarize
from .model import build_model
from .data import file_sha256
from .runinfo import REPO, hardware
from .sampler import BatchSampler, val_crops


class ResumeError(RuntimeError):
    pass


def setup_torch(cfg):
    torch.set_num_threads(cfg["threads"])
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass   # already set in this process (tests call us twice)
    if cfg["device"] == "cuda":
        # bitwise resume is a CPU promise; on CUDA some backward kernels (nearest upsampling) have no
        # deterministic version, so warn instead of failing
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True, warn_only=True)
    else:
        torch.use_deterministic_algorithms(True)
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"] % 2**32)
    random.seed(cfg["seed"])


def make_optimizer(cfg, model):
    tc = cfg["train"]
    if tc["optimizer"] == "sgd":
        return torch.optim.SGD(model.parameters(), lr=tc["lr"], momentum=0.9, weight_decay=tc["weightDecay"])
    cls = torch.optim.AdamW if tc["optimizer"] == "adamw" else torch.optim.Adam
    return cls(model.parameters(), lr=tc["lr"], weight_decay=tc["weightDecay"])


def lr_factor(cfg):
    """LR multiplier as a pure function of the global step: linear warmup, then cosine to minLr."""
    tc = cfg["train"]
    total = tc["epochs"] * tc["stepsPerEpoch"]
    warm, floor = tc["warmupSteps"], tc["minLr"] / tc["lr"]

    def f(step):
        if step < warm:
            return (step + 1) / warm
        if tc["schedule"] == "constant":
            return 1.0
        progress = min(1.0, (step - warm) / max(1, total - warm))
        return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress))
    return f


def validate(model, crops, n_classes, cfg, batch=4):
    """Per-class metrics on the fixed validation crops (argmax of the logits)."""
    info = task_info(cfg)
    device = next(model.parameters()).device
    cm = np.zeros((n_classes, n_classes), np.int64)
    model.eval()
    with torch.no_grad():
        for i in range(0, len(crops), batch):
            chunk = crops[i:i + batch]
            x = torch.from_numpy(np.stack([c[0] for c in chunk]).astype(np.float32) / 255.0)[:, None]
            y = torch.from_numpy(np.stack([c[1] for c in chunk]))
            cm += confusion(model(x.to(device)).argmax(1).cpu(), y, n_classes)
    model.train()
    return summarize(cm, info["classes"], info["curveClasses"], info["gridClass"])


class Trainer:
    def __init__(self, cfg, run_dir, store, train_ids, val_ids, dataset_sha):
        self.cfg, self.run_dir, self.dataset_sha = cfg, Path(run_dir), dataset_sha
        self.ckpt_dir = self.run_dir / "checkpoints"
        setup_torch(cfg)
        info = task_info(cfg)
        self.n_classes = len(info["classes"])
        # a CUDA run can still be evaluated and exported on a machine without CUDA once it is finished
        self.cuda_missing = cfg["device"] == "cuda" and not torch.cuda.is_available()
        self.device = torch.device("cpu" if self.cuda_missing else cfg["device"])
        self.model = build_model(cfg, self.n_classes).to(self.device)
        self.opt = make_optimizer(cfg, self.model)
        self.sched = torch.optim.lr_scheduler.LambdaLR(self.opt, lr_factor(cfg))
        self.sampler = BatchSampler(store, train_ids, cfg, info["curveClasses"])
        self.loss_fn = make_loss(cfg["loss"], self.n_classes)
        self.val = val_crops(store, val_ids, cfg, info["curveClasses"])
        self.epoch, self.step, self.elapsed = 0, 0, 0.0
        self.best = {"metric": None, "epoch": None}
        self.early = {"counter": 0, "stopped": False}
        self.finished = False
        self.history = []   # one entry per epoch, kept in the checkpoint so log.jsonl never drifts from it
        self.trained_on = {"hardware": [], "torch": []}   # every machine that ran epochs of this run
        self.init_record = None   # where a fine-tune's starting weights came from (train.initFrom)

    def state(self):
        return {"version": 1, "epoch": self.epoch, "step": self.step, "elapsedSeconds": self.elapsed,
                "model": self.model.state_dict(), "optimizer": self.opt.state_dict(),
                "scheduler": self.sched.state_dict(), "best": dict(self.best), "earlyStop": dict(self.early),
                "finished": self.finished, "history": list(self.history),
                "trainedOn": {k: list(v) for k, v in self.trained_on.items()}, "initFrom": self.init_record,
                "rng": ck.rng_states(self.sampler),
                "configHash": config_hash(self.cfg), "datasetSha256": self.dataset_sha}

    def resume(self):
        """Load the newest checkpoint if there is one; refuse one made with another config or dataset."""
        state, path = ck.load_latest(self.ckpt_dir)
        if state is None:
            return False
        if state["configHash"] != config_hash(self.cfg):
            raise ResumeError(f"{path} was written with a different config; use another run dir or --fresh")
        if state["datasetSha256"] != self.dataset_sha:
            raise ResumeError(f"{path} was trained on dataset {state['datasetSha256'][:12]}, "
                              f"not {self.dataset_sha[:12]}; use another run dir or --fresh")
        self.model.load_state_dict(state["model"])
        self.epoch, self.step, self.elapsed = state["epoch"], state["step"], state["elapsedSeconds"]
        self.best, self.early, self.finished = state["best"], state["earlyStop"], state["finished"]
        self.history, self.trained_on = state["history"], state["trainedOn"]
        self.init_record = state.get("initFrom")
        if not self.finished:   # a finished run (perhaps trained on another machine) needs no more than this
            self.opt.load_state_dict(state["optimizer"])   # moves the moments to the parameters' device
            self.sched.load_state_dict(state["scheduler"])
            ck.restore_rng(state["rng"], self.sampler)
        print(f"resumed from {path.name}: epoch {self.epoch} done, step {self.step}", flush=True)
        return True

    def load_init(self):
        """Fine-tune start: the weights of train.initFrom (refused unless its SHA-256 matches), and a
        record of the run they came from (its training time and hardware count towards this model's)."""
        init = self.cfg["train"]["initFrom"]
        path = Path(init["path"]) if Path(init["path"]).is_absolute() else REPO / init["path"]
        if not path.is_file():
            raise ResumeError(f"train.initFrom: {path} does not exist")
        if file_sha256(path) != init["sha256"]:
            raise ResumeError(f"train.initFrom: {path} has SHA-256 {file_sha256(path)}, the config pins {init['sha256']}")
        self.model.load_state_dict(ck.load(path)["model"])
        parent, _ = ck.load_latest(path.parent / "checkpoints")
        self.init_record = {"path": init["path"], "sha256": init["sha256"], "run": path.parent.name}
        if parent is not None:
            self.init_record.update({"seconds": parent["elapsedSeconds"], "trainedOn": parent["trainedOn"],
                                     "epochs": parent["epoch"], "steps": parent["step"]})
        print(f"fine-tuning from {init['path']} ({path.parent.name})", flush=True)

    def run_epoch(self):
        tc = self.cfg["train"]
        self.model.train()
        t0, losses = time.time(), []
        for i in range(tc["stepsPerEpoch"]):
            images, masks = self.sampler.batch()
            images, masks = images.to(self.device), masks.to(self.device)
            loss = self.loss_fn(self.model(images), masks)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            self.sched.step()
            self.step += 1
            losses.append(loss.item())
            if (i + 1) % tc["logEvery"] == 0 or i == 0:
                print(f"epoch {self.epoch + 1}/{tc['epochs']} step {i + 1}/{tc['stepsPerEpoch']} "
                      f"loss {np.mean(losses[-tc['logEvery']:]):.4f} lr {self.sched.get_last_lr()[0]:.2e} "
                      f"{(time.time() - t0) / (i + 1):.2f} s/step", flush=True)
        return float(np.mean(losses)), time.time() - t0

    def end_epoch(self, train_loss, train_seconds):
        es = self.cfg["earlyStopping"]
        metrics = validate(self.model, self.val, self.n_classes, self.cfg)
        value = metrics[es["monitor"]]
        value = -1.0 if value is None else value
        self.epoch += 1
        if self.best["metric"] is None or value > self.best["metric"] + es["minDelta"]:
            self.best = {"metric": value, "epoch": self.epoch}
            self.early["counter"] = 0
            ck.atomic_save({"model": self.model.state_dict(), "epoch": self.epoch, "metrics": metrics},
                           self.run_dir / "best.pt")
        else:
            self.early["counter"] += 1
            self.early["stopped"] = self.early["counter"] >= es["patience"]
        self.finished = self.early["stopped"] or self.epoch >= self.cfg["train"]["epochs"]
        return metrics, value

    def train(self):
        """Run (or finish) training; returns the per-epoch log written to log.jsonl."""
        if not self.resume() and self.cfg["train"]["initFrom"]:
            self.load_init()
        if not self.finished and self.cuda_missing:
            raise ResumeError("this config trains on CUDA (device: cuda) and this torch has no CUDA; "
                              "only a finished run of it can be evaluated and exported here")
        if not self.finished:
            for key, value in (("hardware", hardware(self.cfg["threads"], self.cfg["device"])), ("torch", torch.__version__)):
                if value not in self.trained_on[key]:
                    self.trained_on[key].append(value)
        while not self.finished:
            t0 = time.time()
            train_loss, train_seconds = self.run_epoch()
            metrics, value = self.end_epoch(train_loss, train_seconds)
            self.elapsed += time.time() - t0
            entry = {"epoch": self.epoch, "step": self.step, "trainLoss": train_loss,
                     "secondsPerStep": train_seconds / self.cfg["train"]["stepsPerEpoch"],
                     "monitor": value, "best": self.best, "earlyStopCounter": self.early["counter"],
                     "val": metrics}
            self.history.append(entry)
            ck.save_epoch(self.ckpt_dir, self.state())
            ck.atomic_write_text(self.run_dir / "log.jsonl", "".join(json.dumps(e) + "\n" for e in self.history))
            print(f"epoch {self.epoch} done: loss {train_loss:.4f} {self.cfg['earlyStopping']['monitor']} "
                  f"{value:.4f} (best {self.best['metric']:.4f} @ {self.best['epoch']}) "
                  f"checkpoint saved", flush=True)
        if self.early["stopped"]:
            print(f"early stop after epoch {self.epoch} (no gain for {self.early['counter']} epochs)", flush=True)
        return self.state()

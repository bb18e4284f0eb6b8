"""Full training state per epoch, written atomically (temp file + rename: a process killed while
saving leaves the previous checkpoint intact), and found again for automatic resume."""
import os
import random
from pathlib import Path

import numpy as np
import torch

KEEP = 2   # epoch checkpoints kept besides best.pt


def rng_states(sampler):
    # numpy's legacy state as plain Python values: a pickled ndarray would tie the checkpoint to the
    # numpy major version that wrote it (numpy 2 pickles name numpy._core, which numpy 1 lacks)
    name, key, pos, has_gauss, gauss = np.random.get_state()
    states = {"torch": torch.get_rng_state(), "numpy": (name, key.tolist(), pos, has_gauss, gauss),
              "python": random.getstate(), "sampler": sampler.state()}
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        states["cuda"] = torch.cuda.get_rng_state_all()
    return states


def restore_rng(states, sampler):
    torch.set_rng_state(states["torch"])
    name, key, pos, has_gauss, gauss = states["numpy"]
    np.random.set_state((name, np.array(key, dtype=np.uint32), pos, has_gauss, gauss))
    random.setstate(states["python"])
    sampler.set_state(states["sampler"])
    if "cuda" in states and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(states["cuda"])


def atomic_save(obj, path):
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def atomic_write_text(path, text):
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def save_epoch(ckpt_dir, state):
    ckpt_dir = Path(ckpt_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    atomic_save(state, ckpt_dir / f"epoch-{state['epoch']:04d}.pt")
    for old in epoch_files(ckpt_dir)[:-KEEP]:
        old.unlink()


def epoch_files(ckpt_dir):
    return sorted(Path(ckpt_dir).glob("epoch-[0-9][0-9][0-9][0-9].pt"))


def load(path):
    """torch.load of our own files: they hold numpy/python RNG states, not only tensors (torch >= 2.6
    would refuse them by default)."""
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:   # a torch without the weights_only argument
        return torch.load(path, map_location="cpu")


def load_latest(ckpt_dir):
    """The newest readable epoch checkpoint, or None when the run has not finished an epoch yet."""
    for path in reversed(epoch_files(ckpt_dir)):
        try:
            return load(path), path
        except Exception as e:  # a damaged file: fall back to the one before, say so
            print(f"warning: cannot read checkpoint {path} ({e}); trying the previous one", flush=True)
    return None, None

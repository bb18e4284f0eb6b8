"""What a run records about where it ran: code version, library versions, hardware."""
import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import PIL
import torch

REPO = Path(__file__).resolve().parents[2]


def git_commit():
    """HEAD commit, with '+dirty' when training/ has uncommitted changes (the code that ran differs)."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "training", "scripts/onnx-check.ts"],
                               cwd=REPO, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (head + ("+dirty" if dirty else "")) if head else None


def cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def hardware(threads, device="cpu"):
    gpu = torch.cuda.get_device_name(0) if device == "cuda" and torch.cuda.is_available() else "no GPU"
    return f"{cpu_name()}, {os.cpu_count()} CPUs, torch threads {threads}, {gpu}"


def versions():
    return {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": np.__version__,
            "pillow": PIL.__version__, "platform": platform.platform()}

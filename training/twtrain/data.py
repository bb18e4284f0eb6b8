"""Dataset access through its manifest (docs/dataset-format.md).

verify_dataset() refuses a dataset whose files do not match their recorded SHA-256 (or whose
datasetSha256 does not match its file list); split() is a pure function of the dataset hash; the
decoded scans are cached once as .npy (uint8) and memory-mapped, so a few hundred large scans do not
have to sit in RAM and are not re-decoded for every crop."""
import hashlib
import json
import os
from pathlib import Path

import numpy as np
from PIL import Image

FORMAT = "tracewell-dataset/1"


class DatasetError(ValueError):
    pass


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def files_digest(files):
    """SHA-256 of JSON.stringify(files) as the generator computes it (no spaces, key order kept)."""
    text = json.dumps(files, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_manifest(dataset_dir):
    path = Path(dataset_dir) / "manifest.json"
    if not path.is_file():
        raise DatasetError(f"no manifest.json in {dataset_dir}")
    try:
        manifest = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise DatasetError(f"{path} is not valid JSON: {e}") from None
    if manifest.get("format") != FORMAT:
        raise DatasetError(f"{path}: format is {manifest.get('format')!r}, expected {FORMAT!r}")
    for key in ("kind", "classes", "samples", "files", "datasetSha256"):
        if key not in manifest:
            raise DatasetError(f"{path}: missing '{key}'")
    if manifest.get("complete") is False:
        raise DatasetError(f"{path}: the dataset is incomplete ({len(manifest['samples'])} of {manifest.get('n')} "
                           "samples; synth was interrupted): run the same synth command again to finish it")
    return manifest


def verify_dataset(dataset_dir, manifest):
    """Check every listed file's size and SHA-256, the dataset digest, and that each sample's image
    and mask are listed. Raises DatasetError naming every bad file (not just the first)."""
    root = Path(dataset_dir)
    problems = []
    digest = files_digest(manifest["files"])
    if digest != manifest["datasetSha256"]:
        problems.append(f"datasetSha256 is {manifest['datasetSha256']} but the file list hashes to {digest}")
    listed = set()
    for entry in manifest["files"]:
        listed.add(entry["path"])
        path = root / entry["path"]
        if not path.is_file():
            problems.append(f"{entry['path']}: missing")
        elif path.stat().st_size != entry["bytes"]:
            problems.append(f"{entry['path']}: {path.stat().st_size} bytes, manifest says {entry['bytes']}")
        elif file_sha256(path) != entry["sha256"]:
            problems.append(f"{entry['path']}: SHA-256 mismatch (file changed since the manifest was written)")
    for s in manifest["samples"]:
        for key in ("image", "mask"):
            if s[key] not in listed:
                problems.append(f"sample {s['id']}: {key} {s[key]} is not in the manifest's file list")
    if problems:
        head = f"dataset {root} does not match its manifest ({len(problems)} problem(s)); refusing to train:\n  "
        raise DatasetError(head + "\n  ".join(problems[:20]) + ("\n  ..." if len(problems) > 20 else ""))


def split(manifest, val_fraction=0.2):
    """80/20 split pinned by the dataset hash: samples ordered by sha256(datasetSha256 + ':' + id),
    the first 20% validate. Same dataset -> same split, independent of the training seed."""
    key = lambda s: hashlib.sha256(f"{manifest['datasetSha256']}:{s['id']}".encode()).hexdigest()
    ordered = sorted(manifest["samples"], key=key)
    n_val = max(1, round(len(ordered) * val_fraction)) if len(ordered) > 1 else 0
    val = sorted(s["id"] for s in ordered[:n_val])
    train = sorted(s["id"] for s in ordered[n_val:])
    return train, val


def _decode(path, what):
    img = Image.open(path)
    if img.mode not in ("L", "P", "I;16", "RGB", "RGBA", "LA"):
        raise DatasetError(f"{path}: unsupported {what} mode {img.mode}")
    return np.asarray(img.convert("L"), dtype=np.uint8)


class ScanStore:
    """Decoded scans and masks of one verified dataset, cached as .npy under cache_dir/<datasetSha256>/
    and opened memory-mapped. Masks are mapped to the task's classes (binary from multiclass: 2,3 -> 1)."""

    def __init__(self, dataset_dir, manifest, cache_root, task):
        self.dir = Path(dataset_dir)
        self.samples = {s["id"]: s for s in manifest["samples"]}
        self.cache = Path(cache_root) / manifest["datasetSha256"]
        self.cache.mkdir(parents=True, exist_ok=True)
        self.remap = None
        if task == "binary" and manifest["kind"] == "multiclass":
            self.remap = np.array([0, 0, 1, 1, 0] + [0] * 251, dtype=np.uint8)
        self.n_classes = 2 if task == "binary" else 5
        self._open = {}

    def _cached(self, sid, key):
        out = self.cache / f"{sid}.{key}.npy"
        if not out.exists():
            arr = _decode(self.dir / self.samples[sid][key], key)
            s = self.samples[sid]
            if arr.shape != (s["height"], s["width"]):
                raise DatasetError(f"{s[key]}: {arr.shape[1]}x{arr.shape[0]} px, manifest says {s['width']}x{s['height']}")
            if key == "mask" and arr.max(initial=0) >= (5 if self.remap is not None else self.n_classes):
                raise DatasetError(f"{s[key]}: class {arr.max()} out of range for this task")
            tmp = out.with_suffix(".tmp.npy")
            np.save(tmp, arr)
            os.replace(tmp, out)   # atomic: a killed run never leaves half a cache file
        return np.load(out, mmap_mode="r")

    def raw(self, sid):
        """(image, mask) uint8 HxW read-only memory maps; the mask still in the dataset's classes."""
        if sid not in self._open:
            image = self._cached(sid, "image")
            mask = self._cached(sid, "mask")
            if image.shape != mask.shape:
                raise DatasetError(f"sample {sid}: image {image.shape} and mask {mask.shape} differ")
            self._open[sid] = (image, mask)
        return self._open[sid]

    def region(self, sid, y, x, h, w):
        """Copies of image and task-class mask for rows y..y+h, columns x..x+w (px)."""
        image, mask = self.raw(sid)
        msk = np.array(mask[y:y + h, x:x + w])
        return np.array(image[y:y + h, x:x + w]), (self.remap[msk] if self.remap is not None else msk)

    def full(self, sid):
        image, mask = self.raw(sid)
        return self.region(sid, 0, 0, image.shape[0], image.shape[1])

    def curve_pixels(self, sid, curve_classes, cap=20000):
        """(K, 2) int32 (row, col) of curve-ink pixels, every k-th so at most ~cap: crop centres for
        curve-biased sampling (ink is ~3% of pixels; uniform crops would mostly show paper)."""
        out = self.cache / f"{sid}.curvepx.npy"
        if not out.exists():
            _, mask = self.raw(sid)
            if self.remap is not None:
                curve_classes = [2, 3]   # the mask on disk is still multiclass
            rows, cols = np.nonzero(np.isin(mask, curve_classes))
            step = max(1, len(rows) // cap)
            pts = np.stack([rows[::step], cols[::step]], axis=1).astype(np.int32)
            tmp = out.with_suffix(".tmp.npy")
            np.save(tmp, pts)
            os.replace(tmp, out)
        return np.load(out)

"""A tiny dataset in the exact format of docs/dataset-format.md, drawn here with numpy so the
training tests do not depend on the real generator: paper, a grid (class 1), a solid curve (2), a
broken curve (3) and text blobs (4); image, mask, truth and layout files, a manifest with SHA-256s."""
import hashlib
import json
from pathlib import Path

import numpy as np
from PIL import Image

CLASSES = ["paper", "grid", "solid_curve", "broken_curve", "text"]


def draw_sample(rng, width, height):
    """(image uint8 HxW: 255 paper, dark ink; mask uint8 HxW multiclass)."""
    img = np.full((height, width), 245, np.uint8)
    mask = np.zeros((height, width), np.uint8)
    step = int(rng.integers(12, 20))
    for x in range(int(rng.integers(0, step)), width, step):
        img[:, x], mask[:, x] = 170, 1
    for y in range(int(rng.integers(0, step)), height, step):
        img[y, :], mask[y, :] = 170, 1
    rows = np.arange(height)
    for cls, phase in ((2, rng.uniform(0, 6)), (3, rng.uniform(0, 6))):
        xs = width / 2 + width * 0.35 * np.sin(rows / rng.uniform(15, 40) + phase)
        for y, x in zip(rows, xs.astype(int)):
            if cls == 3 and (y // 6) % 2:
                continue   # gaps of the broken curve
            img[y, x:x + 2], mask[y, x:x + 2] = 20, cls
    for _ in range(2):
        y, x = int(rng.integers(0, height - 8)), int(rng.integers(0, width - 16))
        blob = rng.random((6, 14)) < 0.5
        img[y:y + 6, x:x + 14][blob], mask[y:y + 6, x:x + 14][blob] = 40, 4
    noise = rng.normal(0, 4, img.shape)
    return np.clip(img + noise, 0, 255).astype(np.uint8), mask


def write_dataset(out, n=16, seed=7, width=96, height=160, jpeg_every=0):
    """Writes the dataset; returns its manifest. Sample k is a JPEG when jpeg_every and k % jpeg_every == 0."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    samples = []
    for k in range(n):
        sid = f"{k:06d}"
        img, mask = draw_sample(rng, width, height)
        ext = "jpg" if jpeg_every and k % jpeg_every == 0 else "png"
        Image.fromarray(img).save(out / f"{sid}.{ext}")
        Image.fromarray(mask).save(out / f"{sid}.mask.png")
        (out / f"{sid}.truth.json").write_text(json.dumps({"depthUnit": "FT", "step": 0.5, "curves": []}))
        (out / f"{sid}.layout.json").write_text(json.dumps({"format": "tracewell-layout/1"}))
        samples.append({"id": sid, "seed": int(rng.integers(2**31)), "width": width, "height": height,
                        "image": f"{sid}.{ext}", "mask": f"{sid}.mask.png",
                        "truth": f"{sid}.truth.json", "layout": f"{sid}.layout.json"})
    files = []
    for path in sorted(p for p in out.iterdir() if p.name != "manifest.json"):
        data = path.read_bytes()
        files.append({"path": path.name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
    digest = hashlib.sha256(json.dumps(files, separators=(",", ":")).encode()).hexdigest()
    manifest = {"format": "tracewell-dataset/1", "generator": {"name": "fake-test-data", "version": "0"},
                "kind": "multiclass", "seed": seed, "n": n, "config": {"width": width, "height": height},
                "classes": CLASSES, "samples": samples, "files": files, "datasetSha256": digest}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest

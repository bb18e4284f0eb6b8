"""Training batches: random crops with augmentation, driven by one numpy Generator whose state is
checkpointed, so a resumed run draws exactly the batches the uninterrupted run would have drawn.

Augmentations keep the class semantics: flips (a mirrored log is still a log: curves stay curves,
grid stays grid), photometric changes (brightness, contrast, gamma, noise, blur) that imitate scans.
No 90-degree rotations: depth runs down the scan and the grid/curve geometry depends on it."""
import math
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch
import torch.nn.functional as F


def pick_crop(rng, shape, size, centre=None):
    """Top-left (y, x) of a size x size crop inside shape (H, W); around centre (row, col) if given.
    Scans smaller than the crop are padded later (see crop_padded)."""
    h, w = shape
    if centre is None:
        y = int(rng.integers(0, max(1, h - size + 1)))
        x = int(rng.integers(0, max(1, w - size + 1)))
        return y, x
    jy, jx = rng.integers(-size // 4, size // 4 + 1, size=2)
    y = int(np.clip(centre[0] - size // 2 + jy, 0, max(0, h - size)))
    x = int(np.clip(centre[1] - size // 2 + jx, 0, max(0, w - size)))
    return y, x


def crop_padded(store, sid, y, x, size):
    """size x size crop; outside the scan is white paper (image 255, class 0)."""
    image, _ = store.raw(sid)
    h, w = image.shape
    img, msk = store.region(sid, y, x, min(size, h - y), min(size, w - x))
    if img.shape != (size, size):
        pi = np.full((size, size), 255, np.uint8)
        pm = np.zeros((size, size), np.uint8)
        pi[:img.shape[0], :img.shape[1]] = img
        pm[:msk.shape[0], :msk.shape[1]] = msk
        img, msk = pi, pm
    return img, msk


def gaussian_blur(img, sigma):
    """img float32 HxW; separable gaussian, radius 3 sigma, reflect padding."""
    r = max(1, int(math.ceil(3 * sigma)))
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    k = torch.from_numpy((k / k.sum()).astype(np.float32))
    t = torch.from_numpy(img)[None, None]
    t = F.conv2d(F.pad(t, (r, r, 0, 0), mode="reflect"), k.view(1, 1, 1, -1))
    t = F.conv2d(F.pad(t, (0, 0, r, r), mode="reflect"), k.view(1, 1, -1, 1))
    return t[0, 0].numpy()


def augment(rng, img, msk, aug):
    """img uint8 HxW -> float32 in [0, 1] (pixel/255, the model's input scale); msk follows flips."""
    if rng.random() < aug["hflip"]:
        img, msk = img[:, ::-1], msk[:, ::-1]
    if rng.random() < aug["vflip"]:
        img, msk = img[::-1, :], msk[::-1, :]
    x = np.ascontiguousarray(img, dtype=np.float32) / 255.0
    gamma = float(np.exp(rng.uniform(np.log(aug["gamma"][0]), np.log(aug["gamma"][1]))))
    contrast = 1.0 + rng.uniform(-aug["contrast"], aug["contrast"])
    brightness = rng.uniform(-aug["brightness"], aug["brightness"])
    sigma_noise = rng.uniform(0, aug["noise"])
    blur = rng.random() < aug["blurP"]
    blur_sigma = rng.uniform(*aug["blurSigma"])
    x = x ** gamma
    x = (x - x.mean()) * contrast + x.mean() + brightness
    if blur:
        x = gaussian_blur(x, blur_sigma)
    x = x + rng.standard_normal(x.shape, dtype=np.float32) * sigma_noise
    return np.clip(x, 0.0, 1.0).astype(np.float32), np.ascontiguousarray(msk)


class BatchSampler:
    """Draws batches of (image [B,1,S,S] float32, mask [B,S,S] int64) from the training scans.

    The sampler's generator draws the crop size and one seed per crop; each crop is then cut and
    augmented with its own generator, so `train.samplerThreads` workers give the same batches as one."""

    def __init__(self, store, train_ids, cfg, curve_classes):
        self.store, self.ids, self.cfg = store, list(train_ids), cfg
        self.curve_classes = curve_classes
        self.rng = np.random.Generator(np.random.PCG64(cfg["seed"]))
        threads = cfg["train"]["samplerThreads"]
        self.pool = ThreadPoolExecutor(threads) if threads > 1 else None
        self.warm = False

    def _warm_up(self):
        """Decode/cache every training scan before the first batch: the worker threads then only read
        (and a finished run that only evaluates never pays for it)."""
        for sid in self.ids:
            self.store.raw(sid)
            self.store.curve_pixels(sid, self.curve_classes)
        self.warm = True

    def state(self):
        return self.rng.bit_generator.state

    def set_state(self, state):
        self.rng.bit_generator.state = state

    def _one(self, size, seed):
        rng = np.random.Generator(np.random.PCG64(seed))
        sid = self.ids[int(rng.integers(len(self.ids)))]
        shape = self.store.raw(sid)[0].shape
        centre = None
        if rng.random() < self.cfg["train"]["curveCropFraction"]:
            pts = self.store.curve_pixels(sid, self.curve_classes)
            if len(pts):
                centre = pts[int(rng.integers(len(pts)))]
        y, x = pick_crop(rng, shape, size, centre)
        img, msk = crop_padded(self.store, sid, y, x, size)
        return augment(rng, img, msk, self.cfg["augment"])

    def batch(self):
        if not self.warm:
            self._warm_up()
        tc = self.cfg["train"]
        size = int(tc["cropSizes"][int(self.rng.integers(len(tc["cropSizes"])))])
        seeds = [int(s) for s in self.rng.integers(0, 2**63, size=tc["batchSize"])]
        if self.pool:
            pairs = list(self.pool.map(lambda seed: self._one(size, seed), seeds))
        else:
            pairs = [self._one(size, seed) for seed in seeds]
        images = torch.from_numpy(np.stack([p[0] for p in pairs]))[:, None]
        masks = torch.from_numpy(np.stack([p[1] for p in pairs]).astype(np.int64))
        return images, masks


def val_crops(store, val_ids, cfg, curve_classes):
    """Fixed validation crops for per-epoch monitoring, drawn by a generator with a constant seed
    (independent of the training seed), no augmentation; every other crop is centred on curve ink so
    the curve metrics are not estimated from paper alone. Returns a list of (image uint8, mask)."""
    vc = cfg["val"]
    rng = np.random.Generator(np.random.PCG64(0x7A11))
    out = []
    for sid in val_ids:
        shape = store.raw(sid)[0].shape
        pts = store.curve_pixels(sid, curve_classes)
        for i in range(vc["cropsPerSample"]):
            centre = pts[int(rng.integers(len(pts)))] if (i % 2 and len(pts)) else None
            y, x = pick_crop(rng, shape, vc["cropSize"], centre)
            out.append(crop_padded(store, sid, y, x, vc["cropSize"]))
            if len(out) >= vc["maxCrops"]:
                return out
    return out

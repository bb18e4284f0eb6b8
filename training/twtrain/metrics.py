"""Segmentation metrics from a confusion matrix accumulated over all validation pixels (micro
averages: one big image, not a mean of per-crop scores). A class absent from both truth and
prediction has no score (None), never a made-up 1.0 or 0.0."""
import numpy as np
import torch


def confusion(pred, target, n_classes):
    """pred, target: integer tensors of the same shape -> [C_true, C_pred] int64 counts."""
    idx = target.reshape(-1).to(torch.int64) * n_classes + pred.reshape(-1).to(torch.int64)
    return torch.bincount(idx, minlength=n_classes * n_classes).reshape(n_classes, n_classes).numpy()


def _scores(tp, fp, fn):
    def ratio(a, b):
        return float(a) / float(b) if b > 0 else None
    return {"iou": ratio(tp, tp + fp + fn), "dice": ratio(2 * tp, 2 * tp + fp + fn),
            "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
            "support": int(tp + fn)}


def group_scores(cm, group):
    """Scores of a set of classes merged into one (e.g. solid + broken curve = curve ink)."""
    g = np.zeros(cm.shape[0], bool)
    g[list(group)] = True
    tp = cm[np.ix_(g, g)].sum()
    fp = cm[np.ix_(~g, g)].sum()
    fn = cm[np.ix_(g, ~g)].sum()
    return _scores(tp, fp, fn)


def summarize(cm, class_names, curve_classes, grid_class):
    per_class = {name: group_scores(cm, [i]) for i, name in enumerate(class_names)}
    ious = [s["iou"] for s in per_class.values() if s["iou"] is not None]
    out = {
        "perClass": per_class,
        "curveIoU": group_scores(cm, curve_classes)["iou"],
        "curve": group_scores(cm, curve_classes),
        "gridIoU": group_scores(cm, [grid_class])["iou"] if grid_class is not None else None,
        "mIoU": float(np.mean(ious)) if ious else None,
        "pixelAccuracy": float(np.trace(cm)) / float(cm.sum()) if cm.sum() else None,
        "pixels": int(cm.sum()),
    }
    if out["curveIoU"] is not None and out["gridIoU"] is not None:
        out["curveGridMean"] = (out["curveIoU"] + out["gridIoU"]) / 2
    else:
        out["curveGridMean"] = out["curveIoU"]
    return out


def dilate1(mask):
    """Boolean HxW -> pixels within 1 px (8-neighbourhood, Chebyshev distance <= 1) of a True pixel."""
    h, w = mask.shape
    p = np.pad(mask, 1)
    out = np.zeros_like(mask)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            out |= p[dy:dy + h, dx:dx + w]
    return out


def tolerant_counts(pred, truth):
    """Counts for the 1-px boundary-tolerant scores of one class group (pred, truth boolean HxW):
    a predicted pixel is right when a true pixel lies within 1 px of it, a true pixel is found when a
    predicted pixel lies within 1 px of it. Why: the masks of 1-3 px anti-aliased lines put their
    edge where coverage crosses one half, so a one-pixel shift of a line's edge is label noise."""
    near_truth, near_pred = dilate1(truth), dilate1(pred)
    return np.array([np.count_nonzero(pred & near_truth), np.count_nonzero(pred & ~near_truth),
                     np.count_nonzero(truth & near_pred), np.count_nonzero(truth & ~near_pred)], np.int64)


def tolerant_scores(counts):
    """counts = summed tolerant_counts: [pred right, pred wrong, truth found, truth missed] ->
    precision (pred right / pred), recall (truth found / truth), and IoU = truth found /
    (truth + pred wrong): 1 for a perfect answer and for one whose edges are 1 px off."""
    right, wrong, found, missed = (int(c) for c in counts)

    def ratio(a, b):
        return a / b if b > 0 else None
    return {"iou": ratio(found, found + missed + wrong), "precision": ratio(right, right + wrong),
            "recall": ratio(found, found + missed), "tolerancepx": 1}

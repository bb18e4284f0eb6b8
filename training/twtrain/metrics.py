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

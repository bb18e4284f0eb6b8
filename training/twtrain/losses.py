"""Class-imbalance-aware losses (curve ink is ~3% of pixels). A config combines weighted terms:
ce (cross-entropy), focal (Lin et al.: down-weights easy pixels), dice (soft Dice per class) and
tversky (soft Dice with separate false-positive/false-negative weights; beta > alpha favours recall
of thin ink). Region terms (dice, tversky) average over loss.regionClasses, default all but class 0."""
import torch
import torch.nn.functional as F

EPS = 1.0   # smoothing in region losses, in pixels: keeps classes absent from a batch finite


def _region_stats(logits, target, classes):
    prob = logits.softmax(dim=1)[:, classes]                         # [N,K,H,W]
    onehot = F.one_hot(target, logits.shape[1]).permute(0, 3, 1, 2)[:, classes].to(prob.dtype)
    dims = (0, 2, 3)
    tp = (prob * onehot).sum(dims)
    fp = (prob * (1 - onehot)).sum(dims)
    fn = ((1 - prob) * onehot).sum(dims)
    return tp, fp, fn


def dice_loss(logits, target, classes):
    tp, fp, fn = _region_stats(logits, target, classes)
    return (1 - (2 * tp + EPS) / (2 * tp + fp + fn + EPS)).mean()


def tversky_loss(logits, target, classes, alpha, beta):
    tp, fp, fn = _region_stats(logits, target, classes)
    return (1 - (tp + EPS) / (tp + alpha * fp + beta * fn + EPS)).mean()


def focal_loss(logits, target, gamma):
    logp = F.log_softmax(logits, dim=1).gather(1, target[:, None])[:, 0]
    return (-((1 - logp.exp()) ** gamma) * logp).mean()


def make_loss(lcfg, n_classes):
    classes = lcfg["regionClasses"] if lcfg["regionClasses"] is not None else list(range(1, n_classes))
    terms = [(t["type"], float(t.get("weight", 1.0))) for t in lcfg["terms"]]

    def loss(logits, target):
        total = logits.new_zeros(())
        for kind, w in terms:
            if kind == "ce":
                total = total + w * F.cross_entropy(logits, target)
            elif kind == "focal":
                total = total + w * focal_loss(logits, target, lcfg["focalGamma"])
            elif kind == "dice":
                total = total + w * dice_loss(logits, target, classes)
            else:
                total = total + w * tversky_loss(logits, target, classes, lcfg["tverskyAlpha"], lcfg["tverskyBeta"])
        return total
    return loss

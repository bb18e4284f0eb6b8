"""Model cost counting, metrics, losses, LR schedule and tile stitching."""
import math
import unittest
from unittest import mock

import numpy as np
import torch
import torch.nn as nn

import helpers  # noqa: F401  (puts training/ on sys.path)
from twtrain import losses, metrics
from twtrain.config import DEFAULTS, load_config, multiple_of
from twtrain.evaluate import plan_axis, predict_scan, reflect_index, torch_predictor
from twtrain.model import UNet, context_needed, macs_per_pixel
from twtrain.trainer import lr_factor


class Macs(unittest.TestCase):
    def test_counts_plain_depthwise_and_strided_convs(self):
        model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1),             # 1*4*9 per px
                              nn.Conv2d(4, 4, 3, padding=1, groups=4),   # 4*9 per px
                              nn.Conv2d(4, 8, 1, stride=2))              # 4*8 per output px = 8 per input px
        self.assertAlmostEqual(macs_per_pixel(model, size=32), 36 + 36 + 8)

    def test_transposed_conv_counts_its_scatter(self):
        model = nn.ConvTranspose2d(4, 2, 2, stride=2)   # each input px: 4 ch * 2*2 * 2 out ch = 32
        # input here has 1 channel in the counter's dummy, so wrap: 1 -> 4 (4*1 per px) then transpose
        model = nn.Sequential(nn.Conv2d(1, 4, 1), model)
        self.assertAlmostEqual(macs_per_pixel(model, size=16), 4 + 32)

    def test_unet_output_shape_and_multiple(self):
        cfg = {**DEFAULTS["model"], "widths": [8, 12, 16], "stem": 4}
        net = UNet(cfg, 5).eval()
        self.assertEqual(tuple(net(torch.rand(2, 1, 48, 80)).shape), (2, 5, 48, 80))
        half = UNet({**cfg, "inputScale": 2}, 2).eval()
        self.assertEqual(tuple(half(torch.rand(1, 1, 64, 32)).shape), (1, 2, 64, 32))
        added = UNet({**cfg, "merge": "add", "upsample": "transpose"}, 5).eval()
        self.assertEqual(tuple(added(torch.rand(1, 1, 32, 40)).shape), (1, 5, 32, 40))


class Metrics(unittest.TestCase):
    def test_scores_from_a_hand_counted_example(self):
        target = torch.tensor([0, 0, 1, 2, 3, 3])
        pred = torch.tensor([0, 1, 1, 3, 3, 0])
        cm = metrics.confusion(pred, target, 5)
        out = metrics.summarize(cm, ["p", "g", "s", "b", "t"], [2, 3], 1)
        self.assertAlmostEqual(out["perClass"]["g"]["iou"], 1 / 2)       # tp 1, fp 1
        self.assertAlmostEqual(out["perClass"]["b"]["precision"], 1 / 2)  # pred b: 2 px, 1 right
        self.assertAlmostEqual(out["perClass"]["b"]["recall"], 1 / 2)
        self.assertEqual(out["perClass"]["s"]["iou"], 0.0)                 # s predicted as b
        self.assertAlmostEqual(out["curveIoU"], 2 / 3)                     # s+b merged: tp 2, fn 1
        self.assertIsNone(out["perClass"]["t"]["iou"])                     # absent everywhere
        self.assertAlmostEqual(out["perClass"]["g"]["dice"], 2 / 3)

    def test_tolerant_scores_forgive_a_one_pixel_shift_only(self):
        truth = np.zeros((9, 12), bool)
        truth[:, 4:6] = True                          # a 2 px wide vertical line
        shifted = np.roll(truth, 1, axis=1)           # the same line 1 px to the right
        self.assertAlmostEqual(metrics.tolerant_scores(metrics.tolerant_counts(shifted, truth))["iou"], 1.0)
        far = np.roll(truth, 3, axis=1)               # 3 px off: nothing is within 1 px
        s = metrics.tolerant_scores(metrics.tolerant_counts(far, truth))
        self.assertEqual((s["iou"], s["precision"], s["recall"]), (0.0, 0.0, 0.0))
        half = truth.copy()
        half[:, 5] = False                            # half the width found, nothing wrong
        self.assertEqual(metrics.tolerant_counts(half, truth).tolist(), [9, 0, 18, 0])
        blob = truth | (np.arange(12) == 10)[None, :]   # a stray column 4 px away: 9 wrong pixels
        self.assertAlmostEqual(metrics.tolerant_scores(metrics.tolerant_counts(blob, truth))["iou"], 18 / 27)


class Losses(unittest.TestCase):
    def test_region_losses_near_zero_for_a_confident_right_answer(self):
        target = torch.randint(0, 3, (2, 8, 8))
        logits = torch.nn.functional.one_hot(target, 3).permute(0, 3, 1, 2).float() * 30
        self.assertLess(losses.dice_loss(logits, target, [1, 2]).item(), 1e-3)
        self.assertLess(losses.tversky_loss(logits, target, [1, 2], 0.3, 0.7).item(), 1e-3)

    def test_tversky_with_equal_weights_is_dice(self):
        logits, target = torch.randn(2, 3, 8, 8), torch.randint(0, 3, (2, 8, 8))
        with mock.patch.object(losses, "EPS", 0.0):   # the smoothing terms differ by design
            self.assertAlmostEqual(losses.tversky_loss(logits, target, [1, 2], 0.5, 0.5).item(),
                                   losses.dice_loss(logits, target, [1, 2]).item(), places=6)

    def test_focal_with_gamma_zero_is_cross_entropy(self):
        logits, target = torch.randn(2, 3, 8, 8), torch.randint(0, 3, (2, 8, 8))
        self.assertAlmostEqual(losses.focal_loss(logits, target, 0.0).item(),
                               torch.nn.functional.cross_entropy(logits, target).item(), places=5)


class Schedule(unittest.TestCase):
    def test_warmup_then_cosine_to_the_floor(self):
        cfg = {"train": {**DEFAULTS["train"], "epochs": 2, "stepsPerEpoch": 50, "warmupSteps": 10,
                         "lr": 0.01, "minLr": 0.0001}}
        f = lr_factor(cfg)
        self.assertAlmostEqual(f(0), 0.1)
        self.assertAlmostEqual(f(9), 1.0)
        self.assertAlmostEqual(f(10), 1.0)
        self.assertAlmostEqual(f(100), 0.01)
        self.assertTrue(all(f(s) >= f(s + 1) for s in range(10, 100)))


class Tiling(unittest.TestCase):
    def test_plan_matches_the_engine_plan(self):
        # planAxis(0, 1000, {size 512, overlap 64, multipleOf 16}) in src/ml/tiling.ts
        self.assertEqual(plan_axis(0, 1000, 512, 64, 16),
                         [(0, 336, -64, 400), (336, 672, 272, 736), (672, 1000, 608, 1072)])

    def test_cores_cover_every_pixel_once_with_full_context(self):
        for length, tile, overlap, m in ((512, 512, 64, 16), (1000, 512, 64, 16), (70, 512, 64, 16),
                                         (2000, 256, 32, 32)):
            covered = np.zeros(length, int)
            for cs, ce, s, e in plan_axis(0, length, tile, overlap, m):
                self.assertTrue(s <= cs - overlap and ce + overlap <= e and (e - s) % m == 0 and e - s <= tile)
                covered[cs:ce] += 1
            self.assertTrue((covered == 1).all(), (length, tile, overlap))

    def test_mirroring_does_not_repeat_the_edge(self):
        np.testing.assert_array_equal(reflect_index(np.arange(-3, 7), 4), [3, 2, 1, 0, 1, 2, 3, 2, 1, 0])

    def test_tiled_prediction_equals_whole_image_for_a_pointwise_model(self):
        torch.manual_seed(0)
        model = nn.Conv2d(1, 5, 1).eval()   # receptive field 1 px: tiling must not change anything
        image = np.random.default_rng(0).integers(0, 256, (300, 170)).astype(np.uint8)
        whole = model(torch.from_numpy(image.astype(np.float32) / 255)[None, None]).argmax(1)[0].numpy()
        tiled = predict_scan(torch_predictor(model), image, tile=128, overlap=32, multiple=16)
        np.testing.assert_array_equal(tiled, whole)


class ReceptiveField(unittest.TestCase):
    """Tiles planned as the engine plans them (aligned cores + overlap of context, mirrored edges)
    give the whole-image logits when the overlap covers context_needed, and not when it is smaller."""

    def setUp(self):
        torch.manual_seed(3)
        self.net = UNet({**DEFAULTS["model"], "widths": [8, 12, 16], "stem": 4}, 5).eval()   # multiple 8
        rng = np.random.default_rng(1)
        self.image = (rng.random((224, 200)) < 0.1).astype(np.float32) * 0.8 + 0.15
        with torch.no_grad():
            self.whole = self.net(torch.from_numpy(self.image)[None, None])[0].numpy()

    def tiled_logits(self, tile, overlap):
        h, w = self.image.shape
        out = np.zeros_like(self.whole)
        for r in plan_axis(0, h, tile, overlap, 8):
            for c in plan_axis(0, w, tile, overlap, 8):
                x = self.image[np.ix_(reflect_index(np.arange(r[2], r[3]), h), reflect_index(np.arange(c[2], c[3]), w))]
                with torch.no_grad():
                    y = self.net(torch.from_numpy(np.ascontiguousarray(x))[None, None])[0].numpy()
                out[:, r[0]:r[1], c[0]:c[1]] = y[:, r[0] - r[2]:r[1] - r[2], c[0] - c[2]:c[1] - c[2]]
        return out

    def test_context_needed_is_enough_and_less_is_not(self):
        need = context_needed(self.net, 8)
        self.assertGreater(need["reach"], need["before"])   # phase-dependent: the aligned need is smaller
        enough = -(-max(need["before"], need["after"]) // 8) * 8
        inner = (slice(None), slice(need["reach"], -need["reach"]), slice(need["reach"], -need["reach"]))
        diff = lambda overlap: np.abs(self.tiled_logits(64, overlap) - self.whole)[inner].max()   # noqa: E731
        self.assertLess(diff(enough), 1e-5)   # away from the scan edges (mirrored there, zero-padded whole)
        self.assertGreater(diff(enough - 8), 1e-4)


class OrtServe(unittest.TestCase):
    """The whole-scan evaluation's onnxruntime path (onnx-check.ts serve) answers like PyTorch."""

    def test_classes_match_pytorch_over_several_requests(self):
        import tempfile
        from twtrain.export import export_onnx
        from twtrain.ortclient import OrtTiles
        torch.manual_seed(5)
        net = UNet({**DEFAULTS["model"], "widths": [8, 12, 16], "stem": 4}, 5).eval()
        rng = np.random.default_rng(2)
        with tempfile.TemporaryDirectory() as tmp:
            export_onnx(net, f"{tmp}/m.onnx", 8)
            ort = OrtTiles(f"{tmp}/m.onnx")
            try:
                for shape in ((2, 1, 64, 96), (1, 1, 40, 24), (3, 1, 32, 32)):
                    x = rng.random(shape, dtype=np.float32)
                    got = ort(x)
                    with torch.no_grad():
                        logits = net(torch.from_numpy(x))
                    top2 = logits.topk(2, dim=1).values
                    clear = (top2[:, 0] - top2[:, 1] > 1e-3).numpy()   # ties may go either way
                    self.assertEqual(got.shape, (shape[0], shape[2], shape[3]))
                    np.testing.assert_array_equal(got[clear], logits.argmax(1).numpy()[clear])
            finally:
                ort.close()

    def test_a_missing_model_is_named(self):
        from twtrain.export import ExportError
        from twtrain.ortclient import OrtTiles
        ort = OrtTiles("/nonexistent/m.onnx")
        with self.assertRaisesRegex(ExportError, "onnxruntime serve stopped .*/nonexistent/m.onnx failed"):
            ort(np.zeros((1, 1, 8, 8), np.float32))


class Configs(unittest.TestCase):
    def test_shipped_configs_load_and_crops_fit_the_model(self):
        for name in ("smoke", "multiclass", "binary"):
            cfg = load_config(helpers.TRAINING / "configs" / f"{name}.json")
            for size in cfg["train"]["cropSizes"]:
                self.assertEqual(size % multiple_of(cfg), 0)

    def test_keys_added_later_leave_older_runs_hash_alone(self):
        from twtrain.config import config_hash
        cfg = load_config(helpers.TRAINING / "configs" / "smoke.json")
        older = {**cfg, "train": {k: v for k, v in cfg["train"].items() if k != "initFrom"}}
        self.assertEqual(config_hash(cfg), config_hash(older))
        cfg["train"]["initFrom"] = {"path": "x.pt", "sha256": "0" * 64}
        self.assertNotEqual(config_hash(cfg), config_hash(older))

    def test_unknown_key_is_named(self):
        import tempfile
        from twtrain.config import ConfigError
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            f.write('{"name": "x", "dataset": {"dir": "d"}, "train": {"epoch": 3}}')
            f.flush()
            with self.assertRaisesRegex(ConfigError, "unknown config key 'train.epoch'"):
                load_config(f.name)


if __name__ == "__main__":
    unittest.main()

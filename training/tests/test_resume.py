"""A run killed mid-way (SIGKILL in epoch 2 of 2) and resumed ends bitwise equal to an
uninterrupted run; the full pipeline then exports an ONNX model that onnxruntime runs like PyTorch."""
import hashlib
import json
import os
import signal
import subprocess
import threading
import unittest

import torch

from helpers import SMOKE, Workspace


def tensors_equal(a, b):
    """Deep bitwise equality of nested checkpoint structures (tensors compared with torch.equal)."""
    if isinstance(a, torch.Tensor):
        return isinstance(b, torch.Tensor) and a.dtype == b.dtype and a.shape == b.shape and torch.equal(a, b)
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(tensors_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(tensors_equal(x, y) for x, y in zip(a, b))
    return a == b


def val_ids(run_dir):
    return set(json.loads((run_dir / "runinfo.json").read_text())["split"]["val"])


class KillAndResume(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.run_a = cls.ws.root / "uninterrupted"
        cls.proc_a = cls.ws.run(cls.run_a, "--until", "train")

    @classmethod
    def tearDownClass(cls):
        cls.ws.close()

    def kill_in_epoch_2(self, run_dir):
        """Start a run and SIGKILL it right after it reports step 2 of epoch 2 (a watchdog kills it
        after 180 s whatever happens, so the test cannot hang)."""
        proc = subprocess.Popen(self.ws.args(run_dir, "--until", "train"), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
        watchdog = threading.Timer(180, proc.kill)
        watchdog.start()
        seen = []
        try:
            for line in proc.stdout:
                seen.append(line)
                if line.startswith("epoch 2/2 step 2/"):
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            proc.wait()
        finally:
            watchdog.cancel()
            proc.stdout.close()
        return proc.returncode, "".join(seen)

    def test_killed_then_resumed_run_matches_uninterrupted_run_bitwise(self):
        self.assertEqual(self.proc_a.returncode, 0, self.proc_a.stderr)
        run_b = self.ws.root / "interrupted"
        code, out = self.kill_in_epoch_2(run_b)
        self.assertEqual(code, -signal.SIGKILL, out)
        self.assertTrue((run_b / "checkpoints" / "epoch-0001.pt").exists(), out)
        self.assertFalse((run_b / "checkpoints" / "epoch-0002.pt").exists(), "killed too late: epoch 2 finished")
        resumed = self.ws.run(run_b, "--until", "train")
        self.assertEqual(resumed.returncode, 0, resumed.stderr)
        self.assertIn("resumed from epoch-0001.pt", resumed.stdout)
        a = torch.load(self.run_a / "checkpoints" / "epoch-0002.pt")
        b = torch.load(run_b / "checkpoints" / "epoch-0002.pt")
        for key in ("model", "optimizer", "scheduler", "best", "earlyStop", "step", "epoch"):
            self.assertTrue(tensors_equal(a[key], b[key]), f"{key} differs after resume")
        self.assertEqual(a["rng"]["sampler"], b["rng"]["sampler"])
        self.assertTrue(torch.equal(a["rng"]["torch"], b["rng"]["torch"]))
        # the comparison means something only if epoch 2 changed the weights
        a1 = torch.load(self.run_a / "checkpoints" / "epoch-0001.pt")
        self.assertFalse(tensors_equal(a1["model"], a["model"]), "epoch 2 did not change the weights")

    def test_full_pipeline_exports_a_model_onnxruntime_agrees_with(self):
        self.assertEqual(self.proc_a.returncode, 0, self.proc_a.stderr)
        proc = self.ws.run(self.run_a, "--publish")   # training is finished: evaluate, export, card, publish
        self.assertEqual(proc.returncode, 0, proc.stderr)
        models = self.ws.root / "models"
        card = json.loads((models / "tw-unet-smoke.json").read_text())
        onnx_bytes = (models / "tw-unet-smoke.onnx").read_bytes()
        self.assertEqual(card["id"], "sha256:" + hashlib.sha256(onnx_bytes).hexdigest())
        self.assertLessEqual(card["parity"]["maxAbsDiff"], 1e-4)
        self.assertEqual(card["parity"]["ioNames"], [["image"], ["logits"]])
        self.assertGreaterEqual(len(card["parity"]["tiles"]), 5)
        self.assertEqual(card["dataset"]["sha256"], self.ws.manifest["datasetSha256"])
        val = card["metrics"]["val"]
        self.assertEqual(set(val["perClass"]), {"paper", "grid", "solid_curve", "broken_curve", "text"})
        self.assertEqual(sum(map(sum, val["confusion"])), val["pixels"])
        self.assertEqual(val["pixels"], sum(s["width"] * s["height"] for s in self.ws.manifest["samples"]
                                            if s["id"] in val_ids(self.run_a)))
        self.assertTrue(val["runtime"].startswith("onnxruntime-node"))
        self.assertGreaterEqual(val["tolerant1px"]["curve"]["iou"], val["curveIoU"])   # forgives, never punishes
        self.assertEqual(card["tile"], {"size": 64, "overlap": 16})
        self.assertEqual(card["receptiveField"]["contextNeeded"], 16)   # smoke net: tiled = whole at overlap 16
        self.assertTrue(card["receptiveField"]["tiledEqualsWhole"])
        self.assertGreater(card["macsPerPixel"], 0)
        self.assertEqual(json.loads((models / "index.json").read_text()),
                         {"default": "tw-unet-smoke", "models": ["tw-unet-smoke"]})

    def finetune_config(self, sha):
        cfg = json.loads(SMOKE.read_text())
        cfg["name"] = "tw-unet-smoke-ft"
        cfg["train"]["initFrom"] = {"path": str(self.run_a / "best.pt"), "sha256": sha}
        path = self.ws.root / f"ft-{sha[:8]}.json"
        path.write_text(json.dumps(cfg))
        return path

    def run_config(self, config, run_dir):
        args = self.ws.args(run_dir, "--until", "train")
        args[args.index("--config") + 1] = str(config)
        return subprocess.run(args, capture_output=True, text=True, timeout=240)

    def test_a_fine_tune_starts_from_the_pinned_weights_only(self):
        self.assertEqual(self.proc_a.returncode, 0, self.proc_a.stderr)
        bad = self.run_config(self.finetune_config("0" * 64), self.ws.root / "ft-bad")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("the config pins " + "0" * 64, bad.stderr)
        sha = hashlib.sha256((self.run_a / "best.pt").read_bytes()).hexdigest()
        good = self.run_config(self.finetune_config(sha), self.ws.root / "ft")
        self.assertEqual(good.returncode, 0, good.stderr)
        self.assertIn("fine-tuning from", good.stdout)
        state = torch.load(self.ws.root / "ft" / "checkpoints" / "epoch-0002.pt")
        self.assertEqual(state["initFrom"]["sha256"], sha)
        self.assertEqual(state["initFrom"]["run"], "uninterrupted")
        self.assertEqual(state["initFrom"]["steps"], 12)   # the parent's training is counted


if __name__ == "__main__":
    unittest.main()

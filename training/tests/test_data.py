"""Dataset access: hash verification refuses changed files, the split is pinned by the dataset
hash, masks are mapped to the task's classes."""
import json
import unittest

import numpy as np

import torch

from helpers import SMOKE, Workspace, fakedata
from twtrain import data
from twtrain.config import load_config
from twtrain.sampler import BatchSampler


class Verification(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace(n=6)

    def tearDown(self):
        self.ws.close()

    def test_untouched_dataset_verifies(self):
        data.verify_dataset(self.ws.dataset, data.load_manifest(self.ws.dataset))

    def test_a_changed_mask_is_refused_by_name(self):
        path = self.ws.dataset / "000003.mask.png"
        raw = bytearray(path.read_bytes())
        raw[-20] ^= 0xFF   # same size, different bytes
        path.write_bytes(bytes(raw))
        with self.assertRaisesRegex(data.DatasetError, r"000003\.mask\.png: SHA-256 mismatch"):
            data.verify_dataset(self.ws.dataset, data.load_manifest(self.ws.dataset))

    def test_run_refuses_to_start_on_a_changed_file(self):
        (self.ws.dataset / "000001.png").write_bytes(b"not a png")
        proc = self.ws.run(self.ws.root / "run")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("000001.png: 9 bytes, manifest says", proc.stderr)
        self.assertIn("refusing to train", proc.stderr)
        self.assertFalse((self.ws.root / "run" / "checkpoints").exists())

    def test_a_tampered_file_list_is_refused(self):
        path = self.ws.dataset / "manifest.json"
        manifest = json.loads(path.read_text())
        manifest["files"] = manifest["files"][1:]   # drop a file: the digest no longer matches
        path.write_text(json.dumps(manifest))
        with self.assertRaisesRegex(data.DatasetError, "file list hashes to"):
            data.verify_dataset(self.ws.dataset, data.load_manifest(self.ws.dataset))

    def test_an_interrupted_synth_run_is_refused(self):
        path = self.ws.dataset / "manifest.json"
        manifest = json.loads(path.read_text())
        manifest["complete"] = False
        path.write_text(json.dumps(manifest))
        with self.assertRaisesRegex(data.DatasetError, "incomplete .*run the same synth command again"):
            data.load_manifest(self.ws.dataset)

    def test_missing_manifest_is_named(self):
        with self.assertRaisesRegex(data.DatasetError, "no manifest.json in"):
            data.load_manifest(self.ws.root / "nowhere")


class Split(unittest.TestCase):
    def manifest(self, sha, n=50):
        return {"datasetSha256": sha, "samples": [{"id": f"{i:06d}"} for i in range(n)]}

    def test_eighty_twenty_and_disjoint(self):
        train, val = data.split(self.manifest("a" * 64))
        self.assertEqual((len(train), len(val)), (40, 10))
        self.assertEqual(set(train) | set(val), {f"{i:06d}" for i in range(50)})
        self.assertFalse(set(train) & set(val))

    def test_same_hash_same_split_other_hash_other_split(self):
        self.assertEqual(data.split(self.manifest("a" * 64)), data.split(self.manifest("a" * 64)))
        self.assertNotEqual(data.split(self.manifest("a" * 64))[1], data.split(self.manifest("b" * 64))[1])


class Store(unittest.TestCase):
    def test_binary_task_reads_a_multiclass_mask_as_curve_ink(self):
        ws = Workspace(n=2)
        try:
            manifest = data.load_manifest(ws.dataset)
            multi = data.ScanStore(ws.dataset, manifest, ws.root / "cache", "multiclass").full("000001")[1]
            binary = data.ScanStore(ws.dataset, manifest, ws.root / "cache", "binary").full("000001")[1]
            np.testing.assert_array_equal(binary, np.isin(multi, [2, 3]).astype(np.uint8))
            self.assertGreater(binary.sum(), 0)
        finally:
            ws.close()

    def test_sampler_threads_do_not_change_the_batches(self):
        ws = Workspace(n=4)
        try:
            manifest = data.load_manifest(ws.dataset)
            store = data.ScanStore(ws.dataset, manifest, ws.root / "cache", "multiclass")
            cfg = load_config(SMOKE)
            batches = []
            for threads in (1, 3):
                cfg["train"]["samplerThreads"] = threads
                sampler = BatchSampler(store, ["000000", "000001", "000002"], cfg, [2, 3])
                batches.append([sampler.batch() for _ in range(3)])
            for (i1, m1), (i3, m3) in zip(*batches):
                self.assertTrue(torch.equal(i1, i3) and torch.equal(m1, m3))
            self.assertFalse(torch.equal(batches[0][0][0], batches[0][1][0]))
        finally:
            ws.close()

    def test_fake_sample_draws_every_class(self):
        _, mask = fakedata.draw_sample(np.random.default_rng(1), 96, 160)
        self.assertEqual(set(np.unique(mask)), {0, 1, 2, 3, 4})


if __name__ == "__main__":
    unittest.main()

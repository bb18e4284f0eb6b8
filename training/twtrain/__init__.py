"""Tracewell U-Net training pipeline (see training/README.md).

Modules: config (schema + defaults), data (manifest, hashes, split, cache), sampler (crops +
augmentation), model (configurable U-Net), losses, metrics, checkpoint, trainer, evaluate (tiled
whole-scan inference), export (ONNX + onnxruntime parity), card (MACs, model card, publishing).
"""

#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a torchvision classifier with random weights and a 2-class head as TorchScript,
for benchmarks (nothing is downloaded).

usage: make_torchvision_model.py densenet121|resnet50|inception_v3 OUT.pt [--trace]
"""
import json
import sys

import torch
import torchvision


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    arch, out = sys.argv[1], sys.argv[2]
    torch.manual_seed(0)
    kwargs = {"weights": None, "num_classes": 2}
    if arch == "inception_v3":
        kwargs.update(aux_logits=False, init_weights=False)
    model = getattr(torchvision.models, arch)(**kwargs).eval()
    size = 299 if arch == "inception_v3" else 224
    if "--trace" in sys.argv:
        module = torch.jit.trace(model, torch.zeros(1, 3, size, size))
    else:
        module = torch.jit.script(model)
    meta = {"input_size": [size, size], "architecture": arch}
    torch.jit.save(module, out, _extra_files={"saliscope.json": json.dumps(meta)})
    print("wrote", out)


if __name__ == "__main__":
    main()

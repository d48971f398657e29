#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""PyTorch's own rates for DenseNet-121 (random weights, 2 classes): forward (no_grad) in fp32,
fp16 autocast, half, bf16, each also channels-last, and a hand-written Grad-CAM in fp32.

usage: torch_reference.py DEVICE BATCH ITERATIONS [OUT.pt]
Writes the scripted model to OUT.pt when given (what saliscope-bench loads).
"""
import json
import sys
import time

import torch
import torchvision


def main():
    device, batch, iterations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    out = sys.argv[4] if len(sys.argv) > 4 else None
    torch.manual_seed(0)
    model = torchvision.models.densenet121(weights=None, num_classes=2).eval()
    if out:
        module = torch.jit.script(model)
        meta = {"input_size": [224, 224], "architecture": "densenet121"}
        torch.jit.save(module, out, _extra_files={"saliscope.json": json.dumps(meta)})
        print("wrote", out, flush=True)
    cuda = device.startswith("cuda")
    if cuda:
        torch.backends.cudnn.benchmark = True
    model = model.to(device)
    x = torch.randn(batch, 3, 224, 224, device=device)

    def sync():
        if cuda:
            torch.cuda.synchronize()

    def rate(fn):
        for _ in range(3):
            fn()
        sync()
        start = time.time()
        for _ in range(iterations):
            fn()
        sync()
        return batch * iterations / (time.time() - start)

    results = {}
    with torch.no_grad():
        for layout in ("nchw", "channels_last"):
            fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
            m = model.to(memory_format=fmt)
            xf = x.contiguous(memory_format=fmt)
            results["forward fp32 " + layout] = rate(lambda: m(xf))
            if cuda:
                with torch.autocast("cuda", dtype=torch.float16):
                    results["forward fp16-autocast " + layout] = rate(lambda: m(xf))
                with torch.autocast("cuda", dtype=torch.bfloat16):
                    results["forward bf16-autocast " + layout] = rate(lambda: m(xf))
                mh = m.half()
                xh = xf.half()
                results["forward half " + layout] = rate(lambda: mh(xh))
                model = mh.float()
    model = model.to(memory_format=torch.contiguous_format)

    def gradcam():
        with torch.no_grad():
            features = model.features(x)
        features.requires_grad_(True)
        pooled = torch.nn.functional.adaptive_avg_pool2d(torch.relu(features), 1).flatten(1)
        logits = model.classifier(pooled)
        logits.max(1).values.sum().backward()
        weights = features.grad.mean((2, 3), keepdim=True)
        return torch.relu((weights * features).sum(1))

    results["grad-cam fp32 nchw"] = rate(gradcam)
    for name, value in results.items():
        print("pytorch %-36s %10.1f images/s (batch %d)" % (name, value, batch), flush=True)
    if cuda:
        print("pytorch peak GPU memory %.2f GiB" % (torch.cuda.max_memory_allocated() / 2**30))


if __name__ == "__main__":
    main()

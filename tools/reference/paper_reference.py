#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The paper's measure pipeline, one image at a time, as the authors' scripts run it.

A reference for `saliscope-bench reference`: the same work as `saliscope-cli measure`, done
the way the published scripts do it (Crum et al. 2023; definitions in
docs/measures.md) with the libraries they used -- PyTorch with autograd through the whole network
and a Grad-CAM read from a hook on the CAM layer's output (torchcam 0.3.2 semantics), Pillow
for resizing, scikit-image for entropy, SSIM and salt-and-pepper noise, SciPy's Gaussian
filter for the salience-guided blur -- with no batching: every image is read from disk,
resized, and each of its variants goes through the network alone.

Run it with Debian's /usr/bin/python3 (python3-torch, python3-torchvision, python3-skimage,
python3-scipy, python3-pil). It needs no network. Parameters are Saliscope's defaults.

    paper_reference.py --model M.pt [--model M2.pt ...] --images DIR [--count N]
                       [--measures all|entropy,noise,transforms,stability,degradation]
                       [--threads N] [--warmup N] [--noise-levels L] [--out DIR]

Prints one JSON object with the timing (images/s over the whole per-image loop, decode
included). With --out, writes the per-image rows as CSV files with the columns of
`saliscope-cli measure` (noise rows differ for levels > 0: the random draws are NumPy's).

Models: TorchScript files of torchvision DenseNets (`features`, `classifier`; Grad-CAM at
`features`) or ResNets (`layer4`, `fc`; Grad-CAM at `layer4`), the architectures of the paper.
"""

import argparse
import csv
import json
import math
import os
import resource
import sys
import time

import numpy as np
import scipy.ndimage
import skimage.measure
import skimage.metrics
import skimage.util
import torch
import torch.nn.functional as F
from PIL import Image

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
NOISE_LEVELS = (0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0)
SHIFT_AT_224 = 16
SIGMA_MAX = 10.0
CURVE_ORDER = 4.0
GUIDE_SIGMA = 5.0
MEASURES = ("entropy", "noise", "transforms", "stability", "degradation")
CLASS_NAMES = {"real": 0, "0_real": 0, "bonafide": 0, "genuine": 0,
               "fake": 1, "1_fake": 1, "synthetic": 1, "generated": 1, "spoof": 1}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp")


class Network:
    """A TorchScript classifier split at its CAM layer, run as the eager torchvision model runs."""

    def __init__(self, path, size):
        self.name = os.path.splitext(os.path.basename(path))[0]
        self.size = size
        try:
            self.module = torch.jit.load(path, map_location="cpu")
        except (RuntimeError, ValueError, OSError) as error:
            raise SystemExit(f"{path}: not a TorchScript model ({str(error).splitlines()[0]})")
        self.module.eval()
        for parameter in self.module.parameters():
            parameter.requires_grad_(True)  # as an eager model: backward reaches every weight
        children = {name for name, _ in self.module.named_children()}
        if {"features", "classifier"} <= children:
            self.kind = "densenet"
        elif {"layer4", "fc"} <= children:
            self.kind = "resnet"
        else:
            raise SystemExit(f"{path}: not a torchvision DenseNet or ResNet (children: {sorted(children)})")

    def _body(self, x):
        m = self.module
        if self.kind == "densenet":
            return m.features(x)
        x = m.maxpool(m.relu(m.bn1(m.conv1(x))))
        return m.layer4(m.layer3(m.layer2(m.layer1(x))))

    def _head(self, features):
        m = self.module
        if self.kind == "densenet":
            out = F.relu(features, inplace=True)  # torchvision's in-place ReLU: the hook's activations change
            return m.classifier(torch.flatten(F.adaptive_avg_pool2d(out, (1, 1)), 1))
        return m.fc(torch.flatten(m.avgpool(features), 1))

    def grad_cam(self, image):
        """Logits and the min-max normalised float Grad-CAM (NaN when flat) of one HxWx3 uint8 image."""
        x = torch.from_numpy(np.array(image, dtype=np.uint8)).permute(2, 0, 1).float().div(255.0)
        x = ((x - torch.tensor(MEAN).view(3, 1, 1)) / torch.tensor(STD).view(3, 1, 1)).unsqueeze(0)
        saved = {}
        features = self._body(x)
        saved["a"] = features.data  # torchcam's forward hook keeps output.data
        features.register_hook(lambda grad: saved.__setitem__("g", grad.data))
        logits = self._head(features)
        target = int(logits.argmax(1).item())
        self.module.zero_grad()
        logits[:, target].sum().backward()  # torchcam: scores[:, class_idx].sum().backward()
        weights = saved["g"].squeeze(0).mean(dim=(1, 2))
        cam = F.relu((weights.view(-1, 1, 1) * saved["a"].squeeze(0)).sum(0))
        cam = cam - cam.min()
        cam = cam / cam.max()
        return logits.detach()[0], cam.detach()


def small_map(cam):
    if torch.isnan(cam).any():
        return np.zeros(tuple(cam.shape), dtype=np.uint8), True
    return cam.mul(255).byte().numpy(), False


def upscaled_map(small, size):
    return np.asarray(Image.fromarray(small).resize((size, size), Image.BICUBIC))


def spatial_entropy(cam):
    values = np.nan_to_num(cam.numpy().astype(np.float64).ravel())
    total = values[values > 0].sum()
    if values.size < 2 or total <= 0:
        return 0.0
    p = values[values > 0] / total
    return float(min(max(-(p * np.log(p)).sum() / math.log(values.size), 0.0), 1.0))


def normalized_entropy(small):
    bits = skimage.measure.shannon_entropy(small)
    return bits, bits / math.log2(min(small.size, 256))


def ssim(a, b):
    return float(skimage.metrics.structural_similarity(a, b, data_range=255))


def transforms(size):
    step = max(1, round(SHIFT_AT_224 * size / 224))
    shifts = [(dx, dy) for dy in (-step, 0, step) for dx in (-step, 0, step) if (dx, dy) != (0, 0)]
    out = [("lr", np.fliplr), ("tb", np.flipud),
           ("rot90cw", lambda a: np.rot90(a, -1)), ("rot90ccw", lambda a: np.rot90(a, 1))]
    for dx, dy in shifts:
        def shift(a, dx=dx, dy=dy, pad=step):
            padding = ((pad, pad), (pad, pad)) + ((0, 0),) * (a.ndim - 2)
            padded = np.pad(a, padding, mode="edge")  # cv2.BORDER_REPLICATE
            h, w = a.shape[:2]
            return padded[pad - dy:pad - dy + h, pad - dx:pad - dx + w]
        out.append((f"shift:{dx},{dy}", shift))
    return out


def degrade(image, guide):
    """Salience-guided blur of docs/measures.md (e): scipy's uint8 Gaussian filter, one sigma per level."""
    g = scipy.ndimage.gaussian_filter(guide, sigma=GUIDE_SIGMA)
    if g.max() == 0:
        return image.copy()
    t = np.round(10.0 * g / g.max(), 1)
    out = image.copy()
    for channel in range(3):
        plane = np.ascontiguousarray(image[:, :, channel])
        target = out[:, :, channel]
        for level in np.unique(t):
            sigma = SIGMA_MAX / 10.0 ** CURVE_ORDER * (10.0 - level) ** CURVE_ORDER
            if sigma != 0:
                mask = t == level
                target[mask] = scipy.ndimage.gaussian_filter(plane, sigma=sigma)[mask]
    return out


def label_of(path, root):
    parts = os.path.relpath(path, root).split(os.sep)
    return CLASS_NAMES.get(parts[0].lower(), -1) if len(parts) > 1 else -1


def list_images(root, count):
    found = []
    for folder, _, files in os.walk(root):
        found += [os.path.join(folder, f) for f in files if f.lower().endswith(IMAGE_SUFFIXES)]
    found.sort()
    return found[:count] if count else found


class Rows:
    """Per-image rows by measure, in `saliscope-cli measure`'s CSV columns."""

    COLUMNS = {
        "entropy": ["image", "label", "model", "entropy_bits", "normalized_entropy", "spatial_entropy",
                    "annotation_mass", "flat"],
        "noise": ["image", "label", "model", "level", "score", "predicted_class", "correct", "normalized_entropy",
                  "ssim_small", "ssim_upscaled", "flat"],
        "transforms": ["image", "label", "model", "transform", "ssim_upscaled", "score", "predicted_class",
                       "prediction_changed", "flat"],
        "stability": ["image", "label", "models", "family", "ssim_small"],
        "degradation": ["image", "label", "model", "mode", "score", "predicted_class", "correct", "confidence_drop",
                        "ssim_upscaled", "flat"],
    }

    def __init__(self, keep):
        self.keep = keep
        self.rows = {name: [] for name in self.COLUMNS}

    def add(self, measure, *values):
        if self.keep:
            self.rows[measure].append(values)

    def write(self, folder):
        os.makedirs(folder, exist_ok=True)
        for measure, rows in self.rows.items():
            if not rows:
                continue
            with open(os.path.join(folder, measure + ".csv"), "w", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(self.COLUMNS[measure])
                writer.writerows(["" if isinstance(v, float) and math.isnan(v) else
                                  (f"{v:.10g}" if isinstance(v, float) else v) for v in row] for row in rows)


def measure_image(path, label, index, networks, measures, rows, noise_levels=NOISE_LEVELS):
    """Everything the requested measures compute for one image; returns the forward passes run."""
    passes = 0
    smalls = {}
    for net in networks:
        image = np.asarray(Image.open(path).convert("RGB").resize((net.size, net.size), Image.BILINEAR))
        logits, cam = net.grad_cam(image)
        passes += 1
        small, flat = small_map(cam)
        smalls[net.name] = small
        score = float(torch.sigmoid(logits[1]))
        predicted = int(logits.argmax().item())
        correct = float(predicted == label) if label >= 0 else math.nan
        if "entropy" in measures:
            bits, norm = normalized_entropy(small)
            rows.add("entropy", path, label, net.name, bits, norm, spatial_entropy(cam), math.nan, int(flat))
        needs_upscaled = measures & {"noise", "transforms", "degradation"}
        upscaled = upscaled_map(small, net.size) if needs_upscaled else None
        if "noise" in measures:
            for level_index, level in enumerate(noise_levels):
                noisy = skimage.util.random_noise(image, mode="s&p", amount=level,
                                                  seed=index * 1000 + level_index)
                noisy = (noisy * 255).astype(np.uint8)
                n_logits, n_cam = net.grad_cam(noisy)
                passes += 1
                n_small, n_flat = small_map(n_cam)
                n_predicted = int(n_logits.argmax().item())
                rows.add("noise", path, label, net.name, level, float(torch.sigmoid(n_logits[1])), n_predicted,
                         float(n_predicted == label) if label >= 0 else math.nan, normalized_entropy(n_small)[1],
                         ssim(n_small, small), ssim(upscaled_map(n_small, net.size), upscaled), int(n_flat))
        if "transforms" in measures:
            for name, transform in transforms(net.size):
                t_logits, t_cam = net.grad_cam(transform(image))
                passes += 1
                t_small, t_flat = small_map(t_cam)
                t_predicted = int(t_logits.argmax().item())
                expected = np.ascontiguousarray(transform(upscaled))
                rows.add("transforms", path, label, net.name, name,
                         ssim(upscaled_map(t_small, net.size), expected), float(torch.sigmoid(t_logits[1])),
                         t_predicted, int(t_predicted != predicted), int(t_flat))
        if "degradation" in measures:
            reference = label if label >= 0 else predicted
            clean_probability = score if reference == 1 else 1.0 - score
            for mode, guide in (("background", upscaled), ("object", 255 - upscaled)):
                d_logits, d_cam = net.grad_cam(degrade(image, guide))
                passes += 1
                d_small, d_flat = small_map(d_cam)
                d_score = float(torch.sigmoid(d_logits[1]))
                d_predicted = int(d_logits.argmax().item())
                drop = clean_probability - (d_score if reference == 1 else 1.0 - d_score)
                rows.add("degradation", path, label, net.name, mode, d_score, d_predicted,
                         float(d_predicted == label) if label >= 0 else math.nan, drop,
                         ssim(upscaled_map(d_small, net.size), upscaled), int(d_flat))
    if "stability" in measures:
        names = [net.name for net in networks]
        for a in range(len(names)):
            for b in range(a + 1, len(names)):
                rows.add("stability", path, label, names[a] + "|" + names[b], "all models",
                         ssim(smalls[names[a]], smalls[names[b]]))
    return passes


def parse_measures(text):
    chosen = set()
    for part in text.split(","):
        part = part.strip().lower()
        if part == "all":
            chosen.update(MEASURES)
        elif part == "transform":
            chosen.add("transforms")
        elif part in MEASURES:
            chosen.add(part)
        elif part:
            raise SystemExit(f"unknown measure '{part}' ({', '.join(MEASURES)} or all)")
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", action="append", required=True, help="TorchScript model (repeat for several)")
    parser.add_argument("--name", action="append", default=[], help="names for the models, in order")
    parser.add_argument("--images", required=True, help="folder of images (real/ and fake/ subfolders label them)")
    parser.add_argument("--count", type=int, default=0, help="use the first N images (sorted by path)")
    parser.add_argument("--measures", default="all")
    parser.add_argument("--size", type=int, default=224, help="model input size")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="PyTorch intra-op threads")
    parser.add_argument("--warmup", type=int, default=1, help="untimed images first (TorchScript profiling runs)")
    parser.add_argument("--noise-levels", default=",".join(str(v) for v in NOISE_LEVELS),
                        help="salt-and-pepper amounts, comma-separated (as noise.levels)")
    parser.add_argument("--out", help="write per-image rows as CSV files here")
    args = parser.parse_args()

    measures = parse_measures(args.measures)
    try:
        noise_levels = [float(v) for v in args.noise_levels.split(",") if v.strip()]
    except ValueError:
        raise SystemExit(f"--noise-levels: not a list of numbers: {args.noise_levels}")
    if not noise_levels or any(not 0.0 <= v <= 1.0 for v in noise_levels):
        raise SystemExit("--noise-levels: give amounts between 0 and 1")
    if "stability" in measures and len(args.model) < 2:
        raise SystemExit("stability needs at least two models")
    if not os.path.isdir(args.images):
        raise SystemExit(f"{args.images}: not a folder")
    torch.set_num_threads(max(1, args.threads))
    networks = [Network(path, args.size) for path in args.model]
    for net, name in zip(networks, args.name):
        net.name = name
    if len({net.name for net in networks}) != len(networks):
        raise SystemExit("two models have the same name (use --name)")
    paths = list_images(args.images, args.count)
    if not paths:
        raise SystemExit(f"{args.images}: no images")

    for i in range(min(args.warmup, len(paths))):
        measure_image(paths[i], label_of(paths[i], args.images), i, networks, measures, Rows(False), noise_levels)
    rows = Rows(bool(args.out))
    passes = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for index, path in enumerate(paths):
        passes += measure_image(path, label_of(path, args.images), index, networks, measures, rows, noise_levels)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    if args.out:
        rows.write(args.out)
    print(json.dumps({
        "implementation": "paper reference (Python, one image at a time)",
        "measures": sorted(measures), "models": [net.name for net in networks], "images": len(paths),
        "seconds": round(seconds, 4), "images_per_s": round(len(paths) / seconds, 4),
        "forward_passes": passes, "forward_passes_per_s": round(passes / seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3), "cpu_s_per_image": round(cpu_seconds / len(paths), 4),
        "threads": torch.get_num_threads(), "torch": torch.__version__,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)}))


if __name__ == "__main__":
    sys.exit(main())

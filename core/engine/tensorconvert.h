// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: conversions between plain image data and tensors.
// Include only from engine .cpp files that already include LibTorch.

namespace at {
class Tensor;
}

namespace saliscope::engine {

struct ImageBatch;
struct ImageU8;

/// A CPU uint8 tensor N x H x W x 3 viewing the batch's pixels (no copy; the batch must outlive it).
at::Tensor imageBatchToTensor(const ImageBatch& batch);
/// A CPU uint8 tensor H x W x C viewing the image's pixels (no copy).
at::Tensor imageToTensor(const ImageU8& image);
/// Copies an H x W x C (or H x W) uint8 tensor into an image.
ImageU8 tensorToImage(const at::Tensor& tensor);

} // namespace saliscope::engine

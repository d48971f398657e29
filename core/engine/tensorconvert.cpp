// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/tensorconvert.h"

#include "core/engine/image.h"
#include "core/engine/model.h"

#include <ATen/ATen.h>

namespace saliscope::engine {

at::Tensor imageBatchToTensor(const ImageBatch& batch)
{
    return at::from_blob(const_cast<std::uint8_t*>(batch.pixels.data()), {batch.count, batch.height, batch.width, 3},
                         at::TensorOptions().dtype(at::kByte));
}

at::Tensor imageToTensor(const ImageU8& image)
{
    return at::from_blob(const_cast<std::uint8_t*>(image.pixels.data()), {image.height, image.width, image.channels},
                         at::TensorOptions().dtype(at::kByte));
}

ImageU8 tensorToImage(const at::Tensor& tensor)
{
    at::Tensor cpu = tensor.to(at::kCPU).to(at::kByte).contiguous();
    ImageU8 image;
    image.height = int(cpu.size(0));
    image.width = int(cpu.size(1));
    image.channels = cpu.dim() == 3 ? int(cpu.size(2)) : 1;
    const auto* data = cpu.data_ptr<std::uint8_t>();
    image.pixels.assign(data, data + cpu.numel());
    return image;
}

} // namespace saliscope::engine

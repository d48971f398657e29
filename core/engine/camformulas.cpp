// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/camformulas.h"

#include <torch/torch.h>

#include <stdexcept>

namespace saliscope::engine {

namespace {

/// Channel weights (N x C) times the activations, summed over channels: N x h x w.
at::Tensor weighted(const at::Tensor& weights, const at::Tensor& activations)
{
    return (weights.unsqueeze(-1).unsqueeze(-1) * activations).sum(1);
}

/// Eigen-CAM: the activations' first principal component, as pytorch-grad-cam computes it (the
/// h*w positions are the samples, the C channels the variables, centred per channel), in float64.
/// A principal component has no sign of its own: it is chosen so the component's channel loadings
/// sum to a positive number, i.e. so the map rises with the layer's total activation (and
/// correlates positively with the channel sum of the centred activations).
at::Tensor eigenMaps(const at::Tensor& activations)
{
    const int64_t n = activations.size(0);
    const at::Tensor samples = activations.to(at::kDouble).flatten(2).transpose(1, 2); // N x hw x C
    const at::Tensor centred = samples - samples.mean(1, /*keepdim=*/true);
    const auto svd = at::linalg_svd(centred, /*full_matrices=*/false);
    at::Tensor component = std::get<2>(svd).select(1, 0); // N x C: first row of V^T
    const at::Tensor sign = torch::where(component.sum(1) < 0, -torch::ones({n}, component.options()),
                                         torch::ones({n}, component.options()));
    component = component * sign.unsqueeze(1);
    const at::Tensor projection = at::bmm(centred, component.unsqueeze(2)).squeeze(2); // N x hw
    return projection.view({n, activations.size(2), activations.size(3)}).to(at::kFloat);
}

} // namespace

at::Tensor layerCamMaps(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients)
{
    const at::Tensor& a = activations;
    const at::Tensor& g = gradients;
    switch (method) {
    case CamMethod::GradCam: return weighted(g.mean({2, 3}), a);
    case CamMethod::HiResCam: return (g * a).sum(1);
    case CamMethod::GradCamPlusPlus: {
        // alpha = g^2 / (2 g^2 + sum(A) g^3), zero where g is; weights = sum(relu(g) * alpha).
        const at::Tensor g2 = g * g;
        const at::Tensor g3 = g2 * g;
        const at::Tensor sumA = a.sum({2, 3}).unsqueeze(-1).unsqueeze(-1);
        at::Tensor alpha = g2 / (2 * g2 + sumA * g3 + 1e-6);
        alpha = torch::where(g != 0, alpha, torch::zeros_like(alpha));
        return weighted((g.relu() * alpha).sum({2, 3}), a);
    }
    case CamMethod::XGradCam: {
        const at::Tensor sumA = a.sum({2, 3}).unsqueeze(-1).unsqueeze(-1);
        return weighted((g * a / (sumA + 1e-7)).sum({2, 3}), a);
    }
    case CamMethod::LayerCam: return (g.relu() * a).sum(1);
    case CamMethod::EigenCam: return eigenMaps(a);
    case CamMethod::ScoreCam: break;
    }
    throw std::logic_error("layerCamMaps: Score-CAM needs forward passes (scoreCamMaps)");
}

at::Tensor scoreCamMaps(const at::Tensor& activations, const at::Tensor& input, int64_t chunk,
                        const MaskedScores& scores)
{
    torch::NoGradGuard noGrad;
    const int64_t n = activations.size(0);
    const int64_t channels = activations.size(1);
    namespace F = torch::nn::functional;
    at::Tensor masks = F::interpolate(activations,
                                      F::InterpolateFuncOptions()
                                          .size(std::vector<int64_t>{input.size(2), input.size(3)})
                                          .mode(torch::kBilinear)
                                          .align_corners(true));
    const at::Tensor flat = masks.flatten(2);
    const at::Tensor minimum = std::get<0>(flat.min(2)).unsqueeze(-1).unsqueeze(-1);
    const at::Tensor maximum = std::get<0>(flat.max(2)).unsqueeze(-1).unsqueeze(-1);
    masks = (masks - minimum) / (maximum - minimum + 1e-8); // N x C x H x W
    at::Tensor logits = torch::empty({n * channels}, activations.options());
    const at::Tensor allMasks = masks.reshape({n * channels, 1, input.size(2), input.size(3)});
    const at::Tensor imageOf =
        torch::arange(n, at::TensorOptions().dtype(at::kLong).device(input.device())).repeat_interleave(channels);
    chunk = std::max<int64_t>(chunk, 1);
    for (int64_t start = 0; start < n * channels; start += chunk) {
        const int64_t count = std::min(chunk, n * channels - start);
        const at::Tensor images = imageOf.narrow(0, start, count);
        const at::Tensor masked = input.index_select(0, images) * allMasks.narrow(0, start, count);
        logits.narrow(0, start, count).copy_(scores(masked, images).to(at::kFloat));
    }
    const at::Tensor weights = torch::softmax(logits.view({n, channels}), 1);
    return weighted(weights, activations);
}

std::pair<at::Tensor, at::Tensor> normalisedMaps(const at::Tensor& rawMaps)
{
    const at::Tensor maps = rawMaps.relu();
    at::Tensor flatMaps = maps.flatten(1);
    at::Tensor minimum = std::get<0>(flatMaps.min(1));
    at::Tensor shifted = flatMaps - minimum.unsqueeze(1);
    at::Tensor maximum = std::get<0>(shifted.max(1));
    at::Tensor flat = maximum.le(0);
    at::Tensor normalised = shifted / torch::where(flat, torch::ones_like(maximum), maximum).unsqueeze(1);
    normalised = normalised.masked_fill(flat.unsqueeze(1), 0.0f);
    return {normalised.view({maps.size(0), maps.size(1), maps.size(2)}), flat};
}

} // namespace saliscope::engine

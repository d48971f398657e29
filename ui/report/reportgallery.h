// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "ui/report/reportcontent.h"

#include <QImage>

#include <cstdint>
#include <vector>

namespace saliscope {
class ProjectStore;
}

namespace saliscope::ui {

/// An image picked for a measure's gallery and the per-image value it was picked for.
struct GalleryPick final {
    std::int64_t position = 0;
    double value = 0;
    bool highest = false; ///< true: from the high end of the measure's values
};

/// The images at both ends of a measure's per-image value, averaged over the models of
/// `results` (entropy: normalised entropy; noise: SSIM of the noisy images' small maps with the
/// clean ones; transforms: SSIM of the upscaled maps; stability: mean pairwise SSIM within the
/// families; degradation: confidence drop when the salient object is blurred). `perEnd` images
/// at each end, highest first then lowest; an image is picked once. Empty when there are no rows.
std::vector<GalleryPick> pickGalleryImages(const MeasureResults& results, MeasureKind kind, int perEnd);

/// An RGB image as a QImage (a deep copy).
QImage toQImage(const engine::ImageU8& rgb);
/// `image` with the 8-bit small `map` upscaled to its size (Pillow bicubic, as the measures do)
/// and laid over it in the jet colour map at `opacity`.
QImage overlayMap(const engine::ImageU8& image, const engine::ImageU8& map, double opacity = 0.5);

/// Fills each gallery entry's image and one tile per model: the stored map of the image, else
/// the map computed with the model file (found at its stored path, else by name beside the
/// project or in its "models" folder, when the file hash matches). Images come from the
/// project's image cache or their files. What cannot be shown gets a note instead; only a
/// cancellation is an Error. Any thread.
Status renderGallery(ProjectStore& store, const std::vector<StoredImage>& images, ReportContent& content,
                     ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope::ui

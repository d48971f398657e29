// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test helper: reads and writes engine images with Qt's image codecs.

#include "core/engine/image.h"
#include "core/engine/pillowresize.h"

#include <QImage>
#include <QString>

#include <vector>

namespace saliscope::tests {

/// Loads an image file as 8-bit RGB (channels = 3) or grey (channels = 1); empty on failure.
inline engine::ImageU8 loadImage(const QString& path, int channels = 3)
{
    QImage image(path);
    if (image.isNull())
        return {};
    image = image.convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    engine::ImageU8 out = engine::ImageU8::zeros(image.width(), image.height(), channels);
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        std::copy(line, line + std::size_t(image.width()) * channels, out.pixels.begin() + long(out.index(y, 0)));
    }
    return out;
}

/// The repository's reference data folder (tests/data/reference).
inline QString referencePath(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// The build's fixture folder (made by tests/fixtures/make_models.py).
inline QString fixturePath(const QString& relative) { return QStringLiteral(SALISCOPE_FIXTURE_DIR "/") + relative; }

/// The three reference faces (ffhq_00001, stylegan1_000700, stylegan2_000700), resized
/// (Pillow bilinear) to size x size; those that cannot be read are left out.
inline std::vector<engine::ImageU8> referenceFaces(int size)
{
    std::vector<engine::ImageU8> out;
    for (const char* name : {"ffhq_00001.png", "stylegan1_000700.png", "stylegan2_000700.png"}) {
        const engine::ImageU8 image = loadImage(referencePath(QStringLiteral("faces/") + QLatin1String(name)));
        if (!image.empty())
            out.push_back(engine::resizePillow(image, size, size, engine::ResizeFilter::Bilinear));
    }
    return out;
}

} // namespace saliscope::tests

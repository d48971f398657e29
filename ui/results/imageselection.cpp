// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/imageselection.h"

namespace saliscope::ui {

ImageSelection::ImageSelection(QObject* parent) : QObject(parent) {}

void ImageSelection::select(std::int64_t datasetId, const std::vector<std::int64_t>& images, const QString& description)
{
    m_active = true;
    m_datasetId = datasetId;
    m_images = std::set<std::int64_t>(images.begin(), images.end());
    m_description = description;
    emit changed();
}

void ImageSelection::clear()
{
    if (!m_active)
        return;
    m_active = false;
    m_images.clear();
    m_description.clear();
    emit changed();
}

} // namespace saliscope::ui

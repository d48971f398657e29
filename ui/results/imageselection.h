// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <set>
#include <vector>

namespace saliscope::ui {

/// The images picked in a chart (a histogram bin, a bar, a box, a point, a matrix cell or a
/// rectangle on a scatter), by their positions in a dataset, with a short description of how
/// they were picked. Every chart highlights it; the dataset browser filters to it.
class ImageSelection final : public QObject {
    Q_OBJECT

public:
    explicit ImageSelection(QObject* parent = nullptr);

    /// Replaces the selection (an empty `images` is a valid, empty selection) and emits changed().
    void select(std::int64_t datasetId, const std::vector<std::int64_t>& images, const QString& description);
    /// Forgets the selection and emits changed().
    void clear();

    bool isActive() const { return m_active; }
    std::int64_t datasetId() const { return m_datasetId; }
    const std::set<std::int64_t>& images() const { return m_images; }
    QString description() const { return m_description; }

signals:
    void changed();

private:
    bool m_active = false;
    std::int64_t m_datasetId = 0;
    std::set<std::int64_t> m_images;
    QString m_description;
};

} // namespace saliscope::ui

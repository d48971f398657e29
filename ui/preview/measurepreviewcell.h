// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "ui/report/colormap.h"

#include <QImage>
#include <QString>
#include <QWidget>

namespace saliscope::ui {

/// One cell of the measure preview: a varied input with its map overlaid and two lines of text
/// (score and prediction, then the measure's values), or a placeholder while it is computed.
class MeasurePreviewCell final : public QWidget {
    Q_OBJECT

public:
    enum class State { Pending, Ready, Failed };

    explicit MeasurePreviewCell(QWidget* parent = nullptr);

    /// Shows `input` (RGB) with the small `map` drawn over it in `colormap` at `opacity`.
    void setResult(const engine::ImageU8& input, const engine::ImageU8& map, const Colormap& colormap, double opacity,
                   const QString& firstLine, const QString& secondLine);
    void setPending();
    void setFailed(const QString& reason);
    State state() const { return m_state; }
    QString firstLine() const { return m_first; }
    QString secondLine() const { return m_second; }

    QSize sizeHint() const override { return {176, 212}; }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    State m_state = State::Pending;
    QImage m_image;
    QImage m_overlay;
    QString m_first;
    QString m_second;
};

} // namespace saliscope::ui

// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QStringList>

#include <array>

namespace saliscope::ui {

/// A 256-entry colour table for 8-bit salience maps (jet, turbo, viridis, inferno, gray).
class Colormap final {
public:
    /// The names colormap() accepts, in menu order.
    static QStringList names();
    /// The named table; jet for an unknown name.
    static Colormap named(const QString& name);

    QRgb color(int value) const { return m_table[std::size_t(value & 0xff)]; }
    const QString& name() const { return m_name; }
    /// An ARGB image of an 8-bit single-channel map, every pixel with alpha `opacity` (0..1).
    QImage colorize(const unsigned char* pixels, int width, int height, double opacity) const;
    /// A horizontal strip of the table, for legends.
    QImage legend(int width, int height) const;

private:
    QString m_name;
    std::array<QRgb, 256> m_table{};
};

} // namespace saliscope::ui

// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/modelmetadata.h"

#include <QDialog>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace saliscope::ui {

/// A form for a model's metadata (what saliscope.json would say): input size, normalisation,
/// class names and positive class, architecture, loss, run and CAM layer. OK checks the values
/// (ModelMetadata::validate) and stays open, saying what is wrong, until they are usable.
class ModelMetadataDialog final : public QDialog {
    Q_OBJECT

public:
    ModelMetadataDialog(const QString& modelName, const engine::ModelMetadata& metadata, const QString& camLayer,
                        QWidget* parent = nullptr);

    /// The metadata as the form says (camLayer included).
    engine::ModelMetadata metadata() const;
    /// The CAM layer; empty for the model's default.
    QString camLayer() const;
    /// Fills the form (for tests and "reset").
    void setMetadata(const engine::ModelMetadata& metadata, const QString& camLayer);
    /// Shows why the metadata are asked for (a model that did not load with its own).
    void showProblem(const QString& text);

    void accept() override;

private:
    void classNamesEdited();

    QSpinBox* m_width;
    QSpinBox* m_height;
    std::array<QDoubleSpinBox*, 3> m_mean{};
    std::array<QDoubleSpinBox*, 3> m_std{};
    QLineEdit* m_classes;
    QComboBox* m_positive;
    QLineEdit* m_architecture;
    QLineEdit* m_loss;
    QSpinBox* m_run;
    QLineEdit* m_camLayer;
    QLabel* m_problem;
};

} // namespace saliscope::ui

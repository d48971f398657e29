// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace saliscope::ui {

/// Asked when a dataset is added: the optional folders of human annotations and of exact artefact
/// masks (a second kind of annotation, for localisation), matched to the images by file name.
/// Each starts with the folder named "annotations" or "masks" inside the dataset's folder or
/// beside it, when there is one; OK stays disabled while a given folder does not exist.
class DatasetFoldersDialog final : public QDialog {
    Q_OBJECT

public:
    DatasetFoldersDialog(const QString& location, QWidget* parent = nullptr);

    /// The annotation folder ("" for none).
    QString annotationFolder() const;
    /// The artefact mask folder ("" for none).
    QString maskFolder() const;
    void setAnnotationFolder(const QString& folder);
    void setMaskFolder(const QString& folder);
    /// Whether OK is enabled (every given folder exists).
    bool acceptable() const;
    /// The folder called `name` inside the dataset's folder, else beside the dataset (its folder
    /// or manifest); "" when there is none.
    static QString folderNear(const QString& location, const QString& name);

private:
    QLineEdit* addRow(QFormLayout* form, const QString& label, const QString& tooltip);
    void check();

    QLineEdit* m_annotations = nullptr;
    QLineEdit* m_masks = nullptr;
    QLabel* m_problem;
    QPushButton* m_ok = nullptr;
};

} // namespace saliscope::ui

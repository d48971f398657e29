// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/videotableview.h"

#include "core/project/measureresults.h"
#include "ui/results/imageselection.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace saliscope::ui {

namespace {

/// A number with three decimals, "–" when missing.
QString number(const QJsonValue& value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'f', 3) : QStringLiteral("\u2013");
}

QStandardItem* item(const QString& text, const QVariant& sort = {})
{
    auto* cell = new QStandardItem(text);
    cell->setEditable(false);
    if (sort.isValid())
        cell->setData(sort, Qt::UserRole);
    return cell;
}

} // namespace

VideoTableView::VideoTableView(ImageSelection* selection, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_headline(new QLabel(this)), m_model(new QStandardItemModel(this)),
      m_view(new QTableView(this))
{
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setHorizontalHeaderLabels({tr("Model"), tr("Video"), tr("Label"), tr("Group"), tr("Frames"),
                                        tr("Video score"), tr("Predicted"), tr("Right"), tr("Frame accuracy")});
    m_view->setObjectName(QStringLiteral("VideoTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Click a video to select its frames in the image list"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headline);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) { selectVideo(index.row()); });
}

bool VideoTableView::hasVideos() const { return m_results && m_results->grouping.hasVideos(); }

QString VideoTableView::headline() const { return m_headline->text(); }

void VideoTableView::setResults(std::shared_ptr<const MeasureResults> results)
{
    m_results = std::move(results);
    m_model->removeRows(0, m_model->rowCount());
    QStringList lines;
    if (m_results) {
        const QJsonObject models = m_results->summary.value(QStringLiteral("models")).toObject();
        for (const auto& name : m_results->models) {
            const QString model = QString::fromStdString(name);
            const QJsonObject videos = models.value(model).toObject().value(QStringLiteral("videos")).toObject();
            if (videos.isEmpty())
                continue;
            lines.append(tr("%1: %2 videos (%3 labelled), video-level accuracy %4, ROC AUC %5")
                             .arg(model)
                             .arg(videos.value(QStringLiteral("count")).toInt())
                             .arg(videos.value(QStringLiteral("labelled")).toInt())
                             .arg(number(videos.value(QStringLiteral("accuracy"))),
                                  number(videos.value(QStringLiteral("roc_auc")))));
            for (const auto& entry : videos.value(QStringLiteral("table")).toArray()) {
                const QJsonObject video = entry.toObject();
                const QString path = video.value(QStringLiteral("video")).toString();
                const int label = video.value(QStringLiteral("label")).toInt(-1);
                const int predicted = video.value(QStringLiteral("predicted")).toInt(-1);
                const QJsonValue correct = video.value(QStringLiteral("correct"));
                QList<QStandardItem*> row{item(model),
                                          item(QFileInfo(path).fileName()),
                                          item(label < 0 ? tr("unknown") : QString::number(label), label),
                                          item(video.value(QStringLiteral("group")).toString()),
                                          item(QString::number(video.value(QStringLiteral("frames")).toInt()),
                                               video.value(QStringLiteral("frames")).toInt()),
                                          item(number(video.value(QStringLiteral("score"))),
                                               video.value(QStringLiteral("score")).toDouble()),
                                          item(predicted < 0 ? QStringLiteral("\u2013") : QString::number(predicted),
                                               predicted),
                                          item(correct.isDouble() ? (correct.toInt() == 1 ? tr("right") : tr("wrong"))
                                                                  : QStringLiteral("\u2013")),
                                          item(number(video.value(QStringLiteral("frame_accuracy"))))};
                row[VideoColumn]->setData(path, Qt::UserRole);
                row[VideoColumn]->setToolTip(path);
                if (correct.isDouble())
                    row[CorrectColumn]->setForeground(correct.toInt() == 1 ? QColor(0x2e, 0x7d, 0x32)
                                                                           : QColor(0xc6, 0x28, 0x28));
                m_model->appendRow(row);
            }
        }
    }
    m_headline->setText(lines.isEmpty() ? tr("These results have no video frames.") : lines.join(QLatin1Char('\n')));
    m_view->resizeColumnsToContents();
}

std::vector<std::int64_t> VideoTableView::framesOf(const QString& video) const
{
    std::vector<std::int64_t> frames;
    if (!m_results)
        return frames;
    const std::string path = video.toStdString();
    const auto& videos = m_results->grouping.videos;
    for (std::size_t image = 0; image < videos.size(); ++image)
        if (videos[image] == path)
            frames.push_back(std::int64_t(image));
    return frames;
}

void VideoTableView::selectVideo(int row)
{
    if (!m_results || row < 0 || row >= m_model->rowCount())
        return;
    const QString path = m_model->item(row, VideoColumn)->data(Qt::UserRole).toString();
    m_selection->select(m_results->datasetId, framesOf(path), tr("video %1").arg(QFileInfo(path).fileName()));
}

} // namespace saliscope::ui

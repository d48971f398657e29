// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Models dock: metadata edited in the form are checked by loading the model, stored in the
// project (old maps dropped) and read back; bad metadata are refused with a logged reason and
// change nothing; families are made by a name pattern, by hand and undone; the list model
// passes QAbstractItemModelTester throughout.
#include "ui/project/modelmetadatadialog.h"
#include "ui/project/modelsdock.h"
#include "core/project/logmodel.h"
#include "ui/project/modellistmodel.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

ModelInfo named(std::int64_t id, const char* name)
{
    ModelInfo info;
    info.id = id;
    info.name = QString::fromLatin1(name);
    return info;
}

} // namespace

class TestModelsDock final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SaliscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_modelsdock"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void groupingByPattern()
    {
        const std::vector<ModelInfo> models{named(1, "xent_run1"), named(2, "xent_run2"), named(3, "cyborg_run1"),
                                            named(4, "cyborg_run2"), named(5, "baseline")};
        auto families = groupModelsByPattern(models, QRegularExpression(QStringLiteral("^(\\w+?)_run\\d+$")));
        const std::map<QString, std::vector<std::int64_t>> expected{{QStringLiteral("cyborg"), {3, 4}},
                                                                    {QStringLiteral("xent"), {1, 2}}};
        QCOMPARE(families, expected);
        // No group: the whole match names the family; an invalid pattern makes none.
        families = groupModelsByPattern(models, QRegularExpression(QStringLiteral("^[a-z]+")));
        QCOMPARE(families.size(), std::size_t(3));
        QCOMPARE(families[QStringLiteral("baseline")], std::vector<std::int64_t>{5});
        QVERIFY(groupModelsByPattern(models, QRegularExpression(QStringLiteral("("))).empty());
    }

    void metadataDialogRoundTrip()
    {
        engine::ModelMetadata metadata;
        metadata.inputWidth = 96;
        metadata.inputHeight = 64;
        metadata.mean = {0.5, 0.25, 0.125};
        metadata.std = {0.2, 0.3, 0.4};
        metadata.classNames = {"genuine", "fake", "other"};
        metadata.positiveClass = 2;
        metadata.architecture = "resnet18";
        metadata.loss = "cyborg";
        metadata.run = 4;
        metadata.camLayer = "layer3";
        metadata.fromArchive = true;
        ModelMetadataDialog dialog(QStringLiteral("m"), metadata, QStringLiteral("layer3"));
        QCOMPARE(dialog.metadata(), metadata);
        QCOMPARE(dialog.camLayer(), QStringLiteral("layer3"));
        // Unusable values keep the dialog open.
        auto bad = metadata;
        bad.classNames = {"only"};
        bad.positiveClass = 0;
        dialog.setMetadata(bad, {});
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void metadataEditIsStoredAndReloaded()
    {
        const QString project = QDir(m_dir.path()).filePath("edit.saliscope");
        std::int64_t resnet = 0;
        engine::ModelMetadata edited;
        {
            ProjectSession session;
            ModelsDock dock(&session);
            QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(session.open(project, true));
            session.addModelFile(reference("models/tiny_densenet.pt"));
            session.addModelFile(reference("models/tiny_resnet.pt"));
            QTRY_COMPARE_WITH_TIMEOUT(session.models().size(), std::size_t(2), 30000);
            QCOMPARE(dock.model()->rowCount(), 2);
            for (const auto& model : session.models())
                if (model.name == QLatin1String("tiny_resnet"))
                    resnet = model.id;
            QVERIFY(resnet != 0);
            // A stored map of the model, which the new metadata make stale.
            StoredMap map{resnet, "abc", "", 7, 7, false, std::vector<std::uint8_t>(49, 9)};
            QVERIFY(session.store()->putMaps({map}).ok());

            edited = session.model(resnet)->metadata;
            edited.mean = {0.5, 0.5, 0.5};
            edited.std = {0.25, 0.25, 0.25};
            edited.classNames = {"genuine", "fake"};
            edited.architecture = "tiny-resnet";
            edited.loss = "xent";
            edited.run = 3;
            edited.camLayer = "layer3";
            QSignalSpy saved(&session, &ProjectSession::modelMetadataSaved);
            session.updateModelMetadata(resnet, edited, QStringLiteral("layer3"));
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
            QCOMPARE(saved.front().at(1).toBool(), true);
            QCOMPARE(session.model(resnet)->metadata, edited);
            QCOMPARE(session.model(resnet)->stored.camLayer, std::string("layer3"));
            QVERIFY(!session.store()->map(resnet, "abc").value().has_value());
            // The table shows them.
            int row = 0;
            while (dock.model()->modelAt(row).id != resnet)
                ++row;
            QCOMPARE(dock.model()->index(row, ModelListModel::CamLayerColumn).data().toString(),
                     QStringLiteral("layer3"));
            QCOMPARE(dock.model()->index(row, ModelListModel::ClassesColumn).data().toString(),
                     QStringLiteral("genuine, fake*"));
            QCOMPARE(dock.model()->index(row, ModelListModel::ArchitectureColumn).data().toString(),
                     QStringLiteral("tiny-resnet / xent run 3"));
            QCOMPARE(dock.model()->index(row, ModelListModel::MetadataColumn).data().toString(),
                     QStringLiteral("stated"));

            // A layer the model does not have is refused; nothing changes.
            auto wrong = edited;
            wrong.mean = {0.1, 0.1, 0.1};
            session.updateModelMetadata(resnet, wrong, QStringLiteral("no.such.layer"));
            QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 30000);
            QCOMPARE(saved.back().at(1).toBool(), false);
            QCOMPARE(session.log()->errorCount(), 1);
            // Values that fail validation are refused at once.
            auto invalid = edited;
            invalid.positiveClass = 5;
            session.updateModelMetadata(resnet, invalid, {});
            QCOMPARE(saved.size(), 3);
            QCOMPARE(saved.back().at(1).toBool(), false);
            QCOMPARE(session.log()->errorCount(), 2);
            QCOMPARE(session.model(resnet)->metadata, edited);
        }
        // Read back from the file.
        auto store = ProjectStore::open(project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        auto models = store.value()->models();
        QVERIFY(models.ok());
        bool found = false;
        for (const auto& model : models.value()) {
            if (model.id != resnet)
                continue;
            found = true;
            auto metadata = engine::ModelMetadata::fromJson(model.metadataJson);
            QVERIFY(metadata.ok());
            QCOMPARE(metadata.value(), edited);
            QCOMPARE(model.camLayer, std::string("layer3"));
        }
        QVERIFY(found);
    }

    void howAModelWasReadIsLogged()
    {
        // A one-output model is added as a sigmoid detector, and the log says so.
        const QString project = QDir(m_dir.path()).filePath("notes.saliscope");
        ProjectSession session;
        QVERIFY(session.open(project, true));
        session.addModelFile(QStringLiteral(SALISCOPE_FIXTURE_DIR "/one_logit.pt"));
        QTRY_COMPARE_WITH_TIMEOUT(session.models().size(), std::size_t(1), 30000);
        QStringList lines;
        for (int row = 0; row < session.log()->rowCount(); ++row)
            lines << session.log()->text(row);
        QVERIFY2(
            lines.contains(QStringLiteral(
                "one_logit.pt: one output: read as a sigmoid detector, class 1 ('synthetic') when the logit is > 0")),
            qPrintable(lines.join('\n')));
        QCOMPARE(session.log()->errorCount(), 0);
    }

    void aModelThatNeedsMetadataIsAddedWithThem()
    {
        // fixed_input.pt works at 64x64 only: adding it with the default 224x224 fails, the
        // dock asks for its metadata, and OK adds it with them.
        const QString project = QDir(m_dir.path()).filePath("needs.saliscope");
        ProjectSession session;
        ModelsDock dock(&session);
        QVERIFY(session.open(project, true));
        QSignalSpy asked(&session, &ProjectSession::modelNeedsMetadata);
        session.addModelFile(QStringLiteral(SALISCOPE_FIXTURE_DIR "/fixed_input.pt"));
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 30000);
        const QString reason = asked.front().at(1).toString();
        QVERIFY2(reason.contains("rejects a 224x224 input"), qPrintable(reason));
        QVERIFY2(!reason.contains("view size"), qPrintable(reason)); // the size's fault, not the layout's
        QCOMPARE(session.log()->errorCount(), 1);
        QVERIFY(session.models().empty());
        auto* dialog = dock.findChild<ModelMetadataDialog*>(QStringLiteral("MetadataToAdd"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        engine::ModelMetadata metadata;
        metadata.inputWidth = 64;
        metadata.inputHeight = 64;
        dialog->setMetadata(metadata, QString());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(session.models().size(), std::size_t(1), 30000);
        QCOMPARE(session.models().front().metadata.inputWidth, 64);
        QCOMPARE(session.log()->errorCount(), 1);

        // A file that is no model at all is only logged: no metadata would help.
        QFile text(QDir(m_dir.path()).filePath("text.pt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a model");
        text.close();
        session.addModelFile(text.fileName());
        QTRY_COMPARE_WITH_TIMEOUT(session.log()->errorCount(), 2, 30000);
        QCOMPARE(asked.size(), 1);
    }

    void familiesByPatternAndByHand()
    {
        const QString project = QDir(m_dir.path()).filePath("families.saliscope");
        ProjectSession session;
        ModelsDock dock(&session);
        QAbstractItemModelTester tester(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(session.open(project, true));
        session.addModelFile(reference("models/tiny_densenet.pt"));
        session.addModelFile(reference("models/tiny_resnet.pt"));
        QTRY_COMPARE_WITH_TIMEOUT(session.models().size(), std::size_t(2), 30000);

        auto familyNames = [&]() {
            std::map<std::string, std::size_t> names;
            const auto families = session.store()->families();
            for (const auto& family : families.value())
                names[family.name] = family.modelIds.size();
            return names;
        };
        QVERIFY(dock.groupByPattern(QStringLiteral("^(tiny)_")));
        QCOMPARE(familyNames(), (std::map<std::string, std::size_t>{{"tiny", 2}}));
        for (const auto& model : session.models())
            QCOMPARE(model.family, QStringLiteral("tiny"));
        // Regrouping moves the models; the emptied family vanishes.
        QVERIFY(dock.groupByPattern(QStringLiteral("^tiny_(\\w+)$")));
        QCOMPARE(familyNames(), (std::map<std::string, std::size_t>{{"densenet", 1}, {"resnet", 1}}));
        // Bad patterns are logged and change nothing.
        QVERIFY(!dock.groupByPattern(QStringLiteral("(")));
        QVERIFY(!dock.groupByPattern(QStringLiteral("^nomatch(.*)")));
        QCOMPARE(session.log()->errorCount(), 2);
        QCOMPARE(familyNames().size(), std::size_t(2));

        // By hand: select both, add them to one family, then take one out.
        dock.view()->selectAll();
        QCOMPARE(dock.selectedModelIds().size(), std::size_t(2));
        QVERIFY(session.assignFamilies({{QStringLiteral("mine"), dock.selectedModelIds()}}));
        QCOMPARE(familyNames(), (std::map<std::string, std::size_t>{{"mine", 2}}));
        QCOMPARE(dock.selectedModelIds().size(), std::size_t(2)); // the selection survives the reload
        QVERIFY(session.removeFromFamilies({session.models().front().id}));
        QCOMPARE(familyNames(), (std::map<std::string, std::size_t>{{"mine", 1}}));
        QCOMPARE(dock.model()->index(0, ModelListModel::FamilyColumn).data().toString(), QString());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestModelsDock)
#include "tst_modelsdock.moc"

// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/contenthash.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

namespace {

QString writeBytes(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

} // namespace

class TestContentHash final : public QObject {
    Q_OBJECT

private slots:
    void stableAndSensitive()
    {
        QTemporaryDir dir;
        QByteArray bytes(3 * 1024 * 1024 + 17, '\0'); // spans several 1 MiB reads
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 31) & 0xff);
        const QString path = writeBytes(dir, "a.bin", bytes);
        auto first = hashFile(path.toStdString());
        auto second = hashFile(path.toStdString());
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().c_str());
        QCOMPARE(first.value().size(), std::size_t(16));
        QCOMPARE(first.value(), second.value());
        QCOMPARE(first.value(), hashBytes(bytes.constData(), std::size_t(bytes.size()))); // streaming == one shot

        QByteArray changed = bytes;
        changed[changed.size() / 2] = char(changed[changed.size() / 2] ^ 1);
        auto other = hashFile(writeBytes(dir, "b.bin", changed).toStdString());
        QVERIFY(other.ok());
        QVERIFY(other.value() != first.value());
        // A rename keeps the hash.
        QVERIFY(QFile::rename(path, dir.filePath("renamed.bin")));
        QCOMPARE(hashFile(dir.filePath("renamed.bin").toStdString()).value(), first.value());
    }

    void knownValue()
    {
        // XXH3-64 of "abc" (reference value of the xxHash test vectors).
        QCOMPARE(hashBytes("abc", 3), std::string("78af5f94892f3950"));
    }

    void problems()
    {
        QTemporaryDir dir;
        auto empty = hashFile(writeBytes(dir, "empty.png", {}).toStdString());
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().find("empty") != std::string::npos);
        auto missing = hashFile(dir.filePath("missing.png").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().find("no such file") != std::string::npos);
        auto folder = hashFile(dir.path().toStdString());
        QVERIFY(!folder.ok());
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"

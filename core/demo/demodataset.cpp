// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demodataset.h"

#include "core/dataset/imageio.h"
#include "core/demo/demorandom.h"
#include "core/demo/faceartefacts.h"
#include "core/demo/faceaugmenter.h"
#include "core/demo/facelayout.h"
#include "core/demo/humanannotation.h"
#include "core/demo/sourcephotos.h"
#include "core/jobs/parallelfor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

namespace saliscope {

namespace fs = std::filesystem;
using namespace demo;

namespace {

/// Raise whenever the files made for given parameters change, so that older datasets are remade.
constexpr int GeneratorVersion = 2;
constexpr const char* GeneratorName = "saliscope-demo-dataset";
constexpr const char* MarkerFile = ".saliscope-demo-dataset";
constexpr std::uint64_t SplitStream = 0x73706c69'74000003ull;
constexpr std::uint64_t PairStream = 0x70616972'00000004ull;
constexpr std::uint64_t ProceduralStream = 0x70726f63'00000005ull;

/// Where one real/synthetic pair comes from and goes.
struct PairPlan final {
    int index = 0;
    int photo = 0;
    bool test = false;
};

/// What making one pair gave.
struct PairOutcome final {
    std::vector<ArtefactKind> kinds;
    std::string error;
};

std::string stemOf(bool fake, int index)
{
    char text[32];
    std::snprintf(text, sizeof text, "%s_%05d", fake ? "fake" : "real", index);
    return text;
}

std::string imagePathOf(bool test, bool fake, int index)
{
    return std::string(test ? "test/" : "train/") + (fake ? "fake/" : "real/") + stemOf(fake, index) + ".png";
}

engine::ImageU8 toImage(const cv::Mat& mat)
{
    engine::ImageU8 image = engine::ImageU8::zeros(mat.cols, mat.rows, mat.channels());
    cv::Mat view(mat.rows, mat.cols, mat.type(), image.pixels.data());
    if (mat.channels() == 3)
        cv::cvtColor(mat, view, cv::COLOR_BGR2RGB);
    else
        mat.copyTo(view);
    return image;
}

QJsonObject paramsJson(const DemoDatasetParams& params)
{
    QJsonObject object;
    object["imagesPerClass"] = params.imagesPerClass;
    object["imageSize"] = params.imageSize;
    object["seed"] = QString::number(params.seed); // a string: JSON numbers lose 64-bit precision
    object["testFraction"] = params.testFraction;
    object["photoFolder"] = QString::fromStdString(params.photoFolder);
    return object;
}

QJsonArray namesJson(const std::vector<std::string>& names)
{
    QJsonArray array;
    for (const auto& name : names)
        array.append(QString::fromStdString(name));
    return array;
}

std::optional<QJsonObject> readJson(const fs::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

DemoDatasetSummary summaryOf(const fs::path& out, const QJsonObject& json)
{
    DemoDatasetSummary summary;
    summary.outputDirectory = out.string();
    summary.trainDirectory = (out / "train").string();
    summary.testDirectory = (out / "test").string();
    summary.annotationDirectory = (out / "annotations").string();
    summary.maskDirectory = (out / "masks").string();
    summary.manifestPath = (out / "manifest.csv").string();
    summary.source = json["source"].toString().toStdString();
    summary.sourcePhotos = json["sourcePhotos"].toArray().size();
    const QJsonObject split = json["split"].toObject();
    summary.trainPhotos = split["trainPhotos"].toArray().size();
    summary.testPhotos = split["testPhotos"].toArray().size();
    const QJsonObject counts = json["counts"].toObject();
    summary.trainPerClass = counts["train"].toObject()["real"].toInt();
    summary.testPerClass = counts["test"].toObject()["real"].toInt();
    const QJsonObject kinds = json["artefactCounts"].toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        summary.artefactCounts[it.key().toStdString()] = it.value().toInt();
    return summary;
}

/// True when every file the manifest lists, with its annotation and mask, is there.
bool filesComplete(const fs::path& out, int expectedRows)
{
    QFile file(QString::fromStdString((out / "manifest.csv").string()));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    int rows = 0;
    std::error_code code;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("path,")))
            continue;
        const fs::path image = out / line.section(',', 0, 0).toStdString();
        const std::string stem = image.stem().string() + ".png";
        if (!fs::is_regular_file(image, code) || !fs::is_regular_file(out / "annotations" / stem, code)
            || !fs::is_regular_file(out / "masks" / stem, code))
            return false;
        ++rows;
    }
    return rows == expectedRows;
}

/// Splits the photographs by person: a `testFraction` of each person's photographs (at least one
/// when the person has two or more) go to the test split.
void splitPhotos(const std::vector<SourcePhoto>& photos, double testFraction, std::uint64_t seed,
                 std::vector<int>& train, std::vector<int>& test)
{
    std::map<std::string, std::vector<int>> byPerson;
    for (int i = 0; i < int(photos.size()); ++i)
        byPerson[photos[std::size_t(i)].person].push_back(i);
    std::mt19937_64 random = dice::generator(seed, SplitStream, 0);
    for (auto& [person, indices] : byPerson) {
        for (int i = int(indices.size()) - 1; i > 0; --i) // Fisher-Yates with our own draws
            std::swap(indices[std::size_t(i)], indices[std::size_t(dice::uniformInt(random, 0, i))]);
        const int n = int(indices.size());
        int testCount = int(std::lround(n * testFraction));
        if (testFraction > 0 && n >= 2)
            testCount = std::clamp(testCount, 1, n - 1);
        else if (n < 2)
            testCount = 0;
        for (int i = 0; i < n; ++i)
            (i < testCount ? test : train).push_back(indices[std::size_t(i)]);
    }
    std::sort(train.begin(), train.end());
    std::sort(test.begin(), test.end());
}

/// Makes real and synthetic image `plan.index` with their annotations and masks, and writes them.
PairOutcome makePair(const PairPlan& plan, const SourcePhoto& photo, const DemoDatasetParams& params,
                     const fs::path& out)
{
    PairOutcome outcome;
    try {
        const int size = params.imageSize;
        std::mt19937_64 random = dice::generator(params.seed, PairStream, std::uint64_t(plan.index));
        const FaceAugmentation augmentation = FaceAugmentation::draw(random);
        FaceLayout layout = FaceLayout::alignedChip(photo.image.cols);
        cv::Mat base = FaceAugmenter::warp(photo.image, size, augmentation, layout);
        FaceAugmenter::recolour(base, augmentation, random);
        layout.refineEyes(base);

        // One artefact kind in turn for every pair (so kinds are balanced), sometimes a second one.
        outcome.kinds.push_back(ArtefactKind(plan.index % ArtefactKindCount));
        const bool second = dice::chance(random, 1.0);
        const int offset = dice::uniformInt(random, 1, ArtefactKindCount - 1);
        if (second)
            outcome.kinds.push_back(ArtefactKind((plan.index + offset) % ArtefactKindCount));
        std::sort(outcome.kinds.begin(), outcome.kinds.end());

        cv::Mat fake = base.clone();
        std::vector<cv::Mat> masks;
        cv::Mat mask = cv::Mat::zeros(base.size(), CV_8U);
        for (const ArtefactKind kind : outcome.kinds) {
            masks.push_back(FaceArtefacts::apply(kind, fake, layout, random));
            mask |= masks.back();
        }
        const cv::Mat realAnnotation = HumanAnnotation::realFace(layout, base.size(), random);
        const cv::Mat fakeAnnotation = HumanAnnotation::artefacts(masks, random);
        const cv::Mat real = FaceAugmenter::jpegRoundTrip(base, augmentation.jpegQuality);
        fake = FaceAugmenter::jpegRoundTrip(fake, augmentation.jpegQuality);

        const std::string realStem = stemOf(false, plan.index), fakeStem = stemOf(true, plan.index);
        const std::pair<std::string, const cv::Mat*> files[] = {
            {imagePathOf(plan.test, false, plan.index), &real},
            {imagePathOf(plan.test, true, plan.index), &fake},
            {"annotations/" + realStem + ".png", &realAnnotation},
            {"annotations/" + fakeStem + ".png", &fakeAnnotation},
            {"masks/" + fakeStem + ".png", &mask},
        };
        for (const auto& [path, image] : files) {
            const auto written = writeImage((out / path).string(), toImage(*image));
            if (!written) {
                outcome.error = written.error();
                return outcome;
            }
        }
        const auto zeros = writeImage((out / "masks" / (realStem + ".png")).string(),
                                      engine::ImageU8::zeros(size, size, 1));
        if (!zeros)
            outcome.error = zeros.error();
    } catch (const cv::Exception& error) {
        outcome.error = "image " + std::to_string(plan.index) + ": " + error.msg;
    } catch (const std::exception& error) {
        outcome.error = "image " + std::to_string(plan.index) + ": " + error.what();
    }
    return outcome;
}

/// Makes room for the dataset: a missing or empty folder is fine, an earlier demo dataset is
/// removed, anything else is refused.
Status prepareFolder(const fs::path& out)
{
    std::error_code code;
    if (fs::exists(out, code) && !fs::is_directory(out, code))
        return Error{"demo dataset folder " + out.string() + " is a file"};
    if (fs::is_directory(out, code) && !fs::is_empty(out, code)) {
        const auto json = readJson(out / "dataset.json");
        const bool ours = fs::exists(out / MarkerFile, code)
            || (json && (*json)["generator"].toString() == GeneratorName);
        if (!ours)
            return Error{"folder " + out.string() + " is not empty and holds no demo dataset; choose another"};
        for (const char* entry : {"dataset.json", "manifest.csv", "train", "test", "annotations", "masks"}) {
            fs::remove_all(out / entry, code);
            if (code)
                return Error{"cannot remove " + (out / entry).string() + ": " + code.message()};
        }
    }
    for (const char* folder : {"train/real", "train/fake", "test/real", "test/fake", "annotations", "masks"}) {
        fs::create_directories(out / folder, code);
        if (code)
            return Error{"cannot create " + (out / folder).string() + ": " + code.message()};
    }
    QFile marker(QString::fromStdString((out / MarkerFile).string()));
    if (!marker.open(QIODevice::WriteOnly))
        return Error{"cannot write in " + out.string() + ": " + marker.errorString().toStdString()};
    marker.write("Made by Saliscope's demo dataset generator; the folder is replaced when parameters change.\n");
    return Ok{};
}

Status writeText(const fs::path& path, const QByteArray& text)
{
    QSaveFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Error{"cannot write " + path.string() + ": " + file.errorString().toStdString()};
    return Ok{};
}

} // namespace

Result<DemoDatasetSummary> generateDemoDataset(const DemoDatasetParams& params, ProgressSink& progress,
                                               const CancelToken& cancel)
{
    if (params.outputDirectory.empty())
        return Error{"no folder given for the demo dataset"};
    if (params.imagesPerClass < 1 || params.imagesPerClass > 1'000'000)
        return Error{"images per class must be between 1 and 1000000"};
    if (params.imageSize < 32 || params.imageSize > 2048)
        return Error{"image size must be between 32 and 2048 pixels"};
    if (!(params.testFraction >= 0 && params.testFraction < 1))
        return Error{"test fraction must be at least 0 and below 1"};
    const fs::path out = fs::absolute(params.outputDirectory).lexically_normal();

    // Which photographs: listing them is cheap, and decides whether an existing dataset fits.
    const std::vector<std::string> listed = SourcePhotos::list(params.photoFolder);
    std::vector<std::string> sourceNames;
    for (const auto& path : listed)
        sourceNames.push_back(SourcePhotos::nameOf(params.photoFolder, path));
    const QString source = listed.empty() ? "procedural" : "photographs";

    if (const auto json = readJson(out / "dataset.json")) {
        const QJsonObject counts = (*json)["counts"].toObject();
        const int rows = 2 * (counts["train"].toObject()["real"].toInt() + counts["test"].toObject()["real"].toInt());
        if ((*json)["generator"].toString() == GeneratorName && (*json)["version"].toInt() == GeneratorVersion
            && (*json)["params"].toObject() == paramsJson(params) && (*json)["source"].toString() == source
            && (listed.empty() || (*json)["sourcePhotos"].toArray() == namesJson(sourceNames))
            && rows == 2 * params.imagesPerClass && filesComplete(out, rows)) {
            DemoDatasetSummary summary = summaryOf(out, *json);
            summary.reused = true;
            progress.message("demo dataset in " + out.string() + " is complete; reused");
            progress.progress(rows, rows);
            return summary;
        }
    }

    std::vector<SourcePhoto> photos;
    if (!listed.empty()) {
        auto loaded = SourcePhotos::load(params.photoFolder, listed);
        if (!loaded)
            return loaded.failure();
        photos = std::move(loaded).value();
        progress.message("demo dataset from " + std::to_string(photos.size()) + " photographs in "
                         + params.photoFolder);
    } else {
        photos = SourcePhotos::procedural(dice::mix(params.seed ^ ProceduralStream));
        progress.message("no photographs in " + params.photoFolder + "; drawing " + std::to_string(photos.size())
                         + " procedural faces instead");
    }

    std::vector<int> trainPhotos, testPhotos;
    splitPhotos(photos, params.testFraction, params.seed, trainPhotos, testPhotos);
    const int testPerClass = int(std::lround(params.imagesPerClass * params.testFraction));
    const int trainPerClass = params.imagesPerClass - testPerClass;
    if ((testPerClass > 0 && testPhotos.empty()) || (trainPerClass > 0 && trainPhotos.empty()))
        return Error{"too few photographs (" + std::to_string(photos.size()) + ") for a train/test split"};

    if (const auto prepared = prepareFolder(out); !prepared)
        return prepared.failure();

    std::vector<PairPlan> plans(std::size_t(params.imagesPerClass));
    for (int i = 0; i < params.imagesPerClass; ++i) {
        const bool test = i >= trainPerClass;
        const std::vector<int>& pool = test ? testPhotos : trainPhotos;
        const int k = test ? i - trainPerClass : i;
        plans[std::size_t(i)] = {i, pool[std::size_t(k) % pool.size()], test};
    }

    // Workers take pairs from a shared counter; this thread reports progress and watches for cancel.
    std::vector<PairOutcome> outcomes(plans.size());
    const bool completed = parallelFor(
        std::int64_t(plans.size()), 0,
        [&](std::int64_t index) {
            const PairPlan& plan = plans[std::size_t(index)];
            outcomes[std::size_t(index)] = makePair(plan, photos[std::size_t(plan.photo)], params, out);
        },
        cancel, [&](std::int64_t done) { progress.progress(2 * done, 2 * std::int64_t(plans.size())); });
    if (!completed)
        return Error::cancelled();
    for (const auto& outcome : outcomes)
        if (!outcome.error.empty())
            return Error{outcome.error};

    // The manifest, then dataset.json last: its presence says the dataset is complete.
    QByteArray manifest = "path,label,group,split,source\n";
    std::map<std::string, int> artefactCounts;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const PairPlan& plan = plans[i];
        std::string group;
        for (const ArtefactKind kind : outcomes[i].kinds) {
            group += (group.empty() ? "" : "+") + artefactName(kind);
            ++artefactCounts[artefactName(kind)];
        }
        const std::string split = plan.test ? "test" : "train";
        const std::string& photo = photos[std::size_t(plan.photo)].name;
        manifest += QByteArray::fromStdString(imagePathOf(plan.test, false, plan.index) + ",real,real," + split + ","
                                              + photo + "\n");
        manifest += QByteArray::fromStdString(imagePathOf(plan.test, true, plan.index) + ",fake," + group + "," + split
                                              + "," + photo + "\n");
    }
    if (const auto written = writeText(out / "manifest.csv", manifest); !written)
        return written.failure();

    std::vector<std::string> allNames, trainNames, testNames;
    for (const auto& photo : photos)
        allNames.push_back(photo.name);
    for (int i : trainPhotos)
        trainNames.push_back(photos[std::size_t(i)].name);
    for (int i : testPhotos)
        testNames.push_back(photos[std::size_t(i)].name);
    QJsonObject json;
    json["generator"] = GeneratorName;
    json["version"] = GeneratorVersion;
    json["params"] = paramsJson(params);
    json["source"] = source;
    json["sourcePhotos"] = namesJson(listed.empty() ? allNames : sourceNames);
    QJsonObject split;
    split["by"] = "photograph, stratified by person (each photograph's images are all in one split)";
    split["trainPhotos"] = namesJson(trainNames);
    split["testPhotos"] = namesJson(testNames);
    json["split"] = split;
    QJsonObject counts, trainCounts, testCounts;
    trainCounts["real"] = trainPerClass;
    trainCounts["fake"] = trainPerClass;
    testCounts["real"] = testPerClass;
    testCounts["fake"] = testPerClass;
    counts["train"] = trainCounts;
    counts["test"] = testCounts;
    json["counts"] = counts;
    QJsonObject kinds;
    for (const auto& [kind, count] : artefactCounts)
        kinds[QString::fromStdString(kind)] = count;
    json["artefactCounts"] = kinds;
    json["labels"] = QJsonObject{{"real", 0}, {"fake", 1}};
    if (const auto written = writeText(out / "dataset.json", QJsonDocument(json).toJson()); !written)
        return written.failure();

    DemoDatasetSummary summary = summaryOf(out, json);
    progress.progress(2 * std::int64_t(plans.size()), 2 * std::int64_t(plans.size()));
    return summary;
}

Result<DemoVideoSummary> makeDemoVideos(const DemoDatasetSummary& dataset, const DemoVideoParams& params)
{
    if (params.clipsPerClass < 1 || params.framesPerClip < 2)
        return Error{"the demo videos need at least one clip per class and two frames per clip"};
    const fs::path out = fs::absolute(params.outputDirectory).lexically_normal();
    DemoVideoSummary summary;
    summary.directory = out.string();
    summary.manifestPath = (out / "manifest.csv").string();
    summary.clips = 2 * params.clipsPerClass;
    summary.framesPerClip = params.framesPerClip;

    // The test images of each class, in name order, and the fakes' artefact groups (manifest.csv).
    std::map<std::string, std::string> groupOf; // test/fake/fake_NNNNN.png -> group
    {
        QFile manifest(QString::fromStdString(dataset.manifestPath));
        if (!manifest.open(QIODevice::ReadOnly))
            return Error{"cannot read " + dataset.manifestPath + ": " + manifest.errorString().toStdString()};
        std::istringstream lines(manifest.readAll().toStdString());
        std::string line;
        while (std::getline(lines, line)) {
            std::vector<std::string> fields;
            std::istringstream cells(line);
            for (std::string cell; std::getline(cells, cell, ',');)
                fields.push_back(cell);
            if (fields.size() >= 3)
                groupOf[fields[0]] = fields[2];
        }
    }
    struct Clip {
        fs::path source;
        std::string path; // relative to the folder
        std::string label;
        std::string group;
    };
    std::vector<Clip> clips;
    for (const bool fake : {false, true}) {
        const char* label = fake ? "fake" : "real";
        std::vector<fs::path> images;
        std::error_code code;
        for (const auto& entry : fs::directory_iterator(fs::path(dataset.testDirectory) / label, code))
            if (entry.path().extension() == ".png")
                images.push_back(entry.path());
        std::sort(images.begin(), images.end());
        if (int(images.size()) < params.clipsPerClass)
            return Error{"the demo dataset has " + std::to_string(images.size()) + " " + label
                         + " test images, fewer than the " + std::to_string(params.clipsPerClass) + " clips asked"};
        for (int i = 0; i < params.clipsPerClass; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "%s/clip_%02d.avi", label, i);
            const std::string key = std::string("test/") + label + "/" + images[std::size_t(i)].filename().string();
            const auto group = groupOf.find(key);
            clips.push_back({images[std::size_t(i)], name, label,
                             group != groupOf.end() && !group->second.empty() ? group->second : label});
        }
    }
    QByteArray manifest = "path,label,group\n";
    for (const auto& clip : clips)
        manifest += QByteArray::fromStdString(clip.path + "," + clip.label + "," + clip.group + "\n");
    {
        QFile existing(QString::fromStdString(summary.manifestPath));
        bool complete = existing.open(QIODevice::ReadOnly) && existing.readAll() == manifest;
        for (const auto& clip : clips)
            complete = complete && fs::exists(out / clip.path);
        if (complete) {
            summary.reused = true;
            return summary;
        }
    }

    for (const auto& clip : clips) {
        const cv::Mat image = cv::imread(clip.source.string(), cv::IMREAD_COLOR);
        if (image.empty())
            return Error{"cannot read " + clip.source.string()};
        const fs::path path = out / clip.path;
        std::error_code code;
        fs::create_directories(path.parent_path(), code);
        if (code)
            return Error{"cannot create " + path.parent_path().string() + ": " + code.message()};
        cv::VideoWriter writer(path.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0,
                               image.size());
        if (!writer.isOpened())
            return Error{"cannot write the video " + path.string() + " (OpenCV with FFmpeg)"};
        const cv::Point2f centre(0.5f * float(image.cols), 0.5f * float(image.rows));
        for (int f = 0; f < params.framesPerClip; ++f) {
            const double t = double(f) / double(params.framesPerClip - 1);
            cv::Mat move = cv::getRotationMatrix2D(centre, 0.0, 1.0 + 0.08 * t);
            move.at<double>(0, 2) += 0.06 * image.cols * std::sin(3.14159265358979 * t);
            move.at<double>(1, 2) += 0.04 * image.rows * t;
            cv::Mat frame;
            cv::warpAffine(image, frame, move, image.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
            writer.write(frame);
        }
        writer.release();
    }
    if (const auto written = writeText(out / "manifest.csv", manifest); !written)
        return written.failure();
    return summary;
}

} // namespace saliscope

// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/benchimages.h"

#include "core/dataset/datasethashing.h"
#include "core/demo/demodataset.h"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace saliscope::bench {

Result<BenchImages> prepareBenchImages(const std::string& folder, int count, const std::string& workFolder)
{
    NullProgressSink quiet;
    BenchImages images;
    std::string location = folder;
    if (folder.empty()) {
        DemoDatasetParams demo;
        demo.outputDirectory = (std::filesystem::path(workFolder) / "faces").string();
        demo.imagesPerClass = std::max(1, (count + 1) / 2);
        demo.imageSize = 224;
        demo.testFraction = 0.0;
        auto made = generateDemoDataset(demo, quiet, CancelToken());
        if (!made)
            return Error{"generating demo faces: " + made.error()};
        location = made->trainDirectory;
        images.source = "generated demo faces";
    } else {
        images.source = folder;
    }
    auto dataset = scanDataset({location}, quiet, CancelToken());
    if (!dataset)
        return Error{dataset.error()};
    images.dataset = std::move(dataset).value();
    auto& records = images.dataset.records;
    if (count > 0 && std::size_t(count) < records.size()) {
        // Take real and fake images alternately, so a small count still holds both classes.
        std::stable_partition(records.begin(), records.end(), [](const DatasetRecord& r) { return r.label == 0; });
        const auto realEnd = std::partition_point(records.begin(), records.end(),
                                                  [](const DatasetRecord& r) { return r.label == 0; });
        std::vector<DatasetRecord> reals(records.begin(), realEnd), others(realEnd, records.end()), chosen;
        for (std::size_t i = 0; chosen.size() < std::size_t(count); ++i) {
            if (i < reals.size())
                chosen.push_back(reals[i]);
            if (i < others.size() && chosen.size() < std::size_t(count))
                chosen.push_back(others[i]);
        }
        records = std::move(chosen);
    }
    if (records.empty())
        return Error{location + ": no images"};
    auto hashed = hashDataset(images.dataset, {}, quiet, CancelToken());
    if (!hashed)
        return Error{hashed.error()};
    if (!hashed->problems.empty())
        return Error{hashed->problems.front().first + ": " + hashed->problems.front().second};
    images.hashes = std::move(hashed->hashes);
    return images;
}

Result<std::string> linkImagesByLabel(const Dataset& dataset, const std::string& workFolder)
{
    namespace fs = std::filesystem;
    const fs::path root = fs::path(workFolder) / "linked";
    std::error_code code;
    fs::remove_all(root, code);
    int index = 0;
    for (const auto& record : dataset.records) {
        const char* label = record.label == 0 ? "real" : record.label == 1 ? "fake" : "unlabelled";
        const fs::path source = fs::absolute(record.path, code);
        // A numbered name keeps the order and keeps two same-named files in different folders apart.
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%06d_", index++);
        const fs::path link = root / label / (prefix + source.filename().string());
        fs::create_directories(link.parent_path(), code);
        fs::create_symlink(source, link, code);
        if (code)
            return Error{"cannot link " + source.string() + " into " + root.string() + ": " + code.message()};
    }
    return root.string();
}

double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : 0.5 * (values[middle - 1] + values[middle]);
}

int positiveOption(const std::string& option, const std::string& value)
{
    std::size_t used = 0;
    int parsed = 0;
    try {
        parsed = std::stoi(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != value.size() || value.empty() || parsed < 1) {
        std::cerr << "saliscope-bench: " << option << " needs a positive whole number, not '" << value << "'\n";
        std::exit(2);
    }
    return parsed;
}

} // namespace saliscope::bench

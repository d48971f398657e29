// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-bench: every benchmark mode of a full build. Figures belong in docs/performance.md with
// the machine named.

#include "tools/bench/benchmodes.h"

#include <string>

int main(int argc, char** argv)
{
    using namespace saliscope::bench;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "measures")
        return runMeasureBench(argc, argv);
    if (mode == "pipeline")
        return runPipelineBench(argc, argv);
    if (mode == "measure-rates")
        return runMeasureRatesBench(argc, argv);
    if (mode == "reference")
        return runReferenceBench(argc, argv);
    if (mode == "browser")
        return runBrowserBench(argc, argv);
    if (mode == "videos")
        return runVideoBench(argc, argv);
    return runModelBench(argc, argv,
                         "saliscope-bench pipeline --help: decode, cached re-runs and memory of measure runs.\n"
                         "saliscope-bench measure-rates --help: images/s of each measure over cached images.\n"
                         "saliscope-bench reference --help: a measure run against the paper's per-image pipeline.\n"
                         "saliscope-bench browser --help: the Images dock's list at 100,000 images.\n"
                         "saliscope-bench videos --help: frames/s of video decoding and face detection.\n");
}

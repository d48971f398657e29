// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The modes of the benchmarks, each `int run...(argc, argv)` over the whole command line
// (argv[1] is the mode's name, except for the default mode). saliscope-engine-bench (the engine
// alone: enginemain.cpp) has the first two; saliscope-bench (a full build: main.cpp) has them all.

#include <string>

namespace saliscope::bench {

/// The program's name in usage and messages ("saliscope-bench" unless set).
void setProgramName(const std::string& name);
const std::string& programName();

// The engine's modes (modelbench.cpp, measurebench.cpp).
/// The default mode: images/s of the forward pass and of Grad-CAM. `moreModes` ends its usage text
/// (the other modes' one-line help).
int runModelBench(int argc, char** argv, const std::string& moreModes);
/// `measures`: each measure's images/s with its maths on the device.
int runMeasureBench(int argc, char** argv);

// The modes over core (and ui for `browser`).
/// `pipeline`: decode, cached re-runs and memory of measure runs (pipelinebench.cpp).
int runPipelineBench(int argc, char** argv);
/// `measure-rates`: images/s of each measure over cached images (measurerates.cpp).
int runMeasureRatesBench(int argc, char** argv);
/// `reference`: a measure run against the paper's per-image pipeline (referencebench.cpp).
int runReferenceBench(int argc, char** argv);
/// `browser`: the Images dock's list at 100,000 images (browserbench.cpp).
int runBrowserBench(int argc, char** argv);
/// `videos`: frames/s of decoding videos and finding faces, alone and as a dataset scan (videobench.cpp).
int runVideoBench(int argc, char** argv);

} // namespace saliscope::bench

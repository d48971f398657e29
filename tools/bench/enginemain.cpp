// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-engine-bench: the engine's benchmark modes, built with the engine alone (no Qt, no
// OpenCV), as on a GPU machine (tests/gpu/run.sh): forward and Grad-CAM rates, and `measures`.
// A full build's saliscope-bench has the same modes and more.

#include "tools/bench/benchmodes.h"

#include <string>

int main(int argc, char** argv)
{
    using namespace saliscope::bench;
    setProgramName("saliscope-engine-bench");
    if (argc > 1 && std::string(argv[1]) == "measures")
        return runMeasureBench(argc, argv);
    return runModelBench(argc, argv,
                         "A full build's saliscope-bench also has pipeline, measure-rates, reference and browser.\n");
}

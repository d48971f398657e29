// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/project/measureresults.h"

#include <vector>

namespace saliscope::ui {

/// The salience method a run set's maps were made with (its parameters record it).
engine::CamMethod runSetMethod(const RunSet& set);

/// The sets whose dataset and parameters equal those of `sets[index]` but for the salience
/// method, `index` included, by index in the methods' order (Grad-CAM first); empty for an
/// index out of range. Such sets come from one `measure --method a,b` or from runs that differ
/// only by method, so their numbers can stand side by side.
std::vector<int> methodSiblings(const std::vector<RunSet>& sets, int index);

} // namespace saliscope::ui

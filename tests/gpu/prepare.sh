#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Fills the ignored folder .gpu with what tests/gpu/run.sh needs on a GPU machine that has only
# PyTorch: nlohmann-json's header and the golden Grad-CAM pack made at build time.
# usage: bash tests/gpu/prepare.sh BUILD_DIR   (run from the repository root)
set -eu
build=${1:-build/release}
[ -d "$build/fixtures/golden" ] || { echo "no $build/fixtures/golden: build the project first" >&2; exit 1; }
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || { mkdir -p .git/info; echo '/.gpu/' >> .git/info/exclude; }
rm -rf .gpu/nlohmann .gpu/golden
mkdir -p .gpu
cp -r /usr/include/nlohmann .gpu/nlohmann
cp -r "$build/fixtures/golden" .gpu/golden
du -sh .gpu

#!/bin/bash
# SPDX-FileCopyrightText: 2026 The Saliscope developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 9 part 3 (H5): one prepared GPU run. Builds the engine-only tree against the CUDA LibTorch of
# the machine's PyTorch, scripts torchvision's DenseNet-121, measures PyTorch's own forward rate,
# then saliscope-engine-bench forward/Grad-CAM (fp32/fp16/bf16, +channels-last) and `saliscope-engine-bench
# measures` per measure with its maths on the device (with the noise draws and the degradation
# blurs also timed alone, and the sequential noise generator of older runs for comparison), and
# the precision check. About 8 to 9 minutes on an H100 machine, build included. Everything is
# tee'd into $OUT/gpu.log. The GPU machine has no Qt, OpenCV or nlohmann-json:
# first `bash tests/gpu/prepare.sh build/release` here (copies the json header and the golden
# Grad-CAM pack into the ignored folder .gpu), then run from the repository root there, with
# `.gpu` carried:
#   bash tests/gpu/run.sh
# A CPU rehearsal (what was tested before the GPU run):
#   DEVICE=cpu BATCH=2 ITER=1 BUILD=/tmp/build-h5-eng MODEL=build/release/fixtures/densenet_scripted.pt bash tests/gpu/run.sh
set -u
DEVICE=${DEVICE:-cuda}
BATCH=${BATCH:-256}
ITER=${ITER:-5}
JOBS=${JOBS:-16}
PY=${PY:-python3}
BUILD=${BUILD:-/tmp/build-h5-gpu}
OUT=${OUT:-/tmp/h5-gpu-out}
MODEL=${MODEL:-}
STEP_TIMEOUT=${STEP_TIMEOUT:-150}
mkdir -p "$OUT"
LOG="$OUT/gpu.log"
: > "$LOG"
START=$(date +%s)

say() { echo "== [$(( $(date +%s) - START ))s] $*" | tee -a "$LOG"; }
step() {  # step TIMEOUT command...: runs, tees, records the exit status, never stops the script
    local limit=$1; shift
    say "$*"
    timeout "$limit" "$@" 2>&1 | tee -a "$LOG"
    say "rc=${PIPESTATUS[0]}"
}

say "device=$DEVICE batch=$BATCH iterations=$ITER build=$BUILD"
command -v nvidia-smi > /dev/null && step 30 nvidia-smi --query-gpu=name,memory.total,memory.used,driver_version --format=csv
step 60 "$PY" -c "import torch, torchvision; print('torch', torch.__version__, 'torchvision', torchvision.__version__, 'cuda', torch.version.cuda)"

# --- build (engine only, keep going on errors) ---
PREFIX=${TORCH_PREFIX:-$("$PY" -c "import torch; print(torch.utils.cmake_prefix_path)" 2>/dev/null)}
NLOHMANN=()
[ -f .gpu/nlohmann/json.hpp ] && NLOHMANN=(-DSALISCOPE_NLOHMANN_INCLUDE="$PWD/.gpu")
say "cmake configure (prefix '$PREFIX')"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSALISCOPE_ENGINE_ONLY=ON -DSALISCOPE_USE_CCACHE=OFF \
    ${PREFIX:+-DCMAKE_PREFIX_PATH="$PREFIX"} "${NLOHMANN[@]}" > "$OUT/cmake.log" 2>&1
say "configure rc=$?"; grep -E "SALISCOPE|Torch|CUDA|Error" "$OUT/cmake.log" | head -20 | tee -a "$LOG"
say "build saliscope-engine-bench (-j$JOBS, keep going)"
cmake --build "$BUILD" -j"$JOBS" --target saliscope-engine-bench saliscope-engine-selftest -- -k 0 > "$OUT/build.log" 2>&1
say "build rc=$?"; grep -E "error|FAILED" "$OUT/build.log" | head -40 | tee -a "$LOG"
BENCH="$BUILD/tools/bench/saliscope-engine-bench"
[ -x "$BENCH" ] || { say "no saliscope-engine-bench: stopping"; tail -40 "$OUT/build.log" | tee -a "$LOG"; exit 1; }

# --- golden Grad-CAM per precision (reference tolerance: fp32 strict) ---
for precision in fp32 tf32 fp16 bf16; do
    [ "$DEVICE" = cpu ] && { [ "$precision" = fp16 ] || [ "$precision" = tf32 ]; } && continue
    for layout in contiguous channels-last; do
        step 60 "$BUILD/tools/selftest/saliscope-engine-selftest" .gpu/golden --device "$DEVICE" --precision "$precision" \
            --layout "$layout"
    done
done

# --- model and PyTorch's own rates ---
if [ -z "$MODEL" ]; then
    MODEL="$OUT/densenet121.pt"
    step 180 "$PY" tests/gpu/torch_reference.py "$DEVICE" "$BATCH" 10 "$MODEL"
    [ -f "$MODEL" ] || { say "scripting failed: stopping"; exit 1; }
fi
say "model $MODEL"

# --- saliscope-engine-bench forward and Grad-CAM (the other salience methods once, at fp32) ---
for precision in fp32 tf32 fp16 bf16; do
    [ "$DEVICE" = cpu ] && { [ "$precision" = fp16 ] || [ "$precision" = tf32 ]; } && continue
    for layout in --contiguous --channels-last; do
        step "$STEP_TIMEOUT" "$BENCH" --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision "$precision" \
            $layout --iterations "$ITER" --warmup 2 --threads "$JOBS" --methods none
    done
done
step "$STEP_TIMEOUT" "$BENCH" --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision fp32 \
    --iterations "$ITER" --warmup 2 --threads "$JOBS"

[ "$DEVICE" = cpu ] || step "$STEP_TIMEOUT" "$BENCH" --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision fp16 \
    --channels-last --pageable --iterations "$ITER" --warmup 2 --threads "$JOBS" --methods none

# --- each measure with its maths on the device ---
for measure in entropy noise-draws noise transforms degradation-blurs degradation stability all; do
    step "$STEP_TIMEOUT" "$BENCH" measures --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision fp32 \
        --measures "$measure" --iterations "$((ITER > 3 ? 3 : ITER))" --warmup 1 --threads "$JOBS" \
        --stability-models 3 --json
done
# The noise draws the way runs stored before the counter generator make them (host, per image).
step "$STEP_TIMEOUT" "$BENCH" measures --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision fp32 \
    --measures noise-draws,noise --noise-generator sequential --iterations "$((ITER > 3 ? 3 : ITER))" --warmup 1 \
    --threads "$JOBS" --json
step "$STEP_TIMEOUT" "$BENCH" measures --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision fp32 \
    --measures degradation-blurs,degradation --fast-blur --iterations "$((ITER > 3 ? 3 : ITER))" --warmup 1 --threads "$JOBS" --json
FAST=fp16
[ "$DEVICE" = cpu ] && FAST=bf16
step "$STEP_TIMEOUT" "$BENCH" measures --model "$MODEL" --device "$DEVICE" --batch "$BATCH" --precision "$FAST" \
    --channels-last --measures all --fast-blur --iterations "$((ITER > 3 ? 3 : ITER))" --warmup 1 --threads "$JOBS"
step "$STEP_TIMEOUT" "$BENCH" measures --model "$MODEL" --device "$DEVICE" --batch "$((BATCH > 64 ? 64 : BATCH))" \
    --measures entropy --iterations 1 --warmup 0 --threads "$JOBS" --precision-check

command -v nvidia-smi > /dev/null && step 30 nvidia-smi
say "done"

#!/usr/bin/env bash
# Runs every test: the release build's suites, the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer,
# the concurrency test under ThreadSanitizer, an outside CMake project built against the install tree, and 60 s of
# libFuzzer on the TensorFlow Lite parser (scripts/fuzz.sh: clang, its own build directory).
# Usage: scripts/test.sh [--quick] [--models]
#   --quick   release suites only
#   --models  first install the Python peers (tests/requirements.txt: TensorFlow, LiteRT, onnx) when missing and
#             generate the TensorFlow Lite test models (tests/models/generate_models.py; a few minutes the first time,
#             cached in $ARMNN_TEST_MODELS or ~/.cache/armnn-test-models). Without it the comparison with LiteRT and
#             the ONNX conformance run only when those are already there, and are reported skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
models=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --models) models=1 ;;
        *) echo "usage: scripts/test.sh [--quick] [--models]" >&2; exit 2 ;;
    esac
done

jobs="${ARMNN_JOBS:-2}"
configure() { cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE="$2" "${@:3}" >/dev/null; }

if [ "$models" = 1 ]; then
    if ! python3 -c "import numpy, tensorflow, ai_edge_litert, onnx, onnxruntime" 2>/dev/null; then
        echo "== Python peers (tests/requirements.txt)"
        # Debian's own python3 marks itself externally managed; these test-only packages go beside its own.
        python3 -m pip install -q --break-system-packages -r tests/requirements.txt
    fi
    if ! python3 -c "import tf_keras" 2>/dev/null; then
        # Keras 2 for the Keras LSTM models; --no-deps: tensorflow-cpu already provides its `tensorflow`.
        python3 -m pip install -q --break-system-packages --no-deps tf-keras==2.21.0
    fi
    echo "== TensorFlow Lite test models"
    python3 tests/models/generate_models.py
fi

echo "== Release build and tests"
configure build Release
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "$quick" = 1 ]; then
    exit 0
fi

echo "== Install tree and an outside CMake project using find_package(Armnn)"
bash tests/install/check-install.sh build

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite"
configure build-asan RelWithDebInfo -DARMNN_SANITIZE="address;undefined" -DARMNN_BUILD_SAMPLES=OFF \
    -DARMNN_BUILD_PYTHON=OFF  # an instrumented extension cannot load into an uninstrumented Python
cmake --build build-asan -j"$jobs"
# Every runtime loads GpuAcc, whose OpenCL driver (PoCL, LLVM) never frees its process-lifetime state.
LSAN_OPTIONS="suppressions=$PWD/backends/gpuacc/test/lsan-opencl.supp" \
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ARMNN_TEST_ITERATIONS=200 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== ThreadSanitizer: the concurrency tests"
configure build-tsan RelWithDebInfo -DARMNN_SANITIZE=thread -DARMNN_BUILD_SAMPLES=OFF -DARMNN_BUILD_PYTHON=OFF
cmake --build build-tsan -j"$jobs" --target ArmnnCoreTests armnnRefBackend
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    ./build-tsan/bin/ArmnnCoreTests --gtest_filter='Concurrency.*'

echo "== libFuzzer: the TensorFlow Lite parser (scripts/fuzz.sh, 60 s)"
ARMNN_JOBS="$jobs" bash scripts/fuzz.sh 60

echo "== All test stages passed"

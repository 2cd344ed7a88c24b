#!/usr/bin/env bash
# Runs every test: the release build's suites, the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer,
# the concurrency test under ThreadSanitizer, and an outside CMake project built against the install tree.
# Usage: scripts/test.sh [--quick]   (--quick: release suites only)
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="${ARMNN_JOBS:-2}"
configure() { cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE="$2" "${@:3}" >/dev/null; }

echo "== Release build and tests"
configure build Release
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

if [ "${1:-}" = "--quick" ]; then
    exit 0
fi

echo "== Install tree and an outside CMake project using find_package(Armnn)"
bash tests/install/check-install.sh build

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: the whole suite"
configure build-asan RelWithDebInfo -DARMNN_SANITIZE="address;undefined" -DARMNN_BUILD_SAMPLES=OFF
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ARMNN_TEST_ITERATIONS=200 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== ThreadSanitizer: the concurrency tests"
configure build-tsan RelWithDebInfo -DARMNN_SANITIZE=thread -DARMNN_BUILD_SAMPLES=OFF
cmake --build build-tsan -j"$jobs" --target ArmnnCoreTests armnnRefBackend
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    ./build-tsan/bin/ArmnnCoreTests --gtest_filter='Concurrency.*'

echo "== All test stages passed"

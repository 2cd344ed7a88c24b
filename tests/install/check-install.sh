#!/usr/bin/env bash
# Installs a build tree into a temporary prefix, builds tests/install/consumer against it with find_package(Armnn),
# and runs it: on CpuRef alone, then with the sample plugin (and broken files) in a plugin directory.
# Usage: tests/install/check-install.sh <build-dir>
set -euo pipefail
build="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/lib/cmake/armnn/ArmnnConfig.cmake"
test -f "$work/prefix/lib/armnn/backends/Arm_CpuRef_backend.so"
readelf -d "$work/prefix/lib/libarmnn.so" | grep -q 'SONAME.*libarmnn.so.35'
"$work/prefix/bin/ExecuteNetwork" --help >/dev/null

cmake -S "$here/consumer" -B "$work/consumer-build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/consumer-build" >/dev/null

echo "-- consumer on CpuRef"
"$work/consumer-build/consumer"

plugins="$work/plugins"
mkdir -p "$plugins"
sample="$build/lib/armnn/sample-backends/Arm_Sample_backend.so"
if [ -f "$sample" ]; then
    cp "$sample" "$plugins/"
    echo "not a shared object" > "$plugins/Bad_Text_backend.so"
    head -c 100 "$sample" > "$plugins/Bad_Truncated_backend.so"
    echo "-- consumer with the sample plugin and broken files in $plugins"
    "$work/consumer-build/consumer" "$plugins"
else
    echo "check-install: the sample plugin was not built ($sample)" >&2
    exit 1
fi

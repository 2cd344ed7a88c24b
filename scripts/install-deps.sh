#!/usr/bin/env bash
# Installs every Debian 12 package the build and the tests need. Run as root (or through sudo).
# Each package and why it is needed: docs/dependencies.md.
set -euo pipefail

packages=(
    build-essential   # g++ 12, make
    cmake             # the build system (3.25 on Debian 12)
    ninja-build       # fast parallel builds
    ccache            # rebuilds in seconds
    libgtest-dev      # unit tests
    libgmock-dev
    libcxxopts-dev    # ExecuteNetwork's command line
    clang             # libFuzzer targets and a second compiler
    libclang-rt-14-dev
    python3
    python3-pip       # installs the test peers of tests/requirements.txt (scripts/test.sh --models)
    libdnnl-dev       # oneDNN 2.x: the kernels of the CpuAcc backend (brings libgomp, its OpenMP runtime)
    ocl-icd-opencl-dev  # GpuAcc: the OpenCL ICD loader to link against
    opencl-c-headers    # GpuAcc: the Khronos OpenCL C headers
    pocl-opencl-icd     # GpuAcc: an OpenCL CPU device, so GpuAcc's tests run on machines without a GPU
    libflatbuffers-dev      # FlatBuffers headers (header-only use) for the TensorFlow Lite parser
    flatbuffers-compiler    # flatc: generates the parser's C++ from parsers/tflite/schema/tflite.fbs
    libonnx-dev       # armnnOnnxParser: onnx.proto and the generated onnx-ml.pb.h, libonnx_proto
    libprotobuf-dev   # armnnOnnxParser: protobuf runtime
    protobuf-compiler
    swig              # pyarmnn: generates the Python bindings (python/, option ARMNN_BUILD_PYTHON)
    python3-dev       # pyarmnn: Python's headers for the extension module
    python3-numpy     # pyarmnn: tensors are NumPy arrays
    python3-pytest    # pyarmnn: its tests (python/test)
    python3-venv      # pyarmnn: the PythonWheel test installs the package into a fresh virtual environment
    python3-setuptools # pyarmnn: `pip install ./python` builds with setuptools
)

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${missing[*]}"

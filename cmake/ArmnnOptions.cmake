# Build options. One option per optional part.
option(ARMNN_BUILD_TESTS "Build the unit and integration tests" ON)
option(ARMNN_BUILD_SAMPLES "Build the sample programs" ON)
option(ARMNN_BUILD_CPUACC "Build the CpuAcc backend (needs libdnnl-dev)" ON)
option(ARMNN_BUILD_TFLITE_PARSER "Build the TensorFlow Lite parser (needs flatc and the FlatBuffers headers)" ON)
option(ARMNN_BUILD_ONNX_PARSER "Build armnnOnnxParser (needs libonnx-dev and libprotobuf-dev)" ON)
# GpuAcc (backends/gpuacc): on by default when the OpenCL ICD loader and headers are found.
find_package(OpenCL QUIET)
option(ARMNN_BUILD_GPUACC "Build the GpuAcc OpenCL backend (needs ocl-icd-opencl-dev and opencl-c-headers)"
       ${OpenCL_FOUND})
if(ARMNN_BUILD_GPUACC AND NOT OpenCL_FOUND)
    message(FATAL_ERROR "ARMNN_BUILD_GPUACC needs OpenCL (apt-get install ocl-icd-opencl-dev opencl-c-headers), "
                        "or configure with -DARMNN_BUILD_GPUACC=OFF")
endif()
set(ARMNN_SANITIZE "" CACHE STRING "Sanitizers to build with: 'address;undefined' or 'thread' (empty for none)")

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
    set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

add_compile_options(-Wall -Wextra -Wno-unused-parameter)

if(ARMNN_SANITIZE)
    string(REPLACE ";" "," _armnn_sanitizers "${ARMNN_SANITIZE}")
    add_compile_options(-fsanitize=${_armnn_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${_armnn_sanitizers})
endif()

# Python bindings (python/): on by default when SWIG 4 and Python's headers are found.
find_package(SWIG 4.0 QUIET COMPONENTS python)
find_package(Python3 QUIET COMPONENTS Interpreter Development.Module)
if(SWIG_FOUND AND Python3_Development.Module_FOUND)
    set(_armnn_python_default ON)
else()
    set(_armnn_python_default OFF)
endif()
option(ARMNN_BUILD_PYTHON "Build the pyarmnn Python bindings (needs SWIG 4 and the Python headers)"
       ${_armnn_python_default})
if(ARMNN_BUILD_PYTHON AND NOT (SWIG_FOUND AND Python3_Development.Module_FOUND))
    message(FATAL_ERROR "ARMNN_BUILD_PYTHON needs SWIG 4 (apt-get install swig) and the Python headers "
                        "(apt-get install python3-dev)")
endif()

# libFuzzer targets (parsers/*/fuzz), clang only; scripts/fuzz.sh configures a build directory of its own with this.
# Every library gets libFuzzer's coverage instrumentation, so the fuzzer sees the parser, the core and CpuRef.
option(ARMNN_BUILD_FUZZERS "Build the libFuzzer targets (clang only; see scripts/fuzz.sh)" OFF)
if(ARMNN_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "ARMNN_BUILD_FUZZERS needs clang (CXX=clang++), not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

"""pip install ./python: builds the pyarmnn wheel against this project's libraries.

Where the libraries come from (first that applies):
  ARMNN_INSTALL_PREFIX=<prefix>  an install tree (cmake --install build --prefix <prefix>): <prefix>/include, <prefix>/lib
  ARMNN_BUILD_DIR=<dir>          a CMake build directory of this source tree (default: ../build)
The extension is linked with an RPATH to that lib directory; libarmnn finds its plugin directory (lib/armnn/backends)
next to itself at run time, and ARMNN_DYNAMIC_BACKEND_PATHS adds more. Needs swig (4.x) and the Python headers."""
import glob
import os
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(HERE)


def _locations():
    prefix = os.environ.get("ARMNN_INSTALL_PREFIX")
    if prefix:
        libdir = next((d for d in (os.path.join(prefix, "lib"), os.path.join(prefix, "lib64"))
                       if glob.glob(os.path.join(d, "libarmnn.so*"))), os.path.join(prefix, "lib"))
        return [os.path.join(prefix, "include")], libdir
    build = os.path.abspath(os.environ.get("ARMNN_BUILD_DIR", os.path.join(SOURCE_DIR, "build")))
    includes = [os.path.join(SOURCE_DIR, "armnn", "include"), os.path.join(SOURCE_DIR, "parsers", "tflite", "include"),
                os.path.join(SOURCE_DIR, "parsers", "onnx", "include")]
    return includes, os.path.join(build, "lib")


INCLUDES, LIBDIR = _locations()
if not glob.glob(os.path.join(LIBDIR, "libarmnn.so*")):
    raise SystemExit("pyarmnn: libarmnn.so not found in {} (build the project first, or set ARMNN_BUILD_DIR or "
                     "ARMNN_INSTALL_PREFIX)".format(LIBDIR))

DEFINES, LIBS = [], ["armnn"]
if glob.glob(os.path.join(LIBDIR, "libarmnnTfLiteParser.so*")):
    DEFINES.append("PYARMNN_TFLITE_PARSER")
    LIBS.append("armnnTfLiteParser")
if glob.glob(os.path.join(LIBDIR, "libarmnnOnnxParser.so*")):
    DEFINES.append("PYARMNN_ONNX_PARSER")
    LIBS.append("armnnOnnxParser")


class BuildSwig(build_ext):
    """Runs SWIG (the wrapper C++ and pyarmnn/armnn_swig.py) before compiling."""

    def run(self):
        swig = shutil.which("swig4.0") or shutil.which("swig")
        if swig is None:
            raise SystemExit("pyarmnn: swig not found (apt-get install swig)")
        os.makedirs(self.build_temp, exist_ok=True)
        wrapper = os.path.join(self.build_temp, "pyarmnn_wrap.cxx")
        package_out = os.path.join(self.build_lib, "pyarmnn")
        os.makedirs(package_out, exist_ok=True)
        subprocess.check_call([swig, "-c++", "-python", "-outdir", package_out, "-o", wrapper] +
                              ["-D" + d for d in DEFINES] + ["-I" + i for i in INCLUDES] +
                              [os.path.join(HERE, "src", "pyarmnn.i")])
        for ext in self.extensions:
            ext.sources = [wrapper]
        super().run()


setup(
    name="pyarmnn",
    version="35.0.0",
    description="Python bindings of the armnn inference library (PyArmNN-compatible) with a two-line Model API",
    packages=["pyarmnn"],
    package_dir={"pyarmnn": "pyarmnn"},
    ext_modules=[Extension("pyarmnn._armnn_swig", sources=["src/pyarmnn.i"], language="c++",
                           include_dirs=INCLUDES, define_macros=[(d, None) for d in DEFINES],
                           library_dirs=[LIBDIR], libraries=LIBS, runtime_library_dirs=[LIBDIR],
                           extra_compile_args=["-std=c++17", "-O2"])],
    cmdclass={"build_ext": BuildSwig},
    install_requires=["numpy"],
    python_requires=">=3.8",
)

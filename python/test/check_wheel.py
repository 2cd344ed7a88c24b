"""`pip install ./python` from the source tree, into a fresh virtual environment, then a real inference with the
installed package from outside the source and build trees. Run by ctest as PythonWheel.

Exit code 77 (skipped) when the interpreter cannot create virtual environments (Debian: python3-venv)."""
import os
import subprocess
import sys
import tempfile
import venv

SOURCE_DIR = os.environ.get("ARMNN_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILD_DIR = os.environ.get("ARMNN_BUILD_DIR", os.path.join(SOURCE_DIR, "build"))

SMOKE = r"""
import os, sys
import numpy as np
import pyarmnn
here = os.path.dirname(pyarmnn.__file__)
assert here.startswith(sys.prefix), "pyarmnn imported from " + here + ", not from the virtual environment"
bundled = sys.argv[1]
model = pyarmnn.Model(os.path.join(bundled, "shapes_classifier.tflite"), backends=["CpuRef"])
scores = model.run(np.load(os.path.join(bundled, "sample_triangle.npy")))[0]
labels = [l.strip() for l in open(os.path.join(bundled, "shapes_labels.txt")) if l.strip()]
print("installed pyarmnn", pyarmnn.GetVersion(), "from", here, "top:", labels[int(np.argmax(scores))])
"""


def main():
    with tempfile.TemporaryDirectory(prefix="pyarmnn-wheel-") as tmp:
        env_dir = os.path.join(tmp, "venv")
        try:
            # System site packages: NumPy comes from the distribution, as it would for a user.
            venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
        except Exception as e:  # ensurepip missing (Debian without python3-venv)
            print("skipped: cannot create a virtual environment with pip:", e)
            return 77
        python = os.path.join(env_dir, "bin", "python")
        env = dict(os.environ, ARMNN_BUILD_DIR=BUILD_DIR)
        env.pop("PYTHONPATH", None)
        subprocess.check_call([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                               os.path.join(SOURCE_DIR, "python")], env=env, cwd=tmp)
        out = subprocess.run([python, "-c", SMOKE, os.path.join(SOURCE_DIR, "tests", "models", "bundled")],
                             env=env, cwd=tmp, capture_output=True, text=True)
        sys.stdout.write(out.stdout)
        sys.stderr.write(out.stderr)
        if out.returncode != 0:
            return 1
        # The bundled sample is a triangle (tests/models/bundled/README.md).
        return 0 if "top: triangle" in out.stdout else 1


if __name__ == "__main__":
    sys.exit(main())

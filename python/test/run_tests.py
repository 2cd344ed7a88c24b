"""ctest entry: runs the pytest suite against the build tree (PYTHONPATH set by CMake); 77 = skipped when pytest or
NumPy is missing."""
import os
import sys

try:
    import numpy  # noqa: F401
    import pytest
except ImportError as error:
    print("skipped: {} (pip install pytest numpy)".format(error))
    sys.exit(77)

sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", os.path.dirname(os.path.abspath(__file__))]))

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

SOURCE_DIR = os.environ.get("ARMNN_SOURCE_DIR", os.path.abspath(os.path.join(HERE, "..", "..")))
BUILD_DIR = os.environ.get("ARMNN_BUILD_DIR", os.path.join(SOURCE_DIR, "build"))
BUNDLED = os.path.join(SOURCE_DIR, "tests", "models", "bundled")
MODELS_CACHE = os.environ.get("ARMNN_TEST_MODELS", os.path.expanduser("~/.cache/armnn-test-models"))


@pytest.fixture(scope="session")
def bundled_model():
    return os.path.join(BUNDLED, "shapes_classifier.tflite")


@pytest.fixture(scope="session")
def sample_input():
    import numpy as np
    return np.load(os.path.join(BUNDLED, "sample_triangle.npy"))


@pytest.fixture(scope="session")
def labels():
    with open(os.path.join(BUNDLED, "shapes_labels.txt")) as f:
        return [line.strip() for line in f if line.strip()]


@pytest.fixture(scope="session")
def execute_network():
    path = os.path.join(BUILD_DIR, "bin", "ExecuteNetwork")
    if not os.path.exists(path):
        pytest.skip("ExecuteNetwork not built in " + BUILD_DIR)
    return path


@pytest.fixture(scope="session")
def runtime():
    import pyarmnn as ann
    return ann.IRuntime(ann.CreationOptions())


@pytest.fixture(scope="session")
def add_mul_onnx(tmp_path_factory):
    import onnx_writer
    path = str(tmp_path_factory.mktemp("onnx") / "add_mul.onnx")
    w = onnx_writer.add_mul_model(path)
    return path, w


@pytest.fixture(scope="session")
def relu_onnx(tmp_path_factory):
    import onnx_writer
    path = str(tmp_path_factory.mktemp("onnx") / "relu.onnx")
    onnx_writer.relu_model(path)
    return path

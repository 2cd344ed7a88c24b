"""The two-line API (pyarmnn.Model): equality with the C++ runtime, input forms, quantized models, threads, leaks."""
import glob
import os
import subprocess
import sys
import threading

import numpy as np
import pytest

import pyarmnn as ann
from conftest import MODELS_CACHE


def _available(backend):
    runtime = ann._model._default_runtime()
    return backend in [b.Get() for b in runtime.GetDeviceSpec().GetSupportedBackends()]


def test_model_description(bundled_model):
    model = ann.Model(bundled_model, backends=["CpuRef"])
    assert len(model.input_names) == 1 and len(model.output_names) == 1
    assert model.input_shapes == [(1, 32, 32, 3)] or len(model.input_shapes[0]) == 4
    assert model.input_dtypes == [np.dtype(np.float32)]
    assert model.output_shapes[0][-1] == 8  # eight shapes
    assert model.get_input_names() == model.input_names and model.get_output_dtypes() == ["float32"]
    assert model.backends == ["CpuRef"]
    assert "Model(" in repr(model)


@pytest.mark.parametrize("backend", ["CpuRef", "CpuAcc"])
def test_outputs_equal_cpp_execute_network(bundled_model, sample_input, execute_network, tmp_path, backend):
    if not _available(backend):
        pytest.skip(backend + " not available")
    expected_path = str(tmp_path / "out.npy")
    bundled_dir = os.path.dirname(bundled_model)
    subprocess.run([execute_network, "-m", bundled_model, "-c", backend, "-d",
                    os.path.join(bundled_dir, "sample_triangle.npy"), "-w", expected_path, "-N"],
                   check=True, capture_output=True, timeout=120)
    expected = np.load(expected_path)
    model = ann.Model(bundled_model, backends=[backend])
    (output,) = model.run(sample_input)
    assert output.dtype == expected.dtype
    np.testing.assert_array_equal(output.reshape(expected.shape), expected)  # bit-exact: same runtime


def test_input_forms(bundled_model, sample_input):
    model = ann.Model(bundled_model, backends=["CpuRef"])
    (reference,) = model.run(sample_input)
    name = model.input_names[0]
    np.testing.assert_array_equal(model.run([sample_input])[0], reference)
    np.testing.assert_array_equal(model.run({name: sample_input})[0], reference)
    np.testing.assert_array_equal(model.run(sample_input.reshape(-1))[0], reference)  # same element count
    np.testing.assert_array_equal(model.run(sample_input.astype(np.float64))[0], reference)  # cast
    fortran = np.asfortranarray(sample_input.reshape(model.input_shapes[0]))
    np.testing.assert_array_equal(model.run(fortran)[0], reference)  # copied to C order
    # Outputs are fresh arrays: a later run does not overwrite an earlier result.
    first = model.run(sample_input)[0]
    model.run(np.zeros_like(sample_input))
    np.testing.assert_array_equal(first, reference)


def test_input_errors(bundled_model, sample_input):
    model = ann.Model(bundled_model, backends=["CpuRef"])
    with pytest.raises(ValueError, match="shape"):
        model.run(np.zeros((1, 5), np.float32))
    with pytest.raises(KeyError, match="nope"):
        model.run({"nope": sample_input})
    with pytest.raises(ValueError, match="1 input"):
        model.run([sample_input, sample_input])
    with pytest.raises(ValueError, match="unknown model format"):
        ann.Model(__file__)
    with pytest.raises(ann.FileNotFoundError):
        ann.Model("/nonexistent.tflite")
    with pytest.raises(ann.InvalidArgumentError, match="none of the backends"):
        ann.Model(bundled_model, backends=["NoSuchBackend"])


def test_onnx_model(add_mul_onnx):
    path, w = add_mul_onnx
    model = ann.Model(path, backends=["CpuAcc", "CpuRef"])
    assert model.input_names == ["a", "b"]  # the initializer w listed among the graph inputs is excluded
    assert model.output_names == ["sum", "prod"]
    assert model.input_shapes == [(1, 4), (1, 4)] and model.output_dtypes == [np.dtype(np.float32)] * 2
    a = np.array([[1, 2, 3, 4]], np.float32)
    b = np.array([[10, 20, 30, 40]], np.float32)
    total, product = model.run({"b": b, "a": a})
    np.testing.assert_array_equal(total, a + b)
    np.testing.assert_allclose(product, a * np.array(w, np.float32))
    total2, _ = model.run([a, b])
    np.testing.assert_array_equal(total2, total)


def _quantized_model():
    for name in ("relu.int8.tflite", "relu.uint8.tflite", "add.int8.tflite"):
        path = os.path.join(MODELS_CACHE, name)
        if os.path.exists(path):
            return path
    candidates = sorted(glob.glob(os.path.join(MODELS_CACHE, "*int8.tflite")))
    if not candidates:
        pytest.skip("no quantized test model (scripts/test.sh --models generates them)")
    return candidates[0]


def test_quantized_float_io():
    path = _quantized_model()
    raw = ann.Model(path, backends=["CpuRef"])
    floats = ann.Model(path, backends=["CpuRef"], float_io=True)
    assert raw.input_dtypes[0].kind in "iu" and floats.input_dtypes[0] == np.float32
    scale, offset = raw._in_quant[0]
    rng = np.random.default_rng(0)
    x = [rng.uniform(-1, 1, size=s).astype(np.float32) for s in raw.input_shapes]
    q = [ann.quantize(v, *raw._in_quant[i], raw._in_dtypes[i]) for i, v in enumerate(x)]
    raw_out = raw.run(q)
    float_out = floats.run(x)
    for i, (r, f) in enumerate(zip(raw_out, float_out)):
        assert f.dtype == np.float32
        np.testing.assert_array_equal(f, ann.dequantize(r, *raw._out_quant[i]))
    with pytest.raises(TypeError, match="float_io"):
        raw.run(x)


def test_threads_give_same_results(bundled_model, sample_input):
    model = ann.Model(bundled_model, backends=["CpuRef"])
    rng = np.random.default_rng(1)
    inputs = [rng.uniform(0, 1, size=model.input_shapes[0]).astype(np.float32) for _ in range(8)]
    expected = [model.run(x)[0] for x in inputs]
    errors = []

    def worker(seed):
        try:
            for k in range(20):
                i = (seed + k) % len(inputs)
                np.testing.assert_array_equal(model.run(inputs[i])[0], expected[i])
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def _slow_network(runtime):
    """A chain of large fully connected layers on CpuRef: one inference takes tens of milliseconds."""
    network = ann.INetwork()
    size = 1024
    previous = network.AddInputLayer(0, "x")
    info = ann.TensorInfo(ann.TensorShape((1, size)), ann.DataType_Float32)
    previous.GetOutputSlot(0).SetTensorInfo(info)
    w_info = ann.TensorInfo(ann.TensorShape((size, size)), ann.DataType_Float32, 0.0, 0, True)
    weights = np.full((size, size), 1.0 / size, np.float32)
    for i in range(12):
        desc = ann.FullyConnectedDescriptor()
        fc = network.AddFullyConnectedLayer(desc, "fc{}".format(i))
        w = network.AddConstantLayer(ann.ConstTensor(w_info, weights), "w{}".format(i))
        w.GetOutputSlot(0).SetTensorInfo(w_info)
        previous.GetOutputSlot(0).Connect(fc.GetInputSlot(0))
        w.GetOutputSlot(0).Connect(fc.GetInputSlot(1))
        fc.GetOutputSlot(0).SetTensorInfo(info)
        previous = fc
    previous.GetOutputSlot(0).Connect(network.AddOutputLayer(0, "y").GetInputSlot(0))
    opt, _ = ann.Optimize(network, ["CpuRef"], runtime.GetDeviceSpec())
    net_id, _ = runtime.LoadNetwork(opt)
    return net_id, size


@pytest.mark.parametrize("entry", ["EnqueueWorkload", "Model.run"])
def test_gil_released_during_inference(runtime, entry):
    net_id, size = _slow_network(runtime)
    x = np.ones((1, size), np.float32)
    out = np.empty((1, size), np.float32)
    in_info = runtime.GetInputTensorInfo(net_id, 0)
    out_info = runtime.GetOutputTensorInfo(net_id, 0)
    inputs = ann.make_input_tensors([(0, in_info)], [x])
    outputs = ann.make_output_tensors([(0, out_info)])
    inside = threading.Event()
    done = threading.Event()

    def work():
        for _ in range(3):
            inside.set()
            if entry == "EnqueueWorkload":
                runtime.EnqueueWorkload(net_id, inputs, outputs)
            else:
                runtime._EnqueueBuffers(net_id, [0], [x], [0], [out])
            inside.clear()
        done.set()

    old = sys.getswitchinterval()
    sys.setswitchinterval(1.0)  # the worker keeps the GIL unless the inference releases it
    try:
        counted = 0
        thread = threading.Thread(target=work)
        thread.start()
        while not done.is_set():
            if inside.is_set():
                counted += 1
        thread.join()
    finally:
        sys.setswitchinterval(old)
        runtime.UnloadNetwork(net_id)
    assert counted > 1000, "the main thread did not run while the inference ran ({} iterations)".format(counted)


def _rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    pytest.skip("no /proc/self/status")


def test_no_leak_model_run(relu_onnx):
    model = ann.Model(relu_onnx, backends=["CpuRef"])
    x = np.array([[-1, 2, -3, 4]], np.float32)
    for _ in range(1000):
        model.run(x)
    before = _rss_kib()
    for _ in range(10000):
        (y,) = model.run(x)
    after = _rss_kib()
    np.testing.assert_array_equal(y, np.maximum(x, 0))
    assert after - before < 1024, "RSS grew by {} KiB over 10,000 inferences".format(after - before)


def test_no_leak_pyarmnn_path(runtime, relu_onnx):
    parser = ann.IOnnxParser()
    network = parser.CreateNetworkFromBinaryFile(relu_onnx)
    in_binding = parser.GetNetworkInputBindingInfo("x")
    out_binding = parser.GetNetworkOutputBindingInfo("y")
    opt, _ = ann.Optimize(network, ["CpuRef"], runtime.GetDeviceSpec(), ann.OptimizerOptions())
    net_id, _ = runtime.LoadNetwork(opt)
    x = np.array([[-1, 2, -3, 4]], np.float32)

    def once():
        inputs = ann.make_input_tensors([in_binding], [x])
        outputs = ann.make_output_tensors([out_binding])
        runtime.EnqueueWorkload(net_id, inputs, outputs)
        return ann.workload_tensors_to_ndarray(outputs)[0]

    try:
        for _ in range(1000):
            once()
        before = _rss_kib()
        for _ in range(10000):
            y = once()
        after = _rss_kib()
    finally:
        runtime.UnloadNetwork(net_id)
    np.testing.assert_array_equal(y, np.maximum(x, 0))
    assert after - before < 1024, "RSS grew by {} KiB over 10,000 inferences".format(after - before)

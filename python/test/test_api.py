"""The PyArmNN-compatible API: types, descriptors, network building, optimize/load/run, exceptions."""
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

import pyarmnn as ann


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", ann.GetVersion())
    assert ann.ARMNN_VERSION == ann.GetVersion()
    assert ann.GetVersion().startswith(ann.GetMajorVersion() + "." + ann.GetMinorVersion())


def test_tensor_shape():
    shape = ann.TensorShape((1, 2, 3, 4))
    assert len(shape) == 4 and shape.GetNumDimensions() == 4
    assert shape[2] == 3 and tuple(shape) == (1, 2, 3, 4)
    assert shape.GetNumElements() == 24
    assert shape == ann.TensorShape([1, 2, 3, 4]) and not shape == ann.TensorShape([1, 2])
    shape[0] = 5
    assert shape[0] == 5
    with pytest.raises(IndexError):
        shape[4]
    assert "5" in str(shape)


def test_tensor_info():
    info = ann.TensorInfo(ann.TensorShape((2, 3)), ann.DataType_QAsymmU8, 0.5, 10)
    assert tuple(info.GetShape()) == (2, 3)
    assert info.GetDataType() == ann.DataType_QAsymmU8
    assert info.GetQuantizationScale() == 0.5 and info.GetQuantizationOffset() == 10
    assert info.IsQuantized() and not info.IsConstant() and info.GetNumBytes() == 6
    info.SetConstant()
    assert info.IsConstant()
    copy = ann.TensorInfo(info)
    assert copy == info
    per_axis = ann.TensorInfo(ann.TensorShape((2, 3)), ann.DataType_QSymmS8, [0.1, 0.2], 0)
    assert per_axis.HasPerAxisQuantization() and per_axis.GetQuantizationDim() == 0
    assert "QAsymmU8" in str(info)


def test_backend_id_and_device_spec(runtime):
    assert str(ann.BackendId("CpuRef")) == "CpuRef"
    assert ann.BackendId("CpuRef") == ann.BackendId("CpuRef") and ann.BackendId("CpuRef").IsCpuRef()
    names = [b.Get() for b in runtime.GetDeviceSpec().GetSupportedBackends()]
    assert "CpuRef" in names
    assert "CpuRef" in str(runtime.GetDeviceSpec())


def test_descriptors():
    conv = ann.Convolution2dDescriptor()
    conv.m_StrideX, conv.m_StrideY, conv.m_PadLeft, conv.m_BiasEnabled = 2, 2, 1, True
    conv.m_DataLayout = ann.DataLayout_NHWC
    assert (conv.m_StrideX, conv.m_PadLeft, conv.m_BiasEnabled, conv.m_DataLayout) == (2, 1, True, ann.DataLayout_NHWC)
    pool = ann.Pooling2dDescriptor()
    pool.m_PoolType = ann.PoolingAlgorithm_Average
    pool.m_PaddingMethod = ann.PaddingMethod_Exclude
    pool.m_OutputShapeRounding = ann.OutputShapeRounding_Floor
    assert pool.m_PoolType == ann.PoolingAlgorithm_Average
    act = ann.ActivationDescriptor()
    act.m_Function, act.m_A = ann.ActivationFunction_BoundedReLu, 6.0
    assert act.m_A == 6.0
    reshape = ann.ReshapeDescriptor(ann.TensorShape((1, 8)))
    assert tuple(reshape.m_TargetShape) == (1, 8)
    pad = ann.PadDescriptor([(0, 0), (1, 1)], 0.0)
    assert [tuple(p) for p in pad.m_PadList] == [(0, 0), (1, 1)]
    mean = ann.MeanDescriptor([1, 2], True)
    assert list(mean.m_Axis) == [1, 2] and mean.m_KeepDims
    permute = ann.PermuteDescriptor(ann.PermutationVector((0, 2, 3, 1)))
    assert list(permute.m_DimMappings) == [0, 2, 3, 1]
    concat = ann.CreateDescriptorForConcatenation([ann.TensorShape((1, 2)), ann.TensorShape((1, 3))], 1)
    assert isinstance(concat, ann.ConcatDescriptor)
    assert concat.GetNumViews() == 2 and list(concat.GetViewOrigin(1)) == [0, 2]
    splitter = ann.SplitterDescriptor(2, 2)
    splitter.SetViewSize(0, 1, 3)
    assert list(splitter.GetViewSizes(0)) == [0, 3]
    strided = ann.StridedSliceDescriptor()
    strided.m_Begin, strided.m_End, strided.m_Stride = [0, 0], [1, 2], [1, 1]
    assert list(strided.m_End) == [1, 2]
    assert ann.SoftmaxDescriptor().m_Beta == 1.0
    assert ann.ElementwiseBinaryDescriptor(ann.BinaryOperation_Mul).m_Operation == ann.BinaryOperation_Mul


def _fc_network():
    """input [1,4] -> ReLu -> FullyConnected (constant weights [3,4], bias) -> + input2 [1,3] -> output."""
    network = ann.INetwork()
    x = network.AddInputLayer(0, "x")
    y = network.AddInputLayer(1, "y")
    relu = network.AddActivationLayer(ann.ActivationDescriptor(ann.ActivationFunction_ReLu), "relu")
    fc_desc = ann.FullyConnectedDescriptor()
    fc_desc.m_BiasEnabled = True
    fc_desc.m_ConstantWeights = True
    fc_desc.m_TransposeWeightMatrix = True  # weights given as [outputs, inputs]
    fc = network.AddFullyConnectedLayer(fc_desc, "fc")
    weights = np.arange(12, dtype=np.float32).reshape(3, 4) / 10
    bias = np.array([1, 2, 3], dtype=np.float32)
    w_info = ann.TensorInfo(ann.TensorShape((3, 4)), ann.DataType_Float32, 0.0, 0, True)
    b_info = ann.TensorInfo(ann.TensorShape((3,)), ann.DataType_Float32, 0.0, 0, True)
    w_layer = network.AddConstantLayer(ann.ConstTensor(w_info, weights), "w")
    b_layer = network.AddConstantLayer(ann.ConstTensor(b_info, bias), "b")
    add = network.AddElementwiseBinaryLayer(ann.ElementwiseBinaryDescriptor(ann.BinaryOperation_Add), "add")
    out = network.AddOutputLayer(0, "out")

    x.GetOutputSlot(0).Connect(relu.GetInputSlot(0))
    relu.GetOutputSlot(0).Connect(fc.GetInputSlot(0))
    w_layer.GetOutputSlot(0).Connect(fc.GetInputSlot(1))
    b_layer.GetOutputSlot(0).Connect(fc.GetInputSlot(2))
    fc.GetOutputSlot(0).Connect(add.GetInputSlot(0))
    y.GetOutputSlot(0).Connect(add.GetInputSlot(1))
    add.GetOutputSlot(0).Connect(out.GetInputSlot(0))

    info4 = ann.TensorInfo(ann.TensorShape((1, 4)), ann.DataType_Float32)
    info3 = ann.TensorInfo(ann.TensorShape((1, 3)), ann.DataType_Float32)
    x.GetOutputSlot(0).SetTensorInfo(info4)
    relu.GetOutputSlot(0).SetTensorInfo(info4)
    w_layer.GetOutputSlot(0).SetTensorInfo(w_info)
    b_layer.GetOutputSlot(0).SetTensorInfo(b_info)
    fc.GetOutputSlot(0).SetTensorInfo(info3)
    y.GetOutputSlot(0).SetTensorInfo(info3)
    add.GetOutputSlot(0).SetTensorInfo(info3)
    assert relu.GetName() == "relu" and fc.GetNumInputSlots() == 3 and add.GetNumOutputSlots() == 1
    assert x.GetOutputSlot(0).GetNumConnections() == 1
    assert fc.GetType() == ann.LayerType_FullyConnected
    return network, weights, bias


@pytest.mark.parametrize("backend", ["CpuRef", "CpuAcc"])
def test_network_built_by_hand(runtime, backend):
    if backend not in [b.Get() for b in runtime.GetDeviceSpec().GetSupportedBackends()]:
        pytest.skip(backend + " not available")
    network, weights, bias = _fc_network()
    options = ann.OptimizerOptions()
    options.m_ReduceFp32ToFp16 = False
    opt_network, messages = ann.Optimize(network, [backend, "CpuRef"], runtime.GetDeviceSpec(), options)
    assert isinstance(opt_network, ann.IOptimizedNetwork) and isinstance(messages, list)
    assert "digraph" in opt_network.SerializeToDot()
    net_id, _ = runtime.LoadNetwork(opt_network)
    try:
        x = np.array([[-1, 2, -3, 4]], dtype=np.float32)
        y = np.array([[10, 20, 30]], dtype=np.float32)
        in_infos = [(0, runtime.GetInputTensorInfo(net_id, 0)), (1, runtime.GetInputTensorInfo(net_id, 1))]
        out_infos = [(0, runtime.GetOutputTensorInfo(net_id, 0))]
        inputs = ann.make_input_tensors(in_infos, [x, y])
        outputs = ann.make_output_tensors(out_infos)
        runtime.EnqueueWorkload(net_id, inputs, outputs)
        result = ann.workload_tensors_to_ndarray(outputs)[0]
        expected = np.maximum(x, 0) @ weights.T + bias + y
        np.testing.assert_allclose(result, expected, rtol=1e-5)
    finally:
        runtime.UnloadNetwork(net_id)


def test_tensors_and_zero_copy():
    info = ann.TensorInfo(ann.TensorShape((2, 2)), ann.DataType_Float32, 0.0, 0, True)
    data = np.ones((2, 2), dtype=np.float32)
    tensor = ann.ConstTensor(info, data)
    assert tensor.get_memory_area() is data  # contiguous, aligned, right dtype: no copy
    assert tensor._address() == data.ctypes.data
    strided = np.ones((2, 4), dtype=np.float32)[:, ::2]
    copied = ann.ConstTensor(info, strided)
    assert copied.get_memory_area() is not strided and copied.get_memory_area().flags.c_contiguous
    out = ann.Tensor(ann.TensorInfo(ann.TensorShape((2, 3)), ann.DataType_QAsymmS8, 1.0, 0))
    assert out.get_memory_area().dtype == np.int8 and out.get_memory_area().shape == (2, 3)
    assert out.GetNumBytes() == 6 and out._address() == out.get_memory_area().ctypes.data
    assert ann.ConstTensor(out).GetInfo().IsConstant()
    assert tuple(ann.Tensor(out).GetShape()) == (2, 3)
    with pytest.raises(ValueError, match="must be set to constant"):
        ann.ConstTensor(ann.TensorInfo(ann.TensorShape((2, 2)), ann.DataType_Float32), data)
    with pytest.raises(TypeError, match="dtype"):
        ann.ConstTensor(info, data.astype(np.float64))
    with pytest.raises(ValueError, match="elements"):
        ann.ConstTensor(info, np.ones(3, dtype=np.float32))


def test_quantize_helpers():
    q = ann.quantize(np.array([0.0, 1.0, 100.0]), 0.5, 10, np.uint8)
    assert q.dtype == np.uint8 and list(q) == [10, 12, 210]
    assert list(ann.quantize(np.array([0.25, -0.25, 1000.0]), 0.5, 0, np.int8)) == [1, -1, 127]
    np.testing.assert_allclose(ann.dequantize(q, 0.5, 10), [0.0, 1.0, 100.0])


# ---- exceptions carry the library's message ----

def test_exception_missing_file():
    parser = ann.ITfLiteParser()
    with pytest.raises(ann.FileNotFoundError) as error:
        parser.CreateNetworkFromBinaryFile("/nonexistent/model.tflite")
    assert isinstance(error.value, RuntimeError) and isinstance(error.value, ann.ArmnnError)
    assert "/nonexistent/model.tflite" in str(error.value)


def test_exception_parse_error(tmp_path):
    bad = tmp_path / "bad.tflite"
    bad.write_bytes(b"this is not a flatbuffer at all")
    with pytest.raises(ann.ParseError) as error:
        ann.ITfLiteParser().CreateNetworkFromBinaryFile(str(bad))
    assert isinstance(error.value, RuntimeError) and str(error.value)
    with pytest.raises(ann.ParseError):
        ann.IOnnxParser().CreateNetworkFromBinaryFile(str(bad))


def test_exception_unknown_binding(bundled_model):
    parser = ann.ITfLiteParser()
    parser.CreateNetworkFromBinaryFile(bundled_model)
    with pytest.raises(RuntimeError, match="no_such_tensor"):
        parser.GetNetworkInputBindingInfo(0, "no_such_tensor")


def test_exception_invalid_argument(runtime):
    with pytest.raises(ann.InvalidArgumentError) as error:
        runtime.GetInputTensorInfo(12345, 0)
    assert isinstance(error.value, ValueError) and isinstance(error.value, RuntimeError)
    assert str(error.value)
    with pytest.raises(ann.InvalidArgumentError, match="12345"):
        runtime.UnloadNetwork(12345)


def test_exception_optimize_no_backend(runtime):
    network, _, _ = _fc_network()
    with pytest.raises(RuntimeError) as error:
        ann.Optimize(network, ["NoSuchBackend"], runtime.GetDeviceSpec())
    assert "NoSuchBackend" in str(error.value) or "backend" in str(error.value).lower()


def test_exception_wrong_buffer_size_and_reload(runtime):
    network, _, _ = _fc_network()
    opt_network, _ = ann.Optimize(network, ["CpuRef"], runtime.GetDeviceSpec())
    net_id, _ = runtime.LoadNetwork(opt_network)
    try:
        with pytest.raises(RuntimeError, match="not been loaded"):
            runtime.LoadNetwork(opt_network)  # the runtime owns it now
        info0 = runtime.GetInputTensorInfo(net_id, 0)
        info0.SetConstant()
        small = ann.TensorInfo(ann.TensorShape((1, 2)), ann.DataType_Float32, 0.0, 0, True)
        inputs = [(0, ann.ConstTensor(small, np.zeros((1, 2), np.float32))),
                  (1, ann.ConstTensor(info0, np.zeros((1, 4), np.float32)))]
        outputs = ann.make_output_tensors([(0, runtime.GetOutputTensorInfo(net_id, 0))])
        with pytest.raises(ann.InvalidArgumentError) as error:
            runtime.EnqueueWorkload(net_id, inputs, outputs)
        assert str(error.value)
        with pytest.raises(ann.InvalidArgumentError, match="input binding 0"):
            runtime._EnqueueBuffers(net_id, [0, 1], [np.zeros(3, np.float32), np.zeros(3, np.float32)],
                                    [0], [np.zeros(3, np.float32)])
    finally:
        runtime.UnloadNetwork(net_id)


def test_profiler(runtime, bundled_model, sample_input):
    model = ann.Model(bundled_model, backends=["CpuRef"], profiling=True, runtime=runtime)
    model.run(sample_input)
    profile = json.loads(model.profile_json())
    assert "ArmNN" in profile
    assert "Workload_Execute" in json.dumps(profile)
    profiler = runtime.GetProfiler(model._net_id)
    assert profiler.IsProfilingEnabled()
    assert isinstance(profiler.event_summary(), str)
    plain = ann.Model(bundled_model, backends=["CpuRef"], runtime=runtime)
    with pytest.raises(RuntimeError, match="profiling=True"):
        plain.profile_json()


def test_pyarmnn_program_runs_unchanged(bundled_model, sample_input):
    here = os.path.dirname(os.path.abspath(__file__))
    bundled_dir = os.path.dirname(bundled_model)
    result = subprocess.run([sys.executable, os.path.join(here, "pyarmnn_style_program.py"), bundled_model,
                             os.path.join(bundled_dir, "sample_triangle.npy"), "CpuRef"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    expected = int(np.argmax(ann.Model(bundled_model, backends=["CpuRef"]).run(sample_input)[0]))
    assert "top: {}".format(expected) in result.stdout
    assert "Loaded network, id=" in result.stdout


def test_backend_options_values_and_errors():
    values = {"b": True, "i": -3, "u": 3000000000, "f": 0.5, "s": "fast"}
    group = ann.BackendOptions(ann.BackendId("CpuAcc"))
    for name, value in values.items():
        group.AddOption(ann.BackendOption(name, value))
    assert group.BackendId() == ann.BackendId("CpuAcc") and group.GetBackendId() == ann.BackendId("CpuAcc")
    assert group.GetOptionCount() == len(values) == len(group)
    assert [o.GetName() for o in group] == list(values) and group[1].GetValue() == -3
    with pytest.raises(IndexError):
        group[len(values)]
    read = {group.GetOption(i).GetName(): group.GetOption(i).GetValue() for i in range(group.GetOptionCount())}
    assert read == values and isinstance(read["b"], bool)
    with pytest.raises(ann.InvalidArgumentError, match="BackendOption 'x'.*bool, int, float or str"):
        ann.BackendOption("x", [1])
    with pytest.raises(ann.InvalidArgumentError, match="does not fit 32 bits"):
        ann.BackendOption("big", 1 << 40)


def test_backend_options_reach_the_library(bundled_model, sample_input):
    options = ann.OptimizerOptions()
    group = ann.BackendOptions(ann.BackendId("CpuAcc"))
    group.AddOption(ann.BackendOption("NumberOfThreads", 1))
    options.m_ModelOptions = [group]
    # OptimizerOptions::ToString is C++: the option made the trip.
    text = str(options)
    assert "Backend: CpuAcc" in text and "Option: NumberOfThreads" in text and "Value: 1" in text

    creation = ann.CreationOptions()
    creation.m_BackendOptions = [group]
    assert creation.m_BackendOptions[0].GetOption(0).GetName() == "NumberOfThreads"
    runtime = ann.IRuntime(creation)
    backends = [b.Get() for b in runtime.GetDeviceSpec().GetSupportedBackends()]
    expected = ann.Model(bundled_model, backends=["CpuRef"], runtime=runtime).run(sample_input)[0]
    if "CpuAcc" in backends:
        model = ann.Model(bundled_model, backends=["CpuAcc", "CpuRef"], runtime=runtime,
                          backend_options={"CpuAcc": {"NumberOfThreads": 1}})
        np.testing.assert_allclose(model.run(sample_input)[0], expected, rtol=1e-4, atol=1e-6)


def test_get_profiling_data(runtime, bundled_model, sample_input):
    model = ann.Model(bundled_model, backends=["CpuRef"], profiling=True, runtime=runtime)
    for _ in range(3):
        model.run(sample_input)
    data = ann.get_profiling_data(runtime.GetProfiler(model._net_id))
    assert data.inference_data["time_unit"] == "us"
    assert len(data.inference_data["execution_time"]) == 3
    workloads = data.per_workload_execution_data
    assert workloads, "no workload events"
    for key, entry in workloads.items():
        assert "Workload_Execute_#" in key
        assert entry["backend"] == "CpuRef" and len(entry["execution_time"]) == 3
    # Each workload's time is part of its inference's time.
    total = [sum(e["execution_time"][i] for e in workloads.values()) for i in range(3)]
    assert all(t <= w + 1.0 for t, w in zip(total, data.inference_data["execution_time"]))
    assert ann.get_profiling_data(model.profile_json(), backends=["CpuAcc"]).per_workload_execution_data == {}


def test_image_classification_sample(bundled_model):
    sample = os.path.join(os.path.dirname(bundled_model), "..", "..", "..", "samples", "python",
                          "image_classification.py")
    result = subprocess.run([sys.executable, sample], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines() if line.strip()]
    ranked = [fields for fields in lines if len(fields) >= 3 and fields[0].isdigit()]
    assert len(ranked) == 5, result.stdout
    assert ranked[0][1] == "triangle" and float(ranked[0][-1]) > 0.5


def test_unidirectional_sequence_lstm(runtime):
    # One unit, one step, all four gates (RecurrentLayerTests.cpp's OneStepReLu): with x = 1, h = 1, c = 2 every
    # sigmoid gate sees 0 (0.5) and the cell gate relu(2) = 2, so c = 0.5 * 2 + 0.5 * 2 = 2, h = 0.5 * relu(2) = 1.
    desc = ann.UnidirectionalSequenceLstmDescriptor()
    desc.m_ActivationFunc = 1
    desc.m_CifgEnabled = False
    params = ann.LstmInputParams()
    values = dict(m_InputToInputWeights=1.0, m_InputToForgetWeights=2.0, m_InputToCellWeights=1.0,
                  m_InputToOutputWeights=0.0, m_RecurrentToInputWeights=-1.0, m_RecurrentToForgetWeights=-1.0,
                  m_RecurrentToCellWeights=0.5, m_RecurrentToOutputWeights=1.0, m_InputGateBias=0.0,
                  m_ForgetGateBias=-1.0, m_CellBias=0.5, m_OutputGateBias=-1.0)
    for name, value in values.items():
        shape = (1,) if name.endswith("Bias") else (1, 1)
        info = ann.TensorInfo(ann.TensorShape(shape), ann.DataType_Float32, 0.0, 0, True)
        # Assigned inline: LstmInputParams keeps the ConstTensor alive.
        setattr(params, name, ann.ConstTensor(info, np.full(shape, value, dtype=np.float32)))
    network = ann.INetwork()
    lstm = network.AddUnidirectionalSequenceLstmLayer(desc, params, "lstm")
    for slot, shape in enumerate(((1, 1, 1), (1, 1), (1, 1))):
        source = network.AddInputLayer(slot)
        source.GetOutputSlot(0).SetTensorInfo(ann.TensorInfo(ann.TensorShape(shape), ann.DataType_Float32))
        source.GetOutputSlot(0).Connect(lstm.GetInputSlot(slot))
    for slot, shape in enumerate(((1, 1), (1, 1), (1, 1, 1))):
        lstm.GetOutputSlot(slot).SetTensorInfo(ann.TensorInfo(ann.TensorShape(shape), ann.DataType_Float32))
        lstm.GetOutputSlot(slot).Connect(network.AddOutputLayer(slot).GetInputSlot(0))
    opt_network, _ = ann.Optimize(network, ["CpuRef"], runtime.GetDeviceSpec())
    net_id, _ = runtime.LoadNetwork(opt_network)
    try:
        data = [np.ones((1, 1, 1), np.float32), np.ones((1, 1), np.float32), np.full((1, 1), 2.0, np.float32)]
        inputs = ann.make_input_tensors([(i, runtime.GetInputTensorInfo(net_id, i)) for i in range(3)], data)
        outputs = ann.make_output_tensors([(i, runtime.GetOutputTensorInfo(net_id, i)) for i in range(3)])
        runtime.EnqueueWorkload(net_id, inputs, outputs)
        h, c, sequence = ann.workload_tensors_to_ndarray(outputs)
        np.testing.assert_allclose(h.ravel(), [1.0])
        np.testing.assert_allclose(c.ravel(), [2.0])
        np.testing.assert_allclose(sequence.ravel(), [1.0])
    finally:
        runtime.UnloadNetwork(net_id)
    # A descriptor without CIFG needs the input gate's weights.
    params.m_InputGateBias = None
    with pytest.raises(ann.InvalidArgumentError, match="missing input gate bias"):
        network.AddUnidirectionalSequenceLstmLayer(desc, params, "lstm2")

"""The two-line API: m = pyarmnn.Model("model.tflite"); y = m.run(x)."""
import os
import threading

import numpy as np

from . import armnn_swig as _swig
from ._tensor import numpy_dtype, quantize, dequantize

_runtime_lock = threading.Lock()
_shared_runtime = None


def _default_runtime():
    """One runtime per process, shared by the Models that do not bring their own (plugins load once)."""
    global _shared_runtime
    with _runtime_lock:
        if _shared_runtime is None:
            _shared_runtime = _swig.IRuntime(_swig.CreationOptions())
        return _shared_runtime


def _backend_options(options):
    """[BackendOptions] from {backend name: {option name: value}}."""
    groups = []
    for backend, values in (options or {}).items():
        group = _swig.BackendOptions(_swig.BackendId(str(backend)))
        for name, value in values.items():
            group.AddOption(_swig.BackendOption(str(name), value))
        groups.append(group)
    return groups


class Model:
    """A model loaded and ready to run.

    Model(path, backends=["CpuAcc", "CpuRef"], float_io=False, profiling=False, input_shapes=None, runtime=None,
          backend_options=None)

    path: a .tflite or .onnx file. backends: preference order; unavailable ones are skipped. float_io: quantized
    inputs accept float arrays (quantized with the input's scale and offset) and quantized outputs are returned
    dequantized to float32. profiling: record per-layer timings for profile_json(). input_shapes: for ONNX models
    with dynamic dimensions, {input name: shape}. backend_options: per-backend options of this network (Optimize's
    model options), e.g. {"CpuAcc": {"NumberOfThreads": 1}}.

    run() is thread-safe: several Python threads may run one Model at once (the GIL is released while it runs).
    """

    def __init__(self, path, backends=("CpuAcc", "CpuRef"), float_io=False, profiling=False, input_shapes=None,
                 runtime=None, backend_options=None):
        path = os.fspath(path)
        self._runtime = runtime if runtime is not None else _default_runtime()
        self._net_id = None
        self._float_io = bool(float_io)
        extension = os.path.splitext(path)[1].lower()
        if not os.path.isfile(path):
            raise _swig.FileNotFoundError("Model: cannot open '{}'".format(path))
        if extension == ".tflite":
            parser = _swig.ITfLiteParser()
            network = parser.CreateNetworkFromBinaryFile(path)
            self._input_names = list(parser.GetSubgraphInputTensorNames(0))
            self._output_names = list(parser.GetSubgraphOutputTensorNames(0))
            inputs = [parser.GetNetworkInputBindingInfo(0, n) for n in self._input_names]
            outputs = [parser.GetNetworkOutputBindingInfo(0, n) for n in self._output_names]
        elif extension == ".onnx":
            from ._onnx_io import graph_io_names
            parser = _swig.IOnnxParser()
            if input_shapes:
                shapes = _swig.TensorShapeMap()
                for name, shape in input_shapes.items():
                    shapes[name] = _swig.TensorShape([int(d) for d in shape])
                network = parser.CreateNetworkFromBinaryFile(path, shapes)
            else:
                network = parser.CreateNetworkFromBinaryFile(path)
            self._input_names, self._output_names = graph_io_names(path)
            inputs = [parser.GetNetworkInputBindingInfo(n) for n in self._input_names]
            outputs = [parser.GetNetworkOutputBindingInfo(n) for n in self._output_names]
        else:
            raise ValueError("Model: unknown model format '{}' (expected .tflite or .onnx)".format(extension))

        # Optimize skips (and reports) the backends that are not loaded; listing every backend first would ask each
        # whether it is available, which opens OpenCL for GpuAcc even when it is not wanted.
        options = _swig.OptimizerOptions()
        options.m_ModelOptions = _backend_options(backend_options)
        try:
            optimized, self._messages = _swig._Optimize(network, [_swig.BackendId(str(b)) for b in backends],
                                                        self._runtime.GetDeviceSpec(), options)
        except _swig.InvalidArgumentError as error:
            if "None of the preferred backends" not in str(error):
                raise
            raise _swig.InvalidArgumentError("Model: none of the backends {} is available: {}".format(
                list(backends), error)) from None
        skipped = {m.split("requested backend ", 1)[1].split(" ", 1)[0] for m in self._messages
                   if "requested backend " in m and m.endswith(" is not loaded")}
        self._backends = [str(b) for b in backends if str(b) not in skipped]
        properties = _swig.INetworkProperties(False, _swig.MemorySource_Undefined, _swig.MemorySource_Undefined,
                                              bool(profiling))
        self._net_id, _ = self._runtime.LoadNetwork(optimized, properties)
        self._profiling = bool(profiling)

        self._in_ids = [int(b) for b, _ in inputs]
        self._out_ids = [int(b) for b, _ in outputs]
        self._in_infos = [info for _, info in inputs]
        self._out_infos = [info for _, info in outputs]
        self._in_shapes = [tuple(info.GetShape()) for info in self._in_infos]
        self._out_shapes = [tuple(info.GetShape()) for info in self._out_infos]
        self._in_dtypes = [numpy_dtype(info.GetDataType()) for info in self._in_infos]
        self._out_dtypes = [numpy_dtype(info.GetDataType()) for info in self._out_infos]
        self._in_quant = [(info.GetQuantizationScale(), info.GetQuantizationOffset())
                          if info.IsQuantized() and not info.HasPerAxisQuantization() else None
                          for info in self._in_infos]
        self._out_quant = [(info.GetQuantizationScale(), info.GetQuantizationOffset())
                           if info.IsQuantized() and not info.HasPerAxisQuantization() else None
                           for info in self._out_infos]

    # ---- description ----
    @property
    def input_names(self):
        return list(self._input_names)

    @property
    def output_names(self):
        return list(self._output_names)

    @property
    def input_shapes(self):
        return list(self._in_shapes)

    @property
    def output_shapes(self):
        return list(self._out_shapes)

    @property
    def input_dtypes(self):
        """The dtypes run() takes: float32 for quantized inputs when float_io is on."""
        return [np.dtype(np.float32) if self._float_io and q else d for d, q in zip(self._in_dtypes, self._in_quant)]

    @property
    def output_dtypes(self):
        return [np.dtype(np.float32) if self._float_io and q else d
                for d, q in zip(self._out_dtypes, self._out_quant)]

    @property
    def backends(self):
        """The preferred backends that were available when the model was loaded."""
        return list(self._backends)

    # DLR-style accessors
    def get_input_names(self):
        return self.input_names

    def get_output_names(self):
        return self.output_names

    def get_input_dtypes(self):
        return [str(d) for d in self.input_dtypes]

    def get_output_dtypes(self):
        return [str(d) for d in self.output_dtypes]

    # ---- running ----
    def _prepare_input(self, index, value):
        name, shape, dtype = self._input_names[index], self._in_shapes[index], self._in_dtypes[index]
        array = np.asarray(value)
        quant = self._in_quant[index]
        if self._float_io and quant is not None and array.dtype.kind == "f":
            array = quantize(array, quant[0], quant[1], dtype)
        elif array.dtype != dtype:
            if array.dtype.kind == "f" and dtype.kind in "iu":
                raise TypeError("input '{}': a {} array for a {} tensor; pass {} values, or float_io=True for "
                                "quantized models".format(name, array.dtype, dtype, dtype))
            array = array.astype(dtype)
        if array.shape != shape:
            if array.size != int(np.prod(shape, dtype=np.int64)):
                raise ValueError("input '{}': shape {} does not match the model's {}".format(
                    name, array.shape, shape))
            array = array.reshape(shape)
        # No copy when the array is already C-contiguous and aligned.
        return np.require(array, requirements=("C_CONTIGUOUS", "ALIGNED"))

    def run(self, inputs):
        """Runs one inference. inputs: one array (single-input models), a list in input order, or a dict by input
        name. Returns the outputs as a list of NumPy arrays, in output order."""
        count = len(self._in_ids)
        if isinstance(inputs, dict):
            unknown = set(inputs) - set(self._input_names)
            if unknown:
                raise KeyError("unknown input name(s) {}; the model's inputs are {}".format(
                    sorted(unknown), self._input_names))
            missing = [n for n in self._input_names if n not in inputs]
            if missing:
                raise KeyError("missing input(s) {}".format(missing))
            values = [inputs[n] for n in self._input_names]
        elif isinstance(inputs, (list, tuple)):
            values = list(inputs)
        else:
            values = [inputs]
        if len(values) != count:
            raise ValueError("the model has {} input(s) {}, {} given".format(count, self._input_names, len(values)))
        arrays = [self._prepare_input(i, v) for i, v in enumerate(values)]
        outputs = [np.empty(s, dtype=d) for s, d in zip(self._out_shapes, self._out_dtypes)]
        self._runtime._EnqueueBuffers(self._net_id, self._in_ids, arrays, self._out_ids, outputs)
        if self._float_io:
            outputs = [dequantize(o, q[0], q[1]) if q else o for o, q in zip(outputs, self._out_quant)]
        return outputs

    # ---- profiling ----
    def profile_json(self):
        """The profiler's JSON (Arm NN's layout) for the inferences run so far. Needs Model(..., profiling=True)."""
        if not self._profiling:
            raise RuntimeError("profile_json: the model was loaded without profiling; use Model(..., profiling=True)")
        return self._runtime.GetProfiler(self._net_id).as_json()

    def close(self):
        """Unloads the network (also done when the Model is garbage-collected)."""
        if self._net_id is not None:
            net_id, self._net_id = self._net_id, None
            self._runtime.UnloadNetwork(net_id)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self):
        return "Model(inputs={}, outputs={}, backends={})".format(
            list(zip(self._input_names, self._in_shapes, [str(d) for d in self.input_dtypes])),
            list(zip(self._output_names, self._out_shapes, [str(d) for d in self.output_dtypes])), self._backends)

"""pyarmnn: Python bindings of the armnn inference library, compatible with PyArmNN 24.x for what they implement,
plus a two-line API (:class:`Model`). See docs/python.md."""
from . import armnn_swig as _swig
from .armnn_swig import *  # noqa: F401,F403  (enums as DataType_Float32 etc., descriptors, INetwork, IRuntime...)
from .armnn_swig import (ArmnnError, InvalidArgumentError, ParseError, FileNotFoundError,  # noqa: F401
                         GetVersion, GetMajorVersion, GetMinorVersion, BackendId, TensorInfo, TensorShape,
                         IRuntime, CreationOptions, INetworkProperties, OptimizerOptions, INetwork,
                         IOptimizedNetwork, IConnectableLayer, IInputSlot, IOutputSlot, IDeviceSpec, IProfiler,
                         BackendOptions, BackendOption)
from ._tensor import (Tensor, ConstTensor, make_input_tensors, make_output_tensors,  # noqa: F401
                      workload_tensors_to_ndarray, numpy_dtype, quantize, dequantize)
from ._model import Model  # noqa: F401
from ._profiling import ProfilerData, get_profiling_data  # noqa: F401

try:
    from .armnn_swig import ITfLiteParser, TfLiteParserOptions  # noqa: F401
except ImportError:  # built without the TensorFlow Lite parser
    def ITfLiteParser(*args, **kwargs):
        raise RuntimeError("pyarmnn was built without the TensorFlow Lite parser")

try:
    from .armnn_swig import IOnnxParser  # noqa: F401
except ImportError:  # built without the ONNX parser
    def IOnnxParser(*args, **kwargs):
        raise RuntimeError("pyarmnn was built without the ONNX parser")

# Names PyArmNN has for descriptor aliases of the C++ API.
ConcatDescriptor = _swig.OriginsDescriptor
SplitterDescriptor = _swig.ViewsDescriptor
LogSoftmaxDescriptor = _swig.SoftmaxDescriptor
DepthToSpaceDescriptor = _swig.SpaceToDepthDescriptor
UnidirectionalSequenceLstmDescriptor = _swig.LstmDescriptor


class LstmInputParams(_swig.LstmInputParams):
    """The weights of INetwork.AddUnidirectionalSequenceLstmLayer: m_InputToForgetWeights etc. are ConstTensors or
    None. The C++ struct holds pointers, so this keeps every ConstTensor assigned to it alive."""

    def __setattr__(self, name, value):
        if name.startswith("m_"):
            self.__dict__.setdefault("_tensors", {})[name] = value
        super().__setattr__(name, value)


def Optimize(network, backend_preferences, device_spec, options=None):
    """Optimize(network, backendPreferences, deviceSpec, options=OptimizerOptions()) -> (IOptimizedNetwork, messages)

    backend_preferences: BackendIds or backend names, most preferred first. messages: the optimizer's warnings.
    Raises InvalidArgumentError when no preferred backend can run a layer (the message names it)."""
    backends = [b if isinstance(b, BackendId) else BackendId(str(b)) for b in backend_preferences]
    if options is None:
        options = OptimizerOptions()
    return _swig._Optimize(network, backends, device_spec, options)


ARMNN_VERSION = GetVersion()
__version__ = ARMNN_VERSION

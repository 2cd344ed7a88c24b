"""Tensors over NumPy memory and the workload-tensor helpers of PyArmNN."""
import numpy as np

from . import armnn_swig as _swig

_DTYPES = {
    _swig.DataType_Float32: np.float32,
    _swig.DataType_Float16: np.float16,
    _swig.DataType_QAsymmU8: np.uint8,
    _swig.DataType_QAsymmS8: np.int8,
    _swig.DataType_QSymmS8: np.int8,
    _swig.DataType_QSymmS16: np.int16,
    _swig.DataType_Signed32: np.int32,
    _swig.DataType_Signed64: np.int64,
    _swig.DataType_Boolean: np.bool_,
    _swig.DataType_BFloat16: np.uint16,  # NumPy has no bfloat16: the raw 16-bit patterns
}


def numpy_dtype(data_type):
    """The NumPy dtype of an armnn DataType (DataType_Float32 -> float32)."""
    try:
        return np.dtype(_DTYPES[data_type])
    except KeyError:
        raise ValueError("no NumPy dtype for armnn data type {}".format(data_type)) from None


def _usable(array, dtype):
    """The array itself when it is C-contiguous, aligned and of dtype (no copy); otherwise a conforming copy."""
    return np.require(array, dtype=dtype, requirements=("C_CONTIGUOUS", "ALIGNED"))


class Tensor(_swig.Tensor):
    """A writable tensor whose memory is a NumPy array it owns (get_memory_area()).

    Tensor() is empty; Tensor(tensor_info) allocates; Tensor(other_tensor) copies another Tensor's memory."""

    def __init__(self, tensor=None):
        if tensor is None:
            super().__init__()
            self.__memory_area = None
            return
        if isinstance(tensor, (Tensor, ConstTensor)):
            info = _swig.TensorInfo(tensor.GetInfo())
            source = tensor.get_memory_area()
            memory = np.array(source, copy=True) if source is not None else None
        elif isinstance(tensor, _swig.TensorInfo):
            info = _swig.TensorInfo(tensor)
            memory = np.zeros(tuple(info.GetShape()) or (1,), dtype=numpy_dtype(info.GetDataType()))
        else:
            raise ValueError("Tensor takes a TensorInfo or a Tensor, not {}".format(type(tensor).__name__))
        super().__init__(info, memory)
        self.__memory_area = memory

    def get_memory_area(self):
        """The NumPy array holding the tensor's values (shaped like the tensor)."""
        return self.__memory_area


class ConstTensor(_swig.ConstTensor):
    """A read-only tensor over a NumPy array: ConstTensor(tensor_info, ndarray), ConstTensor(tensor) or ConstTensor().

    The TensorInfo must be constant (TensorInfo.SetConstant()). The array is used without a copy when it is
    C-contiguous, aligned and of the tensor's dtype; the ConstTensor keeps it alive."""

    def __init__(self, *args):
        if len(args) == 0:
            super().__init__()
            self.__memory_area = None
            return
        if len(args) == 1 and isinstance(args[0], (Tensor, ConstTensor)):
            info = _swig.TensorInfo(args[0].GetInfo())
            info.SetConstant(True)
            memory = args[0].get_memory_area()
        elif len(args) == 2:
            info, data = args
            if not isinstance(info, _swig.TensorInfo):
                raise TypeError("ConstTensor: the first argument must be a TensorInfo")
            if not info.IsConstant():
                raise ValueError("TensorInfo when initializing ConstTensor must be set to constant.")
            dtype = numpy_dtype(info.GetDataType())
            data = np.asarray(data)
            if data.dtype != dtype:
                raise TypeError("ConstTensor: the array's dtype is {}, the TensorInfo's data type needs {}".format(
                    data.dtype, dtype))
            if data.size != info.GetNumElements():
                raise ValueError("ConstTensor: the array has {} elements, the TensorInfo {}".format(
                    data.size, info.GetNumElements()))
            memory = _usable(data, dtype)
        else:
            raise ValueError("ConstTensor takes (TensorInfo, ndarray), a Tensor or a ConstTensor")
        super().__init__(info, memory)
        self.__memory_area = memory

    def get_memory_area(self):
        """The NumPy array the tensor reads."""
        return self.__memory_area


def make_input_tensors(inputs_binding_info, input_data):
    """[(binding_id, TensorInfo)] and [ndarray] -> [(binding_id, ConstTensor)] for IRuntime.EnqueueWorkload."""
    if len(inputs_binding_info) != len(input_data):
        raise ValueError("make_input_tensors: {} binding infos but {} arrays".format(
            len(inputs_binding_info), len(input_data)))
    tensors = []
    for (binding_id, info), data in zip(inputs_binding_info, input_data):
        info = _swig.TensorInfo(info)
        info.SetConstant(True)
        tensors.append((binding_id, ConstTensor(info, data)))
    return tensors


def make_output_tensors(outputs_binding_info):
    """[(binding_id, TensorInfo)] -> [(binding_id, Tensor)] with freshly allocated memory."""
    return [(binding_id, Tensor(info)) for binding_id, info in outputs_binding_info]


def workload_tensors_to_ndarray(workload_tensors):
    """[(binding_id, Tensor)] -> [ndarray], each shaped like its tensor."""
    arrays = []
    for _, tensor in workload_tensors:
        memory = tensor.get_memory_area()
        arrays.append(memory.reshape(tuple(tensor.GetShape())))
    return arrays


def quantize(values, scale, offset, dtype):
    """Float values -> integers of dtype: round(values / scale) + offset, rounding half away from zero (as the
    library and TensorFlow Lite do), saturated."""
    dtype = np.dtype(dtype)
    info = np.iinfo(dtype)
    scaled = np.asarray(values, dtype=np.float32) / np.float32(scale)
    q = np.sign(scaled) * np.floor(np.abs(scaled) + 0.5) + offset
    return np.clip(q, info.min, info.max).astype(dtype)


def dequantize(values, scale, offset):
    """Quantized integers -> float32: (values - offset) * scale."""
    return ((np.asarray(values).astype(np.float32) - np.float32(offset)) * np.float32(scale)).astype(np.float32)

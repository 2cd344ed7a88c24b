//
// SWIG interface of the pyarmnn extension module (pyarmnn.armnn_swig). The Python package (python/pyarmnn) re-exports
// it under PyArmNN 24.x's names and adds the NumPy-facing helpers (Tensor, ConstTensor, make_input_tensors, Model).
//
// Core headers whose declarations SWIG reads as they are: Types.hpp (enums), Descriptors.hpp, INetwork.hpp (the
// network-building API). Everything that crosses ownership or NumPy boundaries is declared here by hand.
//
%module(package="pyarmnn") armnn_swig

%begin %{
// The deprecated element-wise Add*Layer methods stay callable, as in PyArmNN.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
%}

%{
#include <armnn/ArmNN.hpp>
#include <armnn/Version.hpp>
#ifdef PYARMNN_TFLITE_PARSER
#include <armnnTfLiteParser/ITfLiteParser.hpp>
#endif
#ifdef PYARMNN_ONNX_PARSER
#include <armnnOnnxParser/IOnnxParser.hpp>
#endif

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace pyarmnn
{
// Python exception types, created when the module is initialised. All derive from RuntimeError, which is what
// PyArmNN raised for every armnn::Exception, so programs written for it keep catching them.
PyObject* g_ArmnnError = nullptr;
PyObject* g_InvalidArgumentError = nullptr;
PyObject* g_ParseError = nullptr;
PyObject* g_FileNotFoundError = nullptr;

void RaiseArmnnError(const armnn::Exception& e)
{
    PyObject* type = g_ArmnnError;
    if (dynamic_cast<const armnn::InvalidArgumentException*>(&e) != nullptr)
    {
        type = g_InvalidArgumentError;
    }
    else if (dynamic_cast<const armnn::ParseException*>(&e) != nullptr)
    {
        type = g_ParseError;
    }
    else if (dynamic_cast<const armnn::FileNotFoundException*>(&e) != nullptr)
    {
        type = g_FileNotFoundError;
    }
    PyErr_SetString(type != nullptr ? type : PyExc_RuntimeError, e.what());
}

// Releases the GIL for its lifetime; other Python threads run while the library works.
class GilRelease
{
public:
    GilRelease() : m_State(PyEval_SaveThread()) {}
    ~GilRelease() { PyEval_RestoreThread(m_State); }
    GilRelease(const GilRelease&) = delete;
    GilRelease& operator=(const GilRelease&) = delete;

private:
    PyThreadState* m_State;
};

// A buffer-protocol view held for the duration of a call (released with the GIL held).
class BufferView
{
public:
    BufferView(PyObject* object, bool writable, const std::string& what)
    {
        int flags = PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0);
        if (PyObject_GetBuffer(object, &m_View, flags) != 0)
        {
            PyErr_Clear();
            throw armnn::InvalidArgumentException(what + ": expected a C-contiguous" +
                                                  (writable ? std::string(", writable") : std::string()) +
                                                  " buffer (a NumPy array)");
        }
        m_Held = true;
    }
    ~BufferView()
    {
        if (m_Held)
        {
            PyBuffer_Release(&m_View);
        }
    }
    BufferView(const BufferView&) = delete;
    BufferView& operator=(const BufferView&) = delete;

    void* Data() const { return m_View.buf; }
    size_t Size() const { return static_cast<size_t>(m_View.len); }

private:
    Py_buffer m_View{};
    bool m_Held = false;
};

// Checks that a buffer holds exactly the bytes a TensorInfo describes.
void CheckSize(const BufferView& view, const armnn::TensorInfo& info, const std::string& what)
{
    if (view.Size() != info.GetNumBytes())
    {
        throw armnn::InvalidArgumentException(what + ": the buffer has " + std::to_string(view.Size()) +
                                              " bytes, the tensor " + info.GetShape().ToString() + " needs " +
                                              std::to_string(info.GetNumBytes()));
    }
}

// The address of a buffer's first byte, for views that outlive the call (the Python side keeps the array alive).
void* BufferAddress(PyObject* object, bool writable, const armnn::TensorInfo& info, const std::string& what)
{
    BufferView view(object, writable, what);
    CheckSize(view, info, what);
    return view.Data();
}
} // namespace pyarmnn
%}

%include "stdint.i"
%include "std_string.i"
%include "std_vector.i"
%include "std_pair.i"
%include "std_shared_ptr.i"
%include "std_map.i"

// The one exception handler: library exceptions keep their message and become pyarmnn.ArmnnError (a RuntimeError)
// or one of its subclasses; index errors become IndexError.
%exception {
    try {
        $action
    } catch (const armnn::Exception& e) {
        pyarmnn::RaiseArmnnError(e);
        SWIG_fail;
    } catch (const std::out_of_range& e) {
        PyErr_SetString(PyExc_IndexError, e.what());
        SWIG_fail;
    } catch (const std::exception& e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
        SWIG_fail;
    }
}

%init %{
    pyarmnn::g_ArmnnError = PyErr_NewException("pyarmnn.ArmnnError", PyExc_RuntimeError, nullptr);
    {
        PyObject* bases = PyTuple_Pack(2, pyarmnn::g_ArmnnError, PyExc_ValueError);
        pyarmnn::g_InvalidArgumentError = PyErr_NewException("pyarmnn.InvalidArgumentError", bases, nullptr);
        Py_DECREF(bases);
    }
    pyarmnn::g_ParseError = PyErr_NewException("pyarmnn.ParseError", pyarmnn::g_ArmnnError, nullptr);
    pyarmnn::g_FileNotFoundError = PyErr_NewException("pyarmnn.FileNotFoundError", pyarmnn::g_ArmnnError, nullptr);
    Py_INCREF(pyarmnn::g_ArmnnError);
    PyModule_AddObject(m, "ArmnnError", pyarmnn::g_ArmnnError);
    Py_INCREF(pyarmnn::g_InvalidArgumentError);
    PyModule_AddObject(m, "InvalidArgumentError", pyarmnn::g_InvalidArgumentError);
    Py_INCREF(pyarmnn::g_ParseError);
    PyModule_AddObject(m, "ParseError", pyarmnn::g_ParseError);
    Py_INCREF(pyarmnn::g_FileNotFoundError);
    PyModule_AddObject(m, "FileNotFoundError", pyarmnn::g_FileNotFoundError);
%}

%naturalvar;
%ignore *::operator=;
%ignore *::operator[];
%ignore *::operator==;
%ignore *::operator!=;
%ignore *::operator<;

%template(UIntVector) std::vector<unsigned int>;
%template(IntVector) std::vector<int>;
%template(FloatVector) std::vector<float>;
%template(StringVector) std::vector<std::string>;
%template(UIntPair) std::pair<unsigned int, unsigned int>;
%template(UIntPairVector) std::vector<std::pair<unsigned int, unsigned int>>;

// ---- Version ----
%inline %{
std::string GetVersion() { return ARMNN_VERSION; }
std::string GetMajorVersion() { return STRINGIFY_VALUE(ARMNN_MAJOR_VERSION); }
std::string GetMinorVersion() { return STRINGIFY_VALUE(ARMNN_MINOR_VERSION); }
%}

// ---- Enums and small types (Types.hpp, MemorySources.hpp) ----
#define ARMNN_DEPRECATED_MSG(message)
%ignore armnn::operator|;
%include "armnn/MemorySources.hpp"

%ignore armnn::PermutationVector::PermutationVector(const ValueType*, SizeType);
%ignore armnn::PermutationVector::PermutationVector(std::initializer_list<ValueType>);
%ignore armnn::PermutationVector::begin;
%ignore armnn::PermutationVector::end;
%ignore armnn::IDeviceSpec::GetSupportedBackends;
%include "armnn/Types.hpp"

%extend armnn::PermutationVector {
    PermutationVector(const std::vector<unsigned int>& dimMappings) {
        return new armnn::PermutationVector(dimMappings.data(), static_cast<unsigned int>(dimMappings.size()));
    }
    unsigned int __getitem__(unsigned int i) const {
        if (i >= $self->GetSize()) { throw std::out_of_range("PermutationVector index out of range"); }
        return (*$self)[i];
    }
    unsigned int __len__() const { return $self->GetSize(); }
    bool __eq__(const armnn::PermutationVector& other) const { return $self->IsEqual(other); }
}

namespace armnn
{
class BackendId
{
public:
    BackendId();
    BackendId(const std::string& id);
    bool IsCpuRef() const;
    bool IsCpuAcc() const;
    bool IsUndefined() const;
    bool IsEmpty() const;
    const std::string& Get() const;
};
}
%extend armnn::BackendId {
    std::string __str__() const { return $self->Get(); }
    std::string __repr__() const { return "BackendId('" + $self->Get() + "')"; }
    bool __eq__(const armnn::BackendId& other) const { return *$self == other; }
    size_t __hash__() const { return std::hash<std::string>()($self->Get()); }
}
%template(BackendIdVector) std::vector<armnn::BackendId>;

// ---- Backend options (CreationOptions.m_BackendOptions, OptimizerOptions.m_ModelOptions) ----
%{
namespace pyarmnn
{
// A BackendOption whose value is a Python bool, int, float or str (the C++ template's allowed types).
armnn::BackendOptions::BackendOption ToBackendOption(const std::string& name, PyObject* value)
{
    using Option = armnn::BackendOptions::BackendOption;
    if (PyBool_Check(value))
    {
        return Option(name, value == Py_True);
    }
    if (PyLong_Check(value))
    {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (overflow == 0 && v >= INT32_MIN && v <= INT32_MAX)
        {
            return Option(name, static_cast<int>(v));
        }
        if (overflow == 0 && v > INT32_MAX && v <= static_cast<long long>(UINT32_MAX))
        {
            return Option(name, static_cast<unsigned int>(v));
        }
        throw armnn::InvalidArgumentException("BackendOption '" + name + "': the integer does not fit 32 bits");
    }
    if (PyFloat_Check(value))
    {
        return Option(name, static_cast<float>(PyFloat_AsDouble(value)));
    }
    if (PyUnicode_Check(value))
    {
        const char* text = PyUnicode_AsUTF8(value);
        if (text == nullptr)
        {
            PyErr_Clear();
            throw armnn::InvalidArgumentException("BackendOption '" + name + "': the string is not valid UTF-8");
        }
        return Option(name, std::string(text));
    }
    throw armnn::InvalidArgumentException("BackendOption '" + name + "': the value must be a bool, int, float or str");
}
} // namespace pyarmnn
%}

%feature("flatnested");
namespace armnn
{
class BackendOptions
{
public:
    %nodefaultctor BackendOption;
    class BackendOption
    {
    public:
        std::string GetName() const;
    };
    BackendOptions(armnn::BackendId backend);
    void AddOption(const BackendOption& option);
    const armnn::BackendId& BackendId() const;
    size_t GetOptionCount() const;
    const BackendOption& GetOption(size_t idx) const;
};
}
%feature("flatnested", "");

%extend armnn::BackendOptions::BackendOption {
    /// BackendOption(name, value): value a bool, int, float or str (as the C++ template's allowed types).
    BackendOption(const std::string& name, PyObject* value) {
        return new armnn::BackendOptions::BackendOption(pyarmnn::ToBackendOption(name, value));
    }
    PyObject* GetValue() const {
        armnn::BackendOptions::Var v = $self->GetValue();
        if (v.IsBool()) { return PyBool_FromLong(v.AsBool() ? 1 : 0); }
        if (v.IsInt()) { return PyLong_FromLong(v.AsInt()); }
        if (v.IsUnsignedInt()) { return PyLong_FromUnsignedLong(v.AsUnsignedInt()); }
        if (v.IsFloat()) { return PyFloat_FromDouble(v.AsFloat()); }
        return PyUnicode_FromString(v.AsString().c_str());
    }
    std::string __repr__() const { return "BackendOption('" + $self->GetName() + "')"; }
}
%extend armnn::BackendOptions {
    /// PyArmNN's name for BackendId().
    const armnn::BackendId& GetBackendId() const { return $self->BackendId(); }
    size_t __len__() const { return $self->GetOptionCount(); }
    const armnn::BackendOptions::BackendOption& __getitem__(size_t i) const { return $self->GetOption(i); }
    %pythoncode %{
    def __iter__(self):
        for i in range(self.GetOptionCount()):
            yield self.GetOption(i)
    %}
    std::string __repr__() const {
        return "BackendOptions('" + $self->BackendId().Get() + "', " + std::to_string($self->GetOptionCount()) +
               " options)";
    }
}
%std_nodefconst_type(armnn::BackendOptions);
%template(BackendOptionsVector) std::vector<armnn::BackendOptions>;
namespace armnn { typedef std::vector<armnn::BackendOptions> ModelOptions; }

%extend armnn::IDeviceSpec {
    /// The backends the runtime has loaded (sorted by name); GetSupportedBackends in Python.
    std::vector<armnn::BackendId> _SupportedBackends() const {
        const armnn::BackendIdSet& set = $self->GetSupportedBackends();
        std::vector<armnn::BackendId> ids(set.begin(), set.end());
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    std::string __str__() const {
        std::ostringstream s;
        s << "IDeviceSpec { supportedBackends: " << $self->GetSupportedBackends() << " }";
        return s.str();
    }
}

// ---- Tensors (declared by hand: shapes from sequences, memory from the buffer protocol) ----
namespace armnn
{
class TensorShape
{
public:
    TensorShape();
    unsigned int GetNumDimensions() const;
    unsigned int GetNumElements() const;
    armnn::Dimensionality GetDimensionality() const;
    bool AreAllDimensionsSpecified() const;
    std::string ToString() const;
};

class TensorInfo
{
public:
    TensorInfo();
    TensorInfo(const armnn::TensorInfo& other);
    TensorInfo(const armnn::TensorShape& shape, armnn::DataType dataType, float quantizationScale = 0.0f,
               int32_t quantizationOffset = 0, bool isConstant = false);
    TensorInfo(const armnn::TensorShape& shape, armnn::DataType dataType,
               const std::vector<float>& quantizationScales, unsigned int quantizationDim, bool isConstant = false);

    armnn::TensorShape GetShape() const;
    void SetShape(const armnn::TensorShape& newShape);
    unsigned int GetNumDimensions() const;
    unsigned int GetNumElements() const;
    armnn::DataType GetDataType() const;
    void SetDataType(armnn::DataType type);
    bool HasMultipleQuantizationScales() const;
    bool HasPerAxisQuantization() const;
    std::vector<float> GetQuantizationScales() const;
    void SetQuantizationScales(const std::vector<float>& scales);
    float GetQuantizationScale() const;
    void SetQuantizationScale(float scale);
    int32_t GetQuantizationOffset() const;
    void SetQuantizationOffset(int32_t offset);
    bool IsQuantized() const;
    bool IsConstant() const;
    void SetConstant(const bool IsConstant = true);
    bool IsTypeSpaceMatch(const armnn::TensorInfo& other) const;
    unsigned int GetNumBytes() const;
};

class Tensor
{
public:
    Tensor();
    armnn::TensorInfo GetInfo() const;
    armnn::TensorShape GetShape() const;
    armnn::DataType GetDataType() const;
    unsigned int GetNumDimensions() const;
    unsigned int GetNumBytes() const;
    unsigned int GetNumElements() const;
};

class ConstTensor
{
public:
    ConstTensor();
    armnn::TensorInfo GetInfo() const;
    armnn::TensorShape GetShape() const;
    armnn::DataType GetDataType() const;
    unsigned int GetNumDimensions() const;
    unsigned int GetNumBytes() const;
    unsigned int GetNumElements() const;
};
}

%extend armnn::TensorShape {
    TensorShape(const std::vector<unsigned int>& dimensions) {
        return new armnn::TensorShape(static_cast<unsigned int>(dimensions.size()), dimensions.data());
    }
    unsigned int __len__() const { return $self->GetNumDimensions(); }
    unsigned int __getitem__(unsigned int i) const {
        if (i >= $self->GetNumDimensions()) { throw std::out_of_range("TensorShape index out of range"); }
        return (*$self)[i];
    }
    void __setitem__(unsigned int i, unsigned int value) {
        if (i >= $self->GetNumDimensions()) { throw std::out_of_range("TensorShape index out of range"); }
        $self->SetDimensionSize(i, value);
    }
    bool __eq__(const armnn::TensorShape& other) const { return *$self == other; }
    std::string __str__() const { return $self->ToString(); }
}

%extend armnn::TensorInfo {
    /// The quantization dimension of a per-axis quantized tensor, or -1.
    int GetQuantizationDim() const {
        armnn::Optional<unsigned int> dim = $self->GetQuantizationDim();
        return dim.has_value() ? static_cast<int>(dim.value()) : -1;
    }
    bool __eq__(const armnn::TensorInfo& other) const { return *$self == other; }
    std::string __str__() const {
        std::ostringstream s;
        s << "TensorInfo{DataType: " << armnn::GetDataTypeName($self->GetDataType())
          << ", IsQuantized: " << $self->IsQuantized();
        if ($self->IsQuantized() && !$self->HasPerAxisQuantization())
        {
            s << ", QuantizationScale: " << $self->GetQuantizationScale()
              << ", QuantizationOffset: " << $self->GetQuantizationOffset();
        }
        s << ", IsConstant: " << $self->IsConstant() << ", NumDimensions: " << $self->GetNumDimensions()
          << ", NumElements: " << $self->GetNumElements() << ", Shape: " << $self->GetShape().ToString() << "}";
        return s.str();
    }
}

%extend armnn::Tensor {
    /// A view of a writable, C-contiguous buffer of exactly info.GetNumBytes() bytes. The Python Tensor class
    /// keeps the buffer alive.
    Tensor(const armnn::TensorInfo& info, PyObject* buffer) {
        return new armnn::Tensor(info, pyarmnn::BufferAddress(buffer, true, info, "Tensor"));
    }
    size_t _address() const { return reinterpret_cast<size_t>($self->GetMemoryArea()); }
}

%extend armnn::ConstTensor {
    /// A read-only view of a C-contiguous buffer of exactly info.GetNumBytes() bytes; info must be constant.
    ConstTensor(const armnn::TensorInfo& info, PyObject* buffer) {
        return new armnn::ConstTensor(info, pyarmnn::BufferAddress(buffer, false, info, "ConstTensor"));
    }
    size_t _address() const { return reinterpret_cast<size_t>($self->GetMemoryArea()); }
}

%template(BindingPointInfo) std::pair<int, armnn::TensorInfo>;
%template(ConstTensorPair) std::pair<int, armnn::ConstTensor>;
%template(TensorPair) std::pair<int, armnn::Tensor>;
%template(InputTensorsVector) std::vector<std::pair<int, armnn::ConstTensor>>;
%template(OutputTensorsVector) std::vector<std::pair<int, armnn::Tensor>>;
%template(TensorShapeVector) std::vector<armnn::TensorShape>;

// ---- Descriptors ----
%ignore armnn::CreateDescriptorForConcatenation;
%ignore armnn::swap;
%ignore armnn::OriginsDescriptor::OriginsDescriptor(OriginsDescriptor&&);
%ignore armnn::ViewsDescriptor::ViewsDescriptor(ViewsDescriptor&&);
%ignore armnn::OriginsDescriptor::GetViewOrigin;
%ignore armnn::OriginsDescriptor::ReorderOrigins;
%ignore armnn::ViewsDescriptor::GetViewOrigin;
%ignore armnn::ViewsDescriptor::GetViewSizes;
%ignore armnn::GetInputTensorInfo;
%include "armnn/DescriptorsFwd.hpp"
%include "armnn/Descriptors.hpp"

%extend armnn::OriginsDescriptor {
    std::vector<unsigned int> _GetViewOrigin(uint32_t idx) const {
        if (idx >= $self->GetNumViews()) { throw std::out_of_range("view index out of range"); }
        const uint32_t* origin = $self->GetViewOrigin(idx);
        return std::vector<unsigned int>(origin, origin + $self->GetNumDimensions());
    }
}
%extend armnn::ViewsDescriptor {
    std::vector<unsigned int> _GetViewOrigin(uint32_t idx) const {
        if (idx >= $self->GetNumViews()) { throw std::out_of_range("view index out of range"); }
        const uint32_t* origin = $self->GetViewOrigin(idx);
        return std::vector<unsigned int>(origin, origin + $self->GetNumDimensions());
    }
    std::vector<unsigned int> _GetViewSizes(uint32_t idx) const {
        if (idx >= $self->GetNumViews()) { throw std::out_of_range("view index out of range"); }
        const uint32_t* sizes = $self->GetViewSizes(idx);
        return std::vector<unsigned int>(sizes, sizes + $self->GetNumDimensions());
    }
}

%inline %{
/// The Concat descriptor that joins tensors of these shapes along concatenationDimension.
armnn::OriginsDescriptor CreateDescriptorForConcatenation(const std::vector<armnn::TensorShape>& shapes,
                                                          unsigned int concatenationDimension)
{
    return armnn::CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), concatenationDimension);
}
%}

// ---- Network building ----
%ignore armnn::INetwork::INetwork;
%ignore armnn::INetwork::CreateRaw;
%ignore armnn::INetwork::Create;
%ignore armnn::INetwork::Destroy;
%ignore armnn::INetwork::GetImpl;
%ignore armnn::INetwork::AddPrecompiledLayer;
%ignore armnn::INetwork::AddTransposeConvolution2dLayer;
%ignore armnn::IOptimizedNetwork::IOptimizedNetwork;
%ignore armnn::IOptimizedNetwork::Destroy;
%ignore armnn::IOptimizedNetwork::GetImpl;
%ignore armnn::IOptimizedNetwork::SerializeToDot;
%ignore armnn::IConnectableLayer::BackendSelectionHint;
%ignore armnn::IConnectableLayer::GetParameters;
%ignore armnn::IConnectableLayer::InferOutputShapes;
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, bool, ModelOptions, bool, bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, bool, ModelOptions, bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, bool, ModelOptions);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, ShapeInferenceMethod, bool, ModelOptions, bool,
                                                  bool, bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, ShapeInferenceMethod, bool, ModelOptions, bool,
                                                  bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, ShapeInferenceMethod, bool, ModelOptions, bool);
%ignore armnn::OptimizerOptions::OptimizerOptions(bool, bool, bool, ShapeInferenceMethod, bool, ModelOptions);
%ignore armnn::OptimizerOptionsOpaque;
%ignore armnn::Optimize;
%include "armnn/NetworkFwd.hpp"
// LstmInputParams holds pointers: pyarmnn.LstmInputParams (python/pyarmnn/__init__.py) keeps the ConstTensors alive.
%include "armnn/LstmParams.hpp"
%include "armnn/INetwork.hpp"

%extend armnn::INetwork {

    /// Weights and (optional, None) biases become Constant layers connected to input slots 1 and 2.
    armnn::IConnectableLayer* AddTransposeConvolution2dLayer(const armnn::TransposeConvolution2dDescriptor& descriptor,
                                                             const armnn::ConstTensor& weights,
                                                             const armnn::ConstTensor* biases = nullptr,
                                                             const char* name = nullptr) {
        armnn::Optional<armnn::ConstTensor> optionalBiases;
        if (biases != nullptr) { optionalBiases = *biases; }
        return $self->AddTransposeConvolution2dLayer(descriptor, weights, optionalBiases, name);
    }
}

%newobject _NewNetwork;
%inline %{
armnn::INetwork* _NewNetwork() { return armnn::INetwork::CreateRaw(); }
%}

%extend armnn::IOptimizedNetwork {
    /// Graphviz text of the optimized graph (each layer with its backend).
    std::string _SerializeToDot() const {
        std::ostringstream s;
        $self->SerializeToDot(s);
        return s.str();
    }
}

%extend armnn::IConnectableLayer {
    /// The backend Optimize assigned, as a string.
    std::string GetBackendName() const { return $self->GetBackendId().Get(); }
}

%extend armnn::OptimizerOptions {
    std::string __str__() const { return $self->ToString(); }
}

%inline %{
/// Optimize(network, backendPreferences, deviceSpec, options) -> (IOptimizedNetwork, [messages])
PyObject* _Optimize(const armnn::INetwork& network, const std::vector<armnn::BackendId>& backendPreferences,
                    const armnn::IDeviceSpec& deviceSpec,
                    const armnn::OptimizerOptions& options = armnn::OptimizerOptions())
{
    std::vector<std::string> messages;
    armnn::IOptimizedNetworkPtr optimized =
        armnn::Optimize(network, backendPreferences, deviceSpec, options,
                        armnn::Optional<std::vector<std::string>&>(messages));
    if (!optimized)
    {
        std::string text = "Optimize failed";
        for (const std::string& m : messages) { text += "\n" + m; }
        throw armnn::Exception(text);
    }
    PyObject* list = PyList_New(static_cast<Py_ssize_t>(messages.size()));
    for (size_t i = 0; i < messages.size(); ++i)
    {
        PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), PyUnicode_FromString(messages[i].c_str()));
    }
    PyObject* net = SWIG_NewPointerObj(optimized.release(), SWIGTYPE_p_armnn__IOptimizedNetwork, SWIG_POINTER_OWN);
    return Py_BuildValue("(NN)", net, list);
}
%}

// ---- Profiler ----
%shared_ptr(armnn::IProfiler)
namespace armnn
{
%nodefaultctor IProfiler;
%nodefaultdtor IProfiler;
class IProfiler
{
public:
    void EnableProfiling(bool enableProfiling);
    bool IsProfilingEnabled();
};
}
%extend armnn::IProfiler {
    /// The recorded events in Arm NN's JSON layout.
    std::string as_json() const {
        std::ostringstream s;
        $self->Print(s);
        return s.str();
    }
    /// Count, mean, min and max of each event.
    std::string event_summary() const {
        std::ostringstream s;
        $self->AnalyzeEventsAndWriteResults(s);
        return s.str();
    }
}

// ---- Runtime ----
%{
typedef armnn::IRuntime::CreationOptions CreationOptions;
%}
struct CreationOptions
{
    CreationOptions();
    bool m_EnableGpuProfiling;
    std::string m_DynamicBackendsPath;
    bool m_ProtectedMode;
    std::vector<armnn::BackendOptions> m_BackendOptions;
};

namespace armnn
{
struct INetworkProperties
{
    INetworkProperties(bool asyncEnabled, armnn::MemorySource inputSource, armnn::MemorySource outputSource,
                       bool profilingEnabled = false,
                       armnn::ProfilingDetailsMethod detailsMethod = armnn::ProfilingDetailsMethod::Undefined,
                       bool externalMemoryManagementEnabled = false);
    const bool m_ImportEnabled;
    const bool m_ExportEnabled;
    const bool m_AsyncEnabled;
    const bool m_ProfilingEnabled;
    const armnn::ProfilingDetailsMethod m_OutputNetworkDetailsMethod;
    const armnn::MemorySource m_InputSource;
    const armnn::MemorySource m_OutputSource;
    const bool m_ExternalMemoryManagementEnabled;
};

%nodefaultctor IRuntime;
%nodefaultdtor IRuntime;
class IRuntime
{
public:
    armnn::TensorInfo GetInputTensorInfo(int networkId, int layerId) const;
    armnn::TensorInfo GetOutputTensorInfo(int networkId, int layerId) const;
    const armnn::IDeviceSpec& GetDeviceSpec() const;
    std::shared_ptr<armnn::IProfiler> GetProfiler(int networkId) const;
};
}

%extend armnn::IRuntime {
    IRuntime(const CreationOptions& options) { return armnn::IRuntime::CreateRaw(options); }
    ~IRuntime() { armnn::IRuntime::Destroy($self); }

    /// LoadNetwork(optimizedNetwork, networkProperties=None) -> (networkId, message). The runtime takes the
    /// optimized network: the Python object is emptied.
    PyObject* LoadNetwork(PyObject* optimizedNetwork, const armnn::INetworkProperties* networkProperties = nullptr) {
        void* pointer = nullptr;
        int res = SWIG_ConvertPtr(optimizedNetwork, &pointer, SWIGTYPE_p_armnn__IOptimizedNetwork, 0);
        if (!SWIG_IsOK(res) || pointer == nullptr)
        {
            throw armnn::InvalidArgumentException(
                "LoadNetwork: expected an IOptimizedNetwork that has not been loaded yet");
        }
        SWIG_ConvertPtr(optimizedNetwork, &pointer, SWIGTYPE_p_armnn__IOptimizedNetwork, SWIG_POINTER_RELEASE);
        armnn::IOptimizedNetworkPtr network(static_cast<armnn::IOptimizedNetwork*>(pointer),
                                            &armnn::IOptimizedNetwork::Destroy);
        armnn::NetworkId id = 0;
        std::string message;
        armnn::Status status = networkProperties != nullptr
                                   ? $self->LoadNetwork(id, std::move(network), message, *networkProperties)
                                   : $self->LoadNetwork(id, std::move(network), message);
        if (status != armnn::Status::Success)
        {
            throw armnn::Exception("LoadNetwork failed: " + message);
        }
        return Py_BuildValue("(is)", static_cast<int>(id), message.c_str());
    }

    /// Runs one inference with the GIL released.
    void EnqueueWorkload(int networkId, const std::vector<std::pair<int, armnn::ConstTensor>>& inputTensors,
                         const std::vector<std::pair<int, armnn::Tensor>>& outputTensors) {
        armnn::Status status;
        {
            pyarmnn::GilRelease release;
            status = $self->EnqueueWorkload(networkId, inputTensors, outputTensors);
        }
        if (status != armnn::Status::Success)
        {
            throw armnn::Exception("EnqueueWorkload failed for network " + std::to_string(networkId));
        }
    }

    /// Runs one inference on buffers (NumPy arrays) without building Tensor objects: inputIds[i] reads
    /// inputs[i], outputIds[i] writes outputs[i]. Buffers must be C-contiguous with the tensors' byte sizes.
    /// The GIL is released while the network runs.
    void _EnqueueBuffers(int networkId, const std::vector<int>& inputIds, PyObject* inputs,
                         const std::vector<int>& outputIds, PyObject* outputs) {
        if (!PySequence_Check(inputs) || !PySequence_Check(outputs) ||
            static_cast<size_t>(PySequence_Size(inputs)) != inputIds.size() ||
            static_cast<size_t>(PySequence_Size(outputs)) != outputIds.size())
        {
            throw armnn::InvalidArgumentException("EnqueueBuffers: one buffer per binding id is needed");
        }
        std::vector<std::unique_ptr<pyarmnn::BufferView>> views;
        armnn::InputTensors inputTensors;
        armnn::OutputTensors outputTensors;
        for (size_t i = 0; i < inputIds.size(); ++i)
        {
            armnn::TensorInfo info = $self->GetInputTensorInfo(networkId, inputIds[i]);
            info.SetConstant(true);
            PyObject* item = PySequence_GetItem(inputs, static_cast<Py_ssize_t>(i));
            std::string what = "input binding " + std::to_string(inputIds[i]);
            std::unique_ptr<pyarmnn::BufferView> view;
            try { view.reset(new pyarmnn::BufferView(item, false, what)); } catch (...) { Py_DECREF(item); throw; }
            Py_DECREF(item); // the sequence keeps the object alive
            pyarmnn::CheckSize(*view, info, what);
            inputTensors.emplace_back(inputIds[i], armnn::ConstTensor(info, view->Data()));
            views.push_back(std::move(view));
        }
        for (size_t i = 0; i < outputIds.size(); ++i)
        {
            armnn::TensorInfo info = $self->GetOutputTensorInfo(networkId, outputIds[i]);
            PyObject* item = PySequence_GetItem(outputs, static_cast<Py_ssize_t>(i));
            std::string what = "output binding " + std::to_string(outputIds[i]);
            std::unique_ptr<pyarmnn::BufferView> view;
            try { view.reset(new pyarmnn::BufferView(item, true, what)); } catch (...) { Py_DECREF(item); throw; }
            Py_DECREF(item);
            pyarmnn::CheckSize(*view, info, what);
            outputTensors.emplace_back(outputIds[i], armnn::Tensor(info, view->Data()));
            views.push_back(std::move(view));
        }
        armnn::Status status;
        {
            pyarmnn::GilRelease release;
            status = $self->EnqueueWorkload(networkId, inputTensors, outputTensors);
        }
        if (status != armnn::Status::Success)
        {
            throw armnn::Exception("EnqueueWorkload failed for network " + std::to_string(networkId));
        }
    }

    void UnloadNetwork(int networkId) {
        if ($self->UnloadNetwork(networkId) != armnn::Status::Success)
        {
            throw armnn::InvalidArgumentException("UnloadNetwork: no loaded network has id " +
                                                  std::to_string(networkId));
        }
    }
}

// ---- Parsers ----
#ifdef PYARMNN_TFLITE_PARSER
%{
typedef armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions TfLiteParserOptions;
%}
struct TfLiteParserOptions
{
    TfLiteParserOptions();
    bool m_AllowExpandedDims;
    bool m_StandInLayerForUnsupported;
    bool m_InferAndValidate;
};

namespace armnnTfLiteParser
{
%nodefaultctor ITfLiteParser;
%nodefaultdtor ITfLiteParser;
class ITfLiteParser
{
public:
    std::pair<int, armnn::TensorInfo> GetNetworkInputBindingInfo(size_t subgraphId, const std::string& name) const;
    std::pair<int, armnn::TensorInfo> GetNetworkOutputBindingInfo(size_t subgraphId, const std::string& name) const;
    size_t GetSubgraphCount() const;
    std::vector<std::string> GetSubgraphInputTensorNames(size_t subgraphId) const;
    std::vector<std::string> GetSubgraphOutputTensorNames(size_t subgraphId) const;
};
}
%newobject armnnTfLiteParser::ITfLiteParser::CreateNetworkFromBinaryFile;
%newobject armnnTfLiteParser::ITfLiteParser::CreateNetworkFromBinary;
%extend armnnTfLiteParser::ITfLiteParser {
    ITfLiteParser(const TfLiteParserOptions* options = nullptr) {
        if (options != nullptr) { return armnnTfLiteParser::ITfLiteParser::CreateRaw(*options); }
        return armnnTfLiteParser::ITfLiteParser::CreateRaw();
    }
    ~ITfLiteParser() { armnnTfLiteParser::ITfLiteParser::Destroy($self); }
    armnn::INetwork* CreateNetworkFromBinaryFile(const char* graphFile) {
        return $self->CreateNetworkFromBinaryFile(graphFile).release();
    }
    armnn::INetwork* CreateNetworkFromBinary(const std::vector<uint8_t>& binaryContent) {
        return $self->CreateNetworkFromBinary(binaryContent).release();
    }
}
#endif

#ifdef PYARMNN_ONNX_PARSER
%template(TensorShapeMap) std::map<std::string, armnn::TensorShape>;
namespace armnnOnnxParser
{
%nodefaultctor IOnnxParser;
%nodefaultdtor IOnnxParser;
class IOnnxParser
{
public:
    std::pair<int, armnn::TensorInfo> GetNetworkInputBindingInfo(const std::string& name) const;
    std::pair<int, armnn::TensorInfo> GetNetworkOutputBindingInfo(const std::string& name) const;
};
}
%newobject armnnOnnxParser::IOnnxParser::CreateNetworkFromBinaryFile;
%newobject armnnOnnxParser::IOnnxParser::CreateNetworkFromTextFile;
%newobject armnnOnnxParser::IOnnxParser::CreateNetworkFromString;
%extend armnnOnnxParser::IOnnxParser {
    IOnnxParser() { return armnnOnnxParser::IOnnxParser::CreateRaw(); }
    ~IOnnxParser() { armnnOnnxParser::IOnnxParser::Destroy($self); }
    armnn::INetwork* CreateNetworkFromBinaryFile(const char* graphFile) {
        return $self->CreateNetworkFromBinaryFile(graphFile).release();
    }
    armnn::INetwork* CreateNetworkFromBinaryFile(const char* graphFile,
                                                 const std::map<std::string, armnn::TensorShape>& inputShapes) {
        return $self->CreateNetworkFromBinaryFile(graphFile, inputShapes).release();
    }
    armnn::INetwork* CreateNetworkFromTextFile(const char* graphFile) {
        return $self->CreateNetworkFromTextFile(graphFile).release();
    }
    armnn::INetwork* CreateNetworkFromString(const std::string& protoText) {
        return $self->CreateNetworkFromString(protoText).release();
    }
}
#endif

%pythoncode %{
ArmnnError = _armnn_swig.ArmnnError
InvalidArgumentError = _armnn_swig.InvalidArgumentError
ParseError = _armnn_swig.ParseError
FileNotFoundError = _armnn_swig.FileNotFoundError
IDeviceSpec.GetSupportedBackends = IDeviceSpec._SupportedBackends


def _INetwork_init(self):
    """INetwork(): an empty network."""
    self.this = _NewNetwork().this


INetwork.__init__ = _INetwork_init
OriginsDescriptor.GetViewOrigin = OriginsDescriptor._GetViewOrigin
ViewsDescriptor.GetViewOrigin = ViewsDescriptor._GetViewOrigin
ViewsDescriptor.GetViewSizes = ViewsDescriptor._GetViewSizes
IOptimizedNetwork.SerializeToDot = IOptimizedNetwork._SerializeToDot
%}

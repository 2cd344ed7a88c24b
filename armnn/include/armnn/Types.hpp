//
// Core enumerations and small value types of the public API.
// Names and enumerator values follow Arm NN so that programs written for it compile unchanged.
//
#pragma once

#include "BackendId.hpp"
#include "Exceptions.hpp"
#include "MemorySources.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{

constexpr unsigned int MaxNumOfTensorDimensions = 5U;

/// The lowest performance data capture interval we support is 10 milliseconds.
constexpr unsigned int LOWEST_CAPTURE_PERIOD = 10000u;

/// Variable to control expire rate of priority queue
constexpr unsigned int EXPIRE_RATE = 3U;

enum class Status
{
    Success = 0,
    Failure = 1
};

enum class DataType
{
    Float16 = 0,
    Float32 = 1,
    QAsymmU8 = 2,
    Signed32 = 3,
    Boolean = 4,
    QSymmS16 = 5,
    QSymmS8 = 6,
    QAsymmS8 = 7,
    BFloat16 = 8,
    Signed64 = 9,
};

enum class DataLayout
{
    NCHW = 1,
    NHWC = 2,
    NDHWC = 3,
    NCDHW = 4
};

/// How shapes are treated by the optimizer: only checked, or also filled in where missing.
enum class ShapeInferenceMethod
{
    ValidateOnly = 0,
    InferAndValidate = 1
};

/// Capability class of a backend, reported by BackendCapabilities.
enum class CapabilityClass
{
    PaddingRequired = 1,
    FallbackImportDisabled = 2,
    CapabilityClassMax = 254
};

enum class ActivationFunction
{
    Sigmoid = 0,
    TanH = 1,
    Linear = 2,
    ReLu = 3,
    BoundedReLu = 4, ///< min(a, max(b, input)) ReLu1 & ReLu6.
    SoftReLu = 5,
    LeakyReLu = 6,
    Abs = 7,
    Sqrt = 8,
    Square = 9,
    Elu = 10,
    HardSwish = 11,
    Gelu = 12
};

enum class ArgMinMaxFunction
{
    Min = 0,
    Max = 1
};

enum class ComparisonOperation
{
    Equal = 0,
    Greater = 1,
    GreaterOrEqual = 2,
    Less = 3,
    LessOrEqual = 4,
    NotEqual = 5
};

enum class LogicalBinaryOperation
{
    LogicalAnd = 0,
    LogicalOr = 1
};

enum class UnaryOperation
{
    Abs = 0,
    Exp = 1,
    Sqrt = 2,
    Rsqrt = 3,
    Neg = 4,
    LogicalNot = 5,
    Log = 6,
    Sin = 7,
    Ceil = 8,
    Cos = 9,  // not in Arm NN's enum; the ONNX and TFLite COS operators need it
    Erf = 10, // not in Arm NN's enum; ONNX Erf (exact GELU in transformer graphs) needs it
    Atan = 11, // not in Arm NN's enum, nor the two below: ONNX Atan, Asin and Acos
    Asin = 12,
    Acos = 13
};

enum class BinaryOperation
{
    Add = 0,
    Div = 1,
    Maximum = 2,
    Minimum = 3,
    Mul = 4,
    Sub = 5,
    SqDiff = 6,
    Power = 7,
    FloorDiv = 8
};

/// How ScatterNd combines each update with the element it lands on (Update replaces it).
enum class ScatterNdFunction
{
    Update = 0,
    Add = 1,
    Sub = 2,
    Max = 3,
    Min = 4,
    Mul = 5
};

enum class PoolingAlgorithm
{
    Max = 0,
    Average = 1,
    L2 = 2
};

enum class ReduceOperation
{
    Sum = 0,
    Max = 1,
    Mean = 2,
    Min = 3,
    Prod = 4
};

enum class ResizeMethod
{
    Bilinear = 0,
    NearestNeighbor = 1
};

enum class Dimensionality
{
    NotSpecified = 0,
    Specified = 1,
    Scalar = 2
};

/// How padded elements take part in pooling:
/// IgnoreValue counts them (as zeros) in the average; Exclude leaves them out of the count.
enum class PaddingMethod
{
    IgnoreValue = 0,
    Exclude = 1
};

enum class PaddingMode
{
    Constant = 0,
    Reflect = 1,
    Symmetric = 2
};

enum class NormalizationAlgorithmChannel
{
    Across = 0,
    Within = 1
};

enum class NormalizationAlgorithmMethod
{
    LocalBrightness = 0,
    LocalContrast = 1
};

enum class OutputShapeRounding
{
    Floor = 0,
    Ceiling = 1
};

/// Which details of the loaded network the profiler prints.
enum class ProfilingDetailsMethod
{
    Undefined = 0,
    DetailsWithEvents = 1,
    DetailsOnly = 2
};

/// The old compute device names; new code uses BackendId strings.
enum class Compute
{
    Undefined = 0,
    CpuRef = 1,
    CpuAcc = 2,
    GpuAcc = 3
};

using LayerBindingId = int;
using NetworkId = int;
using ImportedInputId = unsigned int;
using ImportedOutputId = unsigned int;
using LayerGuid = uint64_t;

/// Describes how the dimensions of a tensor are reordered: source dimension i goes to m_DimMappings[i].
class PermutationVector
{
public:
    using ValueType = unsigned int;
    using SizeType = unsigned int;
    using ArrayType = std::array<ValueType, MaxNumOfTensorDimensions>;
    using ConstIterator = typename ArrayType::const_iterator;

    /// @throws InvalidArgumentException if the mappings are not a permutation of 0..n-1.
    PermutationVector(const ValueType* dimMappings, SizeType numDimMappings);
    PermutationVector(std::initializer_list<ValueType> dimMappings);
    PermutationVector() : m_DimMappings{}, m_NumDimMappings(0) {}

    ValueType operator[](SizeType i) const { return m_DimMappings.at(i); }
    SizeType GetSize() const { return m_NumDimMappings; }
    ConstIterator begin() const { return m_DimMappings.begin(); }
    ConstIterator end() const { return m_DimMappings.begin() + m_NumDimMappings; }

    bool IsEqual(const PermutationVector& other) const;
    bool IsInverse(const PermutationVector& other) const;

private:
    ArrayType m_DimMappings;
    SizeType m_NumDimMappings;
};

//
// The one list of layer types. Everything keyed by layer type (names, descriptor types, shape inference,
// serializer ids, backend dispatch) is derived from it. Order is Arm NN's; new types go at the end.
//
#define LIST_OF_LAYER_TYPE \
    X(Activation) \
    X(Addition) \
    X(ArgMinMax) \
    X(BatchNormalization) \
    X(BatchToSpaceNd) \
    X(Comparison) \
    X(Concat) \
    X(Constant) \
    X(ConvertFp16ToFp32) \
    X(ConvertFp32ToFp16) \
    X(Convolution2d) \
    X(Debug) \
    X(DepthToSpace) \
    X(DepthwiseConvolution2d) \
    X(Dequantize) \
    X(DetectionPostProcess) \
    X(Division) \
    X(ElementwiseUnary) \
    X(FakeQuantization) \
    X(Fill) \
    X(Floor) \
    X(FullyConnected) \
    X(Gather) \
    X(Input) \
    X(InstanceNormalization) \
    X(L2Normalization) \
    X(LogicalBinary) \
    X(LogSoftmax) \
    X(Lstm) \
    X(QLstm) \
    X(Map) \
    X(Maximum) \
    X(Mean) \
    X(MemCopy) \
    X(MemImport) \
    X(Merge) \
    X(Minimum) \
    X(Multiplication) \
    X(Normalization) \
    X(Output) \
    X(Pad) \
    X(Permute) \
    X(Pooling2d) \
    X(PreCompiled) \
    X(Prelu) \
    X(Quantize) \
    X(QuantizedLstm) \
    X(Reshape) \
    X(Rank) \
    X(Resize) \
    X(Reduce) \
    X(Slice) \
    X(Softmax) \
    X(SpaceToBatchNd) \
    X(SpaceToDepth) \
    X(Splitter) \
    X(Stack) \
    X(StandIn) \
    X(StridedSlice) \
    X(Subtraction) \
    X(Switch) \
    X(Transpose) \
    X(TransposeConvolution2d) \
    X(Unmap) \
    X(Cast) \
    X(Shape) \
    X(UnidirectionalSequenceLstm) \
    X(ChannelShuffle) \
    X(Convolution3d) \
    X(Pooling3d) \
    X(GatherNd) \
    X(BatchMatMul) \
    X(ElementwiseBinary) \
    X(ReverseV2) \
    X(Tile) \
    X(ScatterNd) \
    X(BroadcastTo) \
    X(TopK) \
    X(RoiAlign)

enum class LayerType
{
#define X(name) name,
    LIST_OF_LAYER_TYPE
#undef X
    FirstLayer = Activation,
    LastLayer = RoiAlign
};

const char* GetLayerTypeAsCString(LayerType type);

class ITensorHandle;

/// Called by Debug layers with the tensor a layer produced.
using DebugCallbackFunction = std::function<void(LayerGuid guid, unsigned int slotIndex, ITensorHandle* tensorHandle)>;

} // namespace armnn

namespace armnn
{
/// The backends a runtime has loaded; Optimize picks from them.
class IDeviceSpec
{
public:
    virtual const BackendIdSet& GetSupportedBackends() const = 0;

protected:
    IDeviceSpec() {}
    virtual ~IDeviceSpec() {}
};
} // namespace armnn

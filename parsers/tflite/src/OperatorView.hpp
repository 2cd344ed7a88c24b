//
// The TensorFlow Lite operator mapping shared by the parser and the (future) TensorFlow Lite delegate.
//
// A convert function sees one operator through OperatorView: its input and output TensorInfos, the data of its
// constant inputs and its options as plain structs. It never sees FlatBuffers types, so the parser fills the view
// from a .tflite file and the delegate can fill it from a TfLiteNode. It adds layers through IGraphBuilder.
//
#pragma once

#include <armnn/Exceptions.hpp>
#include <armnn/INetwork.hpp>
#include <armnn/Tensor.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace armnnTfLiteParser
{
namespace ops
{

enum class Padding
{
    Same,
    Valid
};

/// TensorFlow Lite's fused activation functions (ActivationFunctionType).
enum class FusedActivation
{
    None,
    Relu,
    ReluN1To1,
    Relu6,
    Tanh,
    SignBit
};

enum class MirrorPadMode
{
    Reflect,
    Symmetric
};

/// The union of the builtin options the converters read; each operator uses the fields its TFLite options
/// table has (defaults are TensorFlow Lite's).
struct OperatorOptions
{
    Padding padding = Padding::Valid;
    int32_t strideW = 1;
    int32_t strideH = 1;
    int32_t dilationW = 1;
    int32_t dilationH = 1;
    int32_t strideD = 1;   ///< CONV_3D
    int32_t dilationD = 1; ///< CONV_3D
    int32_t filterW = 0;
    int32_t filterH = 0;
    int32_t depthMultiplier = 0;
    FusedActivation activation = FusedActivation::None;
    int32_t axis = 0;
    bool keepDims = false;
    bool keepNumDims = false;
    float beta = 0.0f;            ///< SOFTMAX beta, LRN beta
    float alpha = 0.0f;           ///< LEAKY_RELU alpha, LRN alpha
    float bias = 0.0f;            ///< LRN bias
    int32_t radius = 0;           ///< LRN radius
    bool hasNewShape = false;     ///< RESHAPE: new_shape present in the options
    std::vector<int32_t> newShape;
    std::vector<int32_t> squeezeDims;
    int32_t numSplits = 0;
    int32_t beginMask = 0, endMask = 0, ellipsisMask = 0, newAxisMask = 0, shrinkAxisMask = 0;
    int32_t blockSize = 0;
    bool alignCorners = false;
    bool halfPixelCenters = false;
    bool adjX = false, adjY = false;
    armnn::DataType outputType = armnn::DataType::Signed32; ///< ARG_MAX/ARG_MIN/SHAPE output type
    MirrorPadMode mirrorMode = MirrorPadMode::Reflect;
    int32_t valuesCount = 0;      ///< PACK
    int32_t num = 0;              ///< UNPACK
    bool approximate = false;     ///< GELU
    std::vector<uint8_t> customOptions; ///< custom operators: the raw (FlexBuffers) options
};

struct TensorView
{
    bool present = false;          ///< false for an omitted optional input (index -1)
    int32_t index = -1;            ///< tensor index in the subgraph
    std::string name;
    armnn::TensorInfo info;        ///< IsConstant() for constant tensors
    const uint8_t* data = nullptr; ///< constant data (info.GetNumBytes() bytes, any alignment), else null

    bool IsConstant() const { return data != nullptr; }
};

struct OperatorView
{
    int32_t builtinCode = 0;
    std::string opName; ///< e.g. "CONV_2D" or the custom code
    uint32_t subgraphIndex = 0;
    uint32_t operatorIndex = 0;
    std::vector<TensorView> inputs;
    std::vector<TensorView> outputs;
    OperatorOptions options;

    /// Name of the layers created for this operator: "<op>:<subgraph>:<index>".
    std::string LayerName(const char* suffix = nullptr) const
    {
        std::string n = opName + ":" + std::to_string(subgraphIndex) + ":" + std::to_string(operatorIndex);
        return suffix ? n + ":" + suffix : n;
    }
};

/// Where convert functions put layers. Implemented by the parser (and the delegate).
class IGraphBuilder
{
public:
    virtual ~IGraphBuilder() = default;
    virtual armnn::INetwork& Network() = 0;
    /// The slot producing input i of the operator; constant inputs get a Constant layer (one per tensor, shared).
    virtual armnn::IOutputSlot& Input(size_t i) = 0;
    /// Registers `slot` as the producer of output i and sets its TensorInfo to the output's.
    virtual void SetOutput(size_t i, armnn::IOutputSlot& slot) = 0;
    /// Output i was computed at parse time (a folded constant, e.g. a DEQUANTIZE of fp16 weights): later operators
    /// may see it as a constant input with these bytes (the output's TensorInfo). Optional for a builder.
    virtual void SetConstantOutputData(size_t i, std::vector<uint8_t> bytes) {}
};

/// Thrown by convert functions; the caller adds the subgraph, operator index and name.
class OperatorError : public armnn::ParseException
{
public:
    using armnn::ParseException::ParseException;
};

using ConvertFn = void (*)(const OperatorView&, IGraphBuilder&);

/// One entry of the operator table.
struct OperatorEntry
{
    int32_t builtinCode;      ///< BuiltinOperator value (32 = CUSTOM)
    const char* name;         ///< TensorFlow Lite's operator name, or the custom code for custom operators
    uint8_t minInputs, maxInputs;
    uint8_t minOutputs, maxOutputs; ///< maxInputs/maxOutputs 255 = any number
    ConvertFn convert;
    const char* notes;        ///< what is supported, for docs/tflite-operators.md
};

constexpr int32_t kBuiltinCustom = 32;
constexpr uint8_t kAny = 255;

/// The operator table, sorted by builtin code (custom operators last).
const std::vector<OperatorEntry>& GetOperatorTable();
/// nullptr when the operator is not supported. customCode is only compared for CUSTOM operators.
const OperatorEntry* FindOperator(int32_t builtinCode, const std::string& customCode);

} // namespace ops
} // namespace armnnTfLiteParser

//
// Inside of armnnOnnxParser: the parse state shared by the graph walk (OnnxParser.cpp) and the operator table
// (OnnxOperators.cpp). Private; only the parser's sources include it.
//
#pragma once

#include <armnnOnnxParser/IOnnxParser.hpp>

#include <armnn/ArmNN.hpp>
#include <armnn/Descriptors.hpp>
#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>
#include <armnn/INetwork.hpp>

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace armnnOnnxParser
{

/// Limits that keep untrusted models from asking for absurd allocations.
constexpr int64_t kMaxDimension = (int64_t(1) << 31) - 1;
constexpr int64_t kMaxElements = int64_t(1) << 30;

/// double -> int64 without undefined behaviour for untrusted values: NaN gives 0, out-of-range values saturate.
inline int64_t SaturatingInt64(double v)
{
    if (!(v == v)) return 0;
    if (v >= 9223372036854775807.0) return INT64_MAX;
    if (v <= -9223372036854775808.0) return INT64_MIN;
    return static_cast<int64_t>(v);
}

/// double -> float without undefined behaviour: magnitudes beyond the float range become infinities.
inline float NarrowToFloat(double v)
{
    if (v > 3.4028234663852886e38) return std::numeric_limits<float>::infinity();
    if (v < -3.4028234663852886e38) return -std::numeric_limits<float>::infinity();
    return static_cast<float>(v);
}

/// A tensor known at parse time (initializer, Constant node or folded result), held on the host for folding.
/// Integer and boolean tensors keep their values in m_Ints, floating ones in m_Reals.
struct ConstValue
{
    int32_t m_ElemType = 0; // onnx::TensorProto_DataType
    std::vector<int64_t> m_Dims;
    std::vector<int64_t> m_Ints;
    std::vector<double> m_Reals;

    bool IsReal() const;
    size_t NumElements() const;
    double Real(size_t i) const { return IsReal() ? m_Reals[i] : static_cast<double>(m_Ints[i]); }
    int64_t Int(size_t i) const { return IsReal() ? SaturatingInt64(m_Reals[i]) : m_Ints[i]; }
};

/// One ONNX value (a named tensor) during parsing: its ONNX type and shape, and where it comes from.
struct Value
{
    int32_t m_ElemType = 0;
    std::vector<int64_t> m_Dims;                  // ONNX shape; empty = scalar
    armnn::IOutputSlot* m_Slot = nullptr;         // producer in the network (null until a constant is needed)
    std::shared_ptr<const ConstValue> m_Const;    // set when the value is known at parse time
};

/// ONNX element type <-> armnn::DataType. Types without an armnn equivalent give a ParseException.
armnn::DataType ToArmnnType(int32_t onnxType, const std::string& context);
std::string OnnxTypeName(int32_t onnxType);
armnn::TensorShape ToArmnnShape(const std::vector<int64_t>& dims, const std::string& context);
std::string DimsToString(const std::vector<int64_t>& dims);

class OnnxParserImpl;

/// What a converter sees of the node it converts. Errors thrown through Fail/Unsupported name the node, its
/// operator type and (when given) the tensor.
class NodeContext
{
public:
    NodeContext(OnnxParserImpl& parser, const onnx::NodeProto& node, int64_t opset, size_t index);

    const onnx::NodeProto& Node() const { return m_Node; }
    int64_t Opset() const { return m_Opset; }
    size_t Index() const { return m_Index; }
    OnnxParserImpl& Parser() { return m_Parser; }
    armnn::INetwork& Network();

    [[noreturn]] void Fail(const std::string& what, const std::string& tensor = "") const;
    [[noreturn]] void Unsupported(const std::string& what, const std::string& tensor = "") const;
    std::string Describe(const std::string& tensor = "") const;
    std::string LayerName(const std::string& suffix = "") const;

    // Inputs. An input is present when its name is non-empty.
    size_t NumInputs() const { return static_cast<size_t>(m_Node.input_size()); }
    bool Has(size_t i) const;
    const std::string& InputName(size_t i) const;
    const Value& In(size_t i) const;                     // throws when absent
    const std::vector<int64_t>& Dims(size_t i) const { return In(i).m_Dims; }
    size_t Rank(size_t i) const { return In(i).m_Dims.size(); }
    bool IsConst(size_t i) const { return Has(i) && In(i).m_Const != nullptr; }
    const ConstValue& Const(size_t i, const char* what) const;   // throws "must be a constant" when not
    std::vector<int64_t> ConstInts(size_t i, const char* what) const;
    std::vector<float> ConstFloats(size_t i, const char* what) const;
    armnn::IOutputSlot& Slot(size_t i);                  // creates the Constant layer of a constant input
    armnn::IOutputSlot& ConstSlot(const ConstValue& value, const std::string& suffix);

    // Attributes.
    const onnx::AttributeProto* Attr(const std::string& name) const;
    int64_t AttrInt(const std::string& name, int64_t def) const;
    float AttrFloat(const std::string& name, float def) const;
    std::string AttrString(const std::string& name, const std::string& def) const;
    std::vector<int64_t> AttrInts(const std::string& name, const std::vector<int64_t>& def = {}) const;
    std::vector<float> AttrFloats(const std::string& name) const;
    bool HasAttr(const std::string& name) const { return Attr(name) != nullptr; }

    /// Connects inputs to a new layer, infers its output shapes with the layer's own inference, and sets the
    /// output TensorInfos (one data type per output; quantization scale 1 and offset 0 for 8-bit types).
    armnn::IConnectableLayer* Emit(armnn::IConnectableLayer* layer, const std::vector<armnn::IOutputSlot*>& inputs,
                                   const std::vector<armnn::DataType>& outputTypes);
    armnn::IConnectableLayer* Emit(armnn::IConnectableLayer* layer, const std::vector<armnn::IOutputSlot*>& inputs,
                                   armnn::DataType outputType)
    {
        return Emit(layer, inputs, std::vector<armnn::DataType>{outputType});
    }
    /// Reshapes a slot to dims (no layer when the shape already matches).
    armnn::IOutputSlot& Reshape(armnn::IOutputSlot& slot, const std::vector<int64_t>& dims,
                                const std::string& suffix = "_reshape");

    /// Records node output i. dims is its ONNX shape; when it differs from the slot's shape (other than a scalar
    /// held as [1]) a Reshape is inserted.
    void SetOutput(size_t i, armnn::IOutputSlot& slot, int32_t elemType, const std::vector<int64_t>& dims);
    /// Records node output i as a value known at parse time (constant folding).
    void SetConstOutput(size_t i, ConstValue value);
    /// Node output i is the same value as input j (Identity and friends).
    void Alias(size_t i, size_t j);
    size_t NumOutputs() const { return static_cast<size_t>(m_Node.output_size()); }
    bool HasOutput(size_t i) const { return i < NumOutputs() && !m_Node.output(static_cast<int>(i)).empty(); }

private:
    OnnxParserImpl& m_Parser;
    const onnx::NodeProto& m_Node;
    int64_t m_Opset;
    size_t m_Index;
};

/// saturate(round_half_even(v) + zeroPoint) as an 8-bit tensor of the given type, scale and zero point: the
/// rounding of ONNX's QuantizeLinear, where v is already x / scale (OnnxOperators.cpp).
armnn::IOutputSlot& QuantizeScaled(NodeContext& ctx, armnn::IOutputSlot& v, int32_t floatType, float scale,
                                   int32_t zeroPoint, armnn::DataType type, const std::string& suffix);

/// Network building blocks shared with OnnxQdq.cpp (OnnxOperators.cpp): a slot as float32 (Cast when needed), an
/// elementwise binary layer, and saturate(round_half_even(v) + zeroPoint) into [lo, hi] cast to outType, where
/// v and zeroPoint (optional) are float32 slots computed at run time.
armnn::IOutputSlot& FloatSlot(NodeContext& ctx, armnn::IOutputSlot& s, const std::string& suffix);
armnn::IOutputSlot& BinarySlot(NodeContext& ctx, armnn::BinaryOperation op, armnn::IOutputSlot& a,
                               armnn::IOutputSlot& b, const std::string& suffix);
armnn::IOutputSlot& QuantizeRuntime(NodeContext& ctx, armnn::IOutputSlot& v, armnn::IOutputSlot* zeroPoint,
                                    int32_t outType, double lo, double hi);

using Converter = std::function<void(NodeContext&)>;
/// The one operator table: ONNX op type -> converter (OnnxOperators.cpp).
const std::map<std::string, Converter>& OperatorTable();

/// Per-tensor constant parameters of a QuantizeLinear or DequantizeLinear node.
struct QdqParams
{
    float m_Scale = 1.0f;
    int32_t m_ZeroPoint = 0;
    int32_t m_ZeroPointType = 0; // onnx::TensorProto_DataType; UINT8 when the zero point is absent
};

/// An integer Conv / Gemm / MatMul requantized to 8 bits: a fused QDQ group or a QLinearConv / QLinearMatMul.
struct IntegerOp
{
    std::string m_FloatOp;                 // "Conv", "Gemm" or "MatMul": converts the op on the centred integers
    std::string m_XName, m_WName, m_BName; // the node's input names (m_BName empty: no bias)
    armnn::IOutputSlot* m_X = nullptr;     // the 8-bit activations
    std::vector<int64_t> m_XDims;
    float m_XScale = 1.0f;
    int32_t m_XZeroPoint = 0;
    const ConstValue* m_W = nullptr;       // 8-bit weights
    size_t m_WAxis = 0;                    // the weights' output-channel axis (per-channel parameters)
    std::vector<float> m_WScales;          // one, or one per output channel
    std::vector<int64_t> m_WZeroPoints;    // as many as m_WScales
    const ConstValue* m_B = nullptr;       // int32 bias, or null
    QdqParams m_Y;
};
/// Builds op as ONNX Runtime's integer kernels compute it (OnnxQdq.cpp) and returns the requantized output.
Value BuildIntegerOp(NodeContext& ctx, const IntegerOp& op);
void ConvertQLinearConv(NodeContext& ctx);
void ConvertQLinearMatMul(NodeContext& ctx);
void ConvertConvInteger(NodeContext& ctx);
void ConvertMatMulInteger(NodeContext& ctx);

class OnnxParserImpl
{
public:
    armnn::INetworkPtr LoadBinary(const void* data, size_t size, const std::string& folder,
                                  const std::map<std::string, armnn::TensorShape>& inputShapes);
    armnn::INetworkPtr LoadText(const std::string& text, const std::string& folder,
                                const std::map<std::string, armnn::TensorShape>& inputShapes);
    BindingPointInfo GetInputBinding(const std::string& name) const;
    BindingPointInfo GetOutputBinding(const std::string& name) const;

    // Used by NodeContext.
    armnn::INetwork& Network() { return *m_Network; }
    std::unordered_map<std::string, Value>& Values() { return m_Values; }
    const std::string& ModelFolder() const { return m_Folder; }
    /// The shape the model declares for a value (graph output or value_info), -1 for a dimension it leaves open;
    /// nullopt when it declares none.
    std::optional<std::vector<int64_t>> DeclaredDims(const std::string& name) const;

private:
    armnn::INetworkPtr Build(const onnx::ModelProto& model, const std::map<std::string, armnn::TensorShape>& shapes);
    void AddInputs(const onnx::GraphProto& graph, const std::map<std::string, armnn::TensorShape>& shapes);
    std::vector<const onnx::NodeProto*> SortNodes(const onnx::GraphProto& graph);
    void AddOutputs(const onnx::GraphProto& graph);
    // QDQ fusion (OnnxQdq.cpp).
    std::optional<QdqParams> ReadQdqParams(const onnx::NodeProto& node) const;
    /// Scales of a DequantizeLinear of a constant with per-axis parameters along `axis` of its rank-`rank` input
    /// and zero points all 0; nullopt for anything else.
    std::optional<std::vector<float>> ReadPerAxisScales(const onnx::NodeProto& node, size_t rank, size_t axis) const;
    bool IsFusableDequantize(const onnx::NodeProto& node) const; // of an activation, whose only consumer may fuse
    bool TryFuseQdq(const onnx::NodeProto& node, size_t index);

    armnn::INetworkPtr m_Network{nullptr, nullptr};
    std::unordered_map<std::string, Value> m_Values;
    std::map<std::string, BindingPointInfo> m_InputBindings;
    std::map<std::string, BindingPointInfo> m_OutputBindings;
    std::string m_Folder;
    int64_t m_Opset = 0;
    std::unordered_map<std::string, const onnx::NodeProto*> m_Producers;
    std::unordered_map<std::string, std::vector<const onnx::NodeProto*>> m_Consumers;
    std::set<std::string> m_GraphOutputs;
    std::set<const onnx::NodeProto*> m_Fused; // QuantizeLinear nodes absorbed by a fused group
    const onnx::GraphProto* m_Graph = nullptr; // while Build runs
};

/// Decodes an initializer or attribute tensor, checking its data against its dims; external data is read from
/// folder (empty: refused). Errors name `context`.
ConstValue DecodeTensor(const onnx::TensorProto& tensor, const std::string& folder, const std::string& context);
/// Encodes a constant into the bytes of its armnn type.
std::vector<uint8_t> EncodeConst(const ConstValue& value, armnn::DataType type);

} // namespace armnnOnnxParser

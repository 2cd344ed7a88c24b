//
// QDQ fusion: DequantizeLinear -> Conv / Gemm / MatMul -> QuantizeLinear groups are computed as ONNX Runtime's
// integer kernels compute them (integer sums, float requantization rounded half to even), so that QDQ models give
// its results exactly. Groups that do not fit stay on the float path (Dequantize, float layer, Quantize).
//
#include "OnnxParserImpl.hpp"

#include <cmath>
#include <functional>
#include <set>

namespace armnnOnnxParser
{

namespace
{

using TP = onnx::TensorProto;

bool Is8Bit(int32_t t) { return t == TP::INT8 || t == TP::UINT8; }

int64_t NodeAttrInt(const onnx::NodeProto& n, const std::string& name, int64_t def)
{
    for (const auto& a : n.attribute()) if (a.name() == name) return a.i();
    return def;
}

float NodeAttrFloat(const onnx::NodeProto& n, const std::string& name, float def)
{
    for (const auto& a : n.attribute()) if (a.name() == name) return a.f();
    return def;
}

/// The ops that ONNX Runtime fuses into integer kernels with a float requantization (QLinearConv, QGemm,
/// QLinearMatMul).
const std::set<std::string>& FusableOps()
{
    static const std::set<std::string> ops = {"Conv", "Gemm", "MatMul"};
    return ops;
}

} // namespace

std::optional<QdqParams> OnnxParserImpl::ReadQdqParams(const onnx::NodeProto& n) const
{
    if (n.input_size() < 2 || NodeAttrInt(n, "block_size", 0) != 0 || NodeAttrInt(n, "output_dtype", 0) != 0 ||
        NodeAttrInt(n, "saturate", 1) == 0)
    {
        return std::nullopt;
    }
    auto s = m_Values.find(n.input(1));
    if (s == m_Values.end() || !s->second.m_Const || s->second.m_Const->NumElements() != 1) return std::nullopt;
    QdqParams p;
    p.m_Scale = NarrowToFloat(s->second.m_Const->Real(0));
    if (!(p.m_Scale > 0.0f) || !std::isfinite(p.m_Scale)) return std::nullopt;
    p.m_ZeroPointType = TP::UINT8;
    if (n.input_size() > 2 && !n.input(2).empty())
    {
        auto z = m_Values.find(n.input(2));
        if (z == m_Values.end() || !z->second.m_Const || z->second.m_Const->NumElements() != 1) return std::nullopt;
        p.m_ZeroPointType = z->second.m_ElemType;
        const int64_t zp = z->second.m_Const->Int(0);
        if (zp < -128 || zp > 255) return std::nullopt;
        p.m_ZeroPoint = static_cast<int32_t>(zp);
    }
    return p;
}

std::optional<std::vector<float>> OnnxParserImpl::ReadPerAxisScales(const onnx::NodeProto& n, size_t rank,
                                                                     size_t axis) const
{
    if (n.input_size() < 2 || rank == 0 || NodeAttrInt(n, "block_size", 0) != 0 || NodeAttrInt(n, "output_dtype", 0) != 0)
    {
        return std::nullopt;
    }
    int64_t nodeAxis = NodeAttrInt(n, "axis", 1);
    if (nodeAxis < 0) nodeAxis += static_cast<int64_t>(rank);
    auto s = m_Values.find(n.input(1));
    if (nodeAxis != static_cast<int64_t>(axis) || s == m_Values.end() || !s->second.m_Const ||
        s->second.m_Const->m_Dims.size() != 1)
    {
        return std::nullopt;
    }
    std::vector<float> scales;
    for (size_t i = 0; i < s->second.m_Const->NumElements(); ++i)
    {
        scales.push_back(NarrowToFloat(s->second.m_Const->Real(i)));
        if (!(scales.back() > 0.0f) || !std::isfinite(scales.back())) return std::nullopt;
    }
    if (n.input_size() > 2 && !n.input(2).empty())
    {
        auto z = m_Values.find(n.input(2));
        if (z == m_Values.end() || !z->second.m_Const) return std::nullopt;
        for (size_t i = 0; i < z->second.m_Const->NumElements(); ++i)
        {
            if (z->second.m_Const->Int(i) != 0) return std::nullopt;
        }
    }
    return scales;
}

bool OnnxParserImpl::IsFusableDequantize(const onnx::NodeProto& node) const
{
    if (node.op_type() != "DequantizeLinear" || node.output_size() != 1 || node.input_size() < 1 ||
        m_GraphOutputs.count(node.output(0)))
    {
        return false;
    }
    auto x = m_Values.find(node.input(0));
    auto consumers = m_Consumers.find(node.output(0));
    return x != m_Values.end() && !x->second.m_Const && consumers != m_Consumers.end() &&
           consumers->second.size() == 1 && FusableOps().count(consumers->second[0]->op_type()) &&
           consumers->second[0]->input_size() > 0 && consumers->second[0]->input(0) == node.output(0);
}

bool OnnxParserImpl::TryFuseQdq(const onnx::NodeProto& node, size_t index)
{
    const std::string& type = node.op_type();
    if (!FusableOps().count(type) || node.output_size() != 1 || m_GraphOutputs.count(node.output(0))) return false;
    auto consumers = m_Consumers.find(node.output(0));
    if (consumers == m_Consumers.end() || consumers->second.size() != 1) return false;
    // A Relu between the op and the QuantizeLinear whose zero point is its type's minimum changes nothing after
    // quantization (negative values saturate to that minimum either way): ONNX Runtime drops it and fuses the
    // group, and so does the parser.
    const onnx::NodeProto* relu = nullptr;
    const onnx::NodeProto* next = consumers->second[0];
    if (next->op_type() == "Relu" && next->output_size() == 1 && !m_GraphOutputs.count(next->output(0)))
    {
        auto after = m_Consumers.find(next->output(0));
        if (after == m_Consumers.end() || after->second.size() != 1) return false;
        relu = next;
        next = after->second[0];
    }
    const onnx::NodeProto& q = *next;
    const std::string& quantizeInput = relu != nullptr ? relu->output(0) : node.output(0);
    if (q.op_type() != "QuantizeLinear" || q.input(0) != quantizeInput || q.output_size() != 1) return false;
    const std::optional<QdqParams> qp = ReadQdqParams(q);
    if (!qp || !Is8Bit(qp->m_ZeroPointType)) return false;
    if (relu != nullptr && qp->m_ZeroPoint != (qp->m_ZeroPointType == TP::INT8 ? -128 : 0)) return false;
    if (type == "Gemm" && (NodeAttrInt(node, "transA", 0) != 0 || NodeAttrFloat(node, "alpha", 1.0f) != 1.0f ||
                           NodeAttrFloat(node, "beta", 1.0f) != 1.0f))
    {
        return false;
    }
    if (node.input_size() < 2 || (type == "MatMul" && node.input_size() != 2) || node.input_size() > 3) return false;

    // Input 0: DequantizeLinear of an 8-bit tensor in the network, with the tensor's parameters and no other
    // consumer (ONNX Runtime leaves shared ones unfused); input 1: of an 8-bit constant with zero point 0;
    // input 2 (bias): of a 1-D int32 constant with zero point 0.
    // Weights (and then the bias) may also have per-channel scales along the output channels, zero points 0.
    std::vector<QdqParams> params;
    std::vector<const Value*> quantized;
    std::vector<float> weightScales;
    size_t weightAxis = 0;
    for (int i = 0; i < node.input_size(); ++i)
    {
        auto producer = m_Producers.find(node.input(i));
        if (producer == m_Producers.end() || producer->second->op_type() != "DequantizeLinear") return false;
        const onnx::NodeProto& dq = *producer->second;
        auto x = m_Values.find(dq.input(0));
        if (x == m_Values.end()) return false;
        const Value& xv = x->second;
        std::optional<QdqParams> dp = ReadQdqParams(dq); // checks that dq has its inputs
        if (!dp && i > 0 && xv.m_Const)
        {
            const size_t rank = xv.m_Dims.size();
            const size_t axis = i == 2 ? 0
                                : type == "Conv" ? 0
                                : type == "Gemm" ? (NodeAttrInt(node, "transB", 0) != 0 ? 0 : 1)
                                                 : rank - 1;
            const std::optional<std::vector<float>> scales = ReadPerAxisScales(dq, rank, axis);
            if (!scales || (i == 1 && rank < 2) || static_cast<int64_t>(scales->size()) != xv.m_Dims[axis] ||
                (i == 2 && scales->size() != weightScales.size()))
            {
                return false;
            }
            if (i == 1)
            {
                weightScales = *scales;
                weightAxis = axis;
            }
            dp = QdqParams{scales->front(), 0, TP::INT8};
        }
        if (!dp) return false;
        if (i == 0)
        {
            if (xv.m_Const || xv.m_Slot == nullptr || !Is8Bit(xv.m_ElemType))
            {
                return false;
            }
            const armnn::TensorInfo& info = xv.m_Slot->GetTensorInfo();
            if (!armnn::IsQuantized8BitType(info.GetDataType()) || info.HasPerAxisQuantization() ||
                info.GetQuantizationScale() != dp->m_Scale || info.GetQuantizationOffset() != dp->m_ZeroPoint)
            {
                return false;
            }
        }
        else if (!xv.m_Const || dp->m_ZeroPoint != 0 ||
                 (i == 1 ? !Is8Bit(xv.m_ElemType) : (xv.m_ElemType != TP::INT32 || xv.m_Dims.size() != 1)))
        {
            return false;
        }
        params.push_back(*dp);
        quantized.push_back(&xv);
    }

    IntegerOp op;
    op.m_FloatOp = type;
    op.m_XName = node.input(0);
    op.m_WName = node.input(1);
    op.m_BName = node.input_size() > 2 ? node.input(2) : "";
    op.m_X = quantized[0]->m_Slot;
    op.m_XDims = quantized[0]->m_Dims;
    op.m_XScale = params[0].m_Scale;
    op.m_XZeroPoint = params[0].m_ZeroPoint;
    op.m_W = quantized[1]->m_Const.get();
    op.m_WScales = weightScales.empty() ? std::vector<float>{params[1].m_Scale} : weightScales;
    op.m_WAxis = weightAxis;
    op.m_WZeroPoints.assign(op.m_WScales.size(), 0);
    op.m_B = quantized.size() > 2 ? quantized[2]->m_Const.get() : nullptr;
    op.m_Y = *qp;
    NodeContext ctx(*this, node, m_Opset, index);
    m_Values[q.output(0)] = BuildIntegerOp(ctx, op);
    m_Fused.insert(&q);
    if (relu != nullptr) m_Fused.insert(relu);
    return true;
}

namespace
{

/// Converts floatOp (Conv, Gemm or MatMul) on stand-ins for the node's inputs (x, w[, b], by name) and returns its
/// output; the converter runs on a copy of the node that names only those inputs.
Value RunFloatOp(NodeContext& ctx, const std::string& floatOp, const std::vector<std::pair<std::string, Value>>& inputs)
{
    const onnx::NodeProto& node = ctx.Node();
    if (node.output_size() < 1)
    {
        ctx.Fail("the node has no output");
    }
    auto& values = ctx.Parser().Values();
    onnx::NodeProto floatNode = node;
    floatNode.set_op_type(floatOp);
    floatNode.clear_input();
    for (const auto& in : inputs) floatNode.add_input(in.first);
    floatNode.clear_output();
    floatNode.add_output(node.output(0));
    std::map<std::string, std::optional<Value>> saved;
    for (const auto& [name, v] : inputs)
    {
        auto it = values.find(name);
        if (!saved.count(name)) saved[name] = it == values.end() ? std::nullopt : std::optional<Value>(it->second);
        values[name] = v;
    }
    auto restore = [&]() {
        for (const auto& [name, v] : saved)
        {
            if (v) values[name] = *v; else values.erase(name);
        }
    };
    Value out;
    try
    {
        NodeContext floatCtx(ctx.Parser(), floatNode, ctx.Opset(), ctx.Index());
        OperatorTable().at(floatOp)(floatCtx);
        out = values.at(node.output(0));
        values.erase(node.output(0));
    }
    catch (...)
    {
        restore();
        throw;
    }
    restore();
    return out;
}

} // namespace

Value BuildIntegerOp(NodeContext& ctx, const IntegerOp& op)
{
    // The op runs in float on the integers: x - x_zero_point, w - w_zero_point and the bias. Its sums are those of
    // the integer kernel (CpuRef sums in double; a float sum is exact below 2^24). The result is requantized as ONNX
    // Runtime does: round_half_even(float(acc) * (x_scale * w_scale / y_scale)) + y_zero_point, saturated.
    const ConstValue& w = *op.m_W;
    const size_t channels = op.m_WAxis < w.m_Dims.size() ? static_cast<size_t>(w.m_Dims[op.m_WAxis]) : 1;
    const bool perChannel = op.m_WScales.size() > 1;
    size_t inner = 1;
    for (size_t d = op.m_WAxis + 1; d < w.m_Dims.size(); ++d) inner *= static_cast<size_t>(w.m_Dims[d]);

    std::vector<std::pair<std::string, Value>> substitutes;
    {
        Value x;
        x.m_ElemType = TP::FLOAT;
        x.m_Dims = op.m_XDims;
        auto* cast = ctx.Network().AddCastLayer(ctx.LayerName("_integers").c_str());
        ctx.Emit(cast, {op.m_X}, armnn::DataType::Float32);
        x.m_Slot = &cast->GetOutputSlot(0);
        if (op.m_XZeroPoint != 0)
        {
            ConstValue zp;
            zp.m_ElemType = TP::FLOAT;
            zp.m_Reals = {static_cast<double>(op.m_XZeroPoint)};
            auto* sub = ctx.Network().AddElementwiseBinaryLayer(
                armnn::ElementwiseBinaryDescriptor(armnn::BinaryOperation::Sub), ctx.LayerName("_centred").c_str());
            ctx.Emit(sub, {x.m_Slot, &ctx.ConstSlot(zp, "_zero_point")}, armnn::DataType::Float32);
            x.m_Slot = &sub->GetOutputSlot(0);
        }
        substitutes.emplace_back(op.m_XName, x);
    }
    auto floatConst = [](const ConstValue& c, const std::function<int64_t(size_t)>& zeroPoint) {
        Value v;
        v.m_ElemType = TP::FLOAT;
        v.m_Dims = c.m_Dims;
        ConstValue f;
        f.m_ElemType = TP::FLOAT;
        f.m_Dims = c.m_Dims;
        for (size_t k = 0; k < c.NumElements(); ++k) f.m_Reals.push_back(static_cast<double>(c.Int(k) - zeroPoint(k)));
        v.m_Const = std::make_shared<const ConstValue>(std::move(f));
        return v;
    };
    substitutes.emplace_back(op.m_WName, floatConst(w, [&](size_t k) {
        return op.m_WZeroPoints.size() == 1 ? op.m_WZeroPoints[0] : op.m_WZeroPoints[(k / inner) % channels];
    }));
    if (op.m_B) substitutes.emplace_back(op.m_BName, floatConst(*op.m_B, [](size_t) { return int64_t(0); }));

    const Value out = RunFloatOp(ctx, op.m_FloatOp, substitutes);

    armnn::IOutputSlot* scaled = nullptr;
    if (!perChannel)
    {
        // A Linear activation (multiplier * acc + 0) rounds as a float multiplication does.
        const float multiplier = op.m_XScale * op.m_WScales[0] / op.m_Y.m_Scale;
        auto* mul = ctx.Network().AddActivationLayer(
            armnn::ActivationDescriptor(armnn::ActivationFunction::Linear, multiplier, 0.0f),
            ctx.LayerName("_requantize").c_str());
        ctx.Emit(mul, {out.m_Slot}, armnn::DataType::Float32);
        scaled = &mul->GetOutputSlot(0);
    }
    else
    {
        // One multiplier per output channel: axis 1 of a convolution's output, the last axis of a matrix product.
        ConstValue m;
        m.m_ElemType = TP::FLOAT;
        m.m_Dims.assign(out.m_Dims.size(), 1);
        m.m_Dims[op.m_FloatOp == "Conv" ? 1 : out.m_Dims.size() - 1] = static_cast<int64_t>(channels);
        for (float s : op.m_WScales) m.m_Reals.push_back(static_cast<double>(op.m_XScale * s / op.m_Y.m_Scale));
        auto* mul = ctx.Network().AddElementwiseBinaryLayer(
            armnn::ElementwiseBinaryDescriptor(armnn::BinaryOperation::Mul), ctx.LayerName("_requantize").c_str());
        ctx.Emit(mul, {out.m_Slot, &ctx.ConstSlot(m, "_multipliers")}, armnn::DataType::Float32);
        scaled = &mul->GetOutputSlot(0);
    }
    const armnn::DataType qtype = op.m_Y.m_ZeroPointType == TP::INT8 ? armnn::DataType::QAsymmS8
                                                                     : armnn::DataType::QAsymmU8;
    Value result;
    result.m_ElemType = op.m_Y.m_ZeroPointType;
    result.m_Dims = out.m_Dims;
    result.m_Slot = &QuantizeScaled(ctx, *scaled, TP::FLOAT, op.m_Y.m_Scale, op.m_Y.m_ZeroPoint, qtype, "_quantized");
    return result;
}

namespace
{

/// A scale and zero point input pair of a QLinear operator: scalars, or (per-channel) 1-D of `channels` values.
void ReadScaleZeroPoint(NodeContext& ctx, size_t scaleIndex, size_t channels, std::vector<float>& scales,
                        std::vector<int64_t>& zeroPoints, int32_t& zeroPointType)
{
    scales = ctx.ConstFloats(scaleIndex, "scale");
    if (scales.empty() || (scales.size() != 1 && scales.size() != channels))
    {
        ctx.Unsupported("scale with " + std::to_string(scales.size()) + " values (1" +
                        (channels > 1 ? " or " + std::to_string(channels) : std::string()) + " supported)",
                        ctx.InputName(scaleIndex));
    }
    for (float s : scales)
    {
        if (!(s > 0.0f) || !std::isfinite(s)) ctx.Fail("scale must be positive and finite", ctx.InputName(scaleIndex));
    }
    zeroPoints.assign(scales.size(), 0);
    if (ctx.Has(scaleIndex + 1))
    {
        zeroPoints = ctx.ConstInts(scaleIndex + 1, "zero point");
        zeroPointType = ctx.In(scaleIndex + 1).m_ElemType;
        if (zeroPoints.size() == 1 && scales.size() > 1) zeroPoints.assign(scales.size(), zeroPoints[0]);
        if (zeroPoints.size() != scales.size())
        {
            ctx.Fail("zero point has " + std::to_string(zeroPoints.size()) + " values, scale " +
                     std::to_string(scales.size()), ctx.InputName(scaleIndex + 1));
        }
    }
}

/// Per-axis parameters (1-D, more than one value) of input i line up with `axis` of a tensor of rank `rank`
/// (rank 0: only one value is supported).
armnn::IOutputSlot& Along(NodeContext& ctx, size_t i, armnn::IOutputSlot& s, size_t rank, size_t axis)
{
    const std::vector<int64_t>& d = ctx.Dims(i);
    int64_t n = 1;
    for (int64_t v : d) n *= v;
    if (n == 1) return s;
    if (d.size() != 1 || rank <= axis)
    {
        ctx.Unsupported("per-axis parameters of shape " + DimsToString(d), ctx.InputName(i));
    }
    std::vector<int64_t> shape(rank, 1);
    shape[axis] = n;
    return ctx.Reshape(s, shape, "_" + ctx.InputName(i) + "_axis");
}

armnn::IOutputSlot& FloatParam(NodeContext& ctx, size_t i)
{
    return FloatSlot(ctx, ctx.Slot(i), "_" + ctx.InputName(i) + "_float");
}

/// Runs floatOp on x - x_zero_point and w - w_zero_point (per output channel allowed) computed in the network,
/// plus the int32 bias when bIndex names one: the integer sums of ONNX's integer operators.
Value IntegerSums(NodeContext& ctx, const std::string& floatOp, size_t xIndex, size_t xZeroIndex, size_t wIndex,
                  size_t wZeroIndex, size_t bIndex)
{
    using BO = armnn::BinaryOperation;
    for (size_t i : {xIndex, wIndex})
    {
        if (!Is8Bit(ctx.In(i).m_ElemType))
        {
            ctx.Unsupported("input of type " + OnnxTypeName(ctx.In(i).m_ElemType) + " (int8 and uint8 only)",
                            ctx.InputName(i));
        }
    }
    const std::vector<int64_t> wDims = ctx.Dims(wIndex);
    const size_t wAxis = floatOp == "Conv" || wDims.empty() ? 0 : wDims.size() - 1;
    std::vector<std::pair<std::string, Value>> inputs;
    Value x;
    x.m_ElemType = TP::FLOAT;
    x.m_Dims = ctx.Dims(xIndex);
    x.m_Slot = &FloatSlot(ctx, ctx.Slot(xIndex), "_integers");
    if (ctx.Has(xZeroIndex))
    {
        // A convolution's x has one zero point, a MatMul's a one per row.
        const size_t rank = floatOp == "MatMul" && x.m_Dims.size() >= 2 ? x.m_Dims.size() : 0;
        armnn::IOutputSlot& zp = Along(ctx, xZeroIndex, FloatParam(ctx, xZeroIndex), rank, rank == 0 ? 0 : rank - 2);
        x.m_Slot = &BinarySlot(ctx, BO::Sub, *x.m_Slot, zp, "_centred");
    }
    inputs.emplace_back(ctx.InputName(xIndex), x);
    Value w;
    w.m_ElemType = TP::FLOAT;
    w.m_Dims = wDims;
    w.m_Slot = &FloatSlot(ctx, ctx.Slot(wIndex), "_w_integers");
    if (ctx.Has(wZeroIndex))
    {
        armnn::IOutputSlot& zp = Along(ctx, wZeroIndex, FloatParam(ctx, wZeroIndex), wDims.size(), wAxis);
        w.m_Slot = &BinarySlot(ctx, BO::Sub, *w.m_Slot, zp, "_w_centred");
    }
    inputs.emplace_back(ctx.InputName(wIndex), w);
    if (ctx.Has(bIndex))
    {
        if (ctx.In(bIndex).m_ElemType != TP::INT32)
        {
            ctx.Unsupported("bias of type " + OnnxTypeName(ctx.In(bIndex).m_ElemType), ctx.InputName(bIndex));
        }
        Value b;
        b.m_ElemType = TP::FLOAT;
        b.m_Dims = ctx.Dims(bIndex);
        b.m_Slot = &FloatParam(ctx, bIndex);
        inputs.emplace_back(ctx.InputName(bIndex), b);
    }
    return RunFloatOp(ctx, floatOp, inputs);
}

/// QLinear operators whose weights or parameters are known only at run time: the same arithmetic, with the
/// multipliers x_scale * w_scale / y_scale (float) and the zero points computed in the network.
void QLinearAtRunTime(NodeContext& ctx, const std::string& floatOp)
{
    using BO = armnn::BinaryOperation;
    const Value out = IntegerSums(ctx, floatOp, 0, 2, 3, 5, 8);
    const size_t outAxis = floatOp == "Conv" ? 1 : (out.m_Dims.empty() ? 0 : out.m_Dims.size() - 1);
    // a's per-row scales line up with the output's rows (its last axis when b is a vector).
    const size_t outRank = out.m_Dims.size();
    const bool bVector = ctx.Rank(3) == 1;
    const size_t rowRank = floatOp == "MatMul" && (bVector ? outRank >= 1 : outRank >= 2) ? outRank : 0;
    armnn::IOutputSlot& xScale = Along(ctx, 1, FloatParam(ctx, 1), rowRank,
                                       rowRank == 0 ? 0 : rowRank - (bVector ? 1 : 2));
    armnn::IOutputSlot& xw = BinarySlot(ctx, BO::Mul, xScale, Along(ctx, 4, FloatParam(ctx, 4), outRank, outAxis),
                                        "_xw_scale");
    armnn::IOutputSlot& m = BinarySlot(ctx, BO::Div, xw, FloatParam(ctx, 6), "_multiplier");
    armnn::IOutputSlot& v = BinarySlot(ctx, BO::Mul, *out.m_Slot, m, "_requantize");
    const int32_t yType = ctx.Has(7) ? ctx.In(7).m_ElemType : TP::UINT8;
    if (!Is8Bit(yType))
    {
        ctx.Unsupported("output type " + OnnxTypeName(yType) + " (int8 and uint8 only)", ctx.InputName(7));
    }
    const double lo = yType == TP::INT8 ? -128 : 0, hi = yType == TP::INT8 ? 127 : 255;
    armnn::IOutputSlot& y = QuantizeRuntime(ctx, v, ctx.Has(7) ? &FloatParam(ctx, 7) : nullptr, yType, lo, hi);
    ctx.SetOutput(0, y, yType, out.m_Dims);
}

/// ConvInteger (x, w, x_zero_point, w_zero_point) and MatMulInteger (a, b, a_zero_point, b_zero_point): the int32
/// sums. They pass through float32, exact while they stay below 2^24 in magnitude.
void ConvertInteger(NodeContext& ctx, const std::string& floatOp)
{
    if (ctx.NumInputs() < 2) ctx.Fail("expects 2 to 4 inputs, has " + std::to_string(ctx.NumInputs()));
    const Value out = IntegerSums(ctx, floatOp, 0, 2, 1, 3, ctx.NumInputs() + 1);
    auto* cast = ctx.Network().AddCastLayer(ctx.LayerName("_int32").c_str());
    ctx.Emit(cast, {out.m_Slot}, armnn::DataType::Signed32);
    ctx.SetOutput(0, cast->GetOutputSlot(0), TP::INT32, out.m_Dims);
}

/// QLinearConv (x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point[, B]) and QLinearMatMul
/// (a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point).
void ConvertQLinear(NodeContext& ctx, const std::string& floatOp)
{
    if (ctx.NumInputs() < 8) ctx.Fail("expects 8 inputs, has " + std::to_string(ctx.NumInputs()));
    for (size_t i : {size_t(0), size_t(3)})
    {
        if (!Is8Bit(ctx.In(i).m_ElemType))
        {
            ctx.Unsupported("input of type " + OnnxTypeName(ctx.In(i).m_ElemType) + " (int8 and uint8 only)",
                            ctx.InputName(i));
        }
    }
    for (size_t i = 1; i < ctx.NumInputs(); ++i)
    {
        if (ctx.Has(i) && !ctx.IsConst(i))
        {
            QLinearAtRunTime(ctx, floatOp);
            return;
        }
    }
    IntegerOp op;
    op.m_FloatOp = floatOp;
    op.m_XName = ctx.InputName(0);
    op.m_WName = ctx.InputName(3);
    op.m_X = &ctx.Slot(0);
    op.m_XDims = ctx.Dims(0);
    op.m_W = &ctx.Const(3, "weights");
    const size_t wRank = op.m_W->m_Dims.size();
    // Per-channel weights parameters: along the output channels (axis 0 of Conv weights, the columns of a 2-D b).
    op.m_WAxis = floatOp == "Conv" ? 0 : (wRank == 0 ? 0 : wRank - 1);
    const size_t channels = wRank == 0 ? 1 : static_cast<size_t>(op.m_W->m_Dims[op.m_WAxis]);

    std::vector<float> scales;
    std::vector<int64_t> zeroPoints;
    int32_t type = ctx.In(0).m_ElemType;
    ReadScaleZeroPoint(ctx, 1, 1, scales, zeroPoints, type);
    if (type != ctx.In(0).m_ElemType) ctx.Fail("zero point type differs from the input's", ctx.InputName(2));
    auto zeroPoint8 = [&](int64_t z, size_t i) {
        if (z < -128 || z > 255)
        {
            ctx.Fail("zero point " + std::to_string(z) + " is out of the 8-bit range", ctx.InputName(i));
        }
        return static_cast<int32_t>(z);
    };
    op.m_XScale = scales[0];
    op.m_XZeroPoint = zeroPoint8(zeroPoints[0], 2);
    type = ctx.In(3).m_ElemType;
    ReadScaleZeroPoint(ctx, 4, floatOp == "Conv" || wRank == 2 ? channels : 1, op.m_WScales, op.m_WZeroPoints, type);
    if (type != ctx.In(3).m_ElemType) ctx.Fail("zero point type differs from the weights'", ctx.InputName(5));
    op.m_Y.m_ZeroPointType = TP::UINT8;
    ReadScaleZeroPoint(ctx, 6, 1, scales, zeroPoints, op.m_Y.m_ZeroPointType);
    if (!Is8Bit(op.m_Y.m_ZeroPointType))
    {
        ctx.Unsupported("output type " + OnnxTypeName(op.m_Y.m_ZeroPointType) + " (int8 and uint8 only)",
                        ctx.InputName(7));
    }
    op.m_Y.m_Scale = scales[0];
    op.m_Y.m_ZeroPoint = zeroPoint8(zeroPoints[0], 7);
    for (int64_t z : op.m_WZeroPoints) zeroPoint8(z, 5);
    if (ctx.Has(8))
    {
        if (ctx.In(8).m_ElemType != TP::INT32 || !ctx.IsConst(8) || ctx.Rank(8) != 1)
        {
            ctx.Unsupported("bias that is not a 1-D int32 constant", ctx.InputName(8));
        }
        op.m_BName = ctx.InputName(8);
        op.m_B = &ctx.Const(8, "bias");
    }
    const Value y = BuildIntegerOp(ctx, op);
    ctx.SetOutput(0, *y.m_Slot, y.m_ElemType, y.m_Dims);
}

} // namespace

void ConvertQLinearConv(NodeContext& ctx) { ConvertQLinear(ctx, "Conv"); }
void ConvertQLinearMatMul(NodeContext& ctx) { ConvertQLinear(ctx, "MatMul"); }
void ConvertConvInteger(NodeContext& ctx) { ConvertInteger(ctx, "Conv"); }
void ConvertMatMulInteger(NodeContext& ctx) { ConvertInteger(ctx, "MatMul"); }

} // namespace armnnOnnxParser

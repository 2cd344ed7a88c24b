//
// QDQ fusion: DequantizeLinear -> Conv / Gemm / MatMul -> QuantizeLinear groups are computed as ONNX Runtime's
// integer kernels compute them (integer sums, float requantization rounded half to even), so that QDQ models give
// its results exactly. Groups that do not fit stay on the float path (Dequantize, float layer, Quantize).
//
#include "OnnxParserImpl.hpp"

#include <cmath>
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
    const onnx::NodeProto& q = *consumers->second[0];
    if (q.op_type() != "QuantizeLinear" || q.input(0) != node.output(0) || q.output_size() != 1) return false;
    const std::optional<QdqParams> qp = ReadQdqParams(q);
    if (!qp || !Is8Bit(qp->m_ZeroPointType)) return false;
    if (type == "Gemm" && (NodeAttrInt(node, "transA", 0) != 0 || NodeAttrFloat(node, "alpha", 1.0f) != 1.0f ||
                           NodeAttrFloat(node, "beta", 1.0f) != 1.0f))
    {
        return false;
    }
    if (node.input_size() < 2 || (type == "MatMul" && node.input_size() != 2) || node.input_size() > 3) return false;

    // Input 0: DequantizeLinear of an 8-bit tensor in the network, with the tensor's parameters and no other
    // consumer (ONNX Runtime leaves shared ones unfused); input 1: of an 8-bit constant with zero point 0;
    // input 2 (bias): of a 1-D int32 constant with zero point 0.
    std::vector<QdqParams> params;
    std::vector<const Value*> quantized;
    for (int i = 0; i < node.input_size(); ++i)
    {
        auto producer = m_Producers.find(node.input(i));
        if (producer == m_Producers.end() || producer->second->op_type() != "DequantizeLinear") return false;
        const onnx::NodeProto& dq = *producer->second;
        const std::optional<QdqParams> dp = ReadQdqParams(dq); // checks that dq has its inputs
        if (!dp) return false;
        auto x = m_Values.find(dq.input(0));
        if (x == m_Values.end()) return false;
        const Value& xv = x->second;
        if (i == 0)
        {
            if (xv.m_Const || xv.m_Slot == nullptr || !Is8Bit(xv.m_ElemType) || m_Consumers[node.input(0)].size() != 1)
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

    // The op runs in float on the integers (x - zero point), weights and bias: its sums are those of the integer
    // kernel (CpuRef sums in double; a float sum is exact below 2^24). The result is requantized as ONNX Runtime
    // does: round_half_even(float(acc) * (x_scale * w_scale / y_scale)) + y_zero_point, saturated.
    NodeContext ctx(*this, node, m_Opset, index);
    std::map<std::string, Value> substitutes;
    for (size_t i = 0; i < quantized.size(); ++i)
    {
        const std::string& name = node.input(static_cast<int>(i));
        Value sub;
        sub.m_ElemType = TP::FLOAT;
        sub.m_Dims = quantized[i]->m_Dims;
        if (i == 0)
        {
            auto* cast = Network().AddCastLayer(ctx.LayerName("_integers").c_str());
            ctx.Emit(cast, {quantized[i]->m_Slot}, armnn::DataType::Float32);
            sub.m_Slot = &cast->GetOutputSlot(0);
            if (params[i].m_ZeroPoint != 0)
            {
                ConstValue zp;
                zp.m_ElemType = TP::FLOAT;
                zp.m_Reals = {static_cast<double>(params[i].m_ZeroPoint)};
                auto* sub0 = Network().AddElementwiseBinaryLayer(
                    armnn::ElementwiseBinaryDescriptor(armnn::BinaryOperation::Sub), ctx.LayerName("_centred").c_str());
                ctx.Emit(sub0, {sub.m_Slot, &ctx.ConstSlot(zp, "_zero_point")}, armnn::DataType::Float32);
                sub.m_Slot = &sub0->GetOutputSlot(0);
            }
        }
        else
        {
            const ConstValue& c = *quantized[i]->m_Const;
            ConstValue f;
            f.m_ElemType = TP::FLOAT;
            f.m_Dims = c.m_Dims;
            for (size_t k = 0; k < c.NumElements(); ++k) f.m_Reals.push_back(static_cast<double>(c.Int(k)));
            sub.m_Const = std::make_shared<const ConstValue>(std::move(f));
        }
        substitutes[name] = sub;
    }
    // The substitutes stand in for the DequantizeLinear outputs while the op converts; outputs that were never
    // converted (deferred) disappear again afterwards.
    std::map<std::string, std::optional<Value>> saved;
    for (const auto& [name, v] : substitutes)
    {
        auto it = m_Values.find(name);
        saved[name] = it == m_Values.end() ? std::nullopt : std::optional<Value>(it->second);
        m_Values[name] = v;
    }
    auto restore = [&]() {
        for (const auto& [name, v] : saved)
        {
            if (v) m_Values[name] = *v; else m_Values.erase(name);
        }
    };
    try
    {
        OperatorTable().at(type)(ctx);
    }
    catch (...)
    {
        restore();
        throw;
    }
    restore();

    const Value out = m_Values.at(node.output(0));
    const float multiplier = params[0].m_Scale * params[1].m_Scale / qp->m_Scale;
    // A Linear activation (multiplier * acc + 0) rounds as a float multiplication does.
    auto* mul = Network().AddActivationLayer(armnn::ActivationDescriptor(armnn::ActivationFunction::Linear, multiplier, 0.0f),
                                             ctx.LayerName("_requantize").c_str());
    ctx.Emit(mul, {out.m_Slot}, armnn::DataType::Float32);
    const armnn::DataType qtype = qp->m_ZeroPointType == TP::INT8 ? armnn::DataType::QAsymmS8
                                                                  : armnn::DataType::QAsymmU8;
    Value result;
    result.m_ElemType = qp->m_ZeroPointType;
    result.m_Dims = out.m_Dims;
    result.m_Slot = &QuantizeScaled(ctx, mul->GetOutputSlot(0), TP::FLOAT, qp->m_Scale, qp->m_ZeroPoint, qtype,
                                    "_quantized");
    m_Values[q.output(0)] = result;
    m_Fused.insert(&q);
    return true;
}

} // namespace armnnOnnxParser

//
// The operator table of armnnOnnxParser: ONNX op type -> converter. Each converter reads its node through
// NodeContext, folds what is known at parse time (shape arithmetic), and otherwise adds armnn layers.
// Layout: ONNX tensors keep their NCHW layout; convolution and pooling use DataLayout::NCHW descriptors.
//
#include "OnnxParserImpl.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace armnnOnnxParser
{
namespace
{

using TP = onnx::TensorProto;
using Dims = std::vector<int64_t>;

int64_t Product(const Dims& d, size_t from = 0, size_t to = SIZE_MAX)
{
    const size_t end = std::min(to, d.size());
    if (from >= end)
    {
        return 1;
    }
    // Shapes from attributes and constants are untrusted: a product that overflows saturates, so that every
    // size comparison made with it fails with the parser's message instead of wrapping.
    int64_t product = 1;
    for (size_t i = from; i < end; ++i)
    {
        if (__builtin_mul_overflow(product, d[i], &product))
        {
            return std::numeric_limits<int64_t>::max();
        }
    }
    return product;
}

int64_t NormAxis(const NodeContext& ctx, int64_t axis, size_t rank, const char* what = "axis")
{
    const int64_t r = static_cast<int64_t>(rank);
    if (axis < -r || axis >= r)
    {
        ctx.Fail(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " + std::to_string(r));
    }
    return axis < 0 ? axis + r : axis;
}

Dims BroadcastDims(const NodeContext& ctx, const Dims& a, const Dims& b)
{
    const size_t rank = std::max(a.size(), b.size());
    Dims out(rank);
    for (size_t i = 0; i < rank; ++i)
    {
        const int64_t da = i + a.size() >= rank ? a[i + a.size() - rank] : 1;
        const int64_t db = i + b.size() >= rank ? b[i + b.size() - rank] : 1;
        if (da != db && da != 1 && db != 1)
        {
            ctx.Fail("shapes " + DimsToString(a) + " and " + DimsToString(b) + " cannot be broadcast");
        }
        out[i] = da == 1 ? db : da;
    }
    return out;
}

/// Flat index into a tensor of shape `in` broadcast to `out`, for the output element at flat index `flat`.
size_t BroadcastSource(const Dims& in, const Dims& out, size_t flat)
{
    size_t src = 0;
    size_t stride = 1;
    for (size_t i = out.size(); i-- > 0;)
    {
        const size_t coord = flat % static_cast<size_t>(out[i]);
        flat /= static_cast<size_t>(out[i]);
        const size_t k = i + in.size();
        if (k >= out.size())
        {
            const size_t d = static_cast<size_t>(in[k - out.size()]);
            src += (d == 1 ? 0 : coord) * stride;
            stride *= d;
        }
    }
    return src;
}

ConstValue MakeConst(int32_t type, const Dims& dims, const std::vector<double>& values)
{
    ConstValue c;
    c.m_ElemType = type;
    c.m_Dims = dims;
    for (double v : values)
    {
        if (c.IsReal())
        {
            c.m_Reals.push_back(v);
        }
        else
        {
            c.m_Ints.push_back(SaturatingInt64(v));
        }
    }
    return c;
}

ConstValue IntsConst(const std::vector<int64_t>& values, Dims dims)
{
    ConstValue c;
    c.m_ElemType = TP::INT64;
    c.m_Dims = std::move(dims);
    c.m_Ints = values;
    return c;
}

bool AllConst(const NodeContext& ctx)
{
    for (size_t i = 0; i < ctx.NumInputs(); ++i)
    {
        if (ctx.Has(i) && !ctx.IsConst(i))
        {
            return false;
        }
    }
    return true;
}

armnn::DataType TypeOf(armnn::IOutputSlot& s) { return s.GetTensorInfo().GetDataType(); }

/// INT8 and UINT8, which armnn holds as quantized types (scale 1) whose arithmetic rounds and saturates.
bool Narrow8(int32_t onnxType) { return onnxType == TP::INT8 || onnxType == TP::UINT8; }

// Small graph-building blocks used by composite converters.
armnn::IOutputSlot& Bin(NodeContext& ctx, armnn::BinaryOperation op, armnn::IOutputSlot& a, armnn::IOutputSlot& b,
                        const std::string& suffix)
{
    auto* l = ctx.Network().AddElementwiseBinaryLayer(armnn::ElementwiseBinaryDescriptor(op),
                                                      ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a, &b}, TypeOf(a));
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& Unary(NodeContext& ctx, armnn::UnaryOperation op, armnn::IOutputSlot& a,
                          const std::string& suffix)
{
    auto* l = ctx.Network().AddElementwiseUnaryLayer(armnn::ElementwiseUnaryDescriptor(op),
                                                     ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a}, TypeOf(a));
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& Act(NodeContext& ctx, armnn::ActivationFunction f, armnn::IOutputSlot& a, float alpha = 0,
                        float beta = 0, const std::string& suffix = "")
{
    auto* l = ctx.Network().AddActivationLayer(armnn::ActivationDescriptor(f, alpha, beta),
                                               ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a}, TypeOf(a));
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& CompareSlots(NodeContext& ctx, armnn::ComparisonOperation op, armnn::IOutputSlot& a,
                                 armnn::IOutputSlot& b, const std::string& suffix)
{
    auto* l = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(op), ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a, &b}, armnn::DataType::Boolean);
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& CastSlot(NodeContext& ctx, armnn::IOutputSlot& a, armnn::DataType t, const std::string& suffix)
{
    auto* l = ctx.Network().AddCastLayer(ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a}, t);
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& Scalar(NodeContext& ctx, int32_t type, double v, const std::string& suffix)
{
    return ctx.ConstSlot(MakeConst(type, {}, {v}), suffix);
}

armnn::IOutputSlot& Reduce(NodeContext& ctx, armnn::ReduceOperation op, armnn::IOutputSlot& a,
                           const std::vector<uint32_t>& axes, bool keep, const std::string& suffix)
{
    armnn::ReduceDescriptor d;
    d.m_ReduceOperation = op;
    d.m_vAxis = axes;
    d.m_KeepDims = keep;
    auto* l = ctx.Network().AddReduceLayer(d, ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a}, TypeOf(a));
    return l->GetOutputSlot(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Elementwise

ConstValue FoldBinary(const NodeContext& ctx, const ConstValue& a, const ConstValue& b, const std::string& op,
                      int32_t outType)
{
    ConstValue out;
    out.m_ElemType = outType;
    out.m_Dims = BroadcastDims(ctx, a.m_Dims, b.m_Dims);
    const size_t n = out.NumElements();
    const bool real = a.IsReal() || b.IsReal();
    for (size_t i = 0; i < n; ++i)
    {
        const size_t ia = BroadcastSource(a.m_Dims, out.m_Dims, i);
        const size_t ib = BroadcastSource(b.m_Dims, out.m_Dims, i);
        if (real)
        {
            const double x = a.Real(ia), y = b.Real(ib);
            double r = 0;
            if (op == "Add") r = x + y;
            else if (op == "Sub") r = x - y;
            else if (op == "Mul") r = x * y;
            else if (op == "Div") r = x / y;
            else if (op == "Equal") r = x == y;
            else if (op == "Less") r = x < y;
            else if (op == "Greater") r = x > y;
            if (out.IsReal()) out.m_Reals.push_back(r); else out.m_Ints.push_back(SaturatingInt64(r));
        }
        else
        {
            const int64_t x = a.Int(ia), y = b.Int(ib);
            int64_t r = 0;
            bool overflow = false;
            if (op == "Add") overflow = __builtin_add_overflow(x, y, &r);
            else if (op == "Sub") overflow = __builtin_sub_overflow(x, y, &r);
            else if (op == "Mul") overflow = __builtin_mul_overflow(x, y, &r);
            else if (op == "Div")
            {
                if (y == 0) ctx.Fail("integer division by zero while folding constants");
                overflow = x == INT64_MIN && y == -1;
                r = overflow ? 0 : x / y;
            }
            if (overflow) ctx.Fail("integer overflow while folding constants (" + op + ")");
            else if (op == "Equal") r = x == y;
            else if (op == "Less") r = x < y;
            else if (op == "Greater") r = x > y;
            out.m_Ints.push_back(r);
        }
    }
    return out;
}

void ConvertBinary(NodeContext& ctx, armnn::BinaryOperation op)
{
    const std::string& type = ctx.Node().op_type();
    if (ctx.Opset() < 7 || ctx.HasAttr("broadcast"))
    {
        if (ctx.AttrInt("broadcast", 0) != 0 && ctx.HasAttr("axis"))
        {
            ctx.Unsupported("legacy broadcast with an axis attribute");
        }
    }
    const Dims out = BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1));
    if (AllConst(ctx) && (type == "Add" || type == "Sub" || type == "Mul" || type == "Div"))
    {
        ctx.SetConstOutput(0, FoldBinary(ctx, ctx.Const(0, "A"), ctx.Const(1, "B"), type, ctx.In(0).m_ElemType));
        return;
    }
    if (ctx.In(0).m_ElemType != ctx.In(1).m_ElemType && type != "Pow")
    {
        ctx.Fail("inputs have different types " + OnnxTypeName(ctx.In(0).m_ElemType) + " and " +
                 OnnxTypeName(ctx.In(1).m_ElemType));
    }
    if (type == "Div" && Narrow8(ctx.In(0).m_ElemType))
    {
        // armnn's 8-bit types are quantized and their Div rounds: divide in int32, which truncates as ONNX does.
        armnn::IOutputSlot& q = Bin(ctx, op, CastSlot(ctx, ctx.Slot(0), armnn::DataType::Signed32, "_a32"),
                                    CastSlot(ctx, ctx.Slot(1), armnn::DataType::Signed32, "_b32"), "_div");
        ctx.SetOutput(0, CastSlot(ctx, q, TypeOf(ctx.Slot(0)), ""), ctx.In(0).m_ElemType, out);
        return;
    }
    armnn::IOutputSlot* b = &ctx.Slot(1);
    if (type == "Pow" && ctx.In(0).m_ElemType != ctx.In(1).m_ElemType)
    {
        if (!ctx.IsConst(1))
        {
            auto* cast = ctx.Network().AddCastLayer(ctx.LayerName("_exponent").c_str());
            ctx.Emit(cast, {b}, TypeOf(ctx.Slot(0)));
            b = &cast->GetOutputSlot(0);
        }
        else
        {
        ConstValue e = *ctx.In(1).m_Const;
        ConstValue conv = MakeConst(ctx.In(0).m_ElemType, e.m_Dims, {});
        for (size_t k = 0; k < e.NumElements(); ++k)
        {
            if (conv.IsReal()) conv.m_Reals.push_back(e.Real(k)); else conv.m_Ints.push_back(e.Int(k));
        }
        b = &ctx.ConstSlot(conv, "_exponent");
        }
    }
    auto* l = ctx.Network().AddElementwiseBinaryLayer(armnn::ElementwiseBinaryDescriptor(op),
                                                      ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), b}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

/// Max, Min, Sum, Mean: variadic, folded pairwise into binary layers.
void ConvertVariadic(NodeContext& ctx, armnn::BinaryOperation op, bool mean)
{
    armnn::IOutputSlot* acc = &ctx.Slot(0);
    Dims dims = ctx.Dims(0);
    for (size_t i = 1; i < ctx.NumInputs(); ++i)
    {
        dims = BroadcastDims(ctx, dims, ctx.Dims(i));
        acc = &Bin(ctx, op, *acc, ctx.Slot(i), "_" + std::to_string(i));
    }
    if (mean && ctx.NumInputs() > 1)
    {
        acc = &Bin(ctx, armnn::BinaryOperation::Mul, *acc,
                   Scalar(ctx, ctx.In(0).m_ElemType, 1.0 / static_cast<double>(ctx.NumInputs()), "_scale"), "_mean");
    }
    ctx.SetOutput(0, *acc, ctx.In(0).m_ElemType, dims);
}

void ConvertCompare(NodeContext& ctx, armnn::ComparisonOperation op)
{
    const Dims out = BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1));
    const std::string& type = ctx.Node().op_type();
    if (AllConst(ctx) && (type == "Equal" || type == "Less" || type == "Greater"))
    {
        ctx.SetConstOutput(0, FoldBinary(ctx, ctx.Const(0, "A"), ctx.Const(1, "B"), type, TP::BOOL));
        return;
    }
    auto* l = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(op), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &ctx.Slot(1)}, armnn::DataType::Boolean);
    ctx.SetOutput(0, l->GetOutputSlot(0), TP::BOOL, out);
}

void ConvertLogical(NodeContext& ctx, armnn::LogicalBinaryOperation op)
{
    const Dims out = BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1));
    if (AllConst(ctx))
    {
        const ConstValue& a = ctx.Const(0, "A");
        const ConstValue& b = ctx.Const(1, "B");
        ConstValue c = MakeConst(TP::BOOL, out, {});
        for (size_t i = 0; i < c.NumElements(); ++i)
        {
            const bool x = a.Int(BroadcastSource(a.m_Dims, out, i)) != 0, y = b.Int(BroadcastSource(b.m_Dims, out, i)) != 0;
            c.m_Ints.push_back(op == armnn::LogicalBinaryOperation::LogicalAnd ? (x && y) : (x || y));
        }
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    auto* l = ctx.Network().AddLogicalBinaryLayer(armnn::LogicalBinaryDescriptor(op), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &ctx.Slot(1)}, armnn::DataType::Boolean);
    ctx.SetOutput(0, l->GetOutputSlot(0), TP::BOOL, out);
}

void ConvertUnary(NodeContext& ctx, armnn::UnaryOperation op)
{
    if (ctx.IsConst(0))
    {
        // Shape arithmetic folds at parse time.
        const ConstValue& a = ctx.Const(0, "X");
        ConstValue c = MakeConst(a.m_ElemType, a.m_Dims, {});
        for (size_t i = 0; i < a.NumElements(); ++i)
        {
            const double x = a.Real(i);
            double r = 0;
            switch (op)
            {
                case armnn::UnaryOperation::Abs: r = std::fabs(x); break;
                case armnn::UnaryOperation::Neg: r = -x; break;
                case armnn::UnaryOperation::LogicalNot: r = x == 0; break;
                case armnn::UnaryOperation::Sqrt: r = std::sqrt(x); break;
                case armnn::UnaryOperation::Ceil: r = std::ceil(x); break;
                default: ctx.SetOutput(0, Unary(ctx, op, ctx.Slot(0), ""), ctx.In(0).m_ElemType, ctx.Dims(0)); return;
            }
            if (c.IsReal()) c.m_Reals.push_back(c.m_ElemType == TP::FLOAT ? NarrowToFloat(r) : r);
            else c.m_Ints.push_back(SaturatingInt64(r));
        }
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    ctx.SetOutput(0, Unary(ctx, op, ctx.Slot(0), ""), ctx.In(0).m_ElemType, ctx.Dims(0));
}

void ConvertActivation(NodeContext& ctx, armnn::ActivationFunction f, float a = 0, float b = 0)
{
    ctx.SetOutput(0, Act(ctx, f, ctx.Slot(0), a, b), ctx.In(0).m_ElemType, ctx.Dims(0));
}

void RequireFloat(const NodeContext& ctx, size_t i = 0)
{
    const int32_t t = ctx.In(i).m_ElemType;
    if (t != TP::FLOAT && t != TP::FLOAT16)
    {
        ctx.Unsupported("input type " + OnnxTypeName(t) + " (float tensors only)", ctx.InputName(i));
    }
}

void ConvertClip(NodeContext& ctx)
{
    float lo = -std::numeric_limits<float>::max();
    float hi = std::numeric_limits<float>::max();
    if (ctx.Opset() < 11)
    {
        lo = ctx.AttrFloat("min", lo);
        hi = ctx.AttrFloat("max", hi);
    }
    else if ((ctx.Has(1) && !ctx.IsConst(1)) || (ctx.Has(2) && !ctx.IsConst(2)) ||
             (ctx.In(0).m_ElemType != TP::FLOAT && ctx.In(0).m_ElemType != TP::FLOAT16))
    {
        // Bounds computed at run time, or integer tensors: Maximum and Minimum layers.
        armnn::IOutputSlot* y = &ctx.Slot(0);
        if (ctx.Has(1)) y = &Bin(ctx, armnn::BinaryOperation::Maximum, *y, ctx.Slot(1), "_min");
        if (ctx.Has(2)) y = &Bin(ctx, armnn::BinaryOperation::Minimum, *y, ctx.Slot(2), "_max");
        ctx.SetOutput(0, *y, ctx.In(0).m_ElemType, ctx.Dims(0));
        return;
    }
    else
    {
        if (ctx.Has(1)) lo = ctx.ConstFloats(1, "min").at(0);
        if (ctx.Has(2)) hi = ctx.ConstFloats(2, "max").at(0);
    }
    RequireFloat(ctx);
    ConvertActivation(ctx, armnn::ActivationFunction::BoundedReLu, hi, lo);
}

// ---------------------------------------------------------------------------------------------------------------
// Convolution, pooling, normalization

struct Window
{
    uint32_t kH = 1, kW = 1, sH = 1, sW = 1, dH = 1, dW = 1;
    uint32_t padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
};

/// Reads kernel, strides, dilations and pads (with auto_pad) for a 2-D window; 1-D windows become H = 1.
Window ReadWindow(const NodeContext& ctx, const Dims& x, const Dims& kernel, bool ceilMode = false)
{
    const size_t spatial = x.size() - 2;
    if (kernel.size() != spatial)
    {
        ctx.Fail("kernel_shape has " + std::to_string(kernel.size()) + " dimensions, the input " +
                 std::to_string(spatial) + " spatial ones");
    }
    auto get = [&](const std::string& name, int64_t def) {
        Dims v = ctx.AttrInts(name, Dims(spatial, def));
        if (v.size() != spatial) ctx.Fail("attribute '" + name + "' has the wrong length");
        for (int64_t e : v) if (e < (name == "pads" ? 0 : 1) || e > 65535) ctx.Fail("attribute '" + name + "' is out of range");
        if (spatial == 1) v.insert(v.begin(), 1);
        return v;
    };
    Dims k = kernel;
    for (int64_t e : k) if (e < 1 || e > 65535) ctx.Fail("kernel_shape is out of range");
    if (spatial == 1) k.insert(k.begin(), 1);
    const Dims s = get("strides", 1);
    const Dims d = get("dilations", 1);
    Dims pads = ctx.AttrInts("pads", Dims(2 * spatial, 0));
    if (pads.size() != 2 * spatial) ctx.Fail("attribute 'pads' has the wrong length");
    for (int64_t e : pads) if (e < 0 || e > 65535) ctx.Fail("attribute 'pads' is out of range");
    if (spatial == 1) pads = {0, pads[0], 0, pads[1]};
    Dims in = {spatial == 1 ? 1 : x[2], x[x.size() - 1]};
    const std::string autoPad = ctx.AttrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
    {
        for (size_t i = 0; i < 2; ++i)
        {
            const int64_t out = (in[i] + s[i] - 1) / s[i];
            const int64_t total = std::max<int64_t>(0, (out - 1) * s[i] + (k[i] - 1) * d[i] + 1 - in[i]);
            const int64_t small = total / 2;
            pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
            pads[i + 2] = total - pads[i];
        }
    }
    else if (autoPad == "VALID")
    {
        pads = {0, 0, 0, 0};
    }
    else if (autoPad != "NOTSET" && !autoPad.empty())
    {
        ctx.Fail("unknown auto_pad '" + autoPad + "'");
    }
    (void)ceilMode;
    Window w;
    w.kH = static_cast<uint32_t>(k[0]); w.kW = static_cast<uint32_t>(k[1]);
    w.sH = static_cast<uint32_t>(s[0]); w.sW = static_cast<uint32_t>(s[1]);
    w.dH = static_cast<uint32_t>(d[0]); w.dW = static_cast<uint32_t>(d[1]);
    w.padTop = static_cast<uint32_t>(pads[0]); w.padLeft = static_cast<uint32_t>(pads[1]);
    w.padBottom = static_cast<uint32_t>(pads[2]); w.padRight = static_cast<uint32_t>(pads[3]);
    return w;
}

/// 1-D NCW tensors are lifted to NC1W so that 2-D layers run them.
Dims To4d(const Dims& d) { return d.size() == 3 ? Dims{d[0], d[1], 1, d[2]} : d; }
Dims From4d(const Dims& d4, size_t rank) { return rank == 3 ? Dims{d4[0], d4[1], d4[3]} : d4; }

/// 3-D Conv (NCDHW, group 1) as Convolution3d: ONNX weights [O, I, kD, kH, kW] are transposed to armnn's
/// [kD, kH, kW, I, O].
void ConvertConv3d(NodeContext& ctx)
{
    const Dims x = ctx.Dims(0);
    const Dims w = ctx.Dims(1);
    if (w.size() != 5) ctx.Fail("weights rank differs from the input's", ctx.InputName(1));
    RequireFloat(ctx);
    if (ctx.AttrInt("group", 1) != 1) ctx.Unsupported("grouped 3-D convolution");
    if (w[1] != x[1])
    {
        ctx.Fail("weights " + DimsToString(w) + " do not match input " + DimsToString(x), ctx.InputName(1));
    }
    const Dims kernel = ctx.AttrInts("kernel_shape", Dims(w.begin() + 2, w.end()));
    if (kernel != Dims(w.begin() + 2, w.end())) ctx.Fail("kernel_shape differs from the weights' spatial shape");
    auto get = [&](const std::string& name, size_t count, int64_t def, int64_t lowest) {
        const Dims v = ctx.AttrInts(name, Dims(count, def));
        if (v.size() != count) ctx.Fail("attribute '" + name + "' has the wrong length");
        for (int64_t e : v) if (e < lowest || e > 65535) ctx.Fail("attribute '" + name + "' is out of range");
        return v;
    };
    const Dims s = get("strides", 3, 1, 1);
    const Dims d = get("dilations", 3, 1, 1);
    Dims pads = get("pads", 6, 0, 0); // [d, h, w begins, d, h, w ends]
    const std::string autoPad = ctx.AttrString("auto_pad", "NOTSET");
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
    {
        for (size_t i = 0; i < 3; ++i)
        {
            const int64_t in = x[i + 2];
            const int64_t out = (in + s[i] - 1) / s[i];
            const int64_t total = std::max<int64_t>(0, (out - 1) * s[i] + (w[i + 2] - 1) * d[i] + 1 - in);
            pads[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
            pads[i + 3] = total - pads[i];
        }
    }
    else if (autoPad == "VALID")
    {
        pads = Dims(6, 0);
    }
    else if (autoPad != "NOTSET" && !autoPad.empty())
    {
        ctx.Fail("unknown auto_pad '" + autoPad + "'");
    }
    armnn::TransposeDescriptor t(armnn::PermutationVector({2, 3, 4, 1, 0}));
    auto* tl = ctx.Network().AddTransposeLayer(t, ctx.LayerName("_weights_dhwio").c_str());
    ctx.Emit(tl, {&ctx.Slot(1)}, TypeOf(ctx.Slot(1)));
    armnn::Convolution3dDescriptor desc;
    desc.m_DataLayout = armnn::DataLayout::NCDHW;
    desc.m_StrideZ = static_cast<uint32_t>(s[0]); desc.m_StrideY = static_cast<uint32_t>(s[1]);
    desc.m_StrideX = static_cast<uint32_t>(s[2]);
    desc.m_DilationZ = static_cast<uint32_t>(d[0]); desc.m_DilationY = static_cast<uint32_t>(d[1]);
    desc.m_DilationX = static_cast<uint32_t>(d[2]);
    desc.m_PadFront = static_cast<uint32_t>(pads[0]); desc.m_PadTop = static_cast<uint32_t>(pads[1]);
    desc.m_PadLeft = static_cast<uint32_t>(pads[2]); desc.m_PadBack = static_cast<uint32_t>(pads[3]);
    desc.m_PadBottom = static_cast<uint32_t>(pads[4]); desc.m_PadRight = static_cast<uint32_t>(pads[5]);
    desc.m_BiasEnabled = ctx.Has(2);
    armnn::IConnectableLayer* layer = ctx.Network().AddConvolution3dLayer(desc, ctx.LayerName().c_str());
    std::vector<armnn::IOutputSlot*> inputs{&ctx.Slot(0), &tl->GetOutputSlot(0)};
    if (desc.m_BiasEnabled)
    {
        inputs.push_back(&ctx.Slot(2));
    }
    ctx.Emit(layer, inputs, TypeOf(ctx.Slot(0)));
    armnn::IOutputSlot& out = layer->GetOutputSlot(0);
    Dims o;
    for (unsigned i = 0; i < 5; ++i) o.push_back(out.GetTensorInfo().GetShape()[i]);
    ctx.SetOutput(0, out, ctx.In(0).m_ElemType, o);
}

void ConvertConv(NodeContext& ctx)
{
    const Dims x = ctx.Dims(0);
    const Dims w = ctx.Dims(1);
    if (x.size() == 5)
    {
        ConvertConv3d(ctx);
        return;
    }
    if (x.size() != 4 && x.size() != 3)
    {
        ctx.Unsupported("only 1-D, 2-D and 3-D convolutions (input rank " + std::to_string(x.size()) + ")");
    }
    if (w.size() != x.size()) ctx.Fail("weights rank differs from the input's", ctx.InputName(1));
    RequireFloat(ctx);
    const Dims kernel = ctx.AttrInts("kernel_shape", Dims(w.begin() + 2, w.end()));
    const Window win = ReadWindow(ctx, x, kernel);
    const int64_t group = ctx.AttrInt("group", 1);
    const int64_t c = x[1], m = w[0];
    if (group < 1 || c % group != 0 || m % group != 0 || w[1] != c / group)
    {
        ctx.Fail("weights " + DimsToString(w) + " do not match input " + DimsToString(x) + " with group " +
                 std::to_string(group), ctx.InputName(1));
    }
    armnn::IOutputSlot& in = ctx.Reshape(ctx.Slot(0), To4d(x), "_to4d");
    armnn::IOutputSlot& weights = ctx.Reshape(ctx.Slot(1), To4d(w), "_w4d");
    const bool bias = ctx.Has(2);
    armnn::IConnectableLayer* layer = nullptr;
    armnn::IOutputSlot* wslot = &weights;
    if (group == 1)
    {
        armnn::Convolution2dDescriptor d;
        d.m_PadTop = win.padTop; d.m_PadLeft = win.padLeft; d.m_PadBottom = win.padBottom; d.m_PadRight = win.padRight;
        d.m_StrideX = win.sW; d.m_StrideY = win.sH; d.m_DilationX = win.dW; d.m_DilationY = win.dH;
        d.m_BiasEnabled = bias;
        d.m_DataLayout = armnn::DataLayout::NCHW;
        layer = ctx.Network().AddConvolution2dLayer(d, ctx.LayerName().c_str());
    }
    else if (group == c)
    {
        // Depthwise: ONNX weights [C*M, 1, H, W] -> armnn's [1, H, W, C*M] (output channel order is the same).
        armnn::TransposeDescriptor t(armnn::PermutationVector({1, 2, 3, 0}));
        auto* tl = ctx.Network().AddTransposeLayer(t, ctx.LayerName("_weights_1hwo").c_str());
        ctx.Emit(tl, {&weights}, TypeOf(weights));
        wslot = &tl->GetOutputSlot(0);
        armnn::DepthwiseConvolution2dDescriptor d;
        d.m_PadTop = win.padTop; d.m_PadLeft = win.padLeft; d.m_PadBottom = win.padBottom; d.m_PadRight = win.padRight;
        d.m_StrideX = win.sW; d.m_StrideY = win.sH; d.m_DilationX = win.dW; d.m_DilationY = win.dH;
        d.m_BiasEnabled = bias;
        d.m_DataLayout = armnn::DataLayout::NCHW;
        layer = ctx.Network().AddDepthwiseConvolution2dLayer(d, ctx.LayerName().c_str());
    }
    else
    {
        ctx.Unsupported("grouped convolution with group " + std::to_string(group) + " (only 1 and depthwise)");
    }
    std::vector<armnn::IOutputSlot*> inputs{&in, wslot};
    if (bias)
    {
        inputs.push_back(&ctx.Slot(2));
    }
    ctx.Emit(layer, inputs, TypeOf(in));
    armnn::IOutputSlot& out = layer->GetOutputSlot(0);
    Dims o4;
    for (unsigned i = 0; i < 4; ++i) o4.push_back(out.GetTensorInfo().GetShape()[i]);
    ctx.SetOutput(0, out, ctx.In(0).m_ElemType, From4d(o4, x.size()));
}

/// ConvTranspose (1-D and 2-D, group 1, no dilation) as TransposeConvolution2d with constant weights, transposed
/// on the host from ONNX's [C_in, C_out, kH, kW] to armnn's NCHW [C_out, C_in, kH, kW].
void ConvertConvTranspose(NodeContext& ctx)
{
    const Dims x = ctx.Dims(0), w = ctx.Dims(1);
    if (x.size() != 4 && x.size() != 3) ctx.Unsupported("only 1-D and 2-D ConvTranspose (input rank " + std::to_string(x.size()) + ")");
    if (w.size() != x.size() || w[0] != x[1]) ctx.Fail("weights " + DimsToString(w) + " do not match input " + DimsToString(x), ctx.InputName(1));
    RequireFloat(ctx);
    if (ctx.In(0).m_ElemType != TP::FLOAT) ctx.Unsupported("ConvTranspose on " + OnnxTypeName(ctx.In(0).m_ElemType));
    if (ctx.AttrInt("group", 1) != 1) ctx.Unsupported("grouped ConvTranspose");
    const Dims x4 = To4d(x), w4 = To4d(w);
    const size_t spatial = x.size() - 2;
    auto perAxis = [&](const char* name, int64_t def) {
        Dims v = ctx.AttrInts(name, Dims(spatial, def));
        if (v.size() != spatial) ctx.Fail(std::string(name) + " has the wrong length");
        if (spatial == 1) v.insert(v.begin(), def);
        return v;
    };
    const Dims strides = perAxis("strides", 1), dilations = perAxis("dilations", 1), outPad = perAxis("output_padding", 0);
    for (int64_t d : dilations) if (d != 1) ctx.Unsupported("dilated ConvTranspose");
    for (size_t i = 0; i < 2; ++i)
    {
        if (strides[i] < 1 || strides[i] > 65535) ctx.Fail("strides out of range");
        if (outPad[i] < 0 || outPad[i] >= strides[i]) ctx.Fail("output_padding must be below the stride");
    }
    Dims kernel = ctx.AttrInts("kernel_shape", Dims(w.begin() + 2, w.end()));
    if (kernel != Dims(w.begin() + 2, w.end())) ctx.Fail("kernel_shape differs from the weights");
    const Dims k4 = {w4[2], w4[3]};
    // Pads: given, or from auto_pad / output_shape (total = stride * (in - 1) + output_padding + k - out).
    Dims padBegin(2, 0), padEnd(2, 0), out(2, 0);
    const std::string autoPad = ctx.AttrString("auto_pad", "NOTSET");
    Dims outputShape = ctx.AttrInts("output_shape");
    if (!outputShape.empty() && outputShape.size() < spatial) ctx.Fail("output_shape has fewer than " + std::to_string(spatial) + " entries");
    if (outputShape.size() > spatial)
    {
        // It may include the batch and channel dimensions.
        outputShape = Dims(outputShape.end() - static_cast<std::ptrdiff_t>(spatial), outputShape.end());
    }
    if (spatial == 1 && !outputShape.empty()) outputShape.insert(outputShape.begin(), 1);
    for (size_t i = 0; i < 2; ++i)
    {
        const int64_t in = x4[2 + i], full = strides[i] * (in - 1) + outPad[i] + k4[i];
        if (!outputShape.empty() || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
        {
            out[i] = outputShape.empty() ? in * strides[i] : outputShape[i];
            const int64_t total = full - out[i];
            if (total < 0) ctx.Unsupported("an output_shape larger than the full ConvTranspose result");
            padBegin[i] = autoPad == "SAME_LOWER" ? total - total / 2 : total / 2;
            padEnd[i] = total - padBegin[i];
        }
        else if (autoPad == "NOTSET" || autoPad == "VALID")
        {
            Dims pads = ctx.AttrInts("pads", Dims(2 * spatial, 0));
            if (autoPad == "VALID") pads.assign(2 * spatial, 0);
            if (pads.size() != 2 * spatial) ctx.Fail("pads has the wrong length");
            if (spatial == 1) pads = {0, pads[0], 0, pads[1]};
            padBegin[i] = pads[i];
            padEnd[i] = pads[2 + i];
            if (padBegin[i] < 0 || padEnd[i] < 0) ctx.Unsupported("negative pads");
            out[i] = full - padBegin[i] - padEnd[i];
        }
        else
        {
            ctx.Fail("unknown auto_pad '" + autoPad + "'");
        }
        if (out[i] < 1) ctx.Fail("empty output");
    }
    const std::vector<float> src = ctx.ConstFloats(1, "weights");
    const int64_t ci = w4[0], co = w4[1], kh = w4[2], kw = w4[3];
    std::vector<float> weights(src.size());
    for (int64_t i = 0; i < ci; ++i)
        for (int64_t o = 0; o < co; ++o)
            for (int64_t k = 0; k < kh * kw; ++k)
                weights[static_cast<size_t>((o * ci + i) * kh * kw + k)] = src[static_cast<size_t>((i * co + o) * kh * kw + k)];
    armnn::TransposeConvolution2dDescriptor d;
    d.m_PadTop = static_cast<uint32_t>(padBegin[0]); d.m_PadBottom = static_cast<uint32_t>(padEnd[0]);
    d.m_PadLeft = static_cast<uint32_t>(padBegin[1]); d.m_PadRight = static_cast<uint32_t>(padEnd[1]);
    d.m_StrideY = static_cast<uint32_t>(strides[0]); d.m_StrideX = static_cast<uint32_t>(strides[1]);
    d.m_DataLayout = armnn::DataLayout::NCHW;
    d.m_BiasEnabled = ctx.Has(2);
    const Dims o4 = {x4[0], co, out[0], out[1]};
    d.m_OutputShapeEnabled = true;
    for (int64_t v : o4) d.m_OutputShape.push_back(static_cast<unsigned>(v));
    armnn::TensorInfo wInfo(ToArmnnShape({co, ci, kh, kw}, ctx.Describe(ctx.InputName(1))), armnn::DataType::Float32, 0.0f, 0, true);
    std::vector<float> bias;
    armnn::Optional<armnn::ConstTensor> biasTensor;
    armnn::TensorInfo bInfo({static_cast<unsigned>(co)}, armnn::DataType::Float32, 0.0f, 0, true);
    if (d.m_BiasEnabled)
    {
        bias = ctx.ConstFloats(2, "B");
        if (bias.size() != static_cast<size_t>(co)) ctx.Fail("B must have one value per output channel", ctx.InputName(2));
        biasTensor = armnn::ConstTensor(bInfo, bias.data());
    }
    auto* l = ctx.Network().AddTransposeConvolution2dLayer(d, armnn::ConstTensor(wInfo, weights.data()), biasTensor,
                                                           ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Reshape(ctx.Slot(0), x4, "_to4d")}, armnn::DataType::Float32);
    ctx.SetOutput(0, l->GetOutputSlot(0), TP::FLOAT, From4d(o4, x.size()));
}

/// Pooling2d of input 0 (1-D or 2-D) with the node's window attributes: the pooled slot (4-D) and its ONNX dims.
/// `countPad`: padded zeros count in the average's divisor.
std::pair<armnn::IOutputSlot*, Dims> Pool(NodeContext& ctx, armnn::IOutputSlot& x4, armnn::PoolingAlgorithm algo,
                                          bool countPad, const std::string& suffix)
{
    const Dims x = ctx.Dims(0);
    const Window win = ReadWindow(ctx, x, ctx.AttrInts("kernel_shape"));
    if (win.dH != 1 || win.dW != 1)
    {
        ctx.Unsupported("dilated pooling");
    }
    armnn::Pooling2dDescriptor d;
    d.m_PoolType = algo;
    d.m_PoolHeight = win.kH; d.m_PoolWidth = win.kW; d.m_StrideX = win.sW; d.m_StrideY = win.sH;
    d.m_PadTop = win.padTop; d.m_PadLeft = win.padLeft; d.m_PadBottom = win.padBottom; d.m_PadRight = win.padRight;
    d.m_OutputShapeRounding = ctx.AttrInt("ceil_mode", 0) ? armnn::OutputShapeRounding::Ceiling
                                                          : armnn::OutputShapeRounding::Floor;
    d.m_PaddingMethod = countPad ? armnn::PaddingMethod::IgnoreValue : armnn::PaddingMethod::Exclude;
    d.m_DataLayout = armnn::DataLayout::NCHW;
    auto* l = ctx.Network().AddPooling2dLayer(d, ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&x4}, TypeOf(x4));
    Dims o4;
    for (unsigned i = 0; i < 4; ++i) o4.push_back(l->GetOutputSlot(0).GetTensorInfo().GetShape()[i]);
    return {&l->GetOutputSlot(0), From4d(o4, x.size())};
}

void CheckPoolInput(NodeContext& ctx)
{
    const size_t rank = ctx.Rank(0);
    if (rank != 4 && rank != 3)
    {
        ctx.Unsupported("only 1-D and 2-D pooling (input rank " + std::to_string(rank) + ")");
    }
    RequireFloat(ctx);
}

void ConvertPool(NodeContext& ctx, armnn::PoolingAlgorithm algo)
{
    CheckPoolInput(ctx);
    if (ctx.HasOutput(1))
    {
        ctx.Unsupported("the Indices output of MaxPool");
    }
    const bool countPad = algo == armnn::PoolingAlgorithm::Average && ctx.AttrInt("count_include_pad", 0);
    auto [y, dims] = Pool(ctx, ctx.Reshape(ctx.Slot(0), To4d(ctx.Dims(0)), "_to4d"), algo, countPad, "");
    ctx.SetOutput(0, *y, ctx.In(0).m_ElemType, dims);
}

/// (sum over the window of |x|^p)^(1/p): an average pool that counts the zero padding, times the window size.
void ConvertLpPool(NodeContext& ctx)
{
    CheckPoolInput(ctx);
    if (ctx.AttrInt("ceil_mode", 0) != 0)
    {
        ctx.Unsupported("ceil_mode (windows past the padding would change the average's divisor)");
    }
    const int64_t p = ctx.AttrInt("p", 2);
    if (p < 1 || p > 64)
    {
        ctx.Fail("p " + std::to_string(p) + " is not in [1, 64]");
    }
    const int32_t t = ctx.In(0).m_ElemType;
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot& x4 = ctx.Reshape(ctx.Slot(0), To4d(ctx.Dims(0)), "_to4d");
    armnn::IOutputSlot& a = Unary(ctx, armnn::UnaryOperation::Abs, x4, "_abs");
    armnn::IOutputSlot& powered = p == 1 ? a : p == 2 ? Bin(ctx, BO::Mul, a, a, "_pow")
                                                      : Bin(ctx, BO::Power, a, Scalar(ctx, t, static_cast<double>(p), "_p"), "_pow");
    auto [avg, dims] = Pool(ctx, powered, armnn::PoolingAlgorithm::Average, true, "_avg");
    const Dims k = ctx.AttrInts("kernel_shape");
    armnn::IOutputSlot& sum = Bin(ctx, BO::Mul, *avg, Scalar(ctx, t, static_cast<double>(Product(k)), "_window"), p == 1 ? "" : "_sum");
    armnn::IOutputSlot& y = p == 1 ? sum : p == 2 ? Unary(ctx, armnn::UnaryOperation::Sqrt, sum, "")
                                                  : Bin(ctx, BO::Power, sum, Scalar(ctx, t, 1.0 / static_cast<double>(p), "_invp"), "");
    ctx.SetOutput(0, y, t, dims);
}

void ConvertGlobalPool(NodeContext& ctx, armnn::ReduceOperation op)
{
    const Dims x = ctx.Dims(0);
    if (x.size() < 3) ctx.Fail("input rank must be at least 3");
    std::vector<uint32_t> axes;
    Dims out = x;
    for (size_t i = 2; i < x.size(); ++i)
    {
        axes.push_back(static_cast<uint32_t>(i));
        out[i] = 1;
    }
    ctx.SetOutput(0, Reduce(ctx, op, ctx.Slot(0), axes, true, ""), ctx.In(0).m_ElemType, out);
}

/// Reshapes a per-channel [C] tensor to [C, 1, ...] so that it broadcasts against an N C ... input.
armnn::IOutputSlot& PerChannel(NodeContext& ctx, size_t i, size_t rank)
{
    Dims d = ctx.Dims(i);
    while (d.size() + 1 < rank) d.push_back(1);
    return ctx.Reshape(ctx.Slot(i), d, "_" + ctx.InputName(i) + "_bcast");
}

void ConvertBatchNorm(NodeContext& ctx)
{
    if (ctx.AttrInt("training_mode", 0) != 0 || ctx.HasOutput(1))
    {
        ctx.Unsupported("training mode");
    }
    RequireFloat(ctx);
    const float eps = ctx.AttrFloat("epsilon", 1e-5f);
    const size_t rank = ctx.Rank(0);
    if (rank < 2) ctx.Fail("input rank must be at least 2");
    if (rank == 4 && ctx.IsConst(1) && ctx.IsConst(2) && ctx.IsConst(3) && ctx.IsConst(4) &&
        ctx.In(0).m_ElemType == TP::FLOAT)
    {
        std::vector<float> gamma = ctx.ConstFloats(1, "scale"), beta = ctx.ConstFloats(2, "B"),
                           mean = ctx.ConstFloats(3, "mean"), var = ctx.ConstFloats(4, "var");
        const size_t c = static_cast<size_t>(ctx.Dims(0)[1]);
        if (gamma.size() != c || beta.size() != c || mean.size() != c || var.size() != c)
        {
            ctx.Fail("parameters must have " + std::to_string(c) + " elements");
        }
        armnn::TensorInfo info({static_cast<unsigned>(c)}, armnn::DataType::Float32, 0.0f, 0, true);
        armnn::BatchNormalizationDescriptor d;
        d.m_Eps = eps;
        d.m_DataLayout = armnn::DataLayout::NCHW;
        auto* l = ctx.Network().AddBatchNormalizationLayer(d, armnn::ConstTensor(info, mean),
                                                           armnn::ConstTensor(info, var),
                                                           armnn::ConstTensor(info, beta),
                                                           armnn::ConstTensor(info, gamma), ctx.LayerName().c_str());
        ctx.Emit(l, {&ctx.Slot(0)}, armnn::DataType::Float32);
        ctx.SetOutput(0, l->GetOutputSlot(0), TP::FLOAT, ctx.Dims(0));
        return;
    }
    // General form: (x - mean) / sqrt(var + eps) * scale + B.
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& centred = Bin(ctx, armnn::BinaryOperation::Sub, ctx.Slot(0), PerChannel(ctx, 3, rank), "_centre");
    armnn::IOutputSlot& varEps = Bin(ctx, armnn::BinaryOperation::Add, PerChannel(ctx, 4, rank), Scalar(ctx, t, eps, "_eps"), "_vareps");
    armnn::IOutputSlot& stdv = Unary(ctx, armnn::UnaryOperation::Sqrt, varEps, "_std");
    armnn::IOutputSlot& norm = Bin(ctx, armnn::BinaryOperation::Div, centred, stdv, "_norm");
    armnn::IOutputSlot& scaled = Bin(ctx, armnn::BinaryOperation::Mul, norm, PerChannel(ctx, 1, rank), "_scaled");
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Add, scaled, PerChannel(ctx, 2, rank), "_out"), t, ctx.Dims(0));
}

/// The parts of a normalization over some axes: the normalized tensor and the statistics LayerNormalization
/// can output.
struct Normalized
{
    armnn::IOutputSlot* y;
    armnn::IOutputSlot* mean;
    armnn::IOutputSlot* stdv;
};

/// Normalizes over `axes` (kept): LayerNormalization and InstanceNormalization share it.
Normalized Normalize(NodeContext& ctx, armnn::IOutputSlot& x, const std::vector<uint32_t>& axes, float eps)
{
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& mean = Reduce(ctx, armnn::ReduceOperation::Mean, x, axes, true, "_mean");
    armnn::IOutputSlot& centred = Bin(ctx, armnn::BinaryOperation::Sub, x, mean, "_centred");
    armnn::IOutputSlot& sq = Bin(ctx, armnn::BinaryOperation::Mul, centred, centred, "_sq");
    armnn::IOutputSlot& var = Reduce(ctx, armnn::ReduceOperation::Mean, sq, axes, true, "_var");
    armnn::IOutputSlot& varEps = Bin(ctx, armnn::BinaryOperation::Add, var, Scalar(ctx, t, eps, "_eps"), "_vareps");
    armnn::IOutputSlot& stdv = Unary(ctx, armnn::UnaryOperation::Sqrt, varEps, "_std");
    return {&Bin(ctx, armnn::BinaryOperation::Div, centred, stdv, "_norm"), &mean, &stdv};
}

/// The axes from `axis` to the last one, and the shape of a statistic reduced over them (kept as 1).
std::vector<uint32_t> TrailingAxes(const NodeContext& ctx, Dims& statDims)
{
    const size_t rank = ctx.Rank(0);
    const int64_t axis = NormAxis(ctx, ctx.AttrInt("axis", -1), rank);
    std::vector<uint32_t> axes;
    statDims = ctx.Dims(0);
    for (size_t i = static_cast<size_t>(axis); i < rank; ++i)
    {
        axes.push_back(static_cast<uint32_t>(i));
        statDims[i] = 1;
    }
    return axes;
}

void ConvertLayerNorm(NodeContext& ctx)
{
    RequireFloat(ctx);
    Dims statDims;
    const std::vector<uint32_t> axes = TrailingAxes(ctx, statDims);
    const int32_t t = ctx.In(0).m_ElemType;
    const Normalized n = Normalize(ctx, ctx.Slot(0), axes, ctx.AttrFloat("epsilon", 1e-5f));
    armnn::IOutputSlot* y = &Bin(ctx, armnn::BinaryOperation::Mul, *n.y, ctx.Slot(1), "_scale");
    if (ctx.Has(2)) y = &Bin(ctx, armnn::BinaryOperation::Add, *y, ctx.Slot(2), "_bias");
    ctx.SetOutput(0, *y, t, ctx.Dims(0));
    if (ctx.HasOutput(1)) ctx.SetOutput(1, *n.mean, t, statDims);
    if (ctx.HasOutput(2))
    {
        ctx.SetOutput(2, Bin(ctx, armnn::BinaryOperation::Div, Scalar(ctx, t, 1, "_one"), *n.stdv, "_invstd"), t, statDims);
    }
}

/// RMSNormalization: x / sqrt(mean(x^2) + epsilon) * scale over the trailing axes from `axis`.
void ConvertRmsNorm(NodeContext& ctx)
{
    RequireFloat(ctx);
    Dims statDims;
    const std::vector<uint32_t> axes = TrailingAxes(ctx, statDims);
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& x = ctx.Slot(0);
    armnn::IOutputSlot& sq = Bin(ctx, armnn::BinaryOperation::Mul, x, x, "_sq");
    armnn::IOutputSlot& ms = Reduce(ctx, armnn::ReduceOperation::Mean, sq, axes, true, "_meansq");
    armnn::IOutputSlot& msEps = Bin(ctx, armnn::BinaryOperation::Add, ms, Scalar(ctx, t, ctx.AttrFloat("epsilon", 1e-5f), "_eps"), "_eps_add");
    armnn::IOutputSlot& rms = Unary(ctx, armnn::UnaryOperation::Sqrt, msEps, "_rms");
    armnn::IOutputSlot& norm = Bin(ctx, armnn::BinaryOperation::Div, x, rms, "_norm");
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Mul, norm, ctx.Slot(1), "_scale"), t, ctx.Dims(0));
}

/// ONNX's function: (x - mean) / (sqrt(variance) + 1e-9) over `axes` (default N, H, W).
void ConvertMeanVarianceNormalization(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims in = ctx.Dims(0);
    std::vector<uint32_t> axes;
    for (int64_t a : ctx.AttrInts("axes", {0, 2, 3}))
    {
        axes.push_back(static_cast<uint32_t>(NormAxis(ctx, a, in.size())));
    }
    const int32_t t = ctx.In(0).m_ElemType;
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot& x = ctx.Slot(0);
    armnn::IOutputSlot& mean = Reduce(ctx, armnn::ReduceOperation::Mean, x, axes, true, "_mean");
    armnn::IOutputSlot& centred = Bin(ctx, BO::Sub, x, mean, "_centred");
    armnn::IOutputSlot& var = Reduce(ctx, armnn::ReduceOperation::Mean, Bin(ctx, BO::Mul, centred, centred, "_sq"), axes, true, "_var");
    armnn::IOutputSlot& stdv = Bin(ctx, BO::Add, Unary(ctx, armnn::UnaryOperation::Sqrt, var, "_sqrt"), Scalar(ctx, t, 1e-9, "_eps"), "_std");
    ctx.SetOutput(0, Bin(ctx, BO::Div, centred, stdv, ""), t, in);
}

/// Across-channel local response normalization: armnn's Normalization with alpha / size (ONNX divides alpha by
/// the window size; armnn does not). Even sizes have a lopsided window in ONNX, which armnn cannot express.
void ConvertLrn(NodeContext& ctx)
{
    RequireFloat(ctx);
    if (ctx.Rank(0) != 4)
    {
        ctx.Unsupported("LRN of a rank-" + std::to_string(ctx.Rank(0)) + " input (4-D only)");
    }
    const int64_t size = ctx.AttrInt("size", 0);
    if (size < 1 || size > 65535)
    {
        ctx.Fail("size " + std::to_string(size) + " is not in [1, 65535]");
    }
    if (size % 2 == 0)
    {
        ctx.Unsupported("an even size (ONNX's window is then lopsided)");
    }
    armnn::NormalizationDescriptor d;
    d.m_NormChannelType = armnn::NormalizationAlgorithmChannel::Across;
    d.m_NormMethodType = armnn::NormalizationAlgorithmMethod::LocalBrightness;
    d.m_NormSize = static_cast<uint32_t>(size);
    d.m_Alpha = ctx.AttrFloat("alpha", 0.0001f) / static_cast<float>(size);
    d.m_Beta = ctx.AttrFloat("beta", 0.75f);
    d.m_K = ctx.AttrFloat("bias", 1.0f);
    d.m_DataLayout = armnn::DataLayout::NCHW;
    auto* l = ctx.Network().AddNormalizationLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, ctx.Dims(0));
}

void ConvertInstanceNorm(NodeContext& ctx)
{
    RequireFloat(ctx);
    const size_t rank = ctx.Rank(0);
    if (rank < 3) ctx.Fail("input rank must be at least 3");
    std::vector<uint32_t> axes;
    for (size_t i = 2; i < rank; ++i) axes.push_back(static_cast<uint32_t>(i));
    armnn::IOutputSlot* y = Normalize(ctx, ctx.Slot(0), axes, ctx.AttrFloat("epsilon", 1e-5f)).y;
    y = &Bin(ctx, armnn::BinaryOperation::Mul, *y, PerChannel(ctx, 1, rank), "_scale");
    y = &Bin(ctx, armnn::BinaryOperation::Add, *y, PerChannel(ctx, 2, rank), "_bias");
    ctx.SetOutput(0, *y, ctx.In(0).m_ElemType, ctx.Dims(0));
}

// ---------------------------------------------------------------------------------------------------------------
// Matrix products

void ConvertMatMul(NodeContext& ctx)
{
    Dims a = ctx.Dims(0), b = ctx.Dims(1);
    if (a.empty() || b.empty()) ctx.Fail("MatMul inputs must have rank 1 or more");
    const bool vecA = a.size() == 1, vecB = b.size() == 1;
    Dims a2 = vecA ? Dims{1, a[0]} : a;
    Dims b2 = vecB ? Dims{b[0], 1} : b;
    if (a2.back() != b2[b2.size() - 2]) ctx.Fail("inner dimensions of " + DimsToString(a) + " and " + DimsToString(b) + " differ");
    Dims batch = BroadcastDims(ctx, Dims(a2.begin(), a2.end() - 2), Dims(b2.begin(), b2.end() - 2));
    Dims out = batch;
    if (!vecA) out.push_back(a2[a2.size() - 2]);
    if (!vecB) out.push_back(b2.back());
    armnn::IOutputSlot& sa = ctx.Reshape(ctx.Slot(0), a2, "_a2d");
    armnn::IOutputSlot& sb = ctx.Reshape(ctx.Slot(1), b2, "_b2d");
    auto* l = ctx.Network().AddBatchMatMulLayer(armnn::BatchMatMulDescriptor(), ctx.LayerName().c_str());
    ctx.Emit(l, {&sa, &sb}, TypeOf(sa));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertGemm(NodeContext& ctx)
{
    const Dims a = ctx.Dims(0), b = ctx.Dims(1);
    if (a.size() != 2 || b.size() != 2) ctx.Fail("Gemm inputs must be matrices");
    RequireFloat(ctx);
    const bool ta = ctx.AttrInt("transA", 0) != 0, tb = ctx.AttrInt("transB", 0) != 0;
    const float alpha = ctx.AttrFloat("alpha", 1.0f), beta = ctx.AttrFloat("beta", 1.0f);
    const int64_t m = ta ? a[1] : a[0], k = ta ? a[0] : a[1], n = tb ? b[0] : b[1];
    if ((tb ? b[1] : b[0]) != k) ctx.Fail("inner dimensions differ");
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot* y = nullptr;
    if (!ta && ctx.IsConst(1) && t == TP::FLOAT)
    {
        // Constant weights: FullyConnected, with alpha folded into them.
        ConstValue w = *ctx.In(1).m_Const;
        for (double& v : w.m_Reals) v *= alpha;
        armnn::FullyConnectedDescriptor d;
        d.m_TransposeWeightMatrix = tb;
        d.m_BiasEnabled = false;
        auto* l = ctx.Network().AddFullyConnectedLayer(d, ctx.LayerName().c_str());
        ctx.Emit(l, {&ctx.Slot(0), &ctx.ConstSlot(w, "_weights")}, TypeOf(ctx.Slot(0)));
        y = &l->GetOutputSlot(0);
    }
    else
    {
        auto* l = ctx.Network().AddBatchMatMulLayer(armnn::BatchMatMulDescriptor(ta, tb), ctx.LayerName().c_str());
        ctx.Emit(l, {&ctx.Slot(0), &ctx.Slot(1)}, TypeOf(ctx.Slot(0)));
        y = &l->GetOutputSlot(0);
        if (alpha != 1.0f) y = &Bin(ctx, armnn::BinaryOperation::Mul, *y, Scalar(ctx, t, alpha, "_alpha"), "_scaled");
    }
    if (ctx.Has(2) && beta != 0.0f)
    {
        BroadcastDims(ctx, {m, n}, ctx.Dims(2));
        armnn::IOutputSlot* c = &ctx.Slot(2);
        if (beta != 1.0f)
        {
            if (ctx.IsConst(2))
            {
                ConstValue cv = *ctx.In(2).m_Const;
                for (double& v : cv.m_Reals) v *= beta;
                c = &ctx.ConstSlot(cv, "_bias");
            }
            else
            {
                c = &Bin(ctx, armnn::BinaryOperation::Mul, *c, Scalar(ctx, t, beta, "_beta"), "_cbeta");
            }
        }
        y = &Bin(ctx, armnn::BinaryOperation::Add, *y, *c, "_bias");
    }
    ctx.SetOutput(0, *y, t, {m, n});
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes and data movement (folded when the data is known)

void ReshapeTo(NodeContext& ctx, const Dims& out)
{
    if (Product(out) != Product(ctx.Dims(0)))
    {
        ctx.Fail("cannot reshape " + DimsToString(ctx.Dims(0)) + " to " + DimsToString(out));
    }
    if (ctx.IsConst(0))
    {
        ConstValue c = *ctx.In(0).m_Const;
        c.m_Dims = out;
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    ctx.SetOutput(0, ctx.Reshape(ctx.Slot(0), out, ""), ctx.In(0).m_ElemType, out);
}

void ConvertReshape(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    Dims shape = ctx.Opset() < 5 ? ctx.AttrInts("shape") : ctx.ConstInts(1, "shape");
    const bool allowZero = ctx.AttrInt("allowzero", 0) != 0;
    int64_t known = 1;
    int inferred = -1;
    for (size_t i = 0; i < shape.size(); ++i)
    {
        if (shape[i] == 0 && !allowZero)
        {
            if (i >= in.size()) ctx.Fail("shape copies dimension " + std::to_string(i) + " that the input lacks");
            shape[i] = in[i];
        }
        if (shape[i] == -1)
        {
            if (inferred >= 0) ctx.Fail("shape has more than one -1");
            inferred = static_cast<int>(i);
            continue;
        }
        if (shape[i] < 0) ctx.Fail("shape has a negative dimension");
        if (__builtin_mul_overflow(known, shape[i], &known)) ctx.Fail("shape " + DimsToString(shape) + " is too large");
    }
    if (inferred >= 0)
    {
        if (known == 0 || Product(in) % known != 0) ctx.Fail("shape " + DimsToString(shape) + " does not fit the input");
        shape[static_cast<size_t>(inferred)] = Product(in) / known;
    }
    ReshapeTo(ctx, shape);
}

void ConvertFlatten(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const int64_t r = static_cast<int64_t>(in.size());
    int64_t axis = ctx.AttrInt("axis", 1);
    if (axis < -r || axis > r) ctx.Fail("axis out of range");
    if (axis < 0) axis += r;
    ReshapeTo(ctx, {Product(in, 0, static_cast<size_t>(axis)), Product(in, static_cast<size_t>(axis))});
}

Dims ReadAxes(NodeContext& ctx, int64_t inputSince, size_t inputIndex)
{
    if (ctx.Opset() >= inputSince)
    {
        return ctx.Has(inputIndex) ? ctx.ConstInts(inputIndex, "axes") : Dims{};
    }
    return ctx.AttrInts("axes");
}

void ConvertSqueeze(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    Dims axes = ReadAxes(ctx, 13, 1);
    std::vector<bool> drop(in.size(), false);
    if (axes.empty())
    {
        for (size_t i = 0; i < in.size(); ++i) drop[i] = in[i] == 1;
    }
    for (int64_t a : axes)
    {
        const size_t k = static_cast<size_t>(NormAxis(ctx, a, in.size()));
        if (in[k] != 1) ctx.Fail("cannot squeeze dimension " + std::to_string(k) + " of size " + std::to_string(in[k]));
        drop[k] = true;
    }
    Dims out;
    for (size_t i = 0; i < in.size(); ++i) if (!drop[i]) out.push_back(in[i]);
    ReshapeTo(ctx, out);
}

void ConvertUnsqueeze(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    Dims axes = ReadAxes(ctx, 13, 1);
    const size_t rank = in.size() + axes.size();
    std::vector<bool> add(rank, false);
    for (int64_t a : axes)
    {
        const size_t k = static_cast<size_t>(NormAxis(ctx, a, rank));
        if (add[k]) ctx.Fail("axis repeated");
        add[k] = true;
    }
    Dims out;
    size_t j = 0;
    for (size_t i = 0; i < rank; ++i) out.push_back(add[i] ? 1 : in[j++]);
    ReshapeTo(ctx, out);
}

void ConvertTranspose(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    Dims perm = ctx.AttrInts("perm");
    if (perm.empty())
    {
        for (size_t i = in.size(); i-- > 0;) perm.push_back(static_cast<int64_t>(i));
    }
    if (perm.size() != in.size()) ctx.Fail("perm has the wrong length");
    std::vector<bool> seen(in.size(), false);
    std::vector<unsigned int> mapping;
    Dims out;
    for (int64_t p : perm)
    {
        const size_t k = static_cast<size_t>(NormAxis(ctx, p, in.size(), "perm entry"));
        if (seen[k]) ctx.Fail("perm repeats " + std::to_string(k));
        seen[k] = true;
        mapping.push_back(static_cast<unsigned int>(k));
        out.push_back(in[k]);
    }
    if (in.size() <= 1)
    {
        ctx.Alias(0, 0);
        return;
    }
    armnn::TransposeDescriptor d(armnn::PermutationVector(mapping.data(), static_cast<unsigned>(mapping.size())));
    auto* l = ctx.Network().AddTransposeLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertConcat(NodeContext& ctx)
{
    const size_t rank = ctx.Rank(0);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), rank));
    Dims out = ctx.Dims(0);
    out[axis] = 0;
    for (size_t i = 0; i < ctx.NumInputs(); ++i)
    {
        const Dims& d = ctx.Dims(i);
        if (d.size() != rank) ctx.Fail("inputs have different ranks", ctx.InputName(i));
        for (size_t k = 0; k < rank; ++k)
        {
            if (k != axis && d[k] != out[k]) ctx.Fail("input shapes differ outside the axis", ctx.InputName(i));
        }
        out[axis] += d[axis];
    }
    if (AllConst(ctx))
    {
        ConstValue c;
        c.m_ElemType = ctx.In(0).m_ElemType;
        c.m_Dims = out;
        const int64_t outer = Product(out, 0, axis), inner = Product(out, axis + 1);
        for (int64_t o = 0; o < outer; ++o)
        {
            for (size_t i = 0; i < ctx.NumInputs(); ++i)
            {
                const ConstValue& s = ctx.Const(i, "input");
                const int64_t chunk = s.m_Dims[axis] * inner;
                for (int64_t e = 0; e < chunk; ++e)
                {
                    const size_t src = static_cast<size_t>(o * chunk + e);
                    if (c.IsReal()) c.m_Reals.push_back(s.Real(src)); else c.m_Ints.push_back(s.Int(src));
                }
            }
        }
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    if (ctx.NumInputs() == 1)
    {
        ctx.Alias(0, 0);
        return;
    }
    std::vector<armnn::TensorShape> shapes;
    std::vector<armnn::IOutputSlot*> slots;
    for (size_t i = 0; i < ctx.NumInputs(); ++i)
    {
        slots.push_back(&ctx.Slot(i));
        shapes.push_back(slots.back()->GetTensorInfo().GetShape());
    }
    armnn::OriginsDescriptor d =
        armnn::CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), static_cast<unsigned>(axis));
    auto* l = ctx.Network().AddConcatLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, slots, TypeOf(*slots[0]));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertSplit(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), in.size()));
    const size_t n = ctx.NumOutputs();
    Dims split = ctx.Opset() >= 13 ? (ctx.Has(1) ? ctx.ConstInts(1, "split") : Dims{}) : ctx.AttrInts("split");
    if (split.empty())
    {
        const int64_t parts = ctx.HasAttr("num_outputs") ? ctx.AttrInt("num_outputs", 1) : static_cast<int64_t>(n);
        if (parts < 1 || static_cast<size_t>(parts) != n) ctx.Fail("num_outputs differs from the node's outputs");
        const int64_t each = (in[axis] + parts - 1) / parts;
        for (int64_t p = 0, left = in[axis]; p < parts; ++p, left -= each) split.push_back(std::min(each, left));
    }
    if (split.size() != n) ctx.Fail("split has " + std::to_string(split.size()) + " entries for " + std::to_string(n) + " outputs");
    int64_t total = 0;
    for (int64_t s : split)
    {
        if (s <= 0) ctx.Unsupported("empty or negative split sizes");
        total += s;
    }
    if (total != in[axis]) ctx.Fail("split sizes do not add up to the axis length");
    armnn::IOutputSlot& x = ctx.Slot(0);
    const unsigned rank = x.GetTensorInfo().GetNumDimensions();
    armnn::ViewsDescriptor d(static_cast<uint32_t>(n), rank);
    uint32_t origin = 0;
    for (size_t v = 0; v < n; ++v)
    {
        for (unsigned k = 0; k < rank; ++k)
        {
            d.SetViewOriginCoord(static_cast<uint32_t>(v), k, k == axis ? origin : 0);
            d.SetViewSize(static_cast<uint32_t>(v), k,
                          k == axis ? static_cast<uint32_t>(split[v]) : x.GetTensorInfo().GetShape()[k]);
        }
        origin += static_cast<uint32_t>(split[v]);
    }
    d.SetAxis(static_cast<int32_t>(axis));
    auto* l = ctx.Network().AddSplitterLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&x}, TypeOf(x));
    for (size_t v = 0; v < n; ++v)
    {
        Dims o = in;
        o[axis] = split[v];
        ctx.SetOutput(v, l->GetOutputSlot(static_cast<unsigned>(v)), ctx.In(0).m_ElemType, o);
    }
}

void ConvertShape(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const int64_t r = static_cast<int64_t>(in.size());
    int64_t start = ctx.AttrInt("start", 0), end = ctx.AttrInt("end", r);
    if (start < 0) start += r;
    if (end < 0) end += r;
    start = std::clamp<int64_t>(start, 0, r);
    end = std::clamp<int64_t>(end, 0, r);
    Dims v;
    for (int64_t i = start; i < end; ++i) v.push_back(in[static_cast<size_t>(i)]);
    const int64_t len = static_cast<int64_t>(v.size());
    ctx.SetConstOutput(0, IntsConst(v, {len}));
}

void ConvertSize(NodeContext& ctx) { ctx.SetConstOutput(0, IntsConst({Product(ctx.Dims(0))}, {})); }

void ConvertConstant(NodeContext& ctx)
{
    const std::string ctxName = ctx.Describe(ctx.Node().output_size() ? ctx.Node().output(0) : "");
    if (const auto* a = ctx.Attr("value"))
    {
        ctx.SetConstOutput(0, DecodeTensor(a->t(), "", ctxName));
    }
    else if (const auto* f = ctx.Attr("value_float"))
    {
        ctx.SetConstOutput(0, MakeConst(TP::FLOAT, {}, {f->f()}));
    }
    else if (const auto* fs = ctx.Attr("value_floats"))
    {
        std::vector<double> v(fs->floats().begin(), fs->floats().end());
        ctx.SetConstOutput(0, MakeConst(TP::FLOAT, {static_cast<int64_t>(v.size())}, v));
    }
    else if (const auto* i = ctx.Attr("value_int"))
    {
        ctx.SetConstOutput(0, IntsConst({i->i()}, {}));
    }
    else if (const auto* is = ctx.Attr("value_ints"))
    {
        Dims v(is->ints().begin(), is->ints().end());
        ctx.SetConstOutput(0, IntsConst(v, {static_cast<int64_t>(v.size())}));
    }
    else
    {
        ctx.Unsupported("Constant without a tensor, float or integer value (sparse and string values)");
    }
}

void ConvertConstantOfShape(NodeContext& ctx)
{
    const Dims shape = ctx.ConstInts(0, "shape");
    ConstValue c = MakeConst(TP::FLOAT, {}, {0.0});
    if (const auto* a = ctx.Attr("value"))
    {
        c = DecodeTensor(a->t(), "", ctx.Describe("value"));
        if (c.NumElements() != 1) ctx.Fail("value must have one element");
    }
    for (int64_t d : shape) if (d < 0 || d > kMaxDimension) ctx.Fail("shape dimension out of range");
    ToArmnnShape(shape, ctx.Describe());
    ConstValue out;
    out.m_ElemType = c.m_ElemType;
    out.m_Dims = shape;
    const size_t n = out.NumElements();
    if (c.IsReal()) out.m_Reals.assign(n, c.m_Reals[0]); else out.m_Ints.assign(n, c.m_Ints[0]);
    ctx.SetConstOutput(0, std::move(out));
}

void ConvertRange(NodeContext& ctx)
{
    const ConstValue& s = ctx.Const(0, "start");
    const ConstValue& l = ctx.Const(1, "limit");
    const ConstValue& d = ctx.Const(2, "delta");
    const double start = s.Real(0), limit = l.Real(0), delta = d.Real(0);
    if (delta == 0) ctx.Fail("delta is zero");
    const double count = std::max(0.0, std::ceil((limit - start) / delta));
    if (count > static_cast<double>(kMaxElements)) ctx.Fail("too many elements");
    ConstValue out = MakeConst(s.m_ElemType, {static_cast<int64_t>(count)}, {});
    for (int64_t i = 0; i < static_cast<int64_t>(count); ++i)
    {
        if (out.IsReal()) out.m_Reals.push_back(start + static_cast<double>(i) * delta);
        else
        {
            int64_t step = 0, v = 0;
            if (__builtin_mul_overflow(i, d.Int(0), &step) || __builtin_add_overflow(s.Int(0), step, &v))
            {
                ctx.Fail("integer overflow in Range");
            }
            out.m_Ints.push_back(v);
        }
    }
    ctx.SetConstOutput(0, std::move(out));
}

/// Run-time indices as Signed32 with negative ones wrapped: indices + (indices < 0) * dim.
/// Indices as Signed32 with negative ones counted from the back: index + (index < 0) * dims, where `dims` (Signed32)
/// broadcasts against the indices.
armnn::IOutputSlot& WrapIndices(NodeContext& ctx, armnn::IOutputSlot& in, armnn::IOutputSlot& dims)
{
    armnn::IOutputSlot* indices = &in;
    if (TypeOf(*indices) != armnn::DataType::Signed32)
    {
        auto* cast = ctx.Network().AddCastLayer(ctx.LayerName("_indices").c_str());
        ctx.Emit(cast, {indices}, armnn::DataType::Signed32);
        indices = &cast->GetOutputSlot(0);
    }
    auto* isNeg = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(armnn::ComparisonOperation::Less),
                                                   ctx.LayerName("_isneg").c_str());
    ctx.Emit(isNeg, {indices, &Scalar(ctx, TP::INT32, 0, "_zero")}, armnn::DataType::Boolean);
    auto* negInt = ctx.Network().AddCastLayer(ctx.LayerName("_isneg_int").c_str());
    ctx.Emit(negInt, {&isNeg->GetOutputSlot(0)}, armnn::DataType::Signed32);
    armnn::IOutputSlot& shift = Bin(ctx, armnn::BinaryOperation::Mul, negInt->GetOutputSlot(0), dims, "_shift");
    return Bin(ctx, armnn::BinaryOperation::Add, *indices, shift, "_wrapped");
}

armnn::IOutputSlot& WrapIndices(NodeContext& ctx, armnn::IOutputSlot& in, int64_t dim)
{
    return WrapIndices(ctx, in, Scalar(ctx, TP::INT32, static_cast<double>(dim), "_dim"));
}

/// GatherND's and ScatterND's indices (input `input`): rows whose position k indexes dimension k of `data`; returns
/// the row length. Negative indices count from the back of their dimension.
int64_t IndexRowLength(NodeContext& ctx, size_t input, const Dims& data)
{
    const Dims idx = ctx.Dims(input);
    if (data.empty() || idx.empty() || idx.back() < 1 || idx.back() > static_cast<int64_t>(data.size()))
    {
        ctx.Fail("indices shape " + DimsToString(idx) + " does not index data of shape " + DimsToString(data));
    }
    return idx.back();
}

/// The indices of IndexRowLength as Signed32 with negatives wrapped: constant ones checked and wrapped now, others by
/// layers (an index still out of range then fails when the network runs).
armnn::IOutputSlot& IndexRows(NodeContext& ctx, size_t input, const Dims& data)
{
    const size_t depth = static_cast<size_t>(IndexRowLength(ctx, input, data));
    if (ctx.IsConst(input))
    {
        std::vector<int64_t> values = ctx.ConstInts(input, "indices");
        for (size_t i = 0; i < values.size(); ++i)
        {
            const int64_t dim = data[i % depth];
            if (values[i] < -dim || values[i] >= dim) ctx.Fail("index " + std::to_string(values[i]) + " is out of range", ctx.InputName(input));
            if (values[i] < 0) values[i] += dim;
        }
        ConstValue c = IntsConst(values, ctx.Dims(input));
        c.m_ElemType = TP::INT32;
        return ctx.ConstSlot(c, "_indices");
    }
    const std::vector<double> dims(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(depth));
    return WrapIndices(ctx, ctx.Slot(input), ctx.ConstSlot(MakeConst(TP::INT32, {static_cast<int64_t>(depth)}, dims), "_dims"));
}

void ConvertGatherND(NodeContext& ctx)
{
    const Dims data = ctx.Dims(0), idx = ctx.Dims(1);
    const int64_t batch = ctx.AttrInt("batch_dims", 0);
    if (batch < 0 || batch >= static_cast<int64_t>(std::min(data.size(), idx.size())) ||
        !std::equal(data.begin(), data.begin() + batch, idx.begin()))
    {
        ctx.Fail("batch_dims " + std::to_string(batch) + " does not fit data " + DimsToString(data) + " and indices " +
                 DimsToString(idx));
    }
    // Each row indexes data[batch:] within its batch; prefixing the rows with their batch coordinates makes them
    // plain GatherNd rows into the whole of data.
    const Dims inner(data.begin() + batch, data.end());
    const int64_t depth = IndexRowLength(ctx, 1, inner);
    armnn::IOutputSlot* rows = &IndexRows(ctx, 1, inner);
    if (batch > 0)
    {
        Dims prefixDims(idx.begin(), idx.end() - 1);
        prefixDims.push_back(batch);
        std::vector<double> prefix;
        const int64_t positions = Product(idx, 0, idx.size() - 1);
        const int64_t perBatchEntry = Product(idx, static_cast<size_t>(batch), idx.size() - 1);
        for (int64_t p = 0; p < positions; ++p)
        {
            int64_t rest = p / perBatchEntry;
            std::vector<double> coords(static_cast<size_t>(batch));
            for (int64_t d = batch; d-- > 0;)
            {
                coords[static_cast<size_t>(d)] = static_cast<double>(rest % idx[static_cast<size_t>(d)]);
                rest /= idx[static_cast<size_t>(d)];
            }
            prefix.insert(prefix.end(), coords.begin(), coords.end());
        }
        armnn::IOutputSlot& batchRows = ctx.ConstSlot(MakeConst(TP::INT32, prefixDims, prefix), "_batch_rows");
        std::vector<armnn::TensorShape> shapes = {batchRows.GetTensorInfo().GetShape(), rows->GetTensorInfo().GetShape()};
        auto* concat = ctx.Network().AddConcatLayer(
            armnn::CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), static_cast<unsigned>(idx.size() - 1)),
            ctx.LayerName("_rows").c_str());
        ctx.Emit(concat, {&batchRows, rows}, armnn::DataType::Signed32);
        rows = &concat->GetOutputSlot(0);
    }
    Dims out(idx.begin(), idx.end() - 1);
    out.insert(out.end(), data.begin() + batch + depth, data.end());
    auto* l = ctx.Network().AddGatherNdLayer(ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), rows}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

armnn::ScatterNdFunction ScatterFunction(NodeContext& ctx)
{
    const std::string reduction = ctx.AttrString("reduction", "none");
    if (reduction == "none") return armnn::ScatterNdFunction::Update;
    if (reduction == "add") return armnn::ScatterNdFunction::Add;
    if (reduction == "mul") return armnn::ScatterNdFunction::Mul;
    if (reduction == "max") return armnn::ScatterNdFunction::Max;
    if (reduction == "min") return armnn::ScatterNdFunction::Min;
    ctx.Unsupported("reduction '" + reduction + "'");
}

void ConvertScatterND(NodeContext& ctx)
{
    const Dims data = ctx.Dims(0);
    auto* l = ctx.Network().AddScatterNdLayer(armnn::ScatterNdDescriptor(ScatterFunction(ctx), true),
                                              ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &IndexRows(ctx, 1, data), &ctx.Slot(2)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, data);
}

/// ScatterElements (and the older Scatter): element p of the updates goes to data at p with its `axis` coordinate
/// replaced by indices[p]. As ScatterNd rows: the coordinates of p (axis column 0) plus indices[p] in the axis column.
void ConvertScatterElements(NodeContext& ctx)
{
    const Dims data = ctx.Dims(0), idx = ctx.Dims(1);
    if (data.empty() || idx.size() != data.size() || ctx.Dims(2) != idx)
    {
        ctx.Fail("data " + DimsToString(data) + ", indices " + DimsToString(idx) + " and updates " +
                 DimsToString(ctx.Dims(2)) + " must have one rank, indices and updates one shape");
    }
    const size_t rank = data.size();
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), rank));
    for (size_t d = 0; d < rank; ++d)
    {
        if (d != axis && idx[d] > data[d]) ctx.Fail("indices shape " + DimsToString(idx) + " exceeds data shape " + DimsToString(data));
    }
    const int64_t n = Product(idx);
    std::vector<double> base;
    for (int64_t i = 0; i < n; ++i)
    {
        std::vector<double> coords(rank);
        int64_t rest = i;
        for (size_t d = rank; d-- > 0;)
        {
            coords[d] = d == axis ? 0.0 : static_cast<double>(rest % idx[d]);
            rest /= idx[d];
        }
        base.insert(base.end(), coords.begin(), coords.end());
    }
    std::vector<double> axisColumn(rank, 0.0);
    axisColumn[axis] = 1.0;
    const int64_t r = static_cast<int64_t>(rank);
    armnn::IOutputSlot& wrapped = ctx.Reshape(WrapIndices(ctx, ctx.Slot(1), data[axis]), {n, 1}, "_indices_column");
    armnn::IOutputSlot& placed = Bin(ctx, armnn::BinaryOperation::Mul, wrapped,
                                     ctx.ConstSlot(MakeConst(TP::INT32, {r}, axisColumn), "_axis_column"), "_placed");
    armnn::IOutputSlot& rows = Bin(ctx, armnn::BinaryOperation::Add, placed,
                                   ctx.ConstSlot(MakeConst(TP::INT32, {n, r}, base), "_coordinates"), "_rows");
    auto* l = ctx.Network().AddScatterNdLayer(armnn::ScatterNdDescriptor(ScatterFunction(ctx), true),
                                              ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &rows, &ctx.Reshape(ctx.Slot(2), {n}, "_updates_flat")}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, data);
}

void ConvertGather(NodeContext& ctx)
{
    const Dims data = ctx.Dims(0), idx = ctx.Dims(1);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), data.size()));
    Dims out(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(axis));
    out.insert(out.end(), idx.begin(), idx.end());
    out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(axis) + 1, data.end());
    if (ctx.IsConst(1))
    {
        Dims indices = ctx.ConstInts(1, "indices");
        for (int64_t& i : indices)
        {
            if (i < -data[axis] || i >= data[axis]) ctx.Fail("index " + std::to_string(i) + " is out of range", ctx.InputName(1));
            if (i < 0) i += data[axis];
        }
        if (ctx.IsConst(0))
        {
            const ConstValue& src = ctx.Const(0, "data");
            ConstValue c;
            c.m_ElemType = src.m_ElemType;
            c.m_Dims = out;
            const int64_t outer = Product(data, 0, axis), inner = Product(data, axis + 1);
            for (int64_t o = 0; o < outer; ++o)
                for (int64_t i : indices)
                    for (int64_t e = 0; e < inner; ++e)
                    {
                        const size_t k = static_cast<size_t>((o * data[axis] + i) * inner + e);
                        if (c.IsReal()) c.m_Reals.push_back(src.Real(k)); else c.m_Ints.push_back(src.Int(k));
                    }
            ctx.SetConstOutput(0, std::move(c));
            return;
        }
        ConstValue ic = IntsConst(indices, idx);
        ic.m_ElemType = TP::INT32;
        auto* l = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(static_cast<int32_t>(axis)), ctx.LayerName().c_str());
        ctx.Emit(l, {&ctx.Slot(0), &ctx.ConstSlot(ic, "_indices")}, TypeOf(ctx.Slot(0)));
        ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
        return;
    }
    armnn::IOutputSlot& indices = WrapIndices(ctx, ctx.Slot(1), data[axis]);
    auto* l = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(static_cast<int32_t>(axis)), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &indices}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

/// GatherElements as a Gather from the flattened data at flat indices: the index along `axis` comes from the
/// input, the other coordinates are those of the output element (a constant).
void ConvertGatherElements(NodeContext& ctx)
{
    const Dims data = ctx.Dims(0), idx = ctx.Dims(1);
    if (data.size() != idx.size() || data.empty()) ctx.Fail("data and indices must have the same rank");
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), data.size()));
    for (size_t d = 0; d < data.size(); ++d)
    {
        if (d != axis && idx[d] > data[d]) ctx.Fail("indices shape " + DimsToString(idx) + " exceeds data shape " + DimsToString(data));
    }
    const int64_t total = Product(data), n = Product(idx);
    ToArmnnShape(idx, ctx.Describe(ctx.InputName(1)));
    if (total > std::numeric_limits<int32_t>::max()) ctx.Unsupported("GatherElements on more than 2^31 elements");
    std::vector<double> base(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i)
    {
        int64_t rest = i, flat = 0, stride = 1;
        for (size_t d = data.size(); d-- > 0;)
        {
            const int64_t coord = rest % idx[d];
            rest /= idx[d];
            if (d != axis) flat += coord * stride;
            stride *= data[d];
        }
        base[static_cast<size_t>(i)] = static_cast<double>(flat);
    }
    const int64_t axisStride = Product(data, axis + 1);
    armnn::IOutputSlot& wrapped = WrapIndices(ctx, ctx.Slot(1), data[axis]);
    armnn::IOutputSlot& scaled = Bin(ctx, armnn::BinaryOperation::Mul, wrapped, Scalar(ctx, TP::INT32, static_cast<double>(axisStride), "_stride"), "_scaled");
    armnn::IOutputSlot& flat = Bin(ctx, armnn::BinaryOperation::Add, scaled, ctx.ConstSlot(MakeConst(TP::INT32, idx, base), "_base"), "_flat");
    auto* l = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(0), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Reshape(ctx.Slot(0), {total}, "_data_flat"), &flat}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, idx);
}

void ConvertSlice(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    Dims starts, ends, axes, steps;
    if (ctx.Opset() < 10)
    {
        starts = ctx.AttrInts("starts");
        ends = ctx.AttrInts("ends");
        axes = ctx.AttrInts("axes");
    }
    else
    {
        starts = ctx.ConstInts(1, "starts");
        ends = ctx.ConstInts(2, "ends");
        if (ctx.Has(3)) axes = ctx.ConstInts(3, "axes");
        if (ctx.Has(4)) steps = ctx.ConstInts(4, "steps");
    }
    if (axes.empty()) for (size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    if (steps.empty()) steps.assign(starts.size(), 1);
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    {
        ctx.Fail("starts, ends, axes and steps have different lengths");
    }
    const size_t r = in.size();
    Dims b(r, 0), e(in), s(r, 1);
    for (size_t k = 0; k < starts.size(); ++k)
    {
        const size_t a = static_cast<size_t>(NormAxis(ctx, axes[k], r));
        const int64_t dim = in[a], step = steps[k];
        if (step == 0) ctx.Fail("step is zero");
        int64_t st = starts[k], en = ends[k];
        if (st < 0) st += dim;
        if (en < 0) en += dim;
        if (step > 0)
        {
            st = std::clamp<int64_t>(st, 0, dim);
            en = std::clamp<int64_t>(en, 0, dim);
        }
        else
        {
            st = std::clamp<int64_t>(st, 0, dim - 1);
            en = std::clamp<int64_t>(en, -1, dim - 1);
        }
        b[a] = st; e[a] = en; s[a] = step;
    }
    Dims out(r);
    for (size_t a = 0; a < r; ++a)
    {
        const int64_t len = s[a] > 0 ? (e[a] - b[a] + s[a] - 1) / s[a] : (b[a] - e[a] - s[a] - 1) / -s[a];
        out[a] = std::max<int64_t>(0, len);
        if (out[a] == 0) ctx.Unsupported("a slice with an empty result");
    }
    if (ctx.IsConst(0))
    {
        const ConstValue& src = ctx.Const(0, "data");
        ConstValue c;
        c.m_ElemType = src.m_ElemType;
        c.m_Dims = out;
        const size_t n = c.NumElements();
        for (size_t f = 0; f < n; ++f)
        {
            size_t rem = f, srcIdx = 0, stride = 1;
            for (size_t a = r; a-- > 0;)
            {
                const int64_t coord = static_cast<int64_t>(rem % static_cast<size_t>(out[a]));
                rem /= static_cast<size_t>(out[a]);
                srcIdx += static_cast<size_t>(b[a] + coord * s[a]) * stride;
                stride *= static_cast<size_t>(in[a]);
            }
            if (c.IsReal()) c.m_Reals.push_back(src.Real(srcIdx)); else c.m_Ints.push_back(src.Int(srcIdx));
        }
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    if (r == 0) ctx.Fail("cannot slice a scalar");
    const bool unit = std::all_of(s.begin(), s.end(), [](int64_t v) { return v == 1; });
    armnn::IConnectableLayer* l = nullptr;
    if (unit)
    {
        std::vector<unsigned> begin, size;
        for (size_t a = 0; a < r; ++a)
        {
            begin.push_back(static_cast<unsigned>(b[a]));
            size.push_back(static_cast<unsigned>(out[a]));
        }
        l = ctx.Network().AddSliceLayer(armnn::SliceDescriptor(begin, size), ctx.LayerName().c_str());
    }
    else
    {
        std::vector<int> begin, end, stride;
        int32_t endMask = 0;
        for (size_t a = 0; a < r; ++a)
        {
            begin.push_back(static_cast<int>(b[a]));
            end.push_back(static_cast<int>(e[a]));
            stride.push_back(static_cast<int>(s[a]));
            if (e[a] < 0) endMask |= 1 << a; // runs to the start of the axis with a negative step
        }
        armnn::StridedSliceDescriptor d(begin, end, stride);
        d.m_EndMask = endMask;
        l = ctx.Network().AddStridedSliceLayer(d, ctx.LayerName().c_str());
    }
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertPad(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const size_t r = in.size();
    const std::string mode = ctx.AttrString("mode", "constant");
    Dims pads;
    float value = 0;
    Dims axes;
    if (ctx.Opset() < 11)
    {
        pads = ctx.AttrInts("pads");
        value = ctx.AttrFloat("value", 0.0f);
    }
    else
    {
        pads = ctx.ConstInts(1, "pads");
        if (ctx.Has(2)) value = ctx.ConstFloats(2, "constant_value").at(0);
        if (ctx.Has(3)) axes = ctx.ConstInts(3, "axes");
    }
    if (axes.empty()) for (size_t i = 0; i < r; ++i) axes.push_back(static_cast<int64_t>(i));
    if (pads.size() != 2 * axes.size()) ctx.Fail("pads has the wrong length");
    std::vector<std::pair<unsigned, unsigned>> list(r, {0, 0});
    Dims out = in;
    for (size_t k = 0; k < axes.size(); ++k)
    {
        const size_t a = static_cast<size_t>(NormAxis(ctx, axes[k], r));
        const int64_t before = pads[k], after = pads[k + axes.size()];
        if (before < 0 || after < 0) ctx.Unsupported("negative pads (cropping)");
        if (before > kMaxDimension || after > kMaxDimension) ctx.Fail("pads out of range");
        list[a] = {static_cast<unsigned>(before), static_cast<unsigned>(after)};
        out[a] += before + after;
    }
    armnn::PaddingMode pm = armnn::PaddingMode::Constant;
    if (mode == "reflect") pm = armnn::PaddingMode::Reflect;
    else if (mode != "constant") ctx.Unsupported("pad mode '" + mode + "'");
    auto* l = ctx.Network().AddPadLayer(armnn::PadDescriptor(list, value, pm), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

/// Reductions built from a reduce layer: `pre` maps the input before it, `post` the result after it.
using SlotMap = std::function<armnn::IOutputSlot&(NodeContext&, armnn::IOutputSlot&)>;

void ConvertReduce(NodeContext& ctx, armnn::ReduceOperation op, int64_t axesInputSince, const SlotMap& pre = nullptr,
                   const SlotMap& post = nullptr)
{
    const Dims in = ctx.Dims(0);
    Dims axes = ReadAxes(ctx, axesInputSince, 1);
    const bool keep = ctx.AttrInt("keepdims", 1) != 0;
    if (axes.empty())
    {
        if (ctx.AttrInt("noop_with_empty_axes", 0) != 0)
        {
            ctx.Alias(0, 0);
            return;
        }
        for (size_t i = 0; i < in.size(); ++i) axes.push_back(static_cast<int64_t>(i));
    }
    std::vector<uint32_t> ax;
    std::vector<bool> reduced(in.size(), false);
    for (int64_t a : axes)
    {
        const size_t k = static_cast<size_t>(NormAxis(ctx, a, in.size()));
        if (!reduced[k]) ax.push_back(static_cast<uint32_t>(k));
        reduced[k] = true;
    }
    std::sort(ax.begin(), ax.end());
    Dims out;
    for (size_t i = 0; i < in.size(); ++i)
    {
        if (!reduced[i]) out.push_back(in[i]);
        else if (keep) out.push_back(1);
    }
    if (in.empty() && !pre && !post)
    {
        ctx.Alias(0, 0);
        return;
    }
    armnn::IOutputSlot* x = &ctx.Slot(0);
    if (pre) x = &pre(ctx, *x);
    if (!in.empty()) x = &Reduce(ctx, op, *x, ax, true, "");
    if (post) x = &post(ctx, *x);
    ctx.SetOutput(0, *x, ctx.In(0).m_ElemType, out);
}

armnn::IOutputSlot& Square(NodeContext& ctx, armnn::IOutputSlot& x)
{
    return Bin(ctx, armnn::BinaryOperation::Mul, x, x, "_square");
}

armnn::IOutputSlot& AbsOf(NodeContext& ctx, armnn::IOutputSlot& x) { return Unary(ctx, armnn::UnaryOperation::Abs, x, "_abs"); }
armnn::IOutputSlot& SqrtOf(NodeContext& ctx, armnn::IOutputSlot& x) { return Unary(ctx, armnn::UnaryOperation::Sqrt, x, "_sqrt"); }
armnn::IOutputSlot& LogOf(NodeContext& ctx, armnn::IOutputSlot& x) { return Unary(ctx, armnn::UnaryOperation::Log, x, "_log"); }
armnn::IOutputSlot& ExpOf(NodeContext& ctx, armnn::IOutputSlot& x) { return Unary(ctx, armnn::UnaryOperation::Exp, x, "_exp"); }

// ---------------------------------------------------------------------------------------------------------------
// Attention (opset 23): lowered to Transpose, BatchMatMul, Softmax and elementwise layers.

armnn::IOutputSlot& Permute(NodeContext& ctx, armnn::IOutputSlot& x, const std::vector<unsigned int>& perm,
                            const std::string& suffix)
{
    armnn::TransposeDescriptor d(armnn::PermutationVector(perm.data(), static_cast<unsigned>(perm.size())));
    auto* l = ctx.Network().AddTransposeLayer(d, ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&x}, TypeOf(x));
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& MatMul(NodeContext& ctx, armnn::IOutputSlot& a, armnn::IOutputSlot& b, const std::string& suffix)
{
    auto* l = ctx.Network().AddBatchMatMulLayer(armnn::BatchMatMulDescriptor(), ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a, &b}, TypeOf(a));
    return l->GetOutputSlot(0);
}

armnn::IOutputSlot& Concat(NodeContext& ctx, armnn::IOutputSlot& a, armnn::IOutputSlot& b, unsigned axis,
                           const std::string& suffix)
{
    std::vector<armnn::TensorShape> shapes = {a.GetTensorInfo().GetShape(), b.GetTensorInfo().GetShape()};
    auto* l = ctx.Network().AddConcatLayer(armnn::CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), axis),
                                           ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&a, &b}, TypeOf(a));
    return l->GetOutputSlot(0);
}

/// The last-axis slice [from, from + count) of a slot of shape dims.
armnn::IOutputSlot& SliceLast(NodeContext& ctx, armnn::IOutputSlot& x, const Dims& dims, int64_t from, int64_t count,
                              const std::string& suffix)
{
    std::vector<unsigned int> begin(dims.size(), 0);
    std::vector<unsigned int> size(dims.begin(), dims.end());
    begin.back() = static_cast<unsigned int>(from);
    size.back() = static_cast<unsigned int>(count);
    auto* l = ctx.Network().AddSliceLayer(armnn::SliceDescriptor(begin, size), ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&x}, TypeOf(x));
    return l->GetOutputSlot(0);
}

/// RotaryEmbedding (opset 23) as ONNX's reference computes it, on [batch, sequence, heads, head size]: the first
/// rotary_embedding_dim values of each head are split in halves (or even and odd positions when interleaved),
/// rotated by the cos/sin caches (gathered at position_ids when given) and put back; the rest pass unchanged.
void ConvertRotaryEmbedding(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims in = ctx.Dims(0);
    const int64_t heads = ctx.AttrInt("num_heads", 0);
    if (in.size() != 3 && in.size() != 4)
    {
        ctx.Fail("input must be 3-D or 4-D, not " + DimsToString(in), ctx.InputName(0));
    }
    if (in.size() == 3 && (heads < 1 || in[2] % heads != 0))
    {
        ctx.Fail("num_heads " + std::to_string(heads) + " must be positive and divide the hidden size " +
                 std::to_string(in[2]));
    }
    const int64_t b = in[0];
    const int64_t s = in.size() == 4 ? in[2] : in[1];
    const int64_t h = in.size() == 4 ? in[1] : heads;
    const int64_t d = in.size() == 4 ? in[3] : in[2] / heads;
    const int64_t rot = ctx.AttrInt("rotary_embedding_dim", 0) == 0 ? d : ctx.AttrInt("rotary_embedding_dim", 0);
    if (rot < 2 || rot > d || rot % 2 != 0)
    {
        ctx.Fail("rotary_embedding_dim " + std::to_string(rot) + " must be even and in [2, head size " +
                 std::to_string(d) + "]");
    }
    const int64_t half = rot / 2;
    const bool interleaved = ctx.AttrInt("interleaved", 0) != 0;
    const Dims bshd = {b, s, h, d};
    armnn::IOutputSlot& x = in.size() == 4 ? Permute(ctx, ctx.Slot(0), {0, 2, 1, 3}, "_bshd") : ctx.Reshape(ctx.Slot(0), bshd, "_bshd");
    // Caches as [batch, sequence, 1, half], broadcast over the heads.
    auto cache = [&](size_t i, const std::string& name) -> armnn::IOutputSlot& {
        armnn::IOutputSlot* c = &ctx.Slot(i);
        if (ctx.Has(3))
        {
            if (ctx.Rank(i) != 2 || ctx.Dims(i)[1] != half || ctx.Dims(3) != Dims{b, s})
            {
                ctx.Fail("with position_ids [batch, sequence] the caches must be [positions, " +
                         std::to_string(half) + "]", ctx.InputName(i));
            }
            auto* g = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(0), ctx.LayerName("_" + name).c_str());
            ctx.Emit(g, {c, &CastSlot(ctx, ctx.Slot(3), armnn::DataType::Signed32, "_" + name + "_positions")}, TypeOf(*c));
            c = &g->GetOutputSlot(0);
        }
        else if (ctx.Dims(i) != Dims{b, s, half})
        {
            ctx.Fail("without position_ids the caches must be [batch, sequence, " + std::to_string(half) + "]",
                     ctx.InputName(i));
        }
        return ctx.Reshape(*c, {b, s, 1, half}, "_" + name + "_bs1h");
    };
    armnn::IOutputSlot& cosC = cache(1, "cos");
    armnn::IOutputSlot& sinC = cache(2, "sin");
    armnn::IOutputSlot& rotated = rot == d ? x : SliceLast(ctx, x, bshd, 0, rot, "_rotated");
    armnn::IOutputSlot* x1 = nullptr;
    armnn::IOutputSlot* x2 = nullptr;
    const Dims pairs = {b, s, h, half, 2};
    if (interleaved)
    {
        armnn::IOutputSlot& p = ctx.Reshape(rotated, pairs, "_pairs");
        x1 = &ctx.Reshape(SliceLast(ctx, p, pairs, 0, 1, "_even"), {b, s, h, half}, "_x1");
        x2 = &ctx.Reshape(SliceLast(ctx, p, pairs, 1, 1, "_odd"), {b, s, h, half}, "_x2");
    }
    else
    {
        x1 = &SliceLast(ctx, rotated, {b, s, h, rot}, 0, half, "_x1");
        x2 = &SliceLast(ctx, rotated, {b, s, h, rot}, half, half, "_x2");
    }
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot& real = Bin(ctx, BO::Sub, Bin(ctx, BO::Mul, cosC, *x1, "_cos_x1"), Bin(ctx, BO::Mul, sinC, *x2, "_sin_x2"), "_real");
    armnn::IOutputSlot& imag = Bin(ctx, BO::Add, Bin(ctx, BO::Mul, sinC, *x1, "_sin_x1"), Bin(ctx, BO::Mul, cosC, *x2, "_cos_x2"), "_imag");
    armnn::IOutputSlot* y = nullptr;
    if (interleaved)
    {
        armnn::IOutputSlot& both = Concat(ctx, ctx.Reshape(real, {b, s, h, half, 1}, "_real5"),
                                          ctx.Reshape(imag, {b, s, h, half, 1}, "_imag5"), 4, "_interleave");
        y = &ctx.Reshape(both, {b, s, h, rot}, "_rotated_back");
    }
    else
    {
        y = &Concat(ctx, real, imag, 3, "_rotated_back");
    }
    if (rot < d)
    {
        y = &Concat(ctx, *y, SliceLast(ctx, x, bshd, rot, d - rot, "_pass"), 3, "_joined");
    }
    armnn::IOutputSlot& out = in.size() == 4 ? Permute(ctx, *y, {0, 2, 1, 3}, "") : ctx.Reshape(*y, in, "");
    ctx.SetOutput(0, out, ctx.In(0).m_ElemType, in);
}

/// Q, K or V as [batch, heads, sequence, head size]: 3-D inputs [batch, sequence, heads * head size] are split.
armnn::IOutputSlot& AttentionHeads(NodeContext& ctx, size_t i, int64_t heads, Dims& dims, const std::string& suffix)
{
    dims = ctx.Dims(i);
    if (dims.size() == 4) return ctx.Slot(i);
    if (dims.size() != 3) ctx.Fail("Q, K and V must have rank 3 or 4", ctx.InputName(i));
    if (heads < 1 || dims[2] % heads != 0) ctx.Fail("the hidden size is not a multiple of the number of heads", ctx.InputName(i));
    const Dims split = {dims[0], dims[1], heads, dims[2] / heads};
    dims = {dims[0], heads, dims[1], dims[2] / heads};
    return Permute(ctx, ctx.Reshape(ctx.Slot(i), split, suffix + "_split"), {0, 2, 1, 3}, suffix + "_heads");
}

void ConvertAttention(NodeContext& ctx)
{
    RequireFloat(ctx);
    if (ctx.Has(6)) ctx.Unsupported("the nonpad_kv_seqlen input");
    if (ctx.HasOutput(3) && ctx.AttrInt("qk_matmul_output_mode", 0) > 3) ctx.Unsupported("qk_matmul_output_mode above 3");
    const int32_t t = ctx.In(0).m_ElemType;
    const bool threeD = ctx.Rank(0) == 3;
    Dims q, k, v;
    armnn::IOutputSlot& sq = AttentionHeads(ctx, 0, ctx.AttrInt("q_num_heads", 0), q, "_q");
    armnn::IOutputSlot* sk = &AttentionHeads(ctx, 1, ctx.AttrInt("kv_num_heads", 0), k, "_k");
    armnn::IOutputSlot* sv = &AttentionHeads(ctx, 2, ctx.AttrInt("kv_num_heads", 0), v, "_v");
    if (q[0] != k[0] || k[0] != v[0] || q[3] != k[3] || k[1] != v[1] || k[2] != v[2]) ctx.Fail("Q, K and V shapes do not match");
    // The key/value cache: past entries come first along the sequence axis.
    const int64_t past = ctx.Has(4) ? ctx.Dims(4).at(2) : 0;
    if (ctx.Has(4) != ctx.Has(5)) ctx.Fail("past_key and past_value come together");
    if (ctx.Has(4))
    {
        sk = &Concat(ctx, ctx.Slot(4), *sk, 2, "_present_key");
        sv = &Concat(ctx, ctx.Slot(5), *sv, 2, "_present_value");
        k[2] += past;
        v[2] += past;
    }
    if (ctx.HasOutput(1)) ctx.SetOutput(1, *sk, t, k);
    if (ctx.HasOutput(2)) ctx.SetOutput(2, *sv, t, v);
    const int64_t qHeads = q[1], kvHeads = k[1], sQ = q[2], sKv = k[2];
    if (qHeads != kvHeads)
    {
        // Grouped-query attention: each K/V head serves qHeads / kvHeads consecutive query heads.
        if (qHeads % kvHeads != 0) ctx.Fail("q_num_heads is not a multiple of kv_num_heads");
        const uint32_t g = static_cast<uint32_t>(qHeads / kvHeads);
        auto repeat = [&](armnn::IOutputSlot& x, const Dims& d, const std::string& sfx) -> armnn::IOutputSlot& {
            armnn::IOutputSlot& x5 = ctx.Reshape(x, {d[0], d[1], 1, d[2], d[3]}, sfx + "_5d");
            auto* l = ctx.Network().AddTileLayer(armnn::TileDescriptor({1, 1, g, 1, 1}), ctx.LayerName(sfx + "_tile").c_str());
            ctx.Emit(l, {&x5}, TypeOf(x5));
            return ctx.Reshape(l->GetOutputSlot(0), {d[0], qHeads, d[2], d[3]}, sfx + "_groups");
        };
        sk = &repeat(*sk, k, "_k");
        sv = &repeat(*sv, v, "_v");
    }
    const double scale = ctx.HasAttr("scale") ? ctx.AttrFloat("scale", 1.0f) : 1.0 / std::sqrt(static_cast<double>(q[3]));
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot& qs = Bin(ctx, BO::Mul, sq, Scalar(ctx, t, scale, "_scale"), "_qscaled");
    armnn::IOutputSlot& kt = Permute(ctx, *sk, {0, 1, 3, 2}, "_kt");
    armnn::IOutputSlot* scores = &MatMul(ctx, qs, kt, "_qk");
    const Dims scoreDims = {q[0], qHeads, sQ, sKv};
    const int64_t mode = ctx.AttrInt("qk_matmul_output_mode", 0);
    armnn::IOutputSlot* qkOut = scores;
    // The additive bias: the mask (boolean: log(mask) is 0 or -inf; float: added as is), padded with -inf up to the
    // total sequence length, plus the causal mask aligned to the upper left after the past entries.
    armnn::IOutputSlot* bias = nullptr;
    if (ctx.Has(3))
    {
        bias = &ctx.Slot(3);
        if (ctx.In(3).m_ElemType == TP::BOOL)
        {
            auto* cast = ctx.Network().AddCastLayer(ctx.LayerName("_mask_cast").c_str());
            ctx.Emit(cast, {bias}, TypeOf(sq));
            bias = &Unary(ctx, armnn::UnaryOperation::Log, cast->GetOutputSlot(0), "_mask_bias");
        }
        else if (ctx.In(3).m_ElemType != t)
        {
            ctx.Fail("attn_mask must be boolean or of Q's type", ctx.InputName(3));
        }
        const Dims m = ctx.Dims(3);
        if (m.empty() || m.back() > sKv) ctx.Fail("attn_mask is longer than the key sequence", ctx.InputName(3));
        if (m.back() < sKv)
        {
            armnn::PadDescriptor pd;
            for (size_t i = 0; i < m.size(); ++i) pd.m_PadList.emplace_back(0, i + 1 == m.size() ? static_cast<unsigned>(sKv - m.back()) : 0);
            pd.m_PadValue = -std::numeric_limits<float>::infinity();
            auto* pad = ctx.Network().AddPadLayer(pd, ctx.LayerName("_mask_pad").c_str());
            ctx.Emit(pad, {bias}, TypeOf(*bias));
            bias = &pad->GetOutputSlot(0);
        }
    }
    if (ctx.AttrInt("is_causal", 0) != 0)
    {
        std::vector<double> causal;
        for (int64_t i = 0; i < sQ; ++i)
            for (int64_t j = 0; j < sKv; ++j)
                causal.push_back(j - past > i ? -std::numeric_limits<double>::infinity() : 0.0);
        armnn::IOutputSlot& c = ctx.ConstSlot(MakeConst(t, {sQ, sKv}, causal), "_causal");
        bias = bias ? &Bin(ctx, BO::Add, *bias, c, "_bias") : &c;
    }
    if (bias) scores = &Bin(ctx, BO::Add, *scores, *bias, "_masked");
    if (mode == 1) qkOut = scores;
    const float softcap = ctx.AttrFloat("softcap", 0.0f);
    if (softcap > 0)
    {
        armnn::IOutputSlot& div = Bin(ctx, BO::Mul, *scores, Scalar(ctx, t, 1.0 / softcap, "_inv_softcap"), "_softcap_in");
        scores = &Bin(ctx, BO::Mul, Act(ctx, armnn::ActivationFunction::TanH, div, 1.0f, 1.0f, "_softcap_tanh"),
                      Scalar(ctx, t, softcap, "_softcap"), "_softcapped");
    }
    if (mode == 2) qkOut = scores;
    armnn::SoftmaxDescriptor sd;
    sd.m_Axis = -1;
    auto* softmax = ctx.Network().AddSoftmaxLayer(sd, ctx.LayerName("_softmax").c_str());
    ctx.Emit(softmax, {scores}, TypeOf(*scores));
    if (mode == 3) qkOut = &softmax->GetOutputSlot(0);
    if (ctx.HasOutput(3)) ctx.SetOutput(3, *qkOut, t, scoreDims);
    armnn::IOutputSlot* y = &MatMul(ctx, softmax->GetOutputSlot(0), *sv, "_y");
    Dims yDims = {q[0], qHeads, sQ, v[3]};
    if (threeD)
    {
        y = &Permute(ctx, *y, {0, 2, 1, 3}, "_y_seq");
        yDims = {q[0], sQ, qHeads * v[3]};
        y = &ctx.Reshape(*y, yDims, "_y_merge");
    }
    ctx.SetOutput(0, *y, t, yDims);
}

// ---------------------------------------------------------------------------------------------------------------
// Losses: the target class is picked with a one-hot mask (target == class index), so no gather along the class axis
// is needed.

/// NegativeLogLikelihoodLoss of `logProb` ([N, C, d...], the ONNX shape of input 0) against target input 1 with
/// optional class weights input 2; sets output 0.
void NllLoss(NodeContext& ctx, armnn::IOutputSlot& logProb)
{
    using BO = armnn::BinaryOperation;
    const Dims in = ctx.Dims(0), target = ctx.Dims(1);
    if (in.size() < 2) ctx.Fail("input rank must be at least 2");
    Dims expected = in;
    expected.erase(expected.begin() + 1);
    if (target != expected) ctx.Fail("target shape " + DimsToString(target) + " does not match " + DimsToString(in), ctx.InputName(1));
    const int32_t t = ctx.In(0).m_ElemType, tt = ctx.In(1).m_ElemType;
    if (tt != TP::INT32 && tt != TP::INT64) ctx.Fail("target must be int32 or int64", ctx.InputName(1));
    const int64_t classes = in[1];
    Dims classDims(in.size(), 1);
    classDims[1] = classes;
    Dims targetDims = in;
    targetDims[1] = 1;
    armnn::IOutputSlot& targetU = ctx.Reshape(ctx.Slot(1), targetDims, "_target");
    std::vector<double> ids(static_cast<size_t>(classes));
    std::iota(ids.begin(), ids.end(), 0.0);
    auto compare = [&](armnn::ComparisonOperation op, armnn::IOutputSlot& b, const std::string& sfx) -> armnn::IOutputSlot& {
        auto* cmp = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(op), ctx.LayerName(sfx).c_str());
        ctx.Emit(cmp, {&targetU, &b}, armnn::DataType::Boolean);
        auto* cast = ctx.Network().AddCastLayer(ctx.LayerName(sfx + "_cast").c_str());
        ctx.Emit(cast, {&cmp->GetOutputSlot(0)}, TypeOf(logProb));
        return cast->GetOutputSlot(0);
    };
    armnn::IOutputSlot* w = &compare(armnn::ComparisonOperation::Equal, ctx.ConstSlot(MakeConst(tt, classDims, ids), "_classes"), "_onehot");
    if (ctx.HasAttr("ignore_index"))
    {
        ConstValue iiValue = IntsConst({ctx.AttrInt("ignore_index", 0)}, {});
        iiValue.m_ElemType = tt;
        armnn::IOutputSlot& ii = ctx.ConstSlot(iiValue, "_ignore_index");
        w = &Bin(ctx, BO::Mul, *w, compare(armnn::ComparisonOperation::NotEqual, ii, "_kept"), "_onehot_kept");
    }
    if (ctx.Has(2))
    {
        if (ctx.Dims(2) != Dims{classes}) ctx.Fail("weight must have shape [C]", ctx.InputName(2));
        w = &Bin(ctx, BO::Mul, *w, ctx.Reshape(ctx.Slot(2), classDims, "_weight"), "_weighted");
    }
    armnn::IOutputSlot& picked = Bin(ctx, BO::Mul, logProb, *w, "_picked");
    const std::string reduction = ctx.AttrString("reduction", "mean");
    std::vector<uint32_t> all(in.size());
    std::iota(all.begin(), all.end(), 0u);
    if (reduction == "none")
    {
        armnn::IOutputSlot& sum = Reduce(ctx, armnn::ReduceOperation::Sum, picked, {1}, true, "_perelement");
        ctx.SetOutput(0, Unary(ctx, armnn::UnaryOperation::Neg, sum, "_loss"), t, target);
        return;
    }
    armnn::IOutputSlot& total = Unary(ctx, armnn::UnaryOperation::Neg, Reduce(ctx, armnn::ReduceOperation::Sum, picked, all, true, "_total"), "_loss");
    if (reduction == "sum")
    {
        ctx.SetOutput(0, total, t, {});
        return;
    }
    if (reduction != "mean") ctx.Fail("unknown reduction '" + reduction + "'");
    armnn::IOutputSlot& weightSum = Reduce(ctx, armnn::ReduceOperation::Sum, *w, all, true, "_weight_sum");
    ctx.SetOutput(0, Bin(ctx, BO::Div, total, weightSum, "_mean"), t, {});
}

void ConvertNllLoss(NodeContext& ctx)
{
    RequireFloat(ctx);
    NllLoss(ctx, ctx.Slot(0));
}

void ConvertSoftmaxCrossEntropyLoss(NodeContext& ctx)
{
    RequireFloat(ctx);
    if (ctx.Rank(0) < 2) ctx.Fail("scores rank must be at least 2");
    armnn::SoftmaxDescriptor d;
    d.m_Axis = 1;
    auto* l = ctx.Network().AddLogSoftmaxLayer(d, ctx.LayerName("_logsoftmax").c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    if (ctx.HasOutput(1)) ctx.SetOutput(1, l->GetOutputSlot(0), ctx.In(0).m_ElemType, ctx.Dims(0));
    NllLoss(ctx, l->GetOutputSlot(0));
}

// ---------------------------------------------------------------------------------------------------------------
// Small composites: Hardmax, LpNormalization, IsInf, IsNaN, ThresholdedRelu, EyeLike, OneHot, GroupNormalization

/// Hardmax: 1 at the first maximum along the axis, 0 elsewhere (ArgMax, then Equal against the axis indices).
void ConvertHardmax(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims in = ctx.Dims(0);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", ctx.Opset() < 13 ? 1 : -1), in.size()));
    if (ctx.Opset() < 13 && axis + 1 != in.size()) ctx.Unsupported("Hardmax before opset 13 with an axis other than the last");
    armnn::ArgMinMaxDescriptor d;
    d.m_Function = armnn::ArgMinMaxFunction::Max;
    d.m_Axis = static_cast<int>(axis);
    d.m_Output_Type = armnn::DataType::Signed32;
    auto* l = ctx.Network().AddArgMinMaxLayer(d, ctx.LayerName("_argmax").c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, armnn::DataType::Signed32);
    Dims kept = in;
    kept[axis] = 1;
    armnn::IOutputSlot& idx = ctx.Reshape(l->GetOutputSlot(0), kept, "_argmax_kept");
    Dims ids(in.size(), 1);
    ids[axis] = in[axis];
    std::vector<double> iota(static_cast<size_t>(in[axis]));
    std::iota(iota.begin(), iota.end(), 0.0);
    armnn::IOutputSlot& hot = CompareSlots(ctx, armnn::ComparisonOperation::Equal, idx, ctx.ConstSlot(MakeConst(TP::INT32, ids, iota), "_ids"), "_hot");
    ctx.SetOutput(0, CastSlot(ctx, hot, TypeOf(ctx.Slot(0)), "_cast"), ctx.In(0).m_ElemType, in);
}

void ConvertLpNormalization(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims in = ctx.Dims(0);
    const uint32_t axis = static_cast<uint32_t>(NormAxis(ctx, ctx.AttrInt("axis", -1), in.size()));
    const int64_t p = ctx.AttrInt("p", 2);
    if (p != 1 && p != 2) ctx.Fail("p must be 1 or 2");
    armnn::IOutputSlot& x = ctx.Slot(0);
    armnn::IOutputSlot* norm = p == 1 ? &Reduce(ctx, armnn::ReduceOperation::Sum, AbsOf(ctx, x), {axis}, true, "_l1")
                                      : &SqrtOf(ctx, Reduce(ctx, armnn::ReduceOperation::Sum, Square(ctx, x), {axis}, true, "_sumsq"));
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Div, x, *norm, ""), ctx.In(0).m_ElemType, in);
}

void ConvertIsInfNaN(NodeContext& ctx)
{
    RequireFloat(ctx);
    armnn::IOutputSlot& x = ctx.Slot(0);
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot* y = nullptr;
    if (ctx.Node().op_type() == "IsNaN")
    {
        y = &CompareSlots(ctx, armnn::ComparisonOperation::NotEqual, x, x, "");
    }
    else
    {
        const double inf = std::numeric_limits<double>::infinity();
        const bool pos = ctx.AttrInt("detect_positive", 1) != 0, neg = ctx.AttrInt("detect_negative", 1) != 0;
        armnn::IOutputSlot& posInf = CompareSlots(ctx, armnn::ComparisonOperation::Equal, x, Scalar(ctx, t, inf, "_inf"), "_posinf");
        armnn::IOutputSlot& negInf = CompareSlots(ctx, armnn::ComparisonOperation::Equal, x, Scalar(ctx, t, -inf, "_neginf_value"), "_neginf");
        if (pos && neg)
        {
            auto* l = ctx.Network().AddLogicalBinaryLayer(armnn::LogicalBinaryDescriptor(armnn::LogicalBinaryOperation::LogicalOr), ctx.LayerName().c_str());
            ctx.Emit(l, {&posInf, &negInf}, armnn::DataType::Boolean);
            y = &l->GetOutputSlot(0);
        }
        else if (pos || neg)
        {
            y = pos ? &posInf : &negInf;
        }
        else
        {
            ctx.SetConstOutput(0, MakeConst(TP::BOOL, ctx.Dims(0), std::vector<double>(static_cast<size_t>(Product(ctx.Dims(0))), 0.0)));
            return;
        }
    }
    ctx.SetOutput(0, *y, TP::BOOL, ctx.Dims(0));
}

void ConvertThresholdedRelu(NodeContext& ctx)
{
    RequireFloat(ctx);
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& x = ctx.Slot(0);
    armnn::IOutputSlot& above = CompareSlots(ctx, armnn::ComparisonOperation::Greater, x, Scalar(ctx, t, ctx.AttrFloat("alpha", 1.0f), "_alpha"), "_above");
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Mul, x, CastSlot(ctx, above, TypeOf(x), "_mask"), ""), t, ctx.Dims(0));
}

/// EyeLike reads only the shape of its input: the result is a constant.
void ConvertEyeLike(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    if (in.size() != 2) ctx.Fail("input must be 2-D");
    const int32_t t = ctx.HasAttr("dtype") ? static_cast<int32_t>(ctx.AttrInt("dtype", TP::FLOAT)) : ctx.In(0).m_ElemType;
    const int64_t k = ctx.AttrInt("k", 0);
    std::vector<double> v;
    for (int64_t i = 0; i < in[0]; ++i)
        for (int64_t j = 0; j < in[1]; ++j) v.push_back(j - i == k ? 1.0 : 0.0);
    ctx.SetConstOutput(0, MakeConst(t, in, v));
}

/// OneHot: Equal(indices, class ids) selects between the two values; negative indices count from the end.
void ConvertOneHot(NodeContext& ctx)
{
    const Dims idx = ctx.Dims(0);
    const int64_t depth = ctx.Const(1, "depth").Int(0);
    if (depth < 1 || depth > kMaxDimension) ctx.Fail("depth out of range", ctx.InputName(1));
    const ConstValue& values = ctx.Const(2, "values");
    if (values.NumElements() != 2) ctx.Fail("values must have two elements", ctx.InputName(2));
    const size_t rank = idx.size() + 1;
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", -1), rank));
    Dims out = idx;
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(axis), depth);
    Dims lifted = idx;
    lifted.insert(lifted.begin() + static_cast<std::ptrdiff_t>(axis), 1);
    armnn::IOutputSlot& wrapped = WrapIndices(ctx, ctx.Slot(0), depth);
    Dims ids(rank, 1);
    ids[axis] = depth;
    std::vector<double> iota(static_cast<size_t>(depth));
    std::iota(iota.begin(), iota.end(), 0.0);
    armnn::IOutputSlot& hot = CompareSlots(ctx, armnn::ComparisonOperation::Equal, ctx.Reshape(wrapped, lifted, "_lifted"),
                                           ctx.ConstSlot(MakeConst(TP::INT32, ids, iota), "_ids"), "_hot");
    const int32_t t = values.m_ElemType;
    armnn::IOutputSlot& hotT = CastSlot(ctx, hot, ToArmnnType(t, ctx.Describe()), "_hot_cast");
    // off + hot * (on - off)
    armnn::IOutputSlot& scaled = Bin(ctx, armnn::BinaryOperation::Mul, hotT, Scalar(ctx, t, values.Real(1) - values.Real(0), "_span"), "_scaled");
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Add, scaled, Scalar(ctx, t, values.Real(0), "_off"), ""), t, out);
}

/// GroupNormalization (opset 21: scale and bias per channel): statistics over each group of channels and the
/// spatial axes, through a [N, groups, C / groups * spatial] view.
void ConvertGroupNormalization(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims in = ctx.Dims(0);
    if (in.size() < 3) ctx.Fail("input rank must be at least 3");
    const int64_t groups = ctx.AttrInt("num_groups", 0);
    if (groups < 1 || in[1] % groups != 0) ctx.Fail("num_groups must divide the channels");
    if (ctx.Opset() < 21) ctx.Unsupported("GroupNormalization before opset 21 (per-group scale and bias)");
    armnn::IOutputSlot& grouped = ctx.Reshape(ctx.Slot(0), {in[0], groups, Product(in, 1) / groups}, "_groups");
    armnn::IOutputSlot* y = Normalize(ctx, grouped, {2}, ctx.AttrFloat("epsilon", 1e-5f)).y;
    y = &ctx.Reshape(*y, in, "_ungroup");
    y = &Bin(ctx, armnn::BinaryOperation::Mul, *y, PerChannel(ctx, 1, in.size()), "_scale");
    y = &Bin(ctx, armnn::BinaryOperation::Add, *y, PerChannel(ctx, 2, in.size()), "_bias");
    ctx.SetOutput(0, *y, ctx.In(0).m_ElemType, in);
}

// ---------------------------------------------------------------------------------------------------------------
// Mod and Trilu

/// Mod: fmod = 0 gives the divisor's sign (integers only), fmod = 1 the dividend's (C's fmod).
void ConvertMod(NodeContext& ctx)
{
    const bool cFmod = ctx.AttrInt("fmod", 0) != 0;
    const int32_t t = ctx.In(0).m_ElemType;
    const bool real = t == TP::FLOAT || t == TP::FLOAT16 || t == TP::DOUBLE || t == TP::BFLOAT16;
    if (real && !cFmod) ctx.Fail("fmod must be 1 for floating-point inputs");
    if (ctx.In(1).m_ElemType != t) ctx.Fail("inputs have different types");
    const Dims out = BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1));
    if (AllConst(ctx))
    {
        const ConstValue& a = ctx.Const(0, "A");
        const ConstValue& b = ctx.Const(1, "B");
        ConstValue c = MakeConst(t, out, {});
        for (size_t i = 0; i < c.NumElements(); ++i)
        {
            const size_t ia = BroadcastSource(a.m_Dims, out, i), ib = BroadcastSource(b.m_Dims, out, i);
            if (real)
            {
                c.m_Reals.push_back(std::fmod(a.Real(ia), b.Real(ib)));
                continue;
            }
            const int64_t x = a.Int(ia), y = b.Int(ib);
            if (y == 0) ctx.Fail("integer modulo by zero while folding constants");
            int64_t r = (y == -1) ? 0 : x % y;
            if (!cFmod && r != 0 && ((r < 0) != (y < 0))) r += y;
            c.m_Ints.push_back(r);
        }
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    if (!real && t != TP::INT32 && t != TP::INT64 && !Narrow8(t) && t != TP::INT16 && t != TP::UINT16 &&
        t != TP::UINT32)
    {
        ctx.Unsupported("Mod on " + OnnxTypeName(t));
    }
    using BO = armnn::BinaryOperation;
    // 8-bit integers are armnn's quantized types, whose arithmetic rounds and saturates: compute in int32 (the
    // remainder fits the input type). 16-bit and uint32 inputs are already Signed32 and Signed64.
    const int32_t w = Narrow8(t) ? TP::INT32 : t;
    armnn::IOutputSlot& a = Narrow8(t) ? CastSlot(ctx, ctx.Slot(0), armnn::DataType::Signed32, "_a32") : ctx.Slot(0);
    armnn::IOutputSlot& b = Narrow8(t) ? CastSlot(ctx, ctx.Slot(1), armnn::DataType::Signed32, "_b32") : ctx.Slot(1);
    auto finish = [&](armnn::IOutputSlot& r) {
        ctx.SetOutput(0, Narrow8(t) ? CastSlot(ctx, r, TypeOf(ctx.Slot(0)), "") : r, t, out);
    };
    if (!cFmod)
    {
        armnn::IOutputSlot& q = Bin(ctx, BO::FloorDiv, a, b, "_floordiv");
        finish(Bin(ctx, BO::Sub, a, Bin(ctx, BO::Mul, q, b, "_qb"), Narrow8(t) ? "_mod" : ""));
        return;
    }
    // fmod(a, b) = sign(a) * (|a| - floor(|a| / |b|) * |b|).
    armnn::IOutputSlot& absA = Unary(ctx, armnn::UnaryOperation::Abs, a, "_absa");
    armnn::IOutputSlot& absB = Unary(ctx, armnn::UnaryOperation::Abs, b, "_absb");
    armnn::IOutputSlot& q = Bin(ctx, BO::FloorDiv, absA, absB, "_floordiv");
    armnn::IOutputSlot& m = Bin(ctx, BO::Sub, absA, Bin(ctx, BO::Mul, q, absB, "_qb"), "_absmod");
    auto* isNeg = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(armnn::ComparisonOperation::Less),
                                                   ctx.LayerName("_isneg").c_str());
    ctx.Emit(isNeg, {&a, &Scalar(ctx, w, 0, "_zero")}, armnn::DataType::Boolean);
    auto* negT = ctx.Network().AddCastLayer(ctx.LayerName("_isneg_cast").c_str());
    ctx.Emit(negT, {&isNeg->GetOutputSlot(0)}, TypeOf(a));
    // sign = 1 - 2 * isNeg
    armnn::IOutputSlot& twice = Bin(ctx, BO::Mul, negT->GetOutputSlot(0), Scalar(ctx, w, 2, "_two"), "_twice");
    armnn::IOutputSlot& sign = Bin(ctx, BO::Sub, Scalar(ctx, w, 1, "_one"), twice, "_sign");
    finish(Bin(ctx, BO::Mul, m, sign, Narrow8(t) ? "_mod" : ""));
}

/// ~x without bit operations: (2^bits - 1) - x for unsigned types, -1 - x for signed ones (two's complement).
/// 8-bit types go through int32 (armnn's 8-bit arithmetic is quantized).
void ConvertBitwiseNot(NodeContext& ctx)
{
    const int32_t t = ctx.In(0).m_ElemType;
    const std::map<int32_t, double> bases = {{TP::UINT8, 255.0},  {TP::UINT16, 65535.0}, {TP::UINT32, 4294967295.0},
                                             {TP::INT8, -1.0},    {TP::INT16, -1.0},     {TP::INT32, -1.0},
                                             {TP::INT64, -1.0}};
    const auto base = bases.find(t);
    if (base == bases.end())
    {
        ctx.Unsupported("BitwiseNot on " + OnnxTypeName(t));
    }
    if (ctx.IsConst(0))
    {
        const ConstValue& x = ctx.Const(0, "X");
        ConstValue c = MakeConst(t, x.m_Dims, {});
        for (size_t i = 0; i < x.NumElements(); ++i) c.m_Ints.push_back(static_cast<int64_t>(base->second) - x.Int(i));
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    const bool narrow = Narrow8(t);
    armnn::IOutputSlot& x = narrow ? CastSlot(ctx, ctx.Slot(0), armnn::DataType::Signed32, "_x32") : ctx.Slot(0);
    armnn::IOutputSlot& r = Bin(ctx, armnn::BinaryOperation::Sub, Scalar(ctx, narrow ? TP::INT32 : t, base->second, "_base"),
                                x, narrow ? "_not" : "");
    ctx.SetOutput(0, narrow ? CastSlot(ctx, r, TypeOf(ctx.Slot(0)), "") : r, t, ctx.Dims(0));
}

/// BitShift on unsigned integers, in int64 arithmetic (armnn has no bit operations): right is x floor-divided by
/// 2^y; left is (x mod 2^(bits - y)) * 2^y, the bits that stay inside the type, so nothing overflows. Shifts are
/// clamped to the type's width, which gives 0 (ONNX leaves wider shifts undefined).
void ConvertBitShift(NodeContext& ctx)
{
    const int32_t t = ctx.In(0).m_ElemType;
    const std::map<int32_t, int64_t> widths = {{TP::UINT8, 8}, {TP::UINT16, 16}, {TP::UINT32, 32}};
    const auto width = widths.find(t);
    if (width == widths.end())
    {
        ctx.Unsupported("BitShift on " + OnnxTypeName(t));
    }
    if (ctx.In(1).m_ElemType != t)
    {
        ctx.Fail("inputs have different types");
    }
    const std::string direction = ctx.AttrString("direction", "");
    if (direction != "LEFT" && direction != "RIGHT")
    {
        ctx.Fail("direction '" + direction + "' is not LEFT or RIGHT");
    }
    const Dims out = BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1));
    using BO = armnn::BinaryOperation;
    const armnn::DataType i64 = armnn::DataType::Signed64;
    auto wide = [&](size_t i, const std::string& suffix) -> armnn::IOutputSlot& {
        return TypeOf(ctx.Slot(i)) == i64 ? ctx.Slot(i) : CastSlot(ctx, ctx.Slot(i), i64, suffix);
    };
    armnn::IOutputSlot& x = wide(0, "_x64");
    armnn::IOutputSlot& bits = Scalar(ctx, TP::INT64, static_cast<double>(width->second), "_width");
    armnn::IOutputSlot& y = Bin(ctx, BO::Minimum, wide(1, "_y64"), bits, "_shift");
    armnn::IOutputSlot& two = Scalar(ctx, TP::INT64, 2, "_two");
    armnn::IOutputSlot& scale = Bin(ctx, BO::Power, two, y, "_scale");
    armnn::IOutputSlot* r = nullptr;
    if (direction == "RIGHT")
    {
        r = &Bin(ctx, BO::FloorDiv, x, scale, "_shifted");
    }
    else
    {
        armnn::IOutputSlot& keep = Bin(ctx, BO::Power, two, Bin(ctx, BO::Sub, bits, y, "_keepbits"), "_keep");
        armnn::IOutputSlot& low = Bin(ctx, BO::Sub, x, Bin(ctx, BO::Mul, Bin(ctx, BO::FloorDiv, x, keep, "_high"), keep, "_highpart"), "_low");
        r = &Bin(ctx, BO::Mul, low, scale, "_shifted");
    }
    const armnn::DataType type = TypeOf(ctx.Slot(0));
    ctx.SetOutput(0, type == i64 ? *r : CastSlot(ctx, *r, type, ""), t, out);
}

/// ReverseSequence: on [batch, time, rest] (the input transposed when time comes first), element (b, t) reads
/// time t' = t < len[b] ? len[b] - 1 - t : t, computed at run time as t + (t < len) * (len - 1 - 2t), then a
/// Gather of the flattened input at b * T * R + t' * R + r.
void ConvertReverseSequence(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const int64_t batchAxis = ctx.AttrInt("batch_axis", 1);
    const int64_t timeAxis = ctx.AttrInt("time_axis", 0);
    if (in.size() < 2 || !((batchAxis == 0 && timeAxis == 1) || (batchAxis == 1 && timeAxis == 0)))
    {
        ctx.Fail("needs rank 2 or more and batch_axis, time_axis = (0, 1) or (1, 0)");
    }
    const int64_t b = in[static_cast<size_t>(batchAxis)];
    const int64_t t = in[static_cast<size_t>(timeAxis)];
    const int64_t r = Product(in, 2);
    if (ctx.Dims(1) != Dims{b})
    {
        ctx.Fail("sequence_lens must be [" + std::to_string(b) + "]", ctx.InputName(1));
    }
    if (Product(in) > std::numeric_limits<int32_t>::max())
    {
        ctx.Unsupported("more elements than int32 Gather indices reach");
    }
    std::vector<unsigned int> swap = {1, 0};
    for (size_t i = 2; i < in.size(); ++i) swap.push_back(static_cast<unsigned int>(i));
    armnn::IOutputSlot& x = timeAxis == 0 ? Permute(ctx, ctx.Slot(0), swap, "_batch_first") : ctx.Slot(0);
    using BO = armnn::BinaryOperation;
    std::vector<double> times, bases, rests;
    for (int64_t i = 0; i < t; ++i) times.push_back(static_cast<double>(i));
    for (int64_t i = 0; i < b; ++i) bases.push_back(static_cast<double>(i * t * r));
    for (int64_t i = 0; i < r; ++i) rests.push_back(static_cast<double>(i));
    armnn::IOutputSlot& time = ctx.ConstSlot(MakeConst(TP::INT64, {1, t, 1}, times), "_time");
    armnn::IOutputSlot& len = ctx.Reshape(ctx.In(1).m_ElemType == TP::INT64 ? ctx.Slot(1) : CastSlot(ctx, ctx.Slot(1), armnn::DataType::Signed64, "_lens64"), {b, 1, 1}, "_lens");
    armnn::IOutputSlot& inside = CastSlot(ctx, CompareSlots(ctx, armnn::ComparisonOperation::Less, time, len, "_inside"), armnn::DataType::Signed64, "_inside64");
    armnn::IOutputSlot& twice = Bin(ctx, BO::Mul, time, Scalar(ctx, TP::INT64, 2, "_two"), "_twice");
    armnn::IOutputSlot& delta = Bin(ctx, BO::Sub, Bin(ctx, BO::Sub, len, Scalar(ctx, TP::INT64, 1, "_one"), "_last"), twice, "_delta");
    armnn::IOutputSlot& source = Bin(ctx, BO::Add, time, Bin(ctx, BO::Mul, inside, delta, "_move"), "_source");
    armnn::IOutputSlot& row = Bin(ctx, BO::Add, ctx.ConstSlot(MakeConst(TP::INT64, {b, 1, 1}, bases), "_base"),
                                  Bin(ctx, BO::Mul, source, Scalar(ctx, TP::INT64, static_cast<double>(r), "_rest"), "_offset"), "_row");
    armnn::IOutputSlot& index = Bin(ctx, BO::Add, row, ctx.ConstSlot(MakeConst(TP::INT64, {1, 1, r}, rests), "_within"), "_index");
    armnn::IOutputSlot& flatIndex = ctx.Reshape(CastSlot(ctx, index, armnn::DataType::Signed32, "_index32"), {b * t * r}, "_flat_index");
    auto* g = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(0), ctx.LayerName("_gather").c_str());
    ctx.Emit(g, {&ctx.Reshape(x, {b * t * r}, "_flat"), &flatIndex}, TypeOf(x));
    Dims batchFirst = in;
    std::swap(batchFirst[0], batchFirst[1]);
    if (timeAxis == 1) batchFirst = in;
    armnn::IOutputSlot& y = ctx.Reshape(g->GetOutputSlot(0), batchFirst, "_unflat");
    ctx.SetOutput(0, timeAxis == 0 ? Permute(ctx, y, swap, "") : y, ctx.In(0).m_ElemType, in);
}

/// Trilu: keeps the elements on and above (upper) or below (lower) the k-th diagonal of the last two axes, with
/// a mask built at parse time, or compared with k at run time when k is not a constant.
void ConvertTrilu(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    if (in.size() < 2) ctx.Fail("input rank must be at least 2");
    const bool upper = ctx.AttrInt("upper", 1) != 0;
    const int64_t rows = in[in.size() - 2], cols = in.back();
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& x = ctx.Slot(0);
    if (!ctx.Has(1) || ctx.IsConst(1))
    {
        const int64_t k = ctx.Has(1) ? ctx.ConstInts(1, "k").at(0) : 0;
        std::vector<double> mask;
        for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j) mask.push_back(upper ? (j - i >= k) : (j - i <= k));
        ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Mul, x, ctx.ConstSlot(MakeConst(t, {rows, cols}, mask), "_mask"), ""), t, in);
        return;
    }
    std::vector<double> diff;
    for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j) diff.push_back(static_cast<double>(j - i));
    const auto op = upper ? armnn::ComparisonOperation::GreaterOrEqual : armnn::ComparisonOperation::LessOrEqual;
    auto* keep = ctx.Network().AddComparisonLayer(armnn::ComparisonDescriptor(op), ctx.LayerName("_keep").c_str());
    ctx.Emit(keep, {&ctx.ConstSlot(MakeConst(ctx.In(1).m_ElemType, {rows, cols}, diff), "_diff"), &ctx.Slot(1)},
             armnn::DataType::Boolean);
    auto* mask = ctx.Network().AddCastLayer(ctx.LayerName("_mask").c_str());
    ctx.Emit(mask, {&keep->GetOutputSlot(0)}, TypeOf(x));
    ctx.SetOutput(0, Bin(ctx, armnn::BinaryOperation::Mul, x, mask->GetOutputSlot(0), ""), t, in);
}

void ConvertArgMinMax(NodeContext& ctx, armnn::ArgMinMaxFunction f)
{
    const Dims in = ctx.Dims(0);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 0), in.size()));
    const bool last = ctx.AttrInt("select_last_index", 0) != 0;
    armnn::IOutputSlot* x = &ctx.Slot(0);
    if (last)
    {
        // The last extreme is the first one of the input reversed along the axis: index = dim - 1 - found.
        std::vector<double> rev;
        for (int64_t i = in[axis]; i-- > 0;) rev.push_back(static_cast<double>(i));
        auto* g = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(static_cast<int32_t>(axis)), ctx.LayerName("_reversed").c_str());
        ctx.Emit(g, {x, &ctx.ConstSlot(MakeConst(TP::INT32, {in[axis]}, rev), "_reverse")}, TypeOf(*x));
        x = &g->GetOutputSlot(0);
    }
    armnn::ArgMinMaxDescriptor d;
    d.m_Function = f;
    d.m_Axis = static_cast<int>(axis);
    d.m_Output_Type = armnn::DataType::Signed64;
    auto* l = ctx.Network().AddArgMinMaxLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {x}, armnn::DataType::Signed64);
    armnn::IOutputSlot* y = &l->GetOutputSlot(0);
    if (last)
    {
        y = &Bin(ctx, armnn::BinaryOperation::Sub, Scalar(ctx, TP::INT64, static_cast<double>(in[axis] - 1), "_lastindex"), *y, "_fromlast");
    }
    Dims out = in;
    if (ctx.AttrInt("keepdims", 1) != 0) out[axis] = 1; else out.erase(out.begin() + static_cast<std::ptrdiff_t>(axis));
    ctx.SetOutput(0, *y, TP::INT64, out);
}

void ConvertTopK(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    if (in.empty())
    {
        ctx.Fail("input must have rank 1 or more", ctx.InputName(0));
    }
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", -1), in.size()));
    int64_t k = 0;
    bool runtimeK = false;
    if (ctx.Opset() < 10)
    {
        k = ctx.AttrInt("k", 0);
    }
    else if (ctx.IsConst(1))
    {
        const std::vector<int64_t> ks = ctx.ConstInts(1, "K");
        if (ks.size() != 1)
        {
            ctx.Fail("K must hold one value", ctx.InputName(1));
        }
        k = ks[0];
    }
    else
    {
        // K comes at run time. The output shape depends on it, so it must be fixed by the model's declared shape
        // of an output; the layer then checks at run time that K has that value.
        for (size_t o = 0; o < 2 && !runtimeK; ++o)
        {
            const auto declared = ctx.HasOutput(o) ? ctx.Parser().DeclaredDims(ctx.Node().output(static_cast<int>(o)))
                                                   : std::nullopt;
            if (declared && declared->size() == in.size() && (*declared)[axis] > 0)
            {
                k = (*declared)[axis];
                runtimeK = true;
            }
        }
        if (!runtimeK)
        {
            ctx.Unsupported("K must be known when parsing (a constant or an initializer), or fixed by the declared "
                            "shape of an output along the axis: the output shape depends on it",
                            ctx.InputName(1));
        }
        if (ctx.Dims(1) != Dims{1} || (ctx.In(1).m_ElemType != TP::INT64 && ctx.In(1).m_ElemType != TP::INT32))
        {
            ctx.Fail("K must be a 1-D int64 tensor of one value", ctx.InputName(1));
        }
    }
    if (k == 0)
    {
        ctx.Unsupported("K = 0 (an empty result)");
    }
    if (k < 0 || k > in[axis])
    {
        ctx.Fail("K " + std::to_string(k) + " is not in [0, " + std::to_string(in[axis]) + "], the size of axis " +
                 std::to_string(axis));
    }
    armnn::TopKDescriptor d;
    d.m_K = static_cast<uint32_t>(k);
    d.m_Axis = static_cast<int32_t>(axis);
    d.m_Largest = ctx.AttrInt("largest", 1) != 0;
    d.m_Sorted = ctx.AttrInt("sorted", 1) != 0;
    d.m_KInput = runtimeK;
    armnn::IOutputSlot& x = ctx.Slot(0);
    std::vector<armnn::IOutputSlot*> inputs = {&x};
    if (runtimeK)
    {
        inputs.push_back(&ctx.Slot(1));
    }
    auto* l = ctx.Network().AddTopKLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, inputs, {TypeOf(x), armnn::DataType::Signed64});
    // The values keep the input's quantization (QuantizeLinear outputs carry their scale).
    armnn::TensorInfo values = x.GetTensorInfo();
    values.SetShape(l->GetOutputSlot(0).GetTensorInfo().GetShape());
    values.SetConstant(false);
    l->GetOutputSlot(0).SetTensorInfo(values);
    Dims out = in;
    out[axis] = k;
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
    if (ctx.HasOutput(1))
    {
        ctx.SetOutput(1, l->GetOutputSlot(1), TP::INT64, out);
    }
}

void ConvertRoiAlign(NodeContext& ctx)
{
    RequireFloat(ctx);
    const Dims x = ctx.Dims(0);
    const Dims rois = ctx.Dims(1);
    if (x.size() != 4)
    {
        ctx.Fail("X must be 4-D (N, C, H, W), not " + DimsToString(x), ctx.InputName(0));
    }
    if (ctx.In(1).m_ElemType != ctx.In(0).m_ElemType)
    {
        ctx.Fail("rois must have X's element type", ctx.InputName(1));
    }
    const int64_t outH = ctx.AttrInt("output_height", 1);
    const int64_t outW = ctx.AttrInt("output_width", 1);
    const int64_t sampling = ctx.AttrInt("sampling_ratio", 0);
    if (outH < 1 || outW < 1 || outH > kMaxDimension || outW > kMaxDimension || sampling < 0 ||
        sampling > kMaxDimension)
    {
        ctx.Fail("output_height " + std::to_string(outH) + ", output_width " + std::to_string(outW) +
                 " must be positive and sampling_ratio " + std::to_string(sampling) + " not negative");
    }
    const Dims out = {rois.empty() ? 0 : rois[0], x[1], outH, outW};
    if (Product(out) > kMaxElements)
    {
        ctx.Fail("output " + DimsToString(out) + " has too many elements");
    }
    const std::string mode = ctx.AttrString("mode", "avg");
    if (mode != "avg" && mode != "max")
    {
        ctx.Fail("mode '" + mode + "' is not avg or max");
    }
    // Opset 10 knows only output_half_pixel; opset 16 added the attribute with half_pixel as its default.
    const std::string transform =
        ctx.AttrString("coordinate_transformation_mode", ctx.Opset() < 16 ? "output_half_pixel" : "half_pixel");
    if (transform != "half_pixel" && transform != "output_half_pixel")
    {
        ctx.Fail("coordinate_transformation_mode '" + transform + "' is not half_pixel or output_half_pixel");
    }
    armnn::RoiAlignDescriptor d;
    d.m_OutputHeight = static_cast<uint32_t>(outH);
    d.m_OutputWidth = static_cast<uint32_t>(outW);
    d.m_SamplingRatio = static_cast<uint32_t>(sampling);
    d.m_SpatialScale = ctx.AttrFloat("spatial_scale", 1.0f);
    d.m_PoolType = mode == "max" ? armnn::PoolingAlgorithm::Max : armnn::PoolingAlgorithm::Average;
    d.m_HalfPixel = transform == "half_pixel";
    armnn::IOutputSlot& features = ctx.Slot(0);
    auto* l = ctx.Network().AddRoiAlignLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&features, &ctx.Slot(1), &ctx.Slot(2)}, TypeOf(features));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

/// Prefix sums in ceil(log2 n) steps (Hillis and Steele): y += y shifted by s along the axis for s = 1, 2, 4, ...,
/// where the shift is a Slice of the first n - s elements padded with s zeros in front. Exact for integers; floats
/// are summed in a tree order instead of left to right. reverse runs the same between two reversals of the axis
/// (Gathers); exclusive shifts the result by one more.
void ConvertCumSum(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    if (in.empty())
    {
        ctx.Fail("input must have rank 1 or more", ctx.InputName(0));
    }
    const std::vector<int64_t> axisValues = ctx.ConstInts(1, "axis");
    if (axisValues.size() != 1)
    {
        ctx.Fail("axis must hold one value", ctx.InputName(1));
    }
    const size_t axis = static_cast<size_t>(NormAxis(ctx, axisValues[0], in.size()));
    const bool exclusive = ctx.AttrInt("exclusive", 0) != 0;
    const bool reverse = ctx.AttrInt("reverse", 0) != 0;
    const int32_t t = ctx.In(0).m_ElemType;
    const int64_t n = in[axis];
    if (exclusive && n == 1)
    {
        ctx.SetConstOutput(0, MakeConst(t, in, std::vector<double>(static_cast<size_t>(Product(in)), 0.0)));
        return;
    }
    auto reversed = [&](armnn::IOutputSlot& x, const std::string& suffix) -> armnn::IOutputSlot& {
        std::vector<double> indices;
        for (int64_t i = n; i-- > 0;) indices.push_back(static_cast<double>(i));
        auto* g = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(static_cast<int32_t>(axis)), ctx.LayerName(suffix).c_str());
        ctx.Emit(g, {&x, &ctx.ConstSlot(MakeConst(TP::INT32, {n}, indices), suffix + "_indices")}, TypeOf(x));
        return g->GetOutputSlot(0);
    };
    auto shifted = [&](armnn::IOutputSlot& x, int64_t by, const std::string& suffix) -> armnn::IOutputSlot& {
        std::vector<unsigned int> begin(in.size(), 0);
        std::vector<unsigned int> size(in.begin(), in.end());
        size[axis] = static_cast<unsigned int>(n - by);
        auto* slice = ctx.Network().AddSliceLayer(armnn::SliceDescriptor(begin, size), ctx.LayerName(suffix + "_slice").c_str());
        ctx.Emit(slice, {&x}, TypeOf(x));
        std::vector<std::pair<unsigned int, unsigned int>> pads(in.size(), {0u, 0u});
        pads[axis].first = static_cast<unsigned int>(by);
        auto* pad = ctx.Network().AddPadLayer(armnn::PadDescriptor(pads, 0.0f), ctx.LayerName(suffix + "_pad").c_str());
        ctx.Emit(pad, {&slice->GetOutputSlot(0)}, TypeOf(x));
        return pad->GetOutputSlot(0);
    };
    armnn::IOutputSlot* y = &ctx.Slot(0);
    if (reverse)
    {
        y = &reversed(*y, "_reverse");
    }
    for (int64_t step = 1; step < n; step *= 2)
    {
        const std::string k = std::to_string(step);
        y = &Bin(ctx, armnn::BinaryOperation::Add, *y, shifted(*y, step, "_shift" + k), "_sum" + k);
    }
    if (exclusive)
    {
        y = &shifted(*y, 1, "_exclusive");
    }
    if (reverse)
    {
        y = &reversed(*y, "_unreverse");
    }
    ctx.SetOutput(0, *y, t, in);
}

void ConvertSoftmax(NodeContext& ctx, bool log)
{
    const Dims in = ctx.Dims(0);
    const size_t r = in.size();
    RequireFloat(ctx);
    const int64_t axis = NormAxis(ctx, ctx.AttrInt("axis", ctx.Opset() < 13 ? 1 : -1), std::max<size_t>(r, 1));
    armnn::SoftmaxDescriptor d;
    armnn::IOutputSlot* x = &ctx.Slot(0);
    if (ctx.Opset() < 13 && static_cast<size_t>(axis) != r - 1)
    {
        // Before opset 13 the input is coerced to 2-D around the axis.
        x = &ctx.Reshape(*x, {Product(in, 0, static_cast<size_t>(axis)), Product(in, static_cast<size_t>(axis))}, "_2d");
        d.m_Axis = -1;
    }
    else
    {
        d.m_Axis = static_cast<int>(axis);
    }
    armnn::IConnectableLayer* l = log ? ctx.Network().AddLogSoftmaxLayer(d, ctx.LayerName().c_str())
                                      : ctx.Network().AddSoftmaxLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {x}, TypeOf(*x));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, in);
}

int32_t CastTarget(NodeContext& ctx)
{
    if (ctx.Node().op_type() == "CastLike") return ctx.In(1).m_ElemType;
    return static_cast<int32_t>(ctx.AttrInt("to", 0));
}

void ConvertCast(NodeContext& ctx)
{
    const int32_t to = CastTarget(ctx);
    if (ctx.IsConst(0))
    {
        const ConstValue& src = ctx.Const(0, "input");
        ConstValue c = MakeConst(to, src.m_Dims, {});
        for (size_t i = 0; i < src.NumElements(); ++i)
        {
            if (c.IsReal()) c.m_Reals.push_back(src.Real(i));
            else if (to == TP::BOOL) c.m_Ints.push_back(src.Real(i) != 0);
            else c.m_Ints.push_back(src.IsReal() ? SaturatingInt64(std::trunc(src.m_Reals[i])) : src.m_Ints[i]);
        }
        if (to == TP::FLOAT) for (double& v : c.m_Reals) v = NarrowToFloat(v);
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    if (to == ctx.In(0).m_ElemType)
    {
        ctx.Alias(0, 0);
        return;
    }
    const armnn::DataType t = ToArmnnType(to, ctx.Describe());
    auto* l = ctx.Network().AddCastLayer(ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, t);
    ctx.SetOutput(0, l->GetOutputSlot(0), to, ctx.Dims(0));
}

void ConvertResize(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    if (in.size() != 4) ctx.Unsupported("resizing tensors of rank other than 4");
    RequireFloat(ctx);
    const bool upsample = ctx.Node().op_type() == "Upsample";
    const std::string mode = ctx.AttrString("mode", "nearest");
    std::string coord = ctx.AttrString("coordinate_transformation_mode",
                                       ctx.Opset() < 11 || upsample ? "asymmetric" : "half_pixel");
    const std::string nearest = ctx.AttrString("nearest_mode", ctx.Opset() < 11 || upsample ? "floor" : "round_prefer_floor");
    if (ctx.AttrInt("antialias", 0) != 0) ctx.Unsupported("antialias");
    if (ctx.HasAttr("axes")) ctx.Unsupported("the axes attribute");
    if (ctx.AttrString("keep_aspect_ratio_policy", "stretch") != "stretch") ctx.Unsupported("keep_aspect_ratio_policy");
    Dims out = in;
    const size_t scalesIdx = (ctx.Opset() < 11 || upsample) ? 1 : 2;
    if (ctx.Opset() >= 11 && !upsample && ctx.Has(3))
    {
        out = ctx.ConstInts(3, "sizes");
    }
    else if (ctx.Has(scalesIdx))
    {
        const std::vector<float> scales = ctx.ConstFloats(scalesIdx, "scales");
        if (scales.size() != 4) ctx.Fail("scales must have 4 entries");
        for (size_t i = 0; i < 4; ++i) out[i] = SaturatingInt64(std::floor(static_cast<double>(in[i]) * scales[i]));
    }
    else if (upsample && ctx.HasAttr("scales"))
    {
        const std::vector<float> scales = ctx.AttrFloats("scales");
        if (scales.size() != 4) ctx.Fail("scales must have 4 entries");
        for (size_t i = 0; i < 4; ++i) out[i] = static_cast<int64_t>(std::floor(static_cast<double>(in[i]) * scales[i]));
    }
    else
    {
        ctx.Fail("neither scales nor sizes is given");
    }
    if (out.size() != 4 || out[0] != in[0] || out[1] != in[1]) ctx.Unsupported("resizing the batch or channel axes");
    armnn::ResizeDescriptor d;
    d.m_DataLayout = armnn::DataLayout::NCHW;
    d.m_TargetHeight = static_cast<uint32_t>(out[2]);
    d.m_TargetWidth = static_cast<uint32_t>(out[3]);
    if (mode == "linear" || mode == "bilinear")
    {
        d.m_Method = armnn::ResizeMethod::Bilinear;
        if (coord == "half_pixel" || coord == "pytorch_half_pixel") d.m_HalfPixelCenters = true;
        else if (coord == "align_corners") d.m_AlignCorners = true;
        else if (coord != "asymmetric") ctx.Unsupported("linear resize with coordinate_transformation_mode " + coord);
    }
    else if (mode == "nearest")
    {
        d.m_Method = armnn::ResizeMethod::NearestNeighbor;
        if (coord == "asymmetric" && nearest == "floor") {}
        else if (coord == "tf_half_pixel_for_nn" && nearest == "floor") d.m_HalfPixelCenters = true;
        else if (coord == "align_corners" && nearest == "round_prefer_ceil") d.m_AlignCorners = true;
        else ctx.Unsupported("nearest resize with " + coord + " and " + nearest);
    }
    else
    {
        ctx.Unsupported("resize mode " + mode);
    }
    auto* l = ctx.Network().AddResizeLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertPrelu(NodeContext& ctx)
{
    RequireFloat(ctx);
    auto* l = ctx.Network().AddPreluLayer(ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0), &ctx.Slot(1)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1)));
}

/// Scale and zero point of QuantizeLinear / DequantizeLinear: per-tensor constants only.
/// Round half to even (ONNX's Round and QuantizeLinear): f = floor(x), d = x - f,
/// f + (d > 0.5) + (d == 0.5) * (f odd). Exact for finite values.
armnn::IOutputSlot& RoundHalfEven(NodeContext& ctx, armnn::IOutputSlot& x, int32_t t)
{
    using BO = armnn::BinaryOperation;
    auto floorOf = [&](armnn::IOutputSlot& v, const std::string& sfx) -> armnn::IOutputSlot& {
        auto* l = ctx.Network().AddFloorLayer(ctx.LayerName(sfx).c_str());
        ctx.Emit(l, {&v}, TypeOf(v));
        return l->GetOutputSlot(0);
    };
    armnn::IOutputSlot& f = floorOf(x, "_floor");
    armnn::IOutputSlot& d = Bin(ctx, BO::Sub, x, f, "_frac");
    armnn::IOutputSlot& half = Scalar(ctx, t, 0.5, "_half");
    armnn::IOutputSlot& up = CastSlot(ctx, CompareSlots(ctx, armnn::ComparisonOperation::Greater, d, half, "_above"), TypeOf(x), "_above_cast");
    armnn::IOutputSlot& tie = CastSlot(ctx, CompareSlots(ctx, armnn::ComparisonOperation::Equal, d, half, "_tie"), TypeOf(x), "_tie_cast");
    armnn::IOutputSlot& halfF = floorOf(Bin(ctx, BO::Mul, f, half, "_f_half"), "_f_half_floor");
    armnn::IOutputSlot& odd = Bin(ctx, BO::Sub, f, Bin(ctx, BO::Add, halfF, halfF, "_even"), "_odd");
    armnn::IOutputSlot& r = Bin(ctx, BO::Add, f, up, "_rounded_up");
    return Bin(ctx, BO::Add, r, Bin(ctx, BO::Mul, tie, odd, "_tie_odd"), "_round");
}

/// A Quantize layer whose input is already an integer times the scale (so that its own rounding does not matter).
armnn::IOutputSlot& QuantizeLayer(NodeContext& ctx, armnn::IOutputSlot& grid, float scale, int32_t zeroPoint,
                                  armnn::DataType type, const std::string& suffix)
{
    auto* l = ctx.Network().AddQuantizeLayer(ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&grid}, type);
    armnn::TensorInfo info = l->GetOutputSlot(0).GetTensorInfo();
    info.SetQuantizationScale(scale);
    info.SetQuantizationOffset(zeroPoint);
    l->GetOutputSlot(0).SetTensorInfo(info);
    return l->GetOutputSlot(0);
}

} // namespace

armnn::IOutputSlot& QuantizeScaled(NodeContext& ctx, armnn::IOutputSlot& v, int32_t floatType, float scale,
                                   int32_t zeroPoint, armnn::DataType type, const std::string& suffix)
{
    // ONNX rounds half to even, armnn's Quantize half away from zero (TensorFlow Lite's rule): v goes to the
    // nearest-even integer times the scale first, which Quantize then maps exactly back to that integer.
    if (floatType == TP::FLOAT)
    {
        // Adding 1.5 * 2^23 leaves no fraction bits in a float, so IEEE arithmetic rounds to even there; taking it
        // away again is exact for |v| < 2^22. Larger values (infinities included) saturate whatever their rounding.
        // Linear activations (a * x + b), not broadcasting binary layers: fewer passes and no index tables.
        using AF = armnn::ActivationFunction;
        const float magic = 12582912.0f;
        armnn::IOutputSlot& shifted = Act(ctx, AF::Linear, v, 1.0f, magic, suffix + "_plus_magic");
        armnn::IOutputSlot& rounded = Act(ctx, AF::Linear, shifted, 1.0f, -magic, suffix + "_rounded");
        return QuantizeLayer(ctx, Act(ctx, AF::Linear, rounded, scale, 0.0f, suffix + "_grid"), scale, zeroPoint, type,
                             suffix);
    }
    // Round's composite gives NaN for infinities: clamp first (beyond +-2^15 everything saturates).
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot& lo = Bin(ctx, BO::Maximum, v, Scalar(ctx, floatType, -32768.0, suffix + "_lo"), suffix + "_above_lo");
    armnn::IOutputSlot& clamped = Bin(ctx, BO::Minimum, lo, Scalar(ctx, floatType, 32768.0, suffix + "_hi"), suffix + "_clamped");
    armnn::IOutputSlot& grid = Bin(ctx, BO::Mul, RoundHalfEven(ctx, clamped, floatType),
                                   Scalar(ctx, floatType, scale, suffix + "_grid_scale"), suffix + "_grid");
    return QuantizeLayer(ctx, grid, scale, zeroPoint, type, suffix);
}

armnn::IOutputSlot& FloatSlot(NodeContext& ctx, armnn::IOutputSlot& s, const std::string& suffix)
{
    return TypeOf(s) == armnn::DataType::Float32 ? s : CastSlot(ctx, s, armnn::DataType::Float32, suffix);
}

armnn::IOutputSlot& BinarySlot(NodeContext& ctx, armnn::BinaryOperation op, armnn::IOutputSlot& a, armnn::IOutputSlot& b,
                               const std::string& suffix)
{
    return Bin(ctx, op, a, b, suffix);
}

armnn::IOutputSlot& QuantizeRuntime(NodeContext& ctx, armnn::IOutputSlot& v, armnn::IOutputSlot* zeroPoint,
                                    int32_t outType, double lo, double hi)
{
    armnn::IOutputSlot* q = &RoundHalfEven(ctx, v, TP::FLOAT);
    if (zeroPoint) q = &Bin(ctx, armnn::BinaryOperation::Add, *q, *zeroPoint, "_shifted");
    q = &Bin(ctx, armnn::BinaryOperation::Maximum, *q, Scalar(ctx, TP::FLOAT, lo, "_lo"), "_min");
    q = &Bin(ctx, armnn::BinaryOperation::Minimum, *q, Scalar(ctx, TP::FLOAT, hi, "_hi"), "_max");
    return CastSlot(ctx, *q, ToArmnnType(outType, ctx.Describe()), "_cast");
}

namespace
{

void ConvertRound(NodeContext& ctx)
{
    RequireFloat(ctx);
    ctx.SetOutput(0, RoundHalfEven(ctx, ctx.Slot(0), ctx.In(0).m_ElemType), ctx.In(0).m_ElemType, ctx.Dims(0));
}

/// Quantization parameters that are not one constant per tensor (computed at run time, or per axis): the
/// arithmetic of QuantizeLinear and DequantizeLinear in float layers, with the parameters reshaped to the axis.
/// Returns false for the plain per-tensor constant case, which maps to armnn's Quantize and Dequantize.
bool NeedsQuantizationArithmetic(const NodeContext& ctx)
{
    if (!ctx.IsConst(1) || (ctx.Has(2) && !ctx.IsConst(2))) return true;
    if (ctx.Const(1, "scale").NumElements() != 1) return true;
    const int32_t zt = ctx.Has(2) ? ctx.In(2).m_ElemType : TP::UINT8;
    return zt == TP::INT16 || zt == TP::UINT16 || ctx.In(0).m_ElemType == TP::INT16 || ctx.In(0).m_ElemType == TP::UINT16;
}

/// Input i (scale or zero point) as a float slot that broadcasts against input 0 along the `axis` attribute.
armnn::IOutputSlot& QuantParamSlot(NodeContext& ctx, size_t i, const std::string& suffix)
{
    const Dims x = ctx.Dims(0), p = ctx.Dims(i);
    if (ctx.HasAttr("block_size") && ctx.AttrInt("block_size", 0) != 0) ctx.Unsupported("blocked quantization");
    armnn::IOutputSlot* s = &ctx.Slot(i);
    if (TypeOf(*s) != armnn::DataType::Float32) s = &CastSlot(ctx, *s, armnn::DataType::Float32, suffix + "_float");
    if (p.empty() || Product(p) == 1) return *s;
    if (p.size() != 1) ctx.Fail("per-axis parameters must be 1-D", ctx.InputName(i));
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 1), x.size()));
    if (p[0] != x[axis]) ctx.Fail("per-axis parameters do not match the axis", ctx.InputName(i));
    Dims d(x.size(), 1);
    d[axis] = p[0];
    return ctx.Reshape(*s, d, suffix + "_axis");
}

void QuantizeArithmetic(NodeContext& ctx)
{
    RequireFloat(ctx);
    int32_t outType = ctx.Has(2) ? ctx.In(2).m_ElemType : TP::UINT8;
    if (ctx.HasAttr("output_dtype") && ctx.AttrInt("output_dtype", 0) != 0) outType = static_cast<int32_t>(ctx.AttrInt("output_dtype", 0));
    double lo = 0, hi = 0;
    switch (outType)
    {
        case TP::UINT8: hi = 255; break;
        case TP::INT8: lo = -128; hi = 127; break;
        case TP::UINT16: hi = 65535; break;
        case TP::INT16: lo = -32768; hi = 32767; break;
        default: ctx.Unsupported("quantizing to " + OnnxTypeName(outType));
    }
    if (ctx.AttrInt("saturate", 1) == 0) ctx.Unsupported("saturate = 0");
    armnn::IOutputSlot& x = FloatSlot(ctx, ctx.Slot(0), "_float");
    armnn::IOutputSlot& scaled = Bin(ctx, armnn::BinaryOperation::Div, x, QuantParamSlot(ctx, 1, "_scale"), "_scaled");
    ctx.SetOutput(0, QuantizeRuntime(ctx, scaled, ctx.Has(2) ? &QuantParamSlot(ctx, 2, "_zp") : nullptr, outType, lo, hi),
                  outType, ctx.Dims(0));
}

void DequantizeArithmetic(NodeContext& ctx)
{
    armnn::IOutputSlot* y = &CastSlot(ctx, ctx.Slot(0), armnn::DataType::Float32, "_float");
    if (ctx.Has(2)) y = &Bin(ctx, armnn::BinaryOperation::Sub, *y, QuantParamSlot(ctx, 2, "_zp"), "_centred");
    y = &Bin(ctx, armnn::BinaryOperation::Mul, *y, QuantParamSlot(ctx, 1, "_scale"), "");
    ctx.SetOutput(0, *y, TP::FLOAT, ctx.Dims(0));
}

/// DynamicQuantizeLinear: uint8 with scale (max(0, max x) - min(0, min x)) / 255 and zero point
/// saturate(round(-min / scale)); every step rounds half to even as the operator specifies.
void ConvertDynamicQuantizeLinear(NodeContext& ctx)
{
    RequireFloat(ctx);
    if (ctx.In(0).m_ElemType != TP::FLOAT) ctx.Unsupported("DynamicQuantizeLinear on " + OnnxTypeName(ctx.In(0).m_ElemType));
    using BO = armnn::BinaryOperation;
    const Dims in = ctx.Dims(0);
    std::vector<uint32_t> all(in.size());
    std::iota(all.begin(), all.end(), 0u);
    armnn::IOutputSlot& x = ctx.Slot(0);
    armnn::IOutputSlot& zero = Scalar(ctx, TP::FLOAT, 0, "_zero");
    armnn::IOutputSlot* hiV = &x;
    armnn::IOutputSlot* loV = &x;
    if (!in.empty())
    {
        hiV = &Reduce(ctx, armnn::ReduceOperation::Max, x, all, true, "_max");
        loV = &Reduce(ctx, armnn::ReduceOperation::Min, x, all, true, "_min");
    }
    armnn::IOutputSlot& hi = Bin(ctx, BO::Maximum, ctx.Reshape(*hiV, {}, "_max_scalar"), zero, "_max0");
    armnn::IOutputSlot& lo = Bin(ctx, BO::Minimum, ctx.Reshape(*loV, {}, "_min_scalar"), zero, "_min0");
    armnn::IOutputSlot& scale = Bin(ctx, BO::Div, Bin(ctx, BO::Sub, hi, lo, "_range"), Scalar(ctx, TP::FLOAT, 255, "_levels"), "_scale");
    auto saturate = [&](armnn::IOutputSlot& v, const std::string& sfx) -> armnn::IOutputSlot& {
        armnn::IOutputSlot& a = Bin(ctx, BO::Maximum, v, zero, sfx + "_lo");
        return Bin(ctx, BO::Minimum, a, Scalar(ctx, TP::FLOAT, 255, sfx + "_255"), sfx + "_hi");
    };
    armnn::IOutputSlot& zp = saturate(RoundHalfEven(ctx, Bin(ctx, BO::Div, Bin(ctx, BO::Sub, zero, lo, "_neg_min"), scale, "_zp_real"), TP::FLOAT), "_zp");
    armnn::IOutputSlot& q = saturate(Bin(ctx, BO::Add, RoundHalfEven(ctx, Bin(ctx, BO::Div, x, scale, "_scaled"), TP::FLOAT), zp, "_shifted"), "_q");
    ctx.SetOutput(0, CastSlot(ctx, q, armnn::DataType::QAsymmU8, "_y"), TP::UINT8, in);
    if (ctx.HasOutput(1)) ctx.SetOutput(1, scale, TP::FLOAT, {});
    if (ctx.HasOutput(2)) ctx.SetOutput(2, CastSlot(ctx, zp, armnn::DataType::QAsymmU8, "_y_zero_point"), TP::UINT8, {});
}

std::pair<float, int64_t> QuantParams(NodeContext& ctx, int32_t& zpType)
{
    const std::vector<float> scale = ctx.ConstFloats(1, "scale");
    if (scale.size() != 1) ctx.Unsupported("per-axis quantization", ctx.InputName(1));
    int64_t zp = 0;
    zpType = TP::UINT8;
    if (ctx.Has(2))
    {
        const Dims z = ctx.ConstInts(2, "zero point");
        if (z.size() != 1) ctx.Unsupported("per-axis quantization", ctx.InputName(2));
        zp = z[0];
        zpType = ctx.In(2).m_ElemType;
    }
    return {scale[0], zp};
}

void ConvertQuantize(NodeContext& ctx)
{
    if (NeedsQuantizationArithmetic(ctx))
    {
        QuantizeArithmetic(ctx);
        return;
    }
    int32_t zpType = 0;
    const auto [scale, zp] = QuantParams(ctx, zpType);
    if (ctx.HasAttr("output_dtype") && ctx.AttrInt("output_dtype", 0) != 0) zpType = static_cast<int32_t>(ctx.AttrInt("output_dtype", 0));
    if (zpType != TP::UINT8 && zpType != TP::INT8) ctx.Unsupported("quantizing to " + OnnxTypeName(zpType));
    RequireFloat(ctx);
    const armnn::DataType t = zpType == TP::UINT8 ? armnn::DataType::QAsymmU8 : armnn::DataType::QAsymmS8;
    const int32_t ft = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& scaled = Bin(ctx, armnn::BinaryOperation::Div, ctx.Slot(0), Scalar(ctx, ft, scale, "_scale"), "_scaled");
    ctx.SetOutput(0, QuantizeScaled(ctx, scaled, ft, scale, static_cast<int32_t>(zp), t, ""), zpType, ctx.Dims(0));
}

/// DequantizeLinear of a constant with per-axis parameters (the weights of QDQ models with per-channel
/// quantization): folded into a float constant, (x - zero point[c]) * scale[c] along `axis`.
void DequantizeConstantPerAxis(NodeContext& ctx)
{
    if (ctx.HasAttr("block_size") && ctx.AttrInt("block_size", 0) != 0) ctx.Unsupported("blocked quantization");
    const ConstValue& q = ctx.Const(0, "x");
    const std::vector<float> scales = ctx.ConstFloats(1, "scale");
    std::vector<int64_t> zeroPoints(scales.size(), 0);
    if (ctx.Has(2)) zeroPoints = ctx.ConstInts(2, "zero point");
    if (zeroPoints.size() == 1) zeroPoints.assign(scales.size(), zeroPoints[0]);
    const size_t axis = static_cast<size_t>(NormAxis(ctx, ctx.AttrInt("axis", 1), q.m_Dims.size()));
    if (ctx.Dims(1).size() != 1 || q.m_Dims.empty() || static_cast<int64_t>(scales.size()) != q.m_Dims[axis])
    {
        ctx.Fail("per-axis scale of shape " + DimsToString(ctx.Dims(1)) + " does not match axis " +
                 std::to_string(axis) + " of " + DimsToString(q.m_Dims), ctx.InputName(1));
    }
    if (zeroPoints.size() != scales.size()) ctx.Fail("zero point and scale differ in size", ctx.InputName(2));
    size_t inner = 1;
    for (size_t d = axis + 1; d < q.m_Dims.size(); ++d) inner *= static_cast<size_t>(q.m_Dims[d]);
    ConstValue c = MakeConst(TP::FLOAT, q.m_Dims, {});
    for (size_t i = 0; i < q.NumElements(); ++i)
    {
        const size_t channel = (i / inner) % scales.size();
        c.m_Reals.push_back(NarrowToFloat((static_cast<double>(q.Int(i)) - static_cast<double>(zeroPoints[channel])) *
                                          static_cast<double>(scales[channel])));
    }
    ctx.SetConstOutput(0, std::move(c));
}

void ConvertDequantize(NodeContext& ctx)
{
    if (NeedsQuantizationArithmetic(ctx) && !AllConst(ctx))
    {
        DequantizeArithmetic(ctx);
        return;
    }
    if (ctx.Const(1, "scale").NumElements() != 1)
    {
        DequantizeConstantPerAxis(ctx);
        return;
    }
    int32_t zpType = 0;
    const auto [scale, zp] = QuantParams(ctx, zpType);
    const int32_t t = ctx.In(0).m_ElemType;
    if (ctx.IsConst(0))
    {
        const ConstValue& q = ctx.Const(0, "x");
        ConstValue c = MakeConst(TP::FLOAT, q.m_Dims, {});
        for (size_t i = 0; i < q.NumElements(); ++i) c.m_Reals.push_back(NarrowToFloat((static_cast<double>(q.Int(i)) - static_cast<double>(zp)) * scale));
        ctx.SetConstOutput(0, std::move(c));
        return;
    }
    if (t != TP::UINT8 && t != TP::INT8 && t != TP::INT32) ctx.Unsupported("dequantizing " + OnnxTypeName(t));
    armnn::IOutputSlot& x = ctx.Slot(0);
    const armnn::TensorInfo& xi = x.GetTensorInfo();
    armnn::IOutputSlot* y = nullptr;
    if (xi.IsQuantized() && xi.GetQuantizationScale() == scale && xi.GetQuantizationOffset() == zp)
    {
        auto* l = ctx.Network().AddDequantizeLayer(ctx.LayerName().c_str());
        ctx.Emit(l, {&x}, armnn::DataType::Float32);
        y = &l->GetOutputSlot(0);
    }
    else
    {
        // The input holds plain integers (scale 1, offset 0 or Signed32): (float(x) - zp) * scale.
        armnn::IConnectableLayer* l = xi.IsQuantized() && xi.GetQuantizationScale() == 1.0f && xi.GetQuantizationOffset() == 0
                                          ? ctx.Network().AddDequantizeLayer(ctx.LayerName("_int").c_str())
                                          : nullptr;
        if (l == nullptr)
        {
            if (xi.IsQuantized()) ctx.Unsupported("dequantizing with parameters other than the tensor's");
            l = ctx.Network().AddCastLayer(ctx.LayerName("_int").c_str());
        }
        ctx.Emit(l, {&x}, armnn::DataType::Float32);
        y = &l->GetOutputSlot(0);
        if (zp != 0) y = &Bin(ctx, armnn::BinaryOperation::Sub, *y, Scalar(ctx, TP::FLOAT, static_cast<double>(zp), "_zp"), "_centred");
        y = &Bin(ctx, armnn::BinaryOperation::Mul, *y, Scalar(ctx, TP::FLOAT, scale, "_scale"), "_scaled");
    }
    ctx.SetOutput(0, *y, TP::FLOAT, ctx.Dims(0));
}

void ConvertTile(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const Dims reps = ctx.ConstInts(1, "repeats");
    if (reps.size() != in.size()) ctx.Fail("repeats has the wrong length");
    std::vector<uint32_t> m;
    Dims out = in;
    for (size_t i = 0; i < in.size(); ++i)
    {
        if (reps[i] < 1 || reps[i] > kMaxDimension) ctx.Unsupported("repeats outside [1, 2^31)");
        m.push_back(static_cast<uint32_t>(reps[i]));
        out[i] *= reps[i];
    }
    ToArmnnShape(out, ctx.Describe());
    auto* l = ctx.Network().AddTileLayer(armnn::TileDescriptor(m), ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

/// Broadcasts a slot of ONNX shape `in` to `out`: a BroadcastTo layer, or only a Reshape when no element repeats.
armnn::IOutputSlot& BroadcastTo(NodeContext& ctx, armnn::IOutputSlot& x, const Dims& in, const Dims& out,
                                const std::string& suffix)
{
    if (Product(in) == Product(out)) return ctx.Reshape(x, out, suffix + "_lift");
    auto* l = ctx.Network().AddBroadcastToLayer(armnn::BroadcastToDescriptor(ToArmnnShape(out, ctx.Describe())),
                                                ctx.LayerName(suffix).c_str());
    ctx.Emit(l, {&x}, TypeOf(x));
    return l->GetOutputSlot(0);
}

void ConvertExpand(NodeContext& ctx)
{
    const Dims in = ctx.Dims(0);
    const Dims out = BroadcastDims(ctx, in, ctx.ConstInts(1, "shape"));
    ToArmnnShape(out, ctx.Describe());
    ctx.SetOutput(0, BroadcastTo(ctx, ctx.Slot(0), in, out, ""), ctx.In(0).m_ElemType, out);
}

void ConvertWhere(NodeContext& ctx)
{
    const int32_t t = ctx.In(1).m_ElemType;
    const Dims out = BroadcastDims(ctx, BroadcastDims(ctx, ctx.Dims(0), ctx.Dims(1)), ctx.Dims(2));
    if (AllConst(ctx))
    {
        const ConstValue& c = ctx.Const(0, "condition");
        const ConstValue& x = ctx.Const(1, "X");
        const ConstValue& y = ctx.Const(2, "Y");
        ConstValue r = MakeConst(t, out, {});
        for (size_t i = 0; i < r.NumElements(); ++i)
        {
            const ConstValue& src = c.Int(BroadcastSource(c.m_Dims, out, i)) != 0 ? x : y;
            const size_t k = BroadcastSource(src.m_Dims, out, i);
            if (r.IsReal()) r.m_Reals.push_back(src.Real(k)); else r.m_Ints.push_back(src.Int(k));
        }
        ctx.SetConstOutput(0, std::move(r));
        return;
    }
    // No select layer: y and x, broadcast and flattened, are concatenated to [2n] and gathered at
    // cond * n + i. Exact for every value, infinities and NaN included.
    const int64_t n = Product(out);
    ToArmnnShape(out, ctx.Describe());
    if (2 * n > std::numeric_limits<int32_t>::max()) ctx.Unsupported("Where with more than 2^30 elements");
    auto* cond = ctx.Network().AddCastLayer(ctx.LayerName("_cond").c_str());
    ctx.Emit(cond, {&ctx.Slot(0)}, armnn::DataType::Signed32);
    armnn::IOutputSlot& c = ctx.Reshape(BroadcastTo(ctx, cond->GetOutputSlot(0), ctx.Dims(0), out, "_cond_bcast"), {n}, "_cond_flat");
    armnn::IOutputSlot& x = ctx.Reshape(BroadcastTo(ctx, ctx.Slot(1), ctx.Dims(1), out, "_x_bcast"), {n}, "_x_flat");
    armnn::IOutputSlot& y = ctx.Reshape(BroadcastTo(ctx, ctx.Slot(2), ctx.Dims(2), out, "_y_bcast"), {n}, "_y_flat");
    std::vector<double> iota(static_cast<size_t>(n));
    std::iota(iota.begin(), iota.end(), 0.0);
    armnn::IOutputSlot& offset = Bin(ctx, armnn::BinaryOperation::Mul, c, Scalar(ctx, TP::INT32, static_cast<double>(n), "_n"), "_offset");
    armnn::IOutputSlot& idx = Bin(ctx, armnn::BinaryOperation::Add, offset, ctx.ConstSlot(MakeConst(TP::INT32, {n}, iota), "_iota"), "_index");
    std::vector<armnn::TensorShape> shapes = {y.GetTensorInfo().GetShape(), x.GetTensorInfo().GetShape()};
    auto* both = ctx.Network().AddConcatLayer(armnn::CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), 0),
                                              ctx.LayerName("_choices").c_str());
    ctx.Emit(both, {&y, &x}, TypeOf(x));
    auto* g = ctx.Network().AddGatherLayer(armnn::GatherDescriptor(0), ctx.LayerName().c_str());
    ctx.Emit(g, {&both->GetOutputSlot(0), &idx}, TypeOf(x));
    ctx.SetOutput(0, g->GetOutputSlot(0), t, out);
}

void ConvertSpaceDepth(NodeContext& ctx, bool toDepth)
{
    if (ctx.Rank(0) != 4) ctx.Fail("input must have rank 4");
    if (!toDepth && ctx.AttrString("mode", "DCR") != "DCR") ctx.Unsupported("DepthToSpace mode CRD");
    const int64_t bs = ctx.AttrInt("blocksize", 0);
    if (bs < 1 || bs > 65535) ctx.Fail("blocksize out of range");
    armnn::SpaceToDepthDescriptor d(static_cast<unsigned>(bs), armnn::DataLayout::NCHW);
    armnn::IConnectableLayer* l = toDepth ? ctx.Network().AddSpaceToDepthLayer(d, ctx.LayerName().c_str())
                                          : ctx.Network().AddDepthToSpaceLayer(d, ctx.LayerName().c_str());
    ctx.Emit(l, {&ctx.Slot(0)}, TypeOf(ctx.Slot(0)));
    Dims out = ctx.Dims(0);
    if (toDepth) { out[1] *= bs * bs; out[2] /= bs; out[3] /= bs; }
    else { out[1] /= bs * bs; out[2] *= bs; out[3] *= bs; }
    ctx.SetOutput(0, l->GetOutputSlot(0), ctx.In(0).m_ElemType, out);
}

void ConvertIdentity(NodeContext& ctx)
{
    if (ctx.Node().op_type() == "Dropout")
    {
        if (ctx.Has(2) && (!ctx.IsConst(2) || ctx.ConstInts(2, "training_mode").at(0) != 0))
        {
            ctx.Unsupported("Dropout in training mode");
        }
        if (ctx.HasOutput(1))
        {
            // In inference every element is kept.
            ConstValue mask = MakeConst(TP::BOOL, ctx.Dims(0), std::vector<double>(static_cast<size_t>(Product(ctx.Dims(0))), 1.0));
            ctx.SetConstOutput(1, std::move(mask));
        }
    }
    ctx.Alias(0, 0);
}

/// Elementwise compositions of float activations.
void ConvertComposite(NodeContext& ctx)
{
    RequireFloat(ctx);
    const std::string& op = ctx.Node().op_type();
    const int32_t t = ctx.In(0).m_ElemType;
    armnn::IOutputSlot& x = ctx.Slot(0);
    using BO = armnn::BinaryOperation;
    armnn::IOutputSlot* y = nullptr;
    if (op == "Reciprocal")
    {
        y = &Bin(ctx, BO::Div, Scalar(ctx, t, 1, "_one"), x, "");
    }
    else if (op == "Softsign")
    {
        armnn::IOutputSlot& den = Bin(ctx, BO::Add, Unary(ctx, armnn::UnaryOperation::Abs, x, "_abs"), Scalar(ctx, t, 1, "_one"), "_den");
        y = &Bin(ctx, BO::Div, x, den, "");
    }
    else if (op == "HardSigmoid")
    {
        armnn::IOutputSlot& ax = Bin(ctx, BO::Mul, x, Scalar(ctx, t, ctx.AttrFloat("alpha", 0.2f), "_alpha"), "_ax");
        armnn::IOutputSlot& axb = Bin(ctx, BO::Add, ax, Scalar(ctx, t, ctx.AttrFloat("beta", 0.5f), "_beta"), "_axb");
        y = &Act(ctx, armnn::ActivationFunction::BoundedReLu, axb, 1.0f, 0.0f, "");
    }
    else if (op == "Selu")
    {
        armnn::IOutputSlot& e = Act(ctx, armnn::ActivationFunction::Elu, x, ctx.AttrFloat("alpha", 1.67326319217681884765625f), 0, "_elu");
        y = &Bin(ctx, BO::Mul, e, Scalar(ctx, t, ctx.AttrFloat("gamma", 1.05070102214813232421875f), "_gamma"), "");
    }
    else if (op == "Celu")
    {
        const float alpha = ctx.AttrFloat("alpha", 1.0f);
        armnn::IOutputSlot& xs = Bin(ctx, BO::Mul, x, Scalar(ctx, t, 1.0 / alpha, "_inv_alpha"), "_xs");
        armnn::IOutputSlot& e = Act(ctx, armnn::ActivationFunction::Elu, xs, 1.0f, 0, "_elu");
        y = &Bin(ctx, BO::Mul, e, Scalar(ctx, t, alpha, "_alpha"), "");
    }
    else if (op == "Mish")
    {
        armnn::IOutputSlot& sp = Act(ctx, armnn::ActivationFunction::SoftReLu, x, 0, 0, "_softplus");
        armnn::IOutputSlot& th = Act(ctx, armnn::ActivationFunction::TanH, sp, 1.0f, 1.0f, "_tanh");
        y = &Bin(ctx, BO::Mul, x, th, "");
    }
    else if (op == "Swish")
    {
        armnn::IOutputSlot& ax = Bin(ctx, BO::Mul, x, Scalar(ctx, t, ctx.AttrFloat("alpha", 1.0f), "_alpha"), "_ax");
        y = &Bin(ctx, BO::Mul, x, Act(ctx, armnn::ActivationFunction::Sigmoid, ax, 0, 0, "_sigmoid"), "");
    }
    else if (op == "Sinh" || op == "Cosh")
    {
        armnn::IOutputSlot& ep = Unary(ctx, armnn::UnaryOperation::Exp, x, "_exp");
        armnn::IOutputSlot& en = Unary(ctx, armnn::UnaryOperation::Exp, Unary(ctx, armnn::UnaryOperation::Neg, x, "_neg"), "_expneg");
        armnn::IOutputSlot& sum = Bin(ctx, op == "Sinh" ? BO::Sub : BO::Add, ep, en, "_combine");
        y = &Bin(ctx, BO::Mul, sum, Scalar(ctx, t, 0.5, "_half"), "");
    }
    else if (op == "Tan")
    {
        y = &Bin(ctx, BO::Div, Unary(ctx, armnn::UnaryOperation::Sin, x, "_sin"), Unary(ctx, armnn::UnaryOperation::Cos, x, "_cos"), "");
    }
    else if (op == "Asinh" || op == "Acosh")
    {
        // log(x + sqrt(x^2 +- 1))
        armnn::IOutputSlot& sq = Bin(ctx, BO::Mul, x, x, "_sq");
        armnn::IOutputSlot& r = Bin(ctx, op == "Asinh" ? BO::Add : BO::Sub, sq, Scalar(ctx, t, 1, "_one"), "_radicand");
        armnn::IOutputSlot& sum = Bin(ctx, BO::Add, x, Unary(ctx, armnn::UnaryOperation::Sqrt, r, "_sqrt"), "_sum");
        y = &Unary(ctx, armnn::UnaryOperation::Log, sum, "");
    }
    else if (op == "Atanh")
    {
        // log((1 + x) / (1 - x)) / 2
        armnn::IOutputSlot& one = Scalar(ctx, t, 1, "_one");
        armnn::IOutputSlot& q = Bin(ctx, BO::Div, Bin(ctx, BO::Add, one, x, "_num"), Bin(ctx, BO::Sub, one, x, "_den"), "_ratio");
        y = &Bin(ctx, BO::Mul, Unary(ctx, armnn::UnaryOperation::Log, q, "_log"), Scalar(ctx, t, 0.5, "_half"), "");
    }
    else if (op == "Shrink")
    {
        // d = x - clamp(x, -lambd, lambd) is x -+ lambd outside the band and 0 inside; then move by
        // (bias - lambd) * sign(d), with the sign from comparisons so that infinities stay finite-times-finite.
        const float lambd = ctx.AttrFloat("lambd", 0.5f);
        const float bias = ctx.AttrFloat("bias", 0.0f);
        if (!(lambd >= 0.0f))
        {
            ctx.Fail("lambd must not be negative");
        }
        armnn::IOutputSlot& clamped = Act(ctx, armnn::ActivationFunction::BoundedReLu, x, lambd, -lambd, "_clamp");
        armnn::IOutputSlot& d = Bin(ctx, BO::Sub, x, clamped, "_outside");
        armnn::IOutputSlot& zero = Scalar(ctx, t, 0, "_zero");
        armnn::IOutputSlot& pos = CastSlot(ctx, CompareSlots(ctx, armnn::ComparisonOperation::Greater, d, zero, "_gt"), TypeOf(x), "_pos");
        armnn::IOutputSlot& neg = CastSlot(ctx, CompareSlots(ctx, armnn::ComparisonOperation::Less, d, zero, "_lt"), TypeOf(x), "_neg");
        armnn::IOutputSlot& sign = Bin(ctx, BO::Sub, pos, neg, "_sign");
        y = &Bin(ctx, BO::Sub, d, Bin(ctx, BO::Mul, sign, Scalar(ctx, t, static_cast<double>(bias) - lambd, "_shift"), "_move"), "");
    }
    else if (op == "Gelu")
    {
        const std::string approx = ctx.AttrString("approximate", "none");
        if (approx == "tanh")
        {
            // x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3)))
            armnn::IOutputSlot& x3 = Bin(ctx, BO::Mul, Bin(ctx, BO::Mul, x, x, "_x2"), x, "_x3");
            armnn::IOutputSlot& inner = Bin(ctx, BO::Add, x, Bin(ctx, BO::Mul, x3, Scalar(ctx, t, 0.044715, "_c"), "_cx3"), "_inner");
            armnn::IOutputSlot& arg = Bin(ctx, BO::Mul, inner, Scalar(ctx, t, std::sqrt(2.0 / M_PI), "_k"), "_arg");
            armnn::IOutputSlot& th = Act(ctx, armnn::ActivationFunction::TanH, arg, 1.0f, 1.0f, "_tanh");
            armnn::IOutputSlot& onePlus = Bin(ctx, BO::Add, th, Scalar(ctx, t, 1, "_one"), "_oneplus");
            y = &Bin(ctx, BO::Mul, Bin(ctx, BO::Mul, x, Scalar(ctx, t, 0.5, "_half"), "_halfx"), onePlus, "");
        }
        else if (approx == "none")
        {
            y = &Act(ctx, armnn::ActivationFunction::Gelu, x, 0, 0, "");
        }
        else
        {
            ctx.Fail("unknown approximate '" + approx + "'");
        }
    }
    ctx.SetOutput(0, *y, t, ctx.Dims(0));
}

} // namespace

const std::map<std::string, Converter>& OperatorTable()
{
    using AF = armnn::ActivationFunction;
    using BO = armnn::BinaryOperation;
    using UO = armnn::UnaryOperation;
    using RO = armnn::ReduceOperation;
    using CO = armnn::ComparisonOperation;
    static const std::map<std::string, Converter> table = {
        // Elementwise arithmetic (numpy broadcasting).
        {"Add", [](NodeContext& c) { ConvertBinary(c, BO::Add); }},
        {"Sub", [](NodeContext& c) { ConvertBinary(c, BO::Sub); }},
        {"Mul", [](NodeContext& c) { ConvertBinary(c, BO::Mul); }},
        {"Div", [](NodeContext& c) { ConvertBinary(c, BO::Div); }},
        {"Pow", [](NodeContext& c) { ConvertBinary(c, BO::Power); }},
        {"Mod", ConvertMod},
        {"Max", [](NodeContext& c) { ConvertVariadic(c, BO::Maximum, false); }},
        {"Min", [](NodeContext& c) { ConvertVariadic(c, BO::Minimum, false); }},
        {"Sum", [](NodeContext& c) { ConvertVariadic(c, BO::Add, false); }},
        {"Mean", [](NodeContext& c) { ConvertVariadic(c, BO::Add, true); }},
        // Comparison and logic.
        {"Equal", [](NodeContext& c) { ConvertCompare(c, CO::Equal); }},
        {"Greater", [](NodeContext& c) { ConvertCompare(c, CO::Greater); }},
        {"GreaterOrEqual", [](NodeContext& c) { ConvertCompare(c, CO::GreaterOrEqual); }},
        {"Less", [](NodeContext& c) { ConvertCompare(c, CO::Less); }},
        {"LessOrEqual", [](NodeContext& c) { ConvertCompare(c, CO::LessOrEqual); }},
        {"Xor", [](NodeContext& c) { ConvertCompare(c, CO::NotEqual); }},
        {"And", [](NodeContext& c) { ConvertLogical(c, armnn::LogicalBinaryOperation::LogicalAnd); }},
        {"Or", [](NodeContext& c) { ConvertLogical(c, armnn::LogicalBinaryOperation::LogicalOr); }},
        {"Not", [](NodeContext& c) { ConvertUnary(c, UO::LogicalNot); }},
        {"BitwiseNot", ConvertBitwiseNot},
        {"BitShift", ConvertBitShift},
        {"ReverseSequence", ConvertReverseSequence},
        {"Where", ConvertWhere},
        // Unary math.
        {"Abs", [](NodeContext& c) { ConvertUnary(c, UO::Abs); }},
        {"Exp", [](NodeContext& c) { ConvertUnary(c, UO::Exp); }},
        {"Log", [](NodeContext& c) { ConvertUnary(c, UO::Log); }},
        {"Neg", [](NodeContext& c) { ConvertUnary(c, UO::Neg); }},
        {"Sqrt", [](NodeContext& c) { ConvertUnary(c, UO::Sqrt); }},
        {"Sin", [](NodeContext& c) { ConvertUnary(c, UO::Sin); }},
        {"Cos", [](NodeContext& c) { ConvertUnary(c, UO::Cos); }},
        {"Erf", [](NodeContext& c) { ConvertUnary(c, UO::Erf); }},
        {"Atan", [](NodeContext& c) { ConvertUnary(c, UO::Atan); }},
        {"Asin", [](NodeContext& c) { ConvertUnary(c, UO::Asin); }},
        {"Acos", [](NodeContext& c) { ConvertUnary(c, UO::Acos); }},
        {"Ceil", [](NodeContext& c) { ConvertUnary(c, UO::Ceil); }},
        {"Round", ConvertRound},
        {"Floor", [](NodeContext& c) {
             RequireFloat(c);
             auto* l = c.Network().AddFloorLayer(c.LayerName().c_str());
             c.Emit(l, {&c.Slot(0)}, TypeOf(c.Slot(0)));
             c.SetOutput(0, l->GetOutputSlot(0), c.In(0).m_ElemType, c.Dims(0));
         }},
        {"Reciprocal", ConvertComposite},
        {"Sinh", ConvertComposite},
        {"Cosh", ConvertComposite},
        {"Tan", ConvertComposite},
        {"Asinh", ConvertComposite},
        {"Acosh", ConvertComposite},
        {"Atanh", ConvertComposite},
        // Activations.
        {"Relu", [](NodeContext& c) { ConvertActivation(c, AF::ReLu); }},
        {"LeakyRelu", [](NodeContext& c) { ConvertActivation(c, AF::LeakyReLu, c.AttrFloat("alpha", 0.01f)); }},
        {"Sigmoid", [](NodeContext& c) { ConvertActivation(c, AF::Sigmoid); }},
        {"Tanh", [](NodeContext& c) { ConvertActivation(c, AF::TanH, 1.0f, 1.0f); }},
        {"Elu", [](NodeContext& c) { ConvertActivation(c, AF::Elu, c.AttrFloat("alpha", 1.0f)); }},
        {"HardSwish", [](NodeContext& c) { ConvertActivation(c, AF::HardSwish); }},
        {"Softplus", [](NodeContext& c) { ConvertActivation(c, AF::SoftReLu); }},
        {"Clip", ConvertClip},
        {"PRelu", ConvertPrelu},
        {"Softsign", ConvertComposite},
        {"HardSigmoid", ConvertComposite},
        {"Selu", ConvertComposite},
        {"Celu", ConvertComposite},
        {"Mish", ConvertComposite},
        {"Swish", ConvertComposite},
        {"Gelu", ConvertComposite},
        {"Shrink", ConvertComposite},
        {"ThresholdedRelu", ConvertThresholdedRelu},
        {"IsInf", ConvertIsInfNaN},
        {"IsNaN", ConvertIsInfNaN},
        {"Softmax", [](NodeContext& c) { ConvertSoftmax(c, false); }},
        {"LogSoftmax", [](NodeContext& c) { ConvertSoftmax(c, true); }},
        // Convolution, pooling, normalization, matrix products.
        {"Conv", ConvertConv},
        {"ConvTranspose", ConvertConvTranspose},
        {"MaxPool", [](NodeContext& c) { ConvertPool(c, armnn::PoolingAlgorithm::Max); }},
        {"AveragePool", [](NodeContext& c) { ConvertPool(c, armnn::PoolingAlgorithm::Average); }},
        {"GlobalAveragePool", [](NodeContext& c) { ConvertGlobalPool(c, RO::Mean); }},
        {"GlobalMaxPool", [](NodeContext& c) { ConvertGlobalPool(c, RO::Max); }},
        {"LpPool", ConvertLpPool},
        {"BatchNormalization", ConvertBatchNorm},
        {"LayerNormalization", ConvertLayerNorm},
        {"InstanceNormalization", ConvertInstanceNorm},
        {"MeanVarianceNormalization", ConvertMeanVarianceNormalization},
        {"LRN", ConvertLrn},
        {"RMSNormalization", ConvertRmsNorm},
        {"Gemm", ConvertGemm},
        {"MatMul", ConvertMatMul},
        {"Attention", ConvertAttention},
        {"RotaryEmbedding", ConvertRotaryEmbedding},
        {"GroupNormalization", ConvertGroupNormalization},
        {"LpNormalization", ConvertLpNormalization},
        {"Hardmax", ConvertHardmax},
        {"NegativeLogLikelihoodLoss", ConvertNllLoss},
        {"SoftmaxCrossEntropyLoss", ConvertSoftmaxCrossEntropyLoss},
        {"RoiAlign", ConvertRoiAlign},
        // Reductions.
        {"ReduceMean", [](NodeContext& c) { ConvertReduce(c, RO::Mean, 18); }},
        {"ReduceSum", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 13); }},
        {"ReduceMax", [](NodeContext& c) { ConvertReduce(c, RO::Max, 18); }},
        {"ReduceMin", [](NodeContext& c) { ConvertReduce(c, RO::Min, 18); }},
        {"ReduceProd", [](NodeContext& c) { ConvertReduce(c, RO::Prod, 18); }},
        {"ReduceL1", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 18, AbsOf); }},
        {"ReduceL2", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 18, Square, SqrtOf); }},
        {"ReduceSumSquare", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 18, Square); }},
        {"ReduceLogSum", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 18, nullptr, LogOf); }},
        {"ReduceLogSumExp", [](NodeContext& c) { ConvertReduce(c, RO::Sum, 18, ExpOf, LogOf); }},
        {"ArgMax", [](NodeContext& c) { ConvertArgMinMax(c, armnn::ArgMinMaxFunction::Max); }},
        {"ArgMin", [](NodeContext& c) { ConvertArgMinMax(c, armnn::ArgMinMaxFunction::Min); }},
        {"TopK", ConvertTopK},
        // Shapes and data movement.
        {"Reshape", ConvertReshape},
        {"Flatten", ConvertFlatten},
        {"Squeeze", ConvertSqueeze},
        {"Unsqueeze", ConvertUnsqueeze},
        {"Transpose", ConvertTranspose},
        {"Concat", ConvertConcat},
        {"Split", ConvertSplit},
        {"Slice", ConvertSlice},
        {"Gather", ConvertGather},
        {"GatherElements", ConvertGatherElements},
        {"GatherND", ConvertGatherND},
        {"ScatterND", ConvertScatterND},
        {"ScatterElements", ConvertScatterElements},
        {"Scatter", ConvertScatterElements},
        {"Pad", ConvertPad},
        {"Tile", ConvertTile},
        {"Trilu", ConvertTrilu},
        {"CumSum", ConvertCumSum},
        {"Expand", ConvertExpand},
        {"DepthToSpace", [](NodeContext& c) { ConvertSpaceDepth(c, false); }},
        {"SpaceToDepth", [](NodeContext& c) { ConvertSpaceDepth(c, true); }},
        {"Resize", ConvertResize},
        {"Upsample", ConvertResize},
        {"Shape", ConvertShape},
        {"Size", ConvertSize},
        {"Constant", ConvertConstant},
        {"ConstantOfShape", ConvertConstantOfShape},
        {"Range", ConvertRange},
        {"EyeLike", ConvertEyeLike},
        {"OneHot", ConvertOneHot},
        {"Identity", ConvertIdentity},
        {"Dropout", ConvertIdentity},
        {"Cast", ConvertCast},
        {"CastLike", ConvertCast},
        // Quantization.
        {"QuantizeLinear", ConvertQuantize},
        {"QLinearConv", ConvertQLinearConv},
        {"QLinearMatMul", ConvertQLinearMatMul},
        {"ConvInteger", ConvertConvInteger},
        {"MatMulInteger", ConvertMatMulInteger},
        {"DynamicQuantizeLinear", ConvertDynamicQuantizeLinear},
        {"DequantizeLinear", ConvertDequantize},
    };
    return table;
}

} // namespace armnnOnnxParser

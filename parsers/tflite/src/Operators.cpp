//
// The TensorFlow Lite operator table and its convert functions. Nothing here sees FlatBuffers: each function reads
// an OperatorView and adds layers through IGraphBuilder, so the parser and the delegate share this file.
//
#include "OperatorView.hpp"

#include <armnn/Descriptors.hpp>
#include <armnn/TypesUtils.hpp>

#include <flatbuffers/flexbuffers.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace armnnTfLiteParser
{
namespace ops
{
namespace
{

using namespace armnn;

[[noreturn]] void Fail(const std::string& what)
{
    throw OperatorError(what);
}

std::string Describe(const TensorView& t)
{
    return "tensor " + std::to_string(t.index) + " '" + t.name + "'";
}

const TensorView& In(const OperatorView& op, size_t i)
{
    if (i >= op.inputs.size() || !op.inputs[i].present)
    {
        Fail("input " + std::to_string(i) + " is missing");
    }
    return op.inputs[i];
}

bool HasInput(const OperatorView& op, size_t i)
{
    return i < op.inputs.size() && op.inputs[i].present;
}

/// Reads a constant integer tensor (INT32 or INT64); the data may be unaligned.
std::vector<int64_t> ReadInts(const OperatorView& op, size_t i, const char* what)
{
    const TensorView& t = In(op, i);
    if (!t.IsConstant())
    {
        Fail(std::string(what) + " (" + Describe(t) + ") must be a constant tensor");
    }
    const unsigned int n = t.info.GetNumElements();
    std::vector<int64_t> values(n);
    for (unsigned int k = 0; k < n; ++k)
    {
        if (t.info.GetDataType() == DataType::Signed32)
        {
            int32_t v;
            std::memcpy(&v, t.data + 4 * k, 4);
            values[k] = v;
        }
        else if (t.info.GetDataType() == DataType::Signed64)
        {
            int64_t v;
            std::memcpy(&v, t.data + 8 * k, 8);
            values[k] = v;
        }
        else
        {
            Fail(std::string(what) + " (" + Describe(t) + ") must be INT32 or INT64, not " +
                 GetDataTypeName(t.info.GetDataType()));
        }
    }
    return values;
}

/// Reads the real value of a constant scalar of any numeric type.
float ReadScalar(const OperatorView& op, size_t i, const char* what)
{
    const TensorView& t = In(op, i);
    if (!t.IsConstant() || t.info.GetNumElements() != 1)
    {
        Fail(std::string(what) + " (" + Describe(t) + ") must be a constant scalar");
    }
    const float scale = t.info.GetQuantizationScale();
    const int32_t offset = t.info.GetQuantizationOffset();
    switch (t.info.GetDataType())
    {
        case DataType::Float32: { float v; std::memcpy(&v, t.data, 4); return v; }
        case DataType::Signed32: { int32_t v; std::memcpy(&v, t.data, 4); return static_cast<float>(v); }
        case DataType::Signed64: { int64_t v; std::memcpy(&v, t.data, 8); return static_cast<float>(v); }
        case DataType::QAsymmU8: return scale * static_cast<float>(static_cast<int32_t>(t.data[0]) - offset);
        case DataType::QAsymmS8:
        case DataType::QSymmS8:
            return scale * static_cast<float>(static_cast<int32_t>(static_cast<int8_t>(t.data[0])) - offset);
        case DataType::Boolean: return t.data[0] ? 1.0f : 0.0f;
        default: Fail(std::string(what) + " (" + Describe(t) + ") has an unsupported data type");
    }
}

unsigned int ResolveAxis(int64_t axis, unsigned int rank, const char* what)
{
    const int64_t r = static_cast<int64_t>(rank);
    if (axis < -r || axis >= r)
    {
        Fail(std::string(what) + " " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
    }
    return static_cast<unsigned int>(axis < 0 ? axis + r : axis);
}

uint32_t Positive(int32_t v, const char* what)
{
    if (v <= 0)
    {
        Fail(std::string(what) + " must be positive, got " + std::to_string(v));
    }
    return static_cast<uint32_t>(v);
}

/// TensorFlow's SAME padding: the output is ceil(in / stride) and the padding is split with the extra row or
/// column after. VALID: no padding.
void ComputePadding(Padding padding, uint32_t inSize, uint32_t filter, uint32_t stride, uint32_t dilation,
                    uint32_t& before, uint32_t& after)
{
    before = after = 0;
    if (padding == Padding::Valid)
    {
        return;
    }
    const uint64_t effective = (static_cast<uint64_t>(filter) - 1) * dilation + 1;
    const uint64_t out = (static_cast<uint64_t>(inSize) + stride - 1) / stride;
    const int64_t needed = static_cast<int64_t>((out > 0 ? out - 1 : 0) * stride + effective) -
                           static_cast<int64_t>(inSize);
    const uint64_t total = needed > 0 ? static_cast<uint64_t>(needed) : 0;
    before = static_cast<uint32_t>(total / 2);
    after = static_cast<uint32_t>(total - total / 2);
}

void RequireRank(const TensorView& t, unsigned int rank, const char* what)
{
    if (t.info.GetNumDimensions() != rank)
    {
        Fail(std::string(what) + " (" + Describe(t) + ") must have rank " + std::to_string(rank) + ", has " +
             std::to_string(t.info.GetNumDimensions()));
    }
}

/// Sets output `i` to `slot`, through an Activation layer for the operator's fused activation.
void FinishWithActivation(const OperatorView& op, IGraphBuilder& b, IOutputSlot& slot, size_t i = 0)
{
    ActivationDescriptor desc;
    switch (op.options.activation)
    {
        case FusedActivation::None: b.SetOutput(i, slot); return;
        case FusedActivation::Relu: desc = ActivationDescriptor(ActivationFunction::ReLu); break;
        case FusedActivation::Relu6: desc = ActivationDescriptor(ActivationFunction::BoundedReLu, 6.0f, 0.0f); break;
        case FusedActivation::ReluN1To1:
            desc = ActivationDescriptor(ActivationFunction::BoundedReLu, 1.0f, -1.0f);
            break;
        case FusedActivation::Tanh: desc = ActivationDescriptor(ActivationFunction::TanH, 1.0f, 1.0f); break;
        case FusedActivation::SignBit: Fail("fused activation SIGN_BIT is not supported");
    }
    slot.SetTensorInfo(op.outputs[i].info);
    IConnectableLayer* act = b.Network().AddActivationLayer(desc, op.LayerName("activation").c_str());
    slot.Connect(act->GetInputSlot(0));
    b.SetOutput(i, act->GetOutputSlot(0));
}

void ConnectInputs(const OperatorView& op, IGraphBuilder& b, IConnectableLayer* layer,
                   std::initializer_list<size_t> inputs)
{
    unsigned int slot = 0;
    for (size_t i : inputs)
    {
        b.Input(i).Connect(layer->GetInputSlot(slot++));
    }
}

// ---- Convolutions and fully connected ----

/// CONV_2D and DEPTHWISE_CONV_2D: the same options, padding and inputs; only the descriptor and layer differ.
template <typename Descriptor>
void ConvertConvolution(const OperatorView& op, IGraphBuilder& b,
                        IConnectableLayer* (INetwork::*addLayer)(const Descriptor&, const char*))
{
    const TensorView& input = In(op, 0);
    const TensorView& weights = In(op, 1);
    RequireRank(input, 4, "input");
    RequireRank(weights, 4, "weights");
    Descriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = Positive(op.options.strideW, "stride_w");
    desc.m_StrideY = Positive(op.options.strideH, "stride_h");
    desc.m_DilationX = Positive(op.options.dilationW, "dilation_w_factor");
    desc.m_DilationY = Positive(op.options.dilationH, "dilation_h_factor");
    desc.m_BiasEnabled = HasInput(op, 2);
    const TensorShape& in = input.info.GetShape();
    const TensorShape& w = weights.info.GetShape();
    ComputePadding(op.options.padding, in[1], w[1], desc.m_StrideY, desc.m_DilationY, desc.m_PadTop, desc.m_PadBottom);
    ComputePadding(op.options.padding, in[2], w[2], desc.m_StrideX, desc.m_DilationX, desc.m_PadLeft, desc.m_PadRight);
    IConnectableLayer* layer = (b.Network().*addLayer)(desc, op.LayerName().c_str());
    if (desc.m_BiasEnabled)
    {
        ConnectInputs(op, b, layer, {0, 1, 2});
    }
    else
    {
        ConnectInputs(op, b, layer, {0, 1});
    }
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

void ConvertConv2d(const OperatorView& op, IGraphBuilder& b)
{
    ConvertConvolution<Convolution2dDescriptor>(op, b, &INetwork::AddConvolution2dLayer);
}

void ConvertDepthwiseConv2d(const OperatorView& op, IGraphBuilder& b)
{
    ConvertConvolution<DepthwiseConvolution2dDescriptor>(op, b, &INetwork::AddDepthwiseConvolution2dLayer);
}

/// CONV_3D: NDHWC input, weights [D, H, W, I, O] (TensorFlow Lite's layout, which Convolution3d takes as it is),
/// optional bias.
void ConvertConv3d(const OperatorView& op, IGraphBuilder& b)
{
    const TensorView& input = In(op, 0);
    const TensorView& weights = In(op, 1);
    RequireRank(input, 5, "input");
    RequireRank(weights, 5, "weights");
    Convolution3dDescriptor desc;
    desc.m_DataLayout = DataLayout::NDHWC;
    desc.m_StrideX = Positive(op.options.strideW, "stride_w");
    desc.m_StrideY = Positive(op.options.strideH, "stride_h");
    desc.m_StrideZ = Positive(op.options.strideD, "stride_d");
    desc.m_DilationX = Positive(op.options.dilationW, "dilation_w_factor");
    desc.m_DilationY = Positive(op.options.dilationH, "dilation_h_factor");
    desc.m_DilationZ = Positive(op.options.dilationD, "dilation_d_factor");
    desc.m_BiasEnabled = HasInput(op, 2);
    const TensorShape& in = input.info.GetShape();
    const TensorShape& w = weights.info.GetShape();
    ComputePadding(op.options.padding, in[1], w[0], desc.m_StrideZ, desc.m_DilationZ, desc.m_PadFront, desc.m_PadBack);
    ComputePadding(op.options.padding, in[2], w[1], desc.m_StrideY, desc.m_DilationY, desc.m_PadTop, desc.m_PadBottom);
    ComputePadding(op.options.padding, in[3], w[2], desc.m_StrideX, desc.m_DilationX, desc.m_PadLeft, desc.m_PadRight);
    IConnectableLayer* layer = b.Network().AddConvolution3dLayer(desc, op.LayerName().c_str());
    if (desc.m_BiasEnabled)
    {
        ConnectInputs(op, b, layer, {0, 1, 2});
    }
    else
    {
        ConnectInputs(op, b, layer, {0, 1});
    }
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

/// A TransposeConvolution2d layer with constant weights [O, H, W, I] (input `weightsIndex`), the data input
/// `inputIndex`, an optional constant bias (`biasIndex`, -1: none) and the output shape `outShape` (NHWC).
void AddTransposeConv(const OperatorView& op, IGraphBuilder& b, const std::vector<int64_t>& outShape,
                      size_t weightsIndex, size_t inputIndex, int biasIndex, Padding padding, int32_t strideW,
                      int32_t strideH)
{
    const TensorView& weights = In(op, weightsIndex);
    const TensorView& input = In(op, inputIndex);
    RequireRank(input, 4, "input");
    RequireRank(weights, 4, "weights");
    if (!weights.IsConstant())
    {
        Fail("weights (" + Describe(weights) + ") must be constant");
    }
    if (outShape.size() != 4)
    {
        Fail("output shape must have 4 elements");
    }
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = Positive(strideW, "stride_w");
    desc.m_StrideY = Positive(strideH, "stride_h");
    desc.m_BiasEnabled = biasIndex >= 0 && HasInput(op, static_cast<size_t>(biasIndex));
    desc.m_OutputShapeEnabled = true;
    for (int64_t d : outShape)
    {
        if (d <= 0 || d > std::numeric_limits<int32_t>::max())
        {
            Fail("output shape has an invalid dimension " + std::to_string(d));
        }
        desc.m_OutputShape.push_back(static_cast<unsigned int>(d));
    }
    // The padding of the convolution whose gradient this is: SAME padding computed from the output size.
    const TensorShape& w = weights.info.GetShape();
    ComputePadding(padding, desc.m_OutputShape[1], w[1], desc.m_StrideY, 1, desc.m_PadTop, desc.m_PadBottom);
    ComputePadding(padding, desc.m_OutputShape[2], w[2], desc.m_StrideX, 1, desc.m_PadLeft, desc.m_PadRight);
    ConstTensor weightsTensor(weights.info, weights.data);
    Optional<ConstTensor> bias;
    if (desc.m_BiasEnabled)
    {
        const TensorView& biasView = In(op, static_cast<size_t>(biasIndex));
        if (!biasView.IsConstant())
        {
            Fail("bias (" + Describe(biasView) + ") must be constant");
        }
        bias = ConstTensor(biasView.info, biasView.data);
    }
    IConnectableLayer* layer =
        b.Network().AddTransposeConvolution2dLayer(desc, weightsTensor, bias, op.LayerName().c_str());
    b.Input(inputIndex).Connect(layer->GetInputSlot(0));
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

void ConvertTransposeConv(const OperatorView& op, IGraphBuilder& b)
{
    // Inputs: output shape, weights [O, H, W, I], input, optional bias.
    AddTransposeConv(op, b, ReadInts(op, 0, "output shape"), 1, 2, 3, op.options.padding, op.options.strideW,
                     op.options.strideH);
}

void ConvertTransposeConvBias(const OperatorView& op, IGraphBuilder& b)
{
    // MediaPipe's custom Convolution2DTransposeBias: inputs input, weights [O, H, W, I], bias; the options are
    // TfLiteTransposeConvParams copied as raw bytes (int32 padding: 1 SAME, 2 VALID; int32 stride_w, stride_h);
    // the output shape is the output tensor's.
    const std::vector<uint8_t>& raw = op.options.customOptions;
    if (raw.size() < 3 * sizeof(int32_t))
    {
        Fail("custom options must hold padding, stride_w and stride_h (12 bytes), not " +
             std::to_string(raw.size()) + " bytes");
    }
    int32_t params[3];
    std::memcpy(params, raw.data(), sizeof(params));
    Padding padding;
    switch (params[0])
    {
        case 1: padding = Padding::Same; break;
        case 2: padding = Padding::Valid; break;
        default: Fail("unknown padding " + std::to_string(params[0]) + " (1 SAME, 2 VALID)");
    }
    const TensorShape& outShape = op.outputs.at(0).info.GetShape();
    if (outShape.GetNumDimensions() != 4)
    {
        Fail("output must have rank 4");
    }
    std::vector<int64_t> shape;
    for (unsigned int d = 0; d < 4; ++d)
    {
        shape.push_back(outShape[d]);
    }
    AddTransposeConv(op, b, shape, 1, 0, 2, padding, params[1], params[2]);
}

void ConvertFullyConnected(const OperatorView& op, IGraphBuilder& b)
{
    const TensorView& input = In(op, 0);
    const TensorView& weights = In(op, 1);
    RequireRank(weights, 2, "weights");
    const unsigned int inputSize = weights.info.GetShape()[1];
    const unsigned int outputSize = weights.info.GetShape()[0];
    const unsigned int numElements = input.info.GetNumElements();
    if (inputSize == 0 || numElements % inputSize != 0)
    {
        Fail("input (" + Describe(input) + ") has " + std::to_string(numElements) +
             " elements, not a multiple of the weights' input size " + std::to_string(inputSize));
    }
    const unsigned int batch = numElements / inputSize;

    IOutputSlot* in = &b.Input(0);
    if (input.info.GetNumDimensions() != 2 || input.info.GetShape()[0] != batch)
    {
        TensorInfo flat = input.info;
        flat.SetShape(TensorShape({batch, inputSize}));
        flat.SetConstant(false);
        IConnectableLayer* reshape =
            b.Network().AddReshapeLayer(ReshapeDescriptor(flat.GetShape()), op.LayerName("flatten").c_str());
        in->Connect(reshape->GetInputSlot(0));
        reshape->GetOutputSlot(0).SetTensorInfo(flat);
        in = &reshape->GetOutputSlot(0);
    }

    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = HasInput(op, 2);
    desc.m_TransposeWeightMatrix = true;
    desc.m_ConstantWeights = weights.IsConstant() && (!desc.m_BiasEnabled || In(op, 2).IsConstant());
    IConnectableLayer* layer = b.Network().AddFullyConnectedLayer(desc, op.LayerName().c_str());
    in->Connect(layer->GetInputSlot(0));
    b.Input(1).Connect(layer->GetInputSlot(1));
    if (desc.m_BiasEnabled)
    {
        b.Input(2).Connect(layer->GetInputSlot(2));
    }

    const TensorInfo& outInfo = op.outputs[0].info;
    if (outInfo.GetNumElements() != batch * outputSize)
    {
        Fail("output (" + Describe(op.outputs[0]) + ") must have " + std::to_string(batch * outputSize) +
             " elements");
    }
    if (outInfo.GetNumDimensions() == 2 && outInfo.GetShape()[0] == batch)
    {
        FinishWithActivation(op, b, layer->GetOutputSlot(0));
        return;
    }
    // keep_num_dims: the output keeps the input's leading dimensions.
    TensorInfo flatOut = outInfo;
    flatOut.SetShape(TensorShape({batch, outputSize}));
    layer->GetOutputSlot(0).SetTensorInfo(flatOut);
    IOutputSlot* last = &layer->GetOutputSlot(0);
    if (op.options.activation != FusedActivation::None)
    {
        OperatorView flatOp = op;
        flatOp.outputs[0].info = flatOut;
        struct Capture : IGraphBuilder
        {
            IGraphBuilder& inner;
            IOutputSlot* out = nullptr;
            explicit Capture(IGraphBuilder& i) : inner(i) {}
            INetwork& Network() override { return inner.Network(); }
            IOutputSlot& Input(size_t i) override { return inner.Input(i); }
            void SetOutput(size_t, IOutputSlot& slot) override { out = &slot; }
        } capture(b);
        FinishWithActivation(flatOp, capture, *last);
        last = capture.out;
        last->SetTensorInfo(flatOut);
    }
    IConnectableLayer* reshape =
        b.Network().AddReshapeLayer(ReshapeDescriptor(outInfo.GetShape()), op.LayerName("reshape").c_str());
    last->Connect(reshape->GetInputSlot(0));
    b.SetOutput(0, reshape->GetOutputSlot(0));
}

void ConvertBatchMatMul(const OperatorView& op, IGraphBuilder& b)
{
    BatchMatMulDescriptor desc(op.options.adjX, op.options.adjY);
    IConnectableLayer* layer = b.Network().AddBatchMatMulLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

// ---- Pooling ----

template <PoolingAlgorithm Algorithm>
void ConvertPool2d(const OperatorView& op, IGraphBuilder& b)
{
    const TensorView& input = In(op, 0);
    RequireRank(input, 4, "input");
    Pooling2dDescriptor desc;
    desc.m_PoolType = Algorithm;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = Positive(op.options.strideW, "stride_w");
    desc.m_StrideY = Positive(op.options.strideH, "stride_h");
    desc.m_PoolWidth = Positive(op.options.filterW, "filter_width");
    desc.m_PoolHeight = Positive(op.options.filterH, "filter_height");
    desc.m_PaddingMethod = PaddingMethod::Exclude; // TFLite averages over the valid elements only
    desc.m_OutputShapeRounding = OutputShapeRounding::Floor;
    const TensorShape& in = input.info.GetShape();
    ComputePadding(op.options.padding, in[1], desc.m_PoolHeight, desc.m_StrideY, 1, desc.m_PadTop, desc.m_PadBottom);
    ComputePadding(op.options.padding, in[2], desc.m_PoolWidth, desc.m_StrideX, 1, desc.m_PadLeft, desc.m_PadRight);
    IConnectableLayer* layer = b.Network().AddPooling2dLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

// ---- Element-wise ----

template <BinaryOperation Operation>
void ConvertBinary(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer =
        b.Network().AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(Operation), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

template <UnaryOperation Operation>
void ConvertUnary(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer =
        b.Network().AddElementwiseUnaryLayer(ElementwiseUnaryDescriptor(Operation), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

template <ComparisonOperation Operation>
void ConvertComparison(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer =
        b.Network().AddComparisonLayer(ComparisonDescriptor(Operation), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

template <LogicalBinaryOperation Operation>
void ConvertLogical(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer =
        b.Network().AddLogicalBinaryLayer(LogicalBinaryDescriptor(Operation), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertFloor(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer = b.Network().AddFloorLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertSquare(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer = b.Network().AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Mul),
                                                                     op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void AddActivation(const OperatorView& op, IGraphBuilder& b, const ActivationDescriptor& desc)
{
    IConnectableLayer* layer = b.Network().AddActivationLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

template <ActivationFunction Function, int A100 = 0, int B100 = 0>
void ConvertActivation(const OperatorView& op, IGraphBuilder& b)
{
    AddActivation(op, b, ActivationDescriptor(Function, A100 / 100.0f, B100 / 100.0f));
}

void ConvertLeakyRelu(const OperatorView& op, IGraphBuilder& b)
{
    AddActivation(op, b, ActivationDescriptor(ActivationFunction::LeakyReLu, op.options.alpha));
}

void ConvertGelu(const OperatorView& op, IGraphBuilder& b)
{
    if (op.options.approximate)
    {
        Fail("GELU with approximate = true (the tanh approximation) is not supported; the Gelu layer is exact");
    }
    AddActivation(op, b, ActivationDescriptor(ActivationFunction::Gelu));
}

void ConvertPrelu(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer = b.Network().AddPreluLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertSoftmax(const OperatorView& op, IGraphBuilder& b)
{
    SoftmaxDescriptor desc;
    desc.m_Beta = op.options.beta;
    IConnectableLayer* layer = b.Network().AddSoftmaxLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertLogSoftmax(const OperatorView& op, IGraphBuilder& b)
{
    LogSoftmaxDescriptor desc;
    desc.m_Beta = 1.0f;
    IConnectableLayer* layer = b.Network().AddLogSoftmaxLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertL2Normalization(const OperatorView& op, IGraphBuilder& b)
{
    L2NormalizationDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* layer = b.Network().AddL2NormalizationLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

void ConvertLrn(const OperatorView& op, IGraphBuilder& b)
{
    RequireRank(In(op, 0), 4, "input");
    NormalizationDescriptor desc;
    desc.m_NormChannelType = NormalizationAlgorithmChannel::Across;
    desc.m_NormMethodType = NormalizationAlgorithmMethod::LocalBrightness;
    desc.m_NormSize = 2 * static_cast<uint32_t>(std::max(op.options.radius, 0)) + 1;
    desc.m_Alpha = op.options.alpha; // per element, as TFLite: the kernel does not divide by the window size
    desc.m_Beta = op.options.beta;
    desc.m_K = op.options.bias;
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* layer = b.Network().AddNormalizationLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

// ---- Quantization and types ----

uint16_t LoadU16(const uint8_t* p)
{
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
}

float HalfToFloat(uint16_t h)
{
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    float magnitude;
    if (exponent == 0)
    {
        magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    }
    else if (exponent == 31)
    {
        magnitude = mantissa ? std::numeric_limits<float>::quiet_NaN() : std::numeric_limits<float>::infinity();
    }
    else
    {
        magnitude = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
    }
    return sign ? -magnitude : magnitude;
}

void ConvertDequantize(const OperatorView& op, IGraphBuilder& b)
{
    const TensorView& input = In(op, 0);
    if (input.IsConstant() && input.info.GetDataType() == DataType::Float16)
    {
        // fp16 weights: convert once here, so the network sees fp32 constants.
        const unsigned int n = input.info.GetNumElements();
        std::vector<float> values(n);
        for (unsigned int i = 0; i < n; ++i)
        {
            values[i] = HalfToFloat(LoadU16(input.data + 2 * i));
        }
        TensorInfo info = op.outputs[0].info;
        if (info.GetDataType() != DataType::Float32 || info.GetNumElements() != n)
        {
            Fail("output (" + Describe(op.outputs[0]) + ") must be FLOAT32 with the input's shape");
        }
        info.SetConstant(true);
        IConnectableLayer* layer =
            b.Network().AddConstantLayer(ConstTensor(info, values.data()), op.LayerName().c_str());
        b.SetOutput(0, layer->GetOutputSlot(0));
        // Operators that need constant weights (TRANSPOSE_CONV, ...) then see fp16 weights as constants too.
        std::vector<uint8_t> bytes(values.size() * sizeof(float));
        std::memcpy(bytes.data(), values.data(), bytes.size());
        b.SetConstantOutputData(0, std::move(bytes));
        return;
    }
    if (input.info.GetDataType() == DataType::Float16)
    {
        IConnectableLayer* layer = b.Network().AddCastLayer(op.LayerName().c_str());
        ConnectInputs(op, b, layer, {0});
        b.SetOutput(0, layer->GetOutputSlot(0));
        return;
    }
    IConnectableLayer* layer = b.Network().AddDequantizeLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertDensify(const OperatorView& op, IGraphBuilder& b)
{
    // The loader already expanded the sparse constant (LoadedModel::Densify): the output is that constant.
    const TensorView& input = In(op, 0);
    if (!input.IsConstant())
    {
        Fail("input (" + Describe(input) + ") must be a sparse constant");
    }
    TensorInfo info = op.outputs[0].info;
    if (info.GetDataType() != input.info.GetDataType() || info.GetNumBytes() != input.info.GetNumBytes())
    {
        Fail("output (" + Describe(op.outputs[0]) + ") must have the input's type and size");
    }
    info.SetConstant(true);
    IConnectableLayer* layer = b.Network().AddConstantLayer(ConstTensor(info, input.data), op.LayerName().c_str());
    b.SetOutput(0, layer->GetOutputSlot(0));
    b.SetConstantOutputData(0, std::vector<uint8_t>(input.data, input.data + info.GetNumBytes()));
}

void ConvertQuantize(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer = b.Network().AddQuantizeLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertCast(const OperatorView& op, IGraphBuilder& b)
{
    IConnectableLayer* layer = b.Network().AddCastLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

// ---- Shape manipulation ----

void AddReshape(const OperatorView& op, IGraphBuilder& b, const TensorShape& shape)
{
    const TensorView& input = In(op, 0);
    if (shape.GetNumElements() != input.info.GetNumElements())
    {
        Fail("cannot reshape " + Describe(input) + " (" + std::to_string(input.info.GetNumElements()) +
             " elements) to " + std::to_string(shape.GetNumElements()) + " elements");
    }
    if (op.outputs[0].info.GetShape() != shape)
    {
        Fail("output (" + Describe(op.outputs[0]) + ") does not have the shape the operator computes");
    }
    IConnectableLayer* layer = b.Network().AddReshapeLayer(ReshapeDescriptor(shape), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

TensorShape MakeShape(const std::vector<unsigned int>& dims)
{
    if (dims.empty())
    {
        return TensorShape(Dimensionality::Scalar);
    }
    if (dims.size() > MaxNumOfTensorDimensions)
    {
        Fail("rank " + std::to_string(dims.size()) + " exceeds the maximum of 5");
    }
    return TensorShape(static_cast<unsigned int>(dims.size()), dims.data());
}

void ConvertReshape(const OperatorView& op, IGraphBuilder& b)
{
    std::vector<int64_t> target;
    if (HasInput(op, 1) && In(op, 1).IsConstant())
    {
        target = ReadInts(op, 1, "shape");
    }
    else if (op.options.hasNewShape)
    {
        target.assign(op.options.newShape.begin(), op.options.newShape.end());
    }
    else
    {
        AddReshape(op, b, op.outputs[0].info.GetShape());
        return;
    }
    const uint64_t numElements = In(op, 0).info.GetNumElements();
    uint64_t known = 1;
    int inferred = -1;
    for (size_t i = 0; i < target.size(); ++i)
    {
        if (target[i] == -1)
        {
            if (inferred >= 0)
            {
                Fail("the new shape has more than one -1 dimension");
            }
            inferred = static_cast<int>(i);
        }
        else if (target[i] < 0 || target[i] > std::numeric_limits<int32_t>::max())
        {
            Fail("the new shape has an invalid dimension " + std::to_string(target[i]));
        }
        else
        {
            known *= static_cast<uint64_t>(target[i]);
            if (known > numElements && numElements != 0)
            {
                Fail("the new shape has more elements than the input");
            }
        }
    }
    std::vector<unsigned int> dims(target.size());
    for (size_t i = 0; i < target.size(); ++i)
    {
        dims[i] = static_cast<unsigned int>(target[i]);
    }
    if (inferred >= 0)
    {
        if (known == 0 || numElements % known != 0)
        {
            Fail("the -1 dimension of the new shape cannot be inferred");
        }
        dims[static_cast<size_t>(inferred)] = static_cast<unsigned int>(numElements / known);
    }
    AddReshape(op, b, MakeShape(dims));
}

void ConvertSqueeze(const OperatorView& op, IGraphBuilder& b)
{
    const TensorShape& in = In(op, 0).info.GetShape();
    const unsigned int rank = in.GetNumDimensions();
    std::vector<bool> squeeze(rank, false);
    if (op.options.squeezeDims.empty())
    {
        for (unsigned int d = 0; d < rank; ++d)
        {
            squeeze[d] = in[d] == 1;
        }
    }
    for (int32_t axis : op.options.squeezeDims)
    {
        const unsigned int d = ResolveAxis(axis, rank, "squeeze dimension");
        if (in[d] != 1)
        {
            Fail("squeeze dimension " + std::to_string(axis) + " has size " + std::to_string(in[d]) + ", not 1");
        }
        squeeze[d] = true;
    }
    std::vector<unsigned int> dims;
    for (unsigned int d = 0; d < rank; ++d)
    {
        if (!squeeze[d])
        {
            dims.push_back(in[d]);
        }
    }
    AddReshape(op, b, MakeShape(dims));
}

void ConvertExpandDims(const OperatorView& op, IGraphBuilder& b)
{
    const TensorShape& in = In(op, 0).info.GetShape();
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    const std::vector<int64_t> axes = ReadInts(op, 1, "axis");
    if (axes.size() != 1)
    {
        Fail("axis must have one element");
    }
    const unsigned int axis = ResolveAxis(axes[0], rank + 1, "axis");
    std::vector<unsigned int> dims;
    for (unsigned int d = 0; d < rank; ++d)
    {
        dims.push_back(in[d]);
    }
    dims.insert(dims.begin() + axis, 1u);
    AddReshape(op, b, MakeShape(dims));
}

void ConvertTranspose(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    const std::vector<int64_t> perm = ReadInts(op, 1, "permutation");
    if (perm.size() != rank)
    {
        Fail("permutation has " + std::to_string(perm.size()) + " elements for an input of rank " +
             std::to_string(rank));
    }
    std::vector<unsigned int> mapping;
    std::vector<bool> seen(rank, false);
    for (int64_t p : perm)
    {
        const unsigned int d = ResolveAxis(p, rank, "permutation entry");
        if (seen[d])
        {
            Fail("permutation repeats dimension " + std::to_string(d));
        }
        seen[d] = true;
        mapping.push_back(d);
    }
    TransposeDescriptor desc(PermutationVector(mapping.data(), rank));
    IConnectableLayer* layer = b.Network().AddTransposeLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertConcatenation(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    const unsigned int axis = ResolveAxis(op.options.axis, rank, "axis");
    std::vector<TensorShape> shapes;
    for (size_t i = 0; i < op.inputs.size(); ++i)
    {
        shapes.push_back(In(op, i).info.GetShape());
    }
    if (shapes.size() == 1)
    {
        shapes.push_back(shapes[0]); // validated below by the descriptor builder; one input is a copy
    }
    OriginsDescriptor desc;
    try
    {
        if (op.inputs.size() == 1)
        {
            desc = OriginsDescriptor(1, rank);
            desc.SetConcatAxis(axis);
        }
        else
        {
            desc = CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), axis);
        }
    }
    catch (const InvalidArgumentException& e)
    {
        Fail(std::string("inputs cannot be concatenated: ") + e.what());
    }
    IConnectableLayer* layer = b.Network().AddConcatLayer(desc, op.LayerName().c_str());
    for (size_t i = 0; i < op.inputs.size(); ++i)
    {
        b.Input(i).Connect(layer->GetInputSlot(static_cast<unsigned int>(i)));
    }
    FinishWithActivation(op, b, layer->GetOutputSlot(0));
}

std::vector<uint32_t> ReadAxes(const OperatorView& op, size_t i, unsigned int rank)
{
    std::vector<uint32_t> axes;
    for (int64_t a : ReadInts(op, i, "axes"))
    {
        const uint32_t d = ResolveAxis(a, rank, "axis");
        if (std::find(axes.begin(), axes.end(), d) == axes.end())
        {
            axes.push_back(d);
        }
    }
    std::sort(axes.begin(), axes.end());
    return axes;
}

void ConvertMean(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    MeanDescriptor desc(ReadAxes(op, 1, rank), op.options.keepDims);
    IConnectableLayer* layer = b.Network().AddMeanLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

template <ReduceOperation Operation>
void ConvertReduce(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    ReduceDescriptor desc;
    desc.m_vAxis = ReadAxes(op, 1, rank);
    desc.m_KeepDims = op.options.keepDims;
    desc.m_ReduceOperation = Operation;
    IConnectableLayer* layer = b.Network().AddReduceLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

std::vector<std::pair<unsigned int, unsigned int>> ReadPairs(const OperatorView& op, size_t i, unsigned int rows,
                                                             const char* what)
{
    const std::vector<int64_t> v = ReadInts(op, i, what);
    if (v.size() != 2 * static_cast<size_t>(rows))
    {
        Fail(std::string(what) + " must have shape [" + std::to_string(rows) + ", 2]");
    }
    std::vector<std::pair<unsigned int, unsigned int>> pairs;
    for (unsigned int r = 0; r < rows; ++r)
    {
        if (v[2 * r] < 0 || v[2 * r + 1] < 0 || v[2 * r] > std::numeric_limits<int32_t>::max() ||
            v[2 * r + 1] > std::numeric_limits<int32_t>::max())
        {
            Fail(std::string(what) + " must be non-negative");
        }
        pairs.emplace_back(static_cast<unsigned int>(v[2 * r]), static_cast<unsigned int>(v[2 * r + 1]));
    }
    return pairs;
}

void AddPad(const OperatorView& op, IGraphBuilder& b, float value, PaddingMode mode)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    PadDescriptor desc(ReadPairs(op, 1, rank, "paddings"), value, mode);
    IConnectableLayer* layer = b.Network().AddPadLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertPad(const OperatorView& op, IGraphBuilder& b)
{
    // TFLite pads quantized tensors with the zero point, i.e. the real value 0.
    AddPad(op, b, 0.0f, PaddingMode::Constant);
}

void ConvertPadV2(const OperatorView& op, IGraphBuilder& b)
{
    AddPad(op, b, HasInput(op, 2) ? ReadScalar(op, 2, "constant value") : 0.0f, PaddingMode::Constant);
}

void ConvertMirrorPad(const OperatorView& op, IGraphBuilder& b)
{
    AddPad(op, b, 0.0f,
           op.options.mirrorMode == MirrorPadMode::Reflect ? PaddingMode::Reflect : PaddingMode::Symmetric);
}

void ConvertResize(const OperatorView& op, IGraphBuilder& b, ResizeMethod method)
{
    RequireRank(In(op, 0), 4, "input");
    const std::vector<int64_t> size = ReadInts(op, 1, "size");
    if (size.size() != 2 || size[0] <= 0 || size[1] <= 0 || size[0] > std::numeric_limits<int32_t>::max() ||
        size[1] > std::numeric_limits<int32_t>::max())
    {
        Fail("size must hold two positive values (height, width)");
    }
    ResizeDescriptor desc;
    desc.m_Method = method;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_TargetHeight = static_cast<uint32_t>(size[0]);
    desc.m_TargetWidth = static_cast<uint32_t>(size[1]);
    desc.m_AlignCorners = op.options.alignCorners;
    desc.m_HalfPixelCenters = op.options.halfPixelCenters;
    IConnectableLayer* layer = b.Network().AddResizeLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertResizeBilinear(const OperatorView& op, IGraphBuilder& b)
{
    ConvertResize(op, b, ResizeMethod::Bilinear);
}

void ConvertResizeNearest(const OperatorView& op, IGraphBuilder& b)
{
    ConvertResize(op, b, ResizeMethod::NearestNeighbor);
}

void ConvertSpaceToDepth(const OperatorView& op, IGraphBuilder& b)
{
    SpaceToDepthDescriptor desc(Positive(op.options.blockSize, "block_size"), DataLayout::NHWC);
    IConnectableLayer* layer = b.Network().AddSpaceToDepthLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertDepthToSpace(const OperatorView& op, IGraphBuilder& b)
{
    DepthToSpaceDescriptor desc(Positive(op.options.blockSize, "block_size"), DataLayout::NHWC);
    IConnectableLayer* layer = b.Network().AddDepthToSpaceLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

std::vector<int> ToInts(const std::vector<int64_t>& v, const char* what)
{
    std::vector<int> out;
    for (int64_t x : v)
    {
        if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())
        {
            Fail(std::string(what) + " value " + std::to_string(x) + " is out of range");
        }
        out.push_back(static_cast<int>(x));
    }
    return out;
}

void ConvertStridedSlice(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    StridedSliceDescriptor desc(ToInts(ReadInts(op, 1, "begin"), "begin"), ToInts(ReadInts(op, 2, "end"), "end"),
                                ToInts(ReadInts(op, 3, "strides"), "strides"));
    if (desc.m_Begin.size() != rank || desc.m_End.size() != rank || desc.m_Stride.size() != rank)
    {
        Fail("begin, end and strides must each have one value per input dimension (" + std::to_string(rank) + ")");
    }
    for (int s : desc.m_Stride)
    {
        if (s == 0)
        {
            Fail("strides must not be 0");
        }
    }
    desc.m_BeginMask = op.options.beginMask;
    desc.m_EndMask = op.options.endMask;
    desc.m_EllipsisMask = op.options.ellipsisMask;
    desc.m_NewAxisMask = op.options.newAxisMask;
    desc.m_ShrinkAxisMask = op.options.shrinkAxisMask;
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* layer = b.Network().AddStridedSliceLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertSlice(const OperatorView& op, IGraphBuilder& b)
{
    const TensorShape& in = In(op, 0).info.GetShape();
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    const std::vector<int64_t> begin = ReadInts(op, 1, "begin");
    const std::vector<int64_t> size = ReadInts(op, 2, "size");
    if (begin.size() != rank || size.size() != rank)
    {
        Fail("begin and size must each have one value per input dimension (" + std::to_string(rank) + ")");
    }
    SliceDescriptor desc;
    for (unsigned int d = 0; d < rank; ++d)
    {
        if (begin[d] < 0 || begin[d] > in[d])
        {
            Fail("begin[" + std::to_string(d) + "] = " + std::to_string(begin[d]) + " is out of range");
        }
        const int64_t s = size[d] == -1 ? in[d] - begin[d] : size[d];
        if (s < 0 || begin[d] + s > in[d])
        {
            Fail("size[" + std::to_string(d) + "] = " + std::to_string(size[d]) + " is out of range");
        }
        desc.m_Begin.push_back(static_cast<unsigned int>(begin[d]));
        desc.m_Size.push_back(static_cast<unsigned int>(s));
    }
    IConnectableLayer* layer = b.Network().AddSliceLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertGather(const OperatorView& op, IGraphBuilder& b)
{
    const unsigned int rank = In(op, 0).info.GetNumDimensions();
    const unsigned int axis = ResolveAxis(op.options.axis, rank, "axis");
    IConnectableLayer* layer =
        b.Network().AddGatherLayer(GatherDescriptor(static_cast<int32_t>(axis)), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void RequireIndexType(const TensorView& t, const char* what)
{
    if (t.info.GetDataType() != DataType::Signed32)
    {
        Fail(std::string(what) + " (" + Describe(t) + ") must be INT32, not " + GetDataTypeName(t.info.GetDataType()));
    }
}

void ConvertGatherNd(const OperatorView& op, IGraphBuilder& b)
{
    RequireIndexType(In(op, 1), "indices");
    IConnectableLayer* layer = b.Network().AddGatherNdLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertScatterNd(const OperatorView& op, IGraphBuilder& b)
{
    // TFLite's inputs are (indices, updates, shape); the layer's (shape, indices, updates). TFLite adds the updates
    // of repeated index rows into zeros, which is the layer's Add without an input tensor (Update would keep only
    // the last of them).
    RequireIndexType(In(op, 0), "indices");
    const TensorView& shape = In(op, 2);
    RequireIndexType(shape, "shape");
    if (!shape.IsConstant())
    {
        Fail("shape (" + Describe(shape) + ") must be a constant tensor");
    }
    IConnectableLayer* layer = b.Network().AddScatterNdLayer(ScatterNdDescriptor(ScatterNdFunction::Add, false),
                                                             op.LayerName().c_str());
    ConnectInputs(op, b, layer, {2, 0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertBroadcastTo(const OperatorView& op, IGraphBuilder& b)
{
    const std::vector<int64_t> dims = ReadInts(op, 1, "shape");
    if (dims.empty() || dims.size() > MaxNumOfTensorDimensions)
    {
        Fail("shape must have 1 to " + std::to_string(MaxNumOfTensorDimensions) + " elements, has " +
             std::to_string(dims.size()));
    }
    TensorShape shape(static_cast<unsigned int>(dims.size()));
    for (unsigned int d = 0; d < dims.size(); ++d)
    {
        if (dims[d] <= 0 || dims[d] > std::numeric_limits<int32_t>::max())
        {
            Fail("shape has an invalid dimension " + std::to_string(dims[d]));
        }
        shape[d] = static_cast<unsigned int>(dims[d]);
    }
    IConnectableLayer* layer =
        b.Network().AddBroadcastToLayer(BroadcastToDescriptor(shape), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertReverseV2(const OperatorView& op, IGraphBuilder& b)
{
    RequireIndexType(In(op, 1), "axis");
    IConnectableLayer* layer = b.Network().AddReverseV2Layer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

/// A Splitter cutting `inputIndex` along `axis` into pieces of the given sizes.
IConnectableLayer* AddSplitter(const OperatorView& op, IGraphBuilder& b, size_t inputIndex, unsigned int axis,
                               const std::vector<unsigned int>& sizes)
{
    const TensorShape& in = In(op, inputIndex).info.GetShape();
    const unsigned int rank = in.GetNumDimensions();
    ViewsDescriptor desc(static_cast<uint32_t>(sizes.size()), rank);
    unsigned int origin = 0;
    for (uint32_t v = 0; v < sizes.size(); ++v)
    {
        for (unsigned int d = 0; d < rank; ++d)
        {
            desc.SetViewOriginCoord(v, d, d == axis ? origin : 0);
            desc.SetViewSize(v, d, d == axis ? sizes[v] : in[d]);
        }
        origin += sizes[v];
    }
    desc.SetAxis(static_cast<int32_t>(axis));
    IConnectableLayer* layer = b.Network().AddSplitterLayer(desc, op.LayerName().c_str());
    b.Input(inputIndex).Connect(layer->GetInputSlot(0));
    return layer;
}

void ConvertSplit(const OperatorView& op, IGraphBuilder& b)
{
    // Inputs: axis, then the tensor to split.
    const TensorShape& in = In(op, 1).info.GetShape();
    const std::vector<int64_t> axisValues = ReadInts(op, 0, "axis");
    if (axisValues.size() != 1)
    {
        Fail("axis must have one element");
    }
    const unsigned int axis = ResolveAxis(axisValues[0], in.GetNumDimensions(), "axis");
    const uint32_t numSplits = Positive(op.options.numSplits, "num_splits");
    if (in[axis] % numSplits != 0 || op.outputs.size() != numSplits)
    {
        Fail("dimension " + std::to_string(axis) + " (" + std::to_string(in[axis]) + ") cannot be split into " +
             std::to_string(numSplits) + " equal parts with " + std::to_string(op.outputs.size()) + " outputs");
    }
    IConnectableLayer* layer =
        AddSplitter(op, b, 1, axis, std::vector<unsigned int>(numSplits, in[axis] / numSplits));
    for (uint32_t i = 0; i < numSplits; ++i)
    {
        b.SetOutput(i, layer->GetOutputSlot(i));
    }
}

void ConvertSplitV(const OperatorView& op, IGraphBuilder& b)
{
    const TensorShape& in = In(op, 0).info.GetShape();
    const std::vector<int64_t> sizes = ReadInts(op, 1, "size_splits");
    const std::vector<int64_t> axisValues = ReadInts(op, 2, "axis");
    if (axisValues.size() != 1)
    {
        Fail("axis must have one element");
    }
    const unsigned int axis = ResolveAxis(axisValues[0], in.GetNumDimensions(), "axis");
    if (sizes.size() != op.outputs.size())
    {
        Fail("size_splits has " + std::to_string(sizes.size()) + " values for " +
             std::to_string(op.outputs.size()) + " outputs");
    }
    int64_t known = 0;
    int inferred = -1;
    for (size_t i = 0; i < sizes.size(); ++i)
    {
        if (sizes[i] == -1 && inferred < 0)
        {
            inferred = static_cast<int>(i);
        }
        else if (sizes[i] < 0)
        {
            Fail("size_splits has an invalid value " + std::to_string(sizes[i]));
        }
        else
        {
            known += sizes[i];
        }
    }
    if (known > in[axis] || (inferred < 0 && known != in[axis]))
    {
        Fail("size_splits do not add up to dimension " + std::to_string(axis) + " (" + std::to_string(in[axis]) +
             ")");
    }
    std::vector<unsigned int> pieces;
    for (size_t i = 0; i < sizes.size(); ++i)
    {
        pieces.push_back(static_cast<int>(i) == inferred ? static_cast<unsigned int>(in[axis] - known)
                                                         : static_cast<unsigned int>(sizes[i]));
    }
    IConnectableLayer* layer = AddSplitter(op, b, 0, axis, pieces);
    for (uint32_t i = 0; i < pieces.size(); ++i)
    {
        b.SetOutput(i, layer->GetOutputSlot(i));
    }
}

void ConvertPack(const OperatorView& op, IGraphBuilder& b)
{
    const TensorShape& in = In(op, 0).info.GetShape();
    const unsigned int axis = ResolveAxis(op.options.axis, in.GetNumDimensions() + 1, "axis");
    StackDescriptor desc(axis, static_cast<uint32_t>(op.inputs.size()), in);
    IConnectableLayer* layer = b.Network().AddStackLayer(desc, op.LayerName().c_str());
    for (size_t i = 0; i < op.inputs.size(); ++i)
    {
        b.Input(i).Connect(layer->GetInputSlot(static_cast<unsigned int>(i)));
    }
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertUnpack(const OperatorView& op, IGraphBuilder& b)
{
    const TensorInfo& inInfo = In(op, 0).info;
    const TensorShape& in = inInfo.GetShape();
    const unsigned int rank = in.GetNumDimensions();
    const unsigned int axis = ResolveAxis(op.options.axis, rank, "axis");
    if (op.outputs.size() != in[axis])
    {
        Fail("dimension " + std::to_string(axis) + " has size " + std::to_string(in[axis]) + " but there are " +
             std::to_string(op.outputs.size()) + " outputs");
    }
    IConnectableLayer* splitter = AddSplitter(op, b, 0, axis, std::vector<unsigned int>(in[axis], 1u));
    for (unsigned int i = 0; i < in[axis]; ++i)
    {
        std::vector<unsigned int> sliceDims;
        for (unsigned int d = 0; d < rank; ++d)
        {
            sliceDims.push_back(d == axis ? 1u : in[d]);
        }
        TensorInfo slice = inInfo;
        slice.SetShape(MakeShape(sliceDims));
        slice.SetConstant(false);
        splitter->GetOutputSlot(i).SetTensorInfo(slice);
        IConnectableLayer* reshape = b.Network().AddReshapeLayer(
            ReshapeDescriptor(op.outputs[i].info.GetShape()),
            op.LayerName(("reshape" + std::to_string(i)).c_str()).c_str());
        splitter->GetOutputSlot(i).Connect(reshape->GetInputSlot(0));
        b.SetOutput(i, reshape->GetOutputSlot(0));
    }
}

void ConvertTile(const OperatorView& op, IGraphBuilder& b)
{
    std::vector<uint32_t> multiples;
    for (int64_t m : ReadInts(op, 1, "multiples"))
    {
        if (m <= 0 || m > std::numeric_limits<int32_t>::max())
        {
            Fail("multiples must be positive, got " + std::to_string(m));
        }
        multiples.push_back(static_cast<uint32_t>(m));
    }
    IConnectableLayer* layer = b.Network().AddTileLayer(TileDescriptor(multiples), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

template <ArgMinMaxFunction Function>
void ConvertArgMinMax(const OperatorView& op, IGraphBuilder& b)
{
    const std::vector<int64_t> axis = ReadInts(op, 1, "axis");
    if (axis.size() != 1)
    {
        Fail("axis must have one element");
    }
    ArgMinMaxDescriptor desc;
    desc.m_Function = Function;
    desc.m_Axis = static_cast<int>(ResolveAxis(axis[0], In(op, 0).info.GetNumDimensions(), "axis"));
    desc.m_Output_Type = op.outputs[0].info.GetDataType();
    IConnectableLayer* layer = b.Network().AddArgMinMaxLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertShape(const OperatorView& op, IGraphBuilder& b)
{
    if (op.outputs[0].info.GetDataType() != DataType::Signed32)
    {
        Fail("only INT32 output is supported");
    }
    IConnectableLayer* layer = b.Network().AddShapeLayer(op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertFill(const OperatorView& op, IGraphBuilder& b)
{
    if (!In(op, 0).IsConstant())
    {
        Fail("dims (" + Describe(In(op, 0)) + ") must be constant");
    }
    FillDescriptor desc(ReadScalar(op, 1, "value"));
    IConnectableLayer* layer = b.Network().AddFillLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertBatchToSpaceNd(const OperatorView& op, IGraphBuilder& b)
{
    std::vector<unsigned int> block;
    for (int64_t v : ReadInts(op, 1, "block_shape"))
    {
        if (v <= 0 || v > std::numeric_limits<int32_t>::max())
        {
            Fail("block_shape values must be positive");
        }
        block.push_back(static_cast<unsigned int>(v));
    }
    BatchToSpaceNdDescriptor desc(block, ReadPairs(op, 2, static_cast<unsigned int>(block.size()), "crops"));
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* layer = b.Network().AddBatchToSpaceNdLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertSpaceToBatchNd(const OperatorView& op, IGraphBuilder& b)
{
    std::vector<unsigned int> block;
    for (int64_t v : ReadInts(op, 1, "block_shape"))
    {
        if (v <= 0 || v > std::numeric_limits<int32_t>::max())
        {
            Fail("block_shape values must be positive");
        }
        block.push_back(static_cast<unsigned int>(v));
    }
    SpaceToBatchNdDescriptor desc(block, ReadPairs(op, 2, static_cast<unsigned int>(block.size()), "paddings"));
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* layer = b.Network().AddSpaceToBatchNdLayer(desc, op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0});
    b.SetOutput(0, layer->GetOutputSlot(0));
}

void ConvertDetectionPostProcess(const OperatorView& op, IGraphBuilder& b)
{
    const std::vector<uint8_t>& raw = op.options.customOptions;
    if (raw.empty() || !flexbuffers::VerifyBuffer(raw.data(), raw.size()))
    {
        Fail("custom options are missing or not a valid FlexBuffers map");
    }
    const flexbuffers::Map m = flexbuffers::GetRoot(raw).AsMap();
    auto get = [&](const char* key) -> flexbuffers::Reference {
        flexbuffers::Reference r = m[key];
        if (r.IsNull())
        {
            Fail(std::string("custom option '") + key + "' is missing");
        }
        return r;
    };
    auto nonNegative = [&](const char* key) -> uint32_t {
        // A float value goes through a range check first: AsInt64 converts it unchecked, undefined for values
        // outside int64's range (the fuzzer found 2.95e20).
        const flexbuffers::Reference r = get(key);
        const double v = r.IsFloat() ? r.AsDouble() : static_cast<double>(r.AsInt64());
        if (!(v >= 0.0 && v <= static_cast<double>(std::numeric_limits<int32_t>::max())))
        {
            Fail(std::string("custom option '") + key + "' is out of range");
        }
        return static_cast<uint32_t>(v);
    };
    DetectionPostProcessDescriptor desc;
    desc.m_MaxDetections = nonNegative("max_detections");
    desc.m_MaxClassesPerDetection = nonNegative("max_classes_per_detection");
    desc.m_DetectionsPerClass = m["detections_per_class"].IsNull() ? 100u : nonNegative("detections_per_class");
    desc.m_NmsScoreThreshold = get("nms_score_threshold").AsFloat();
    desc.m_NmsIouThreshold = get("nms_iou_threshold").AsFloat();
    desc.m_NumClasses = nonNegative("num_classes");
    desc.m_UseRegularNms = m["use_regular_nms"].IsNull() ? false : m["use_regular_nms"].AsBool();
    desc.m_ScaleY = get("y_scale").AsFloat();
    desc.m_ScaleX = get("x_scale").AsFloat();
    desc.m_ScaleH = get("h_scale").AsFloat();
    desc.m_ScaleW = get("w_scale").AsFloat();
    const TensorView& anchors = In(op, 2);
    if (!anchors.IsConstant())
    {
        Fail("anchors (" + Describe(anchors) + ") must be constant");
    }
    IConnectableLayer* layer = b.Network().AddDetectionPostProcessLayer(
        desc, ConstTensor(anchors.info, anchors.data), op.LayerName().c_str());
    ConnectInputs(op, b, layer, {0, 1});
    for (size_t i = 0; i < 4; ++i)
    {
        b.SetOutput(i, layer->GetOutputSlot(static_cast<unsigned int>(i)));
    }
}

#define BINARY(op) ConvertBinary<BinaryOperation::op>
#define UNARY(op) ConvertUnary<UnaryOperation::op>
#define COMPARE(op) ConvertComparison<ComparisonOperation::op>

const std::vector<OperatorEntry> kTable = {
    // code, name, inputs min..max, outputs min..max, convert, notes
    {0, "ADD", 2, 2, 1, 1, BINARY(Add), "broadcasting; fused activation"},
    {1, "AVERAGE_POOL_2D", 1, 1, 1, 1, ConvertPool2d<PoolingAlgorithm::Average>, "SAME/VALID; fused activation"},
    {2, "CONCATENATION", 1, kAny, 1, 1, ConvertConcatenation, "any axis; fused activation"},
    {3, "CONV_2D", 2, 3, 1, 1, ConvertConv2d, "NHWC, dilation, per-channel int8 weights; fused activation"},
    {4, "DEPTHWISE_CONV_2D", 2, 3, 1, 1, ConvertDepthwiseConv2d, "depth multiplier, dilation; fused activation"},
    {5, "DEPTH_TO_SPACE", 1, 1, 1, 1, ConvertDepthToSpace, "NHWC"},
    {6, "DEQUANTIZE", 1, 1, 1, 1, ConvertDequantize, "FLOAT16 constants are converted to FLOAT32 at parse time"},
    {8, "FLOOR", 1, 1, 1, 1, ConvertFloor, ""},
    {9, "FULLY_CONNECTED", 2, 3, 1, 1, ConvertFullyConnected, "input flattened to 2-D; keep_num_dims"},
    {11, "L2_NORMALIZATION", 1, 1, 1, 1, ConvertL2Normalization, "last dimension"},
    {12, "L2_POOL_2D", 1, 1, 1, 1, ConvertPool2d<PoolingAlgorithm::L2>, "fused activation"},
    {13, "LOCAL_RESPONSE_NORMALIZATION", 1, 1, 1, 1, ConvertLrn, "4-D input"},
    {14, "LOGISTIC", 1, 1, 1, 1, ConvertActivation<ActivationFunction::Sigmoid>, ""},
    {17, "MAX_POOL_2D", 1, 1, 1, 1, ConvertPool2d<PoolingAlgorithm::Max>, "fused activation"},
    {18, "MUL", 2, 2, 1, 1, BINARY(Mul), "broadcasting; fused activation"},
    {19, "RELU", 1, 1, 1, 1, ConvertActivation<ActivationFunction::ReLu>, ""},
    {20, "RELU_N1_TO_1", 1, 1, 1, 1, ConvertActivation<ActivationFunction::BoundedReLu, 100, -100>, ""},
    {21, "RELU6", 1, 1, 1, 1, ConvertActivation<ActivationFunction::BoundedReLu, 600, 0>, ""},
    {22, "RESHAPE", 1, 2, 1, 1, ConvertReshape, "shape tensor or new_shape option; one -1 dimension"},
    {23, "RESIZE_BILINEAR", 2, 2, 1, 1, ConvertResizeBilinear, "constant size; align_corners, half_pixel_centers"},
    {25, "SOFTMAX", 1, 1, 1, 1, ConvertSoftmax, "beta"},
    {26, "SPACE_TO_DEPTH", 1, 1, 1, 1, ConvertSpaceToDepth, "NHWC"},
    {28, "TANH", 1, 1, 1, 1, ConvertActivation<ActivationFunction::TanH, 100, 100>, ""},
    {34, "PAD", 2, 2, 1, 1, ConvertPad, "constant paddings"},
    {36, "GATHER", 2, 2, 1, 1, ConvertGather, "batch_dims 0"},
    {37, "BATCH_TO_SPACE_ND", 3, 3, 1, 1, ConvertBatchToSpaceNd, "constant block shape and crops"},
    {38, "SPACE_TO_BATCH_ND", 3, 3, 1, 1, ConvertSpaceToBatchNd, "constant block shape and paddings"},
    {39, "TRANSPOSE", 2, 2, 1, 1, ConvertTranspose, "constant permutation"},
    {40, "MEAN", 2, 2, 1, 1, ConvertMean, "constant axes; keep_dims"},
    {41, "SUB", 2, 2, 1, 1, BINARY(Sub), "broadcasting; fused activation"},
    {42, "DIV", 2, 2, 1, 1, BINARY(Div), "broadcasting; fused activation"},
    {43, "SQUEEZE", 1, 1, 1, 1, ConvertSqueeze, ""},
    {45, "STRIDED_SLICE", 4, 4, 1, 1, ConvertStridedSlice, "constant begin/end/strides; all masks"},
    {47, "EXP", 1, 1, 1, 1, UNARY(Exp), ""},
    {49, "SPLIT", 2, 2, 1, kAny, ConvertSplit, "constant axis"},
    {50, "LOG_SOFTMAX", 1, 1, 1, 1, ConvertLogSoftmax, ""},
    {53, "CAST", 1, 1, 1, 1, ConvertCast, ""},
    {54, "PRELU", 2, 2, 1, 1, ConvertPrelu, "broadcast alpha"},
    {55, "MAXIMUM", 2, 2, 1, 1, BINARY(Maximum), "broadcasting"},
    {56, "ARG_MAX", 2, 2, 1, 1, ConvertArgMinMax<ArgMinMaxFunction::Max>, "constant axis; INT32/INT64 output"},
    {57, "MINIMUM", 2, 2, 1, 1, BINARY(Minimum), "broadcasting"},
    {58, "LESS", 2, 2, 1, 1, COMPARE(Less), ""},
    {59, "NEG", 1, 1, 1, 1, UNARY(Neg), ""},
    {60, "PADV2", 2, 3, 1, 1, ConvertPadV2, "constant paddings and value"},
    {61, "GREATER", 2, 2, 1, 1, COMPARE(Greater), ""},
    {62, "GREATER_EQUAL", 2, 2, 1, 1, COMPARE(GreaterOrEqual), ""},
    {63, "LESS_EQUAL", 2, 2, 1, 1, COMPARE(LessOrEqual), ""},
    {65, "SLICE", 3, 3, 1, 1, ConvertSlice, "constant begin and size; size -1"},
    {66, "SIN", 1, 1, 1, 1, UNARY(Sin), ""},
    {67, "TRANSPOSE_CONV", 3, 4, 1, 1, ConvertTransposeConv, "constant output shape and weights; optional bias"},
    {69, "TILE", 2, 2, 1, 1, ConvertTile, "constant multiples"},
    {70, "EXPAND_DIMS", 2, 2, 1, 1, ConvertExpandDims, "constant axis"},
    {71, "EQUAL", 2, 2, 1, 1, COMPARE(Equal), ""},
    {72, "NOT_EQUAL", 2, 2, 1, 1, COMPARE(NotEqual), ""},
    {73, "LOG", 1, 1, 1, 1, UNARY(Log), ""},
    {74, "SUM", 2, 2, 1, 1, ConvertReduce<ReduceOperation::Sum>, "constant axes; keep_dims"},
    {75, "SQRT", 1, 1, 1, 1, UNARY(Sqrt), ""},
    {76, "RSQRT", 1, 1, 1, 1, UNARY(Rsqrt), ""},
    {77, "SHAPE", 1, 1, 1, 1, ConvertShape, "INT32 output"},
    {78, "POW", 2, 2, 1, 1, BINARY(Power), "broadcasting"},
    {79, "ARG_MIN", 2, 2, 1, 1, ConvertArgMinMax<ArgMinMaxFunction::Min>, "constant axis; INT32/INT64 output"},
    {81, "REDUCE_PROD", 2, 2, 1, 1, ConvertReduce<ReduceOperation::Prod>, "constant axes; keep_dims"},
    {82, "REDUCE_MAX", 2, 2, 1, 1, ConvertReduce<ReduceOperation::Max>, "constant axes; keep_dims"},
    {83, "PACK", 1, kAny, 1, 1, ConvertPack, ""},
    {84, "LOGICAL_OR", 2, 2, 1, 1, ConvertLogical<LogicalBinaryOperation::LogicalOr>, ""},
    {86, "LOGICAL_AND", 2, 2, 1, 1, ConvertLogical<LogicalBinaryOperation::LogicalAnd>, ""},
    {87, "LOGICAL_NOT", 1, 1, 1, 1, UNARY(LogicalNot), ""},
    {88, "UNPACK", 1, 1, 1, kAny, ConvertUnpack, ""},
    {89, "REDUCE_MIN", 2, 2, 1, 1, ConvertReduce<ReduceOperation::Min>, "constant axes; keep_dims"},
    {90, "FLOOR_DIV", 2, 2, 1, 1, BINARY(FloorDiv), "broadcasting"},
    {92, "SQUARE", 1, 1, 1, 1, ConvertSquare, "as MUL of the input with itself"},
    {94, "FILL", 2, 2, 1, 1, ConvertFill, "constant dims and value"},
    {97, "RESIZE_NEAREST_NEIGHBOR", 2, 2, 1, 1, ConvertResizeNearest,
     "constant size; align_corners, half_pixel_centers"},
    {98, "LEAKY_RELU", 1, 1, 1, 1, ConvertLeakyRelu, "alpha"},
    {99, "SQUARED_DIFFERENCE", 2, 2, 1, 1, BINARY(SqDiff), "broadcasting"},
    {100, "MIRROR_PAD", 2, 2, 1, 1, ConvertMirrorPad, "REFLECT and SYMMETRIC"},
    {101, "ABS", 1, 1, 1, 1, UNARY(Abs), ""},
    {102, "SPLIT_V", 3, 3, 1, kAny, ConvertSplitV, "constant sizes (one -1) and axis"},
    {104, "CEIL", 1, 1, 1, 1, UNARY(Ceil), ""},
    {105, "REVERSE_V2", 2, 2, 1, 1, ConvertReverseV2, "INT32 axes, constant or not"},
    {107, "GATHER_ND", 2, 2, 1, 1, ConvertGatherNd, "INT32 indices"},
    {108, "COS", 1, 1, 1, 1, UNARY(Cos), ""},
    {111, "ELU", 1, 1, 1, 1, ConvertActivation<ActivationFunction::Elu, 100>, ""},
    {114, "QUANTIZE", 1, 1, 1, 1, ConvertQuantize, "float to quantized and requantization"},
    {117, "HARD_SWISH", 1, 1, 1, 1, ConvertActivation<ActivationFunction::HardSwish>, ""},
    {122, "SCATTER_ND", 3, 3, 1, 1, ConvertScatterNd, "INT32 indices, constant shape; repeated indices add up"},
    {124, "DENSIFY", 1, 1, 1, 1, ConvertDensify, "sparse constants (expanded at load time)"},
    {126, "BATCH_MATMUL", 2, 2, 1, 1, ConvertBatchMatMul, "adj_x, adj_y"},
    {130, "BROADCAST_TO", 2, 2, 1, 1, ConvertBroadcastTo, "constant shape"},
    {132, "CONV_3D", 2, 3, 1, 1, ConvertConv3d, "NDHWC, weights [D, H, W, I, O], dilation; fused activation"},
    {150, "GELU", 1, 1, 1, 1, ConvertGelu, "approximate = false"},
    {kBuiltinCustom, "Convolution2DTransposeBias", 3, 3, 1, 1, ConvertTransposeConvBias,
     "custom operator (MediaPipe); raw TfLiteTransposeConvParams options; constant weights and bias"},
    {kBuiltinCustom, "TFLite_Detection_PostProcess", 3, 3, 4, 4, ConvertDetectionPostProcess,
     "custom operator; FlexBuffers options; constant anchors"},
};

#undef BINARY
#undef UNARY
#undef COMPARE

} // namespace

const std::vector<OperatorEntry>& GetOperatorTable()
{
    return kTable;
}

const OperatorEntry* FindOperator(int32_t builtinCode, const std::string& customCode)
{
    for (const OperatorEntry& e : kTable)
    {
        if (e.builtinCode == builtinCode && (builtinCode != kBuiltinCustom || customCode == e.name))
        {
            return &e;
        }
    }
    return nullptr;
}

} // namespace ops
} // namespace armnnTfLiteParser

#include "Network.hpp"

#include <armnn/Descriptors.hpp>
#include <armnn/LstmParams.hpp>
#include <armnn/backends/LstmInputs.hpp>
#include <armnn/Logging.hpp>
#include <armnn/TypesUtils.hpp>

#include <atomic>
#include <cstring>
#include <iostream>

namespace armnn
{

// NetworkImpl

Layer* NetworkImpl::AddLayer(LayerType type, const BaseDescriptor& descriptor, const char* name)
{
    return m_Graph.AddLayer(type, descriptor, name);
}

Layer* NetworkImpl::AddInputLayer(LayerBindingId id, const char* name)
{
    for (Layer* input : m_Graph.GetLayersOfType(LayerType::Input))
    {
        if (input->GetBindingId() == id)
        {
            throw InvalidArgumentException("AddInputLayer: binding id " + std::to_string(id) +
                                           " is already used by " + input->Describe());
        }
    }
    Layer* layer = AddLayer(LayerType::Input, NullDescriptor(), name);
    layer->SetBindingId(id);
    return layer;
}

Layer* NetworkImpl::AddOutputLayer(LayerBindingId id, const char* name)
{
    for (Layer* output : m_Graph.GetLayersOfType(LayerType::Output))
    {
        if (output->GetBindingId() == id)
        {
            throw InvalidArgumentException("AddOutputLayer: binding id " + std::to_string(id) +
                                           " is already used by " + output->Describe());
        }
    }
    Layer* layer = AddLayer(LayerType::Output, NullDescriptor(), name);
    layer->SetBindingId(id);
    return layer;
}

Layer* NetworkImpl::AddConstantLayer(const ConstTensor& tensor, const char* name)
{
    if (!tensor.GetInfo().IsConstant())
    {
        throw InvalidArgumentException(std::string("AddConstantLayer '") + (name ? name : "") +
                                       "': the tensor's TensorInfo is not marked constant");
    }
    if (tensor.GetMemoryArea() == nullptr && tensor.GetNumBytes() != 0)
    {
        throw InvalidArgumentException(std::string("AddConstantLayer '") + (name ? name : "") +
                                       "': the tensor has no memory");
    }
    auto data = std::make_shared<ConstantData>();
    data->m_Info = tensor.GetInfo();
    const auto* bytes = static_cast<const uint8_t*>(tensor.GetMemoryArea());
    data->m_Bytes.assign(bytes, bytes + tensor.GetNumBytes());
    Layer* layer = AddLayer(LayerType::Constant, NullDescriptor(), name);
    layer->SetConstantData(data);
    layer->GetOutput(0).SetTensorInfo(tensor.GetInfo());
    return layer;
}

Layer* NetworkImpl::AddLayerWithConstants(LayerType type, const BaseDescriptor& descriptor, const char* name,
                                          unsigned int firstSlot, const std::vector<const ConstTensor*>& constants)
{
    Layer* layer = AddLayer(type, descriptor, name);
    const std::string base = name ? name : "";
    unsigned int slot = firstSlot;
    for (const ConstTensor* tensor : constants)
    {
        if (tensor != nullptr)
        {
            const std::string constantName = base + ":constant" + std::to_string(slot);
            Layer* constant = AddConstantLayer(*tensor, constantName.c_str());
            constant->GetOutput(0).Connect(layer->GetInput(slot));
        }
        ++slot;
    }
    return layer;
}

// OptimizedNetworkImpl

namespace
{
LayerGuid NextNetworkGuid()
{
    static std::atomic<LayerGuid> next{1u << 30};
    return next++;
}
} // namespace

OptimizedNetworkImpl::OptimizedNetworkImpl(std::unique_ptr<Graph> graph, ModelOptions modelOptions,
                                           bool importEnabled, bool profilingEnabled)
    : m_Graph(std::move(graph)), m_ModelOptions(std::move(modelOptions)), m_ImportEnabled(importEnabled),
      m_ProfilingEnabled(profilingEnabled), m_Guid(NextNetworkGuid())
{}

// INetwork

INetwork::INetwork(NetworkOptions networkOptions) : pNetworkImpl(new NetworkImpl(networkOptions)) {}

INetwork::~INetwork() = default;

INetwork* INetwork::CreateRaw(const NetworkOptions& networkOptions)
{
    return new INetwork(networkOptions);
}

INetworkPtr INetwork::Create(const NetworkOptions& networkOptions)
{
    return INetworkPtr(CreateRaw(networkOptions), &INetwork::Destroy);
}

void INetwork::Destroy(INetwork* network)
{
    delete network;
}

Status INetwork::PrintGraph()
{
    pNetworkImpl->GetGraph().Print(std::cout);
    return Status::Success;
}

IConnectableLayer* INetwork::AddInputLayer(LayerBindingId id, const char* name)
{
    return pNetworkImpl->AddInputLayer(id, name);
}

IConnectableLayer* INetwork::AddOutputLayer(LayerBindingId id, const char* name)
{
    return pNetworkImpl->AddOutputLayer(id, name);
}

IConnectableLayer* INetwork::AddConstantLayer(const ConstTensor& input, const char* name)
{
    return pNetworkImpl->AddConstantLayer(input, name);
}

#define ARMNN_ADD_LAYER_WITH_DESCRIPTOR(Method, Type, Descriptor) \
    IConnectableLayer* INetwork::Method(const Descriptor& descriptor, const char* name) \
    { \
        return pNetworkImpl->AddLayer(LayerType::Type, descriptor, name); \
    }

#define ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(Method, Type) \
    IConnectableLayer* INetwork::Method(const char* name) \
    { \
        return pNetworkImpl->AddLayer(LayerType::Type, NullDescriptor(), name); \
    }

ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddActivationLayer, Activation, ActivationDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddArgMinMaxLayer, ArgMinMax, ArgMinMaxDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddBatchMatMulLayer, BatchMatMul, BatchMatMulDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddBatchToSpaceNdLayer, BatchToSpaceNd, BatchToSpaceNdDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddBroadcastToLayer, BroadcastTo, BroadcastToDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddChannelShuffleLayer, ChannelShuffle, ChannelShuffleDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddComparisonLayer, Comparison, ComparisonDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddConcatLayer, Concat, ConcatDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddConvolution2dLayer, Convolution2d, Convolution2dDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddConvolution3dLayer, Convolution3d, Convolution3dDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddDepthToSpaceLayer, DepthToSpace, DepthToSpaceDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddDepthwiseConvolution2dLayer, DepthwiseConvolution2d,
                                DepthwiseConvolution2dDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddElementwiseBinaryLayer, ElementwiseBinary, ElementwiseBinaryDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddElementwiseUnaryLayer, ElementwiseUnary, ElementwiseUnaryDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddFillLayer, Fill, FillDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddFullyConnectedLayer, FullyConnected, FullyConnectedDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddGatherLayer, Gather, GatherDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddInstanceNormalizationLayer, InstanceNormalization,
                                InstanceNormalizationDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddL2NormalizationLayer, L2Normalization, L2NormalizationDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddLogicalBinaryLayer, LogicalBinary, LogicalBinaryDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddLogSoftmaxLayer, LogSoftmax, LogSoftmaxDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddMeanLayer, Mean, MeanDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddNormalizationLayer, Normalization, NormalizationDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddPadLayer, Pad, PadDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddPermuteLayer, Permute, PermuteDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddPooling2dLayer, Pooling2d, Pooling2dDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddReduceLayer, Reduce, ReduceDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddReshapeLayer, Reshape, ReshapeDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddResizeLayer, Resize, ResizeDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddScatterNdLayer, ScatterNd, ScatterNdDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddSliceLayer, Slice, SliceDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddSoftmaxLayer, Softmax, SoftmaxDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddSpaceToBatchNdLayer, SpaceToBatchNd, SpaceToBatchNdDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddSpaceToDepthLayer, SpaceToDepth, SpaceToDepthDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddSplitterLayer, Splitter, ViewsDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddStackLayer, Stack, StackDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddStandInLayer, StandIn, StandInDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddStridedSliceLayer, StridedSlice, StridedSliceDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddTileLayer, Tile, TileDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddTransposeLayer, Transpose, TransposeDescriptor)

ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddCastLayer, Cast)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddDequantizeLayer, Dequantize)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddFloorLayer, Floor)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddGatherNdLayer, GatherNd)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddPreluLayer, Prelu)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddQuantizeLayer, Quantize)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddRankLayer, Rank)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddReverseV2Layer, ReverseV2)
ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR(AddShapeLayer, Shape)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddTopKLayer, TopK, TopKDescriptor)
ARMNN_ADD_LAYER_WITH_DESCRIPTOR(AddRoiAlignLayer, RoiAlign, RoiAlignDescriptor)

#undef ARMNN_ADD_LAYER_WITH_DESCRIPTOR
#undef ARMNN_ADD_LAYER_WITHOUT_DESCRIPTOR

#define ARMNN_ADD_BINARY_LAYER(Method, Operation) \
    IConnectableLayer* INetwork::Method(const char* name) \
    { \
        return pNetworkImpl->AddLayer(LayerType::ElementwiseBinary, \
                                      ElementwiseBinaryDescriptor(BinaryOperation::Operation), name); \
    }

ARMNN_ADD_BINARY_LAYER(AddAdditionLayer, Add)
ARMNN_ADD_BINARY_LAYER(AddMultiplicationLayer, Mul)
ARMNN_ADD_BINARY_LAYER(AddDivisionLayer, Div)
ARMNN_ADD_BINARY_LAYER(AddSubtractionLayer, Sub)
ARMNN_ADD_BINARY_LAYER(AddMaximumLayer, Maximum)
ARMNN_ADD_BINARY_LAYER(AddMinimumLayer, Minimum)

#undef ARMNN_ADD_BINARY_LAYER

IConnectableLayer* INetwork::AddBatchNormalizationLayer(const BatchNormalizationDescriptor& desc,
                                                        const ConstTensor& mean, const ConstTensor& variance,
                                                        const ConstTensor& beta, const ConstTensor& gamma,
                                                        const char* name)
{
    return pNetworkImpl->AddLayerWithConstants(LayerType::BatchNormalization, desc, name, 1,
                                               {&mean, &variance, &beta, &gamma});
}

IConnectableLayer* INetwork::AddDetectionPostProcessLayer(const DetectionPostProcessDescriptor& descriptor,
                                                          const ConstTensor& anchors, const char* name)
{
    return pNetworkImpl->AddLayerWithConstants(LayerType::DetectionPostProcess, descriptor, name, 2, {&anchors});
}

IConnectableLayer* INetwork::AddTransposeConvolution2dLayer(const TransposeConvolution2dDescriptor& descriptor,
                                                            const ConstTensor& weights,
                                                            const Optional<ConstTensor>& biases, const char* name)
{
    if (descriptor.m_BiasEnabled && !biases.has_value())
    {
        throw InvalidArgumentException(std::string("AddTransposeConvolution2dLayer '") + (name ? name : "") +
                                       "': biases are enabled but none were given");
    }
    const ConstTensor* bias = descriptor.m_BiasEnabled ? &biases.value() : nullptr;
    return pNetworkImpl->AddLayerWithConstants(LayerType::TransposeConvolution2d, descriptor, name, 1,
                                               {&weights, bias});
}

IConnectableLayer* INetwork::AddUnidirectionalSequenceLstmLayer(const UnidirectionalSequenceLstmDescriptor& descriptor,
                                                                const LstmInputParams& params, const char* name)
{
    const ConstTensor* const tensors[kNumLstmParams] = {
        params.m_InputToInputWeights,      params.m_InputToForgetWeights,   params.m_InputToCellWeights,
        params.m_InputToOutputWeights,     params.m_RecurrentToInputWeights, params.m_RecurrentToForgetWeights,
        params.m_RecurrentToCellWeights,   params.m_RecurrentToOutputWeights, params.m_CellToInputWeights,
        params.m_CellToForgetWeights,      params.m_CellToOutputWeights,    params.m_InputGateBias,
        params.m_ForgetGateBias,           params.m_CellBias,               params.m_OutputGateBias,
        params.m_ProjectionWeights,        params.m_ProjectionBias,         params.m_InputLayerNormWeights,
        params.m_ForgetLayerNormWeights,   params.m_CellLayerNormWeights,   params.m_OutputLayerNormWeights};
    const std::string where = std::string("AddUnidirectionalSequenceLstmLayer '") + (name ? name : "") + "': ";
    // Without a projection bias, a zero one shaped after the projection weights' rows, of the biases' type.
    std::vector<uint8_t> zeroBytes;
    Optional<ConstTensor> zeroBias;
    if (descriptor.m_ProjectionEnabled && params.m_ProjectionBias == nullptr && params.m_ProjectionWeights != nullptr &&
        params.m_ForgetGateBias != nullptr && params.m_ProjectionWeights->GetShape().GetNumDimensions() > 0)
    {
        TensorInfo info = params.m_ForgetGateBias->GetInfo();
        info.SetShape(TensorShape({params.m_ProjectionWeights->GetShape()[0]}));
        info.SetQuantizationOffset(0);
        zeroBytes.assign(info.GetNumBytes(), 0);
        zeroBias = ConstTensor(info, zeroBytes.data());
    }
    std::vector<const ConstTensor*> constants;
    for (unsigned int i = 0; i < kNumLstmParams; ++i)
    {
        const auto param = static_cast<LstmParam>(i);
        const ConstTensor* tensor = tensors[i];
        if (param == LstmParam::ProjectionBias && tensor == nullptr && zeroBias.has_value())
        {
            tensor = &zeroBias.value();
        }
        const bool used = LstmUsesParam(descriptor, param);
        if (used != (tensor != nullptr))
        {
            const std::string flags = std::string("CIFG ") + (descriptor.m_CifgEnabled ? "on" : "off") +
                                      ", peephole " + (descriptor.m_PeepholeEnabled ? "on" : "off") +
                                      ", projection " + (descriptor.m_ProjectionEnabled ? "on" : "off") +
                                      ", layer norm " + (descriptor.m_LayerNormEnabled ? "on" : "off");
            throw InvalidArgumentException(where + (used ? "missing " : "unexpected ") + GetLstmParamName(param) +
                                           (used ? " (required with " : " (not used with ") + flags + ")");
        }
        if (used)
        {
            constants.push_back(tensor);
        }
    }
    return pNetworkImpl->AddLayerWithConstants(LayerType::UnidirectionalSequenceLstm, descriptor, name,
                                               kLstmFirstParamSlot, constants);
}

IConnectableLayer* INetwork::AddPrecompiledLayer(const PreCompiledDescriptor& preCompiledDescriptor,
                                                 CompiledBlobPtr compiledBlobPtr, const Optional<BackendId>& backend,
                                                 const char* name)
{
    Layer* layer = pNetworkImpl->AddLayer(LayerType::PreCompiled, preCompiledDescriptor, name);
    CompiledBlobDeleter deleter = compiledBlobPtr.get_deleter();
    void* blob = compiledBlobPtr.release();
    if (deleter)
    {
        layer->SetPreCompiledBlob(std::shared_ptr<void>(blob, [deleter](void* p) { deleter(p); }));
    }
    else
    {
        layer->SetPreCompiledBlob(std::shared_ptr<void>(blob, [](void*) {}));
    }
    if (backend.has_value())
    {
        layer->SetBackendId(backend.value());
    }
    return layer;
}

// IOptimizedNetwork

IOptimizedNetwork::IOptimizedNetwork(std::unique_ptr<OptimizedNetworkImpl> impl)
    : pOptimizedNetworkImpl(std::move(impl))
{}

IOptimizedNetwork::~IOptimizedNetwork() = default;

void IOptimizedNetwork::Destroy(IOptimizedNetwork* network)
{
    delete network;
}

Status IOptimizedNetwork::PrintGraph()
{
    pOptimizedNetworkImpl->GetGraph().Print(std::cout);
    return Status::Success;
}

Status IOptimizedNetwork::SerializeToDot(std::ostream& stream) const
{
    pOptimizedNetworkImpl->GetGraph().SerializeToDot(stream);
    return stream.good() ? Status::Success : Status::Failure;
}

LayerGuid IOptimizedNetwork::GetGuid() const
{
    return pOptimizedNetworkImpl->GetGuid();
}

size_t IOptimizedNetwork::GetNumInputs() const
{
    return pOptimizedNetworkImpl->GetGraph().GetLayersOfType(LayerType::Input).size();
}

size_t IOptimizedNetwork::GetNumOutputs() const
{
    return pOptimizedNetworkImpl->GetGraph().GetLayersOfType(LayerType::Output).size();
}

} // namespace armnn

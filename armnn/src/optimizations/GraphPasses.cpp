//
// Backend-independent graph rewrites, run by Optimize after shape validation and before backends are assigned.
// Each pass is one function over the graph; RunGraphPasses lists them in order. Every pass keeps the network's
// results (up to float rounding) and its input and output bindings.
//
#include "../Optimizer.hpp"

#include "../LayerTraits.hpp"

#include <armnn/Logging.hpp>
#include <armnn/TypesUtils.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <cmath>
#include <cstring>

namespace armnn
{

namespace
{

bool IsConstant(const Layer* layer)
{
    return layer != nullptr && layer->GetType() == LayerType::Constant && layer->GetConstantData();
}

/// The layer fed by `layer`'s output 0 when that is its only consumer, else null.
Layer* SoleConsumer(Layer& layer)
{
    const auto& consumers = layer.GetOutput(0).GetConnections();
    return consumers.size() == 1 ? &consumers.front()->GetOwningLayer() : nullptr;
}

/// Removes Constant layers nobody reads any more.
void EraseUnusedConstants(Graph& graph)
{
    for (Layer* layer : graph.GetLayersOfType(LayerType::Constant))
    {
        if (layer->GetOutput(0).GetNumConnections() == 0)
        {
            graph.EraseLayer(layer);
        }
    }
}

Layer* AddConstant(Graph& graph, const TensorInfo& info, std::vector<uint8_t> bytes, const std::string& name)
{
    auto data = std::make_shared<ConstantData>();
    data->m_Info = info;
    data->m_Info.SetConstant(true);
    data->m_Bytes = std::move(bytes);
    Layer* layer = graph.AddLayer(LayerType::Constant, NullDescriptor(), name.c_str());
    layer->SetConstantData(data);
    layer->GetOutput(0).SetTensorInfo(data->m_Info);
    return layer;
}

Layer* AddFloatConstant(Graph& graph, const TensorShape& shape, const std::vector<float>& values,
                        const std::string& name)
{
    std::vector<uint8_t> bytes(values.size() * sizeof(float));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return AddConstant(graph, TensorInfo(shape, DataType::Float32, 0.0f, 0, true), std::move(bytes), name);
}

/// Makes `replacement` produce what `original` produced: moves output connections, then erases `original`.
void Bypass(Graph& graph, Layer* original, OutputSlot& replacement)
{
    original->GetOutput(0).MoveAllConnections(replacement);
    graph.EraseLayer(original);
}

/// Layers whose inputs are all constants are computed now, by the first preferred backend that runs on the host,
/// and become Constant layers (fp16 weights dequantized once, shape arithmetic, transposed weights...).
void FoldConstants(Graph& graph, const DeviceSpec& spec, const std::vector<BackendId>& preferences)
{
    for (Layer* layer : graph.TopologicalSort())
    {
        const LayerType type = layer->GetType();
        if (type == LayerType::Constant || type == LayerType::Input || type == LayerType::Output ||
            type == LayerType::PreCompiled || type == LayerType::StandIn || layer->GetNumInputSlots() == 0)
        {
            continue;
        }
        bool allConstant = true;
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            allConstant = allConstant && IsConstant(layer->GetInputLayer(i));
        }
        if (!allConstant)
        {
            continue;
        }
        const LayerInfo info = layer->MakeLayerInfo(true);
        for (const BackendId& id : preferences)
        {
            IBackendInternal* backend = spec.GetBackend(id);
            std::string reason;
            if (!backend->UsesHostMemory() || !backend->IsLayerSupported(info, reason))
            {
                continue;
            }
            std::vector<std::vector<uint8_t>> results;
            try
            {
                std::unique_ptr<IWorkload> workload = backend->CreateWorkload(info);
                std::vector<HostTensorHandle> inputs, outputs;
                for (size_t i = 0; i < info.m_Inputs.size(); ++i)
                {
                    inputs.emplace_back(info.m_Inputs[i], const_cast<void*>(info.m_ConstantInputs[i]));
                }
                for (const TensorInfo& output : info.m_Outputs)
                {
                    results.emplace_back(output.GetNumBytes());
                }
                for (size_t o = 0; o < info.m_Outputs.size(); ++o)
                {
                    outputs.emplace_back(info.m_Outputs[o], results[o].data());
                }
                std::vector<uint8_t> scratch(workload->GetScratchBytes() + 64);
                ExecutionTensors tensors;
                for (auto& h : inputs)
                {
                    tensors.m_Inputs.push_back(&h);
                }
                for (auto& h : outputs)
                {
                    tensors.m_Outputs.push_back(&h);
                }
                const auto address = reinterpret_cast<uintptr_t>(scratch.data());
                tensors.m_Scratch = workload->GetScratchBytes() ? scratch.data() + ((64 - address % 64) % 64) : nullptr;
                workload->Execute(tensors);
            }
            catch (const std::exception& e)
            {
                ARMNN_LOG(warning) << "Constant folding of " << layer->Describe() << " on " << id
                                   << " failed, keeping the layer: " << e.what();
                break;
            }
            for (unsigned int o = 0; o < layer->GetNumOutputSlots(); ++o)
            {
                Layer* constant = AddConstant(graph, info.m_Outputs[o], std::move(results[o]),
                                              std::string(layer->GetName()) + ":folded" + std::to_string(o));
                layer->GetOutput(o).MoveAllConnections(constant->GetOutput(0));
            }
            ARMNN_LOG(debug) << "Folded constant " << layer->Describe() << " on " << id;
            graph.EraseLayer(layer);
            break;
        }
    }
    EraseUnusedConstants(graph);
}

/// Reshape, Transpose and Permute layers that change nothing; Cast to the same type.
void DropIdentityLayers(Graph& graph)
{
    for (Layer* layer : graph.TopologicalSort())
    {
        bool identity = false;
        switch (layer->GetType())
        {
            case LayerType::Reshape:
            case LayerType::Cast:
                identity = layer->GetInput(0).GetTensorInfo() == layer->GetOutput(0).GetTensorInfo();
                break;
            case LayerType::Transpose:
            case LayerType::Permute:
            {
                const PermutationVector& perm =
                    layer->GetType() == LayerType::Transpose
                        ? static_cast<const TransposeDescriptor&>(layer->GetParameters()).m_DimMappings
                        : static_cast<const PermuteDescriptor&>(layer->GetParameters()).m_DimMappings;
                identity = layer->GetInput(0).GetTensorInfo().IsTypeSpaceMatch(layer->GetOutput(0).GetTensorInfo());
                for (unsigned int i = 0; identity && i < perm.GetSize(); ++i)
                {
                    identity = perm[i] == i;
                }
                break;
            }
            default: break;
        }
        if (identity)
        {
            Bypass(graph, layer, *layer->GetInput(0).GetConnectedOutputSlot());
        }
    }
}

/// Composes two permutations given in Transpose's convention (output dim i reads input dim perm[i]).
PermutationVector ComposeTransposes(const PermutationVector& first, const PermutationVector& second)
{
    std::vector<unsigned int> composed(first.GetSize());
    for (unsigned int i = 0; i < first.GetSize(); ++i)
    {
        composed[i] = first[second[i]];
    }
    return PermutationVector(composed.data(), static_cast<unsigned int>(composed.size()));
}

/// Permute's convention (input dim i goes to output dim perm[i]) as Transpose's.
PermutationVector PermuteAsTranspose(const PermutationVector& permute)
{
    std::vector<unsigned int> inverse(permute.GetSize());
    for (unsigned int i = 0; i < permute.GetSize(); ++i)
    {
        inverse[permute[i]] = i;
    }
    return PermutationVector(inverse.data(), static_cast<unsigned int>(inverse.size()));
}

/// Reshape -> Reshape becomes one Reshape; Transpose/Permute -> Transpose/Permute becomes one Transpose.
void SquashConsecutiveLayers(Graph& graph)
{
    auto asTranspose = [](const Layer& layer) {
        return layer.GetType() == LayerType::Transpose
                   ? static_cast<const TransposeDescriptor&>(layer.GetParameters()).m_DimMappings
                   : PermuteAsTranspose(static_cast<const PermuteDescriptor&>(layer.GetParameters()).m_DimMappings);
    };
    auto isPermutation = [](LayerType t) { return t == LayerType::Transpose || t == LayerType::Permute; };
    bool changed = true;
    while (changed)
    {
        changed = false;
        for (Layer* first : graph.TopologicalSort())
        {
            Layer* second = first->GetNumOutputSlots() == 1 ? SoleConsumer(*first) : nullptr;
            if (second == nullptr)
            {
                continue;
            }
            const bool reshapes = first->GetType() == LayerType::Reshape && second->GetType() == LayerType::Reshape;
            const bool permutes = isPermutation(first->GetType()) && isPermutation(second->GetType());
            if (!reshapes && !permutes)
            {
                continue;
            }
            OutputSlot* source = first->GetInput(0).GetConnectedOutputSlot();
            Layer* merged = nullptr;
            const std::string name = std::string(first->GetName()) + "+" + second->GetName();
            if (reshapes)
            {
                merged = graph.AddLayer(LayerType::Reshape,
                                        ReshapeDescriptor(second->GetOutput(0).GetTensorInfo().GetShape()),
                                        name.c_str());
            }
            else
            {
                merged = graph.AddLayer(LayerType::Transpose,
                                        TransposeDescriptor(ComposeTransposes(asTranspose(*first), asTranspose(*second))),
                                        name.c_str());
            }
            merged->GetOutput(0).SetTensorInfo(second->GetOutput(0).GetTensorInfo());
            source->Disconnect(first->GetInput(0));
            source->Connect(merged->GetInput(0));
            second->GetOutput(0).MoveAllConnections(merged->GetOutput(0));
            graph.EraseLayer(second);
            graph.EraseLayer(first);
            changed = true;
            break;
        }
    }
}

/// Index of the output-channel dimension of a layer's weights.
unsigned int OutputChannelDimOfWeights(const Layer& layer)
{
    switch (layer.GetType())
    {
        case LayerType::DepthwiseConvolution2d: return 3; // [1, H, W, I*M]
        case LayerType::FullyConnected:
            return static_cast<const FullyConnectedDescriptor&>(layer.GetParameters()).m_TransposeWeightMatrix ? 0 : 1;
        default: return 0; // Convolution2d: [O, H, W, I] or [O, I, H, W]
    }
}

/// Convolution2d / DepthwiseConvolution2d / FullyConnected followed by BatchNormalization (float, constant weights
/// and statistics) become one layer with scaled weights and a new bias:
///   w' = w * gamma / sqrt(var + eps) per output channel,  b' = (b - mean) * gamma / sqrt(var + eps) + beta.
void FoldBatchNormIntoWeights(Graph& graph)
{
    for (Layer* bn : graph.GetLayersOfType(LayerType::BatchNormalization))
    {
        Layer* producer = bn->GetInputLayer(0);
        const LayerType type = producer->GetType();
        if ((type != LayerType::Convolution2d && type != LayerType::DepthwiseConvolution2d &&
             type != LayerType::FullyConnected) ||
            SoleConsumer(*producer) != bn || producer->GetFusedActivation().has_value())
        {
            continue;
        }
        const TensorInfo& outInfo = producer->GetOutput(0).GetTensorInfo();
        if (outInfo.GetDataType() != DataType::Float32)
        {
            continue;
        }
        const bool hasBias = producer->GetNumInputSlots() > 2;
        Layer* weightsLayer = producer->GetInputLayer(1);
        Layer* biasLayer = hasBias ? producer->GetInputLayer(2) : nullptr;
        bool constantInputs = IsConstant(weightsLayer) && (!hasBias || IsConstant(biasLayer));
        for (unsigned int i = 1; i < 5; ++i)
        {
            constantInputs = constantInputs && IsConstant(bn->GetInputLayer(i));
        }
        if (!constantInputs)
        {
            continue;
        }
        const auto& bnDesc = static_cast<const BatchNormalizationDescriptor&>(bn->GetParameters());
        auto decode = [](const Layer* l) { return DecodeToFloat(l->GetConstantData()->m_Info, l->GetConstantData()->m_Bytes.data()); };
        const std::vector<float> mean = decode(bn->GetInputLayer(1));
        const std::vector<float> variance = decode(bn->GetInputLayer(2));
        const std::vector<float> beta = decode(bn->GetInputLayer(3));
        const std::vector<float> gamma = decode(bn->GetInputLayer(4));
        const TensorInfo& weightsInfo = weightsLayer->GetConstantData()->m_Info;
        std::vector<float> weights = decode(weightsLayer);
        const unsigned int channelDim = OutputChannelDimOfWeights(*producer);
        const unsigned int channels = weightsInfo.GetShape()[channelDim];
        if (mean.size() != channels || variance.size() != channels || beta.size() != channels ||
            gamma.size() != channels)
        {
            continue;
        }
        std::vector<float> bias = hasBias ? decode(biasLayer) : std::vector<float>(channels, 0.0f);
        if (bias.size() != channels)
        {
            continue;
        }
        std::vector<float> factor(channels);
        for (unsigned int c = 0; c < channels; ++c)
        {
            factor[c] = gamma[c] / std::sqrt(variance[c] + bnDesc.m_Eps);
            bias[c] = (bias[c] - mean[c]) * factor[c] + beta[c];
        }
        size_t inner = 1;
        for (unsigned int d = channelDim + 1; d < weightsInfo.GetNumDimensions(); ++d)
        {
            inner *= weightsInfo.GetShape()[d];
        }
        for (size_t i = 0; i < weights.size(); ++i)
        {
            weights[i] *= factor[(i / inner) % channels];
        }

        // The folded layer always has a bias, so it may need one more input slot: build a new layer.
        std::unique_ptr<BaseDescriptor> desc = CloneDescriptor(type, producer->GetParameters());
        switch (type)
        {
            case LayerType::Convolution2d: static_cast<Convolution2dDescriptor&>(*desc).m_BiasEnabled = true; break;
            case LayerType::DepthwiseConvolution2d:
                static_cast<DepthwiseConvolution2dDescriptor&>(*desc).m_BiasEnabled = true;
                break;
            default: static_cast<FullyConnectedDescriptor&>(*desc).m_BiasEnabled = true; break;
        }
        const std::string name = std::string(producer->GetName()) + "+" + bn->GetName();
        Layer* folded = graph.AddLayer(type, *desc, name.c_str());
        folded->BackendSelectionHint(producer->GetBackendHint());
        folded->GetOutput(0).SetTensorInfo(bn->GetOutput(0).GetTensorInfo());
        OutputSlot* input = producer->GetInput(0).GetConnectedOutputSlot();
        input->Disconnect(producer->GetInput(0));
        input->Connect(folded->GetInput(0));
        AddFloatConstant(graph, weightsInfo.GetShape(), weights, name + ":weights")->GetOutput(0).Connect(folded->GetInput(1));
        AddFloatConstant(graph, TensorShape({channels}), bias, name + ":bias")->GetOutput(0).Connect(folded->GetInput(2));
        bn->GetOutput(0).MoveAllConnections(folded->GetOutput(0));
        graph.EraseLayer(bn);
        graph.EraseLayer(producer);
    }
    EraseUnusedConstants(graph);
}

/// Whether every value `layer` outputs is >= 0 (for 8-bit tensors: every stored value >= the zero point): it is, or
/// carries as fused activation, a ReLu or a BoundedReLu whose lower bound is >= 0.
bool NeverNegative(const Layer& layer)
{
    const Optional<ActivationDescriptor> activation =
        layer.GetType() == LayerType::Activation
            ? Optional<ActivationDescriptor>(static_cast<const ActivationDescriptor&>(layer.GetParameters()))
            : layer.GetFusedActivation();
    return activation.has_value() &&
           (activation.value().m_Function == ActivationFunction::ReLu ||
            (activation.value().m_Function == ActivationFunction::BoundedReLu && activation.value().m_B >= 0.0f));
}

/// Whether every window of a pooling with these paddings holds at least one element of the input along one axis:
/// the first window ends inside it and the last one starts inside it (windows in between lie between them).
bool EveryWindowTouchesInput(unsigned int input, unsigned int output, unsigned int pool, unsigned int stride,
                             unsigned int padBefore, unsigned int padAfter)
{
    return input > 0 && output > 0 && padBefore < pool && padAfter < pool &&
           static_cast<uint64_t>(output - 1) * stride <= static_cast<uint64_t>(input) - 1 + padBefore;
}

/// For a zero Pad (checked by the caller: constant, value 0, spatial dimensions only) feeding a max pooling: its
/// input is never negative, its output keeps its input's data type and quantization, and with the Pad's padding
/// added to the pooling's, every window still holds an element of the Pad's input.
bool MaxIgnoresZeroPad(const Layer& pad, const Layer& poolLayer)
{
    const auto& pool = static_cast<const Pooling2dDescriptor&>(poolLayer.GetParameters());
    const TensorInfo& in = pad.GetInput(0).GetTensorInfo();
    const TensorInfo& padded = pad.GetOutput(0).GetTensorInfo();
    const TensorInfo& out = poolLayer.GetOutput(0).GetTensorInfo();
    if (!NeverNegative(*pad.GetInputLayer(0)) || in.GetDataType() != padded.GetDataType() ||
        in.GetQuantizationScale() != padded.GetQuantizationScale() ||
        in.GetQuantizationOffset() != padded.GetQuantizationOffset() || in.HasPerAxisQuantization() ||
        padded.HasPerAxisQuantization() || out.GetNumDimensions() != 4 || pool.m_StrideX == 0 || pool.m_StrideY == 0)
    {
        return false;
    }
    const auto& padList = static_cast<const PadDescriptor&>(pad.GetParameters()).m_PadList;
    const unsigned int h = pool.m_DataLayout == DataLayout::NHWC ? 1 : 2;
    const unsigned int w = pool.m_DataLayout == DataLayout::NHWC ? 2 : 3;
    return EveryWindowTouchesInput(in.GetShape()[h], out.GetShape()[h], pool.m_PoolHeight, pool.m_StrideY,
                                   pool.m_PadTop + padList[h].first, pool.m_PadBottom + padList[h].second) &&
           EveryWindowTouchesInput(in.GetShape()[w], out.GetShape()[w], pool.m_PoolWidth, pool.m_StrideX,
                                   pool.m_PadLeft + padList[w].first, pool.m_PadRight + padList[w].second);
}

/// A constant-mode Pad of only the spatial dimensions, padding with zero (the zero point for quantized tensors),
/// followed by Convolution2d, DepthwiseConvolution2d or an average Pooling2d that counts padding, is folded into the
/// consumer's own padding. So is one followed by a max Pooling2d when the padded zeros can never be a window's
/// maximum: the Pad's input is never negative (a ReLu before it, ResNet's stem) and every window keeps at least one
/// input element, which is >= 0; padding then never takes part in the maximum, so the result is the same.
void FoldPadIntoConsumers(Graph& graph)
{
    for (Layer* pad : graph.GetLayersOfType(LayerType::Pad))
    {
        Layer* consumer = SoleConsumer(*pad);
        if (consumer == nullptr || &consumer->GetInput(0) != pad->GetOutput(0).GetConnections().front())
        {
            continue;
        }
        const auto& padDesc = static_cast<const PadDescriptor&>(pad->GetParameters());
        const TensorInfo& inInfo = pad->GetInput(0).GetTensorInfo();
        if (padDesc.m_PaddingMode != PaddingMode::Constant || padDesc.m_PadList.size() != 4 ||
            inInfo.GetNumDimensions() != 4)
        {
            continue;
        }
        // m_PadValue is a real value: for quantized tensors 0 is the zero point, which the consumer's padding uses.
        if (padDesc.m_PadValue != 0.0f)
        {
            continue;
        }
        DataLayout layout;
        switch (consumer->GetType())
        {
            case LayerType::Convolution2d:
                layout = static_cast<const Convolution2dDescriptor&>(consumer->GetParameters()).m_DataLayout;
                break;
            case LayerType::DepthwiseConvolution2d:
                layout = static_cast<const DepthwiseConvolution2dDescriptor&>(consumer->GetParameters()).m_DataLayout;
                break;
            case LayerType::Pooling2d:
            {
                const auto& pool = static_cast<const Pooling2dDescriptor&>(consumer->GetParameters());
                const bool hasPadding = pool.m_PadLeft || pool.m_PadRight || pool.m_PadTop || pool.m_PadBottom;
                const bool average = pool.m_PoolType == PoolingAlgorithm::Average &&
                                     (!hasPadding || pool.m_PaddingMethod == PaddingMethod::IgnoreValue);
                if (!average && !(pool.m_PoolType == PoolingAlgorithm::Max && MaxIgnoresZeroPad(*pad, *consumer)))
                {
                    continue;
                }
                layout = pool.m_DataLayout;
                break;
            }
            default: continue;
        }
        const unsigned int h = layout == DataLayout::NHWC ? 1 : 2;
        const unsigned int w = layout == DataLayout::NHWC ? 2 : 3;
        const unsigned int c = layout == DataLayout::NHWC ? 3 : 1;
        const auto& padList = padDesc.m_PadList;
        if (padList[0] != std::make_pair(0u, 0u) || padList[c] != std::make_pair(0u, 0u))
        {
            continue;
        }
        auto addPadding = [&](auto& desc) {
            desc.m_PadTop += padList[h].first;
            desc.m_PadBottom += padList[h].second;
            desc.m_PadLeft += padList[w].first;
            desc.m_PadRight += padList[w].second;
        };
        std::unique_ptr<BaseDescriptor> desc = CloneDescriptor(consumer->GetType(), consumer->GetParameters());
        switch (consumer->GetType())
        {
            case LayerType::Convolution2d: addPadding(static_cast<Convolution2dDescriptor&>(*desc)); break;
            case LayerType::DepthwiseConvolution2d:
                addPadding(static_cast<DepthwiseConvolution2dDescriptor&>(*desc));
                break;
            default:
            {
                // Average: the padded zeros count, as they did. Max: padding never takes part (either method).
                auto& pool = static_cast<Pooling2dDescriptor&>(*desc);
                addPadding(pool);
                pool.m_PaddingMethod = PaddingMethod::IgnoreValue;
                break;
            }
        }
        consumer->SetDescriptor(*desc);
        OutputSlot* source = pad->GetInput(0).GetConnectedOutputSlot();
        Bypass(graph, pad, *source);
    }
}

} // namespace

void RunGraphPasses(Graph& graph, const DeviceSpec& deviceSpec, const std::vector<BackendId>& preferences)
{
    FoldConstants(graph, deviceSpec, preferences);
    DropIdentityLayers(graph);
    SquashConsecutiveLayers(graph);
    DropIdentityLayers(graph);
    FoldPadIntoConsumers(graph);
    FoldBatchNormIntoWeights(graph);
}

} // namespace armnn

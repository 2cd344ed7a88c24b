//
// Optimize: shapes, graph passes, backend assignment with fallback, subgraph substitution, copy insertion.
//
#include "Optimizer.hpp"

#include "LayerTraits.hpp"
#include "Network.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/Logging.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace armnn
{

namespace
{

bool IsEndpoint(const Layer& layer)
{
    return layer.GetType() == LayerType::Input || layer.GetType() == LayerType::Output ||
           layer.GetType() == LayerType::Constant;
}

bool IsCoreLayer(LayerType type)
{
    return type == LayerType::MemCopy || type == LayerType::MemImport;
}

std::string DescribeTensors(const LayerInfo& info)
{
    std::ostringstream ss;
    auto list = [&ss](const char* what, const std::vector<TensorInfo>& tensors) {
        ss << what << " [";
        for (size_t i = 0; i < tensors.size(); ++i)
        {
            ss << (i ? ", " : "") << GetDataTypeName(tensors[i].GetDataType()) << " " << tensors[i].GetShape();
        }
        ss << "]";
    };
    list("inputs", info.m_Inputs);
    ss << ", ";
    list("outputs", info.m_Outputs);
    return ss.str();
}

TensorInfo DefaultOutputInfo(const Layer& layer, const LayerInfo& info, const TensorShape& shape, unsigned int slot)
{
    // The input whose data the output holds: input 0, except for a ScatterNd whose input 0 is only a shape.
    size_t source = 0;
    if (layer.GetType() == LayerType::ScatterNd &&
        !static_cast<const ScatterNdDescriptor&>(layer.GetParameters()).m_InputEnabled)
    {
        source = 2;
    }
    const TensorInfo* from = source < info.m_Inputs.size() ? &info.m_Inputs[source] : nullptr;
    DataType type = from == nullptr ? DataType::Float32 : from->GetDataType();
    switch (layer.GetType())
    {
        case LayerType::Shape:
        case LayerType::Rank: type = DataType::Signed32; break;
        case LayerType::Comparison: type = DataType::Boolean; break;
        case LayerType::Dequantize: type = DataType::Float32; break;
        case LayerType::ArgMinMax:
            type = static_cast<const ArgMinMaxDescriptor&>(layer.GetParameters()).m_Output_Type;
            break;
        case LayerType::TopK: type = slot == 1 ? DataType::Signed64 : type; break; // indices as ONNX's
        default: break;
    }
    TensorInfo result(shape, type);
    if (from != nullptr && from->GetDataType() == type && from->IsQuantized() && !from->HasPerAxisQuantization())
    {
        result.SetQuantizationScale(from->GetQuantizationScale());
        result.SetQuantizationOffset(from->GetQuantizationOffset());
    }
    return result;
}

} // namespace

namespace
{

/// The dimensions that are not 1.
std::vector<unsigned int> WithoutOnes(const TensorShape& shape)
{
    std::vector<unsigned int> dims;
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        if (shape[d] != 1)
        {
            dims.push_back(shape[d]);
        }
    }
    return dims;
}

bool FullySpecified(const TensorShape& shape)
{
    return shape.GetDimensionality() == Dimensionality::Scalar ||
           (shape.GetDimensionality() == Dimensionality::Specified && shape.AreAllDimensionsSpecified());
}

/// The output slot keeps the shape its layer produces; a Reshape carries the shape that was set to the consumers.
void ReshapeToSetShape(Graph& graph, Layer& layer, OutputSlot& output, const TensorShape& produced)
{
    const TensorInfo set = output.GetTensorInfo();
    Layer* reshape = graph.AddLayer(LayerType::Reshape, ReshapeDescriptor(set.GetShape()),
                                    (std::string(layer.GetName()) + ":expanded_dims").c_str());
    output.MoveAllConnections(reshape->GetOutput(0));
    output.Connect(reshape->GetInputSlot(0));
    reshape->GetOutput(0).SetTensorInfo(set);
    TensorInfo info = set;
    info.SetShape(produced);
    output.SetTensorInfo(info);
}

} // namespace

void InferAndValidateShapes(Graph& graph, ShapeInferenceMethod method, bool allowExpandedDims)
{
    for (Layer* layer : graph.TopologicalSort())
    {
        const LayerTraits* traits = GetLayerTraits(layer->GetType());
        if (traits == nullptr || traits->m_InferShapes == nullptr)
        {
            for (const OutputSlot& output : layer->GetOutputSlots())
            {
                if (!output.IsTensorInfoSet())
                {
                    std::string what = layer->Describe();
                    if (layer->GetType() == LayerType::Input)
                    {
                        what += " (binding id " + std::to_string(layer->GetBindingId()) + ")";
                    }
                    throw LayerValidationException(what + ": output slot " +
                                                   std::to_string(output.CalculateIndexOnOwner()) +
                                                   " has no TensorInfo; call SetTensorInfo on it");
                }
            }
            continue;
        }
        const LayerInfo info = layer->MakeLayerInfo(false);
        const std::vector<TensorShape> shapes = traits->m_InferShapes(info);
        if (shapes.size() != layer->GetNumOutputSlots())
        {
            throw LayerValidationException(layer->Describe() + ": shape inference gave " +
                                           std::to_string(shapes.size()) + " shapes for " +
                                           std::to_string(layer->GetNumOutputSlots()) + " outputs");
        }
        for (unsigned int i = 0; i < shapes.size(); ++i)
        {
            OutputSlot& output = layer->GetOutput(i);
            if (output.IsTensorInfoSet())
            {
                const TensorShape& set = output.GetTensorInfo().GetShape();
                if (set != shapes[i] && allowExpandedDims && FullySpecified(set) && FullySpecified(shapes[i]) &&
                    WithoutOnes(set) == WithoutOnes(shapes[i]))
                {
                    ReshapeToSetShape(graph, *layer, output, shapes[i]);
                }
                else if (set != shapes[i])
                {
                    std::ostringstream ss;
                    ss << layer->Describe() << ": output slot " << i << " has shape "
                       << output.GetTensorInfo().GetShape() << " but the layer produces " << shapes[i];
                    throw LayerValidationException(ss.str());
                }
            }
            else if (method == ShapeInferenceMethod::InferAndValidate)
            {
                output.SetTensorInfo(DefaultOutputInfo(*layer, info, shapes[i], i));
            }
            else
            {
                throw LayerValidationException(layer->Describe() + ": output slot " + std::to_string(i) +
                                               " has no TensorInfo; set it, or optimize with "
                                               "ShapeInferenceMethod::InferAndValidate");
            }
        }
    }
}

namespace
{

struct Assignment
{
    const DeviceSpec& m_Spec;
    const std::vector<BackendId>& m_Preferences;
    const ModelOptions& m_ModelOptions;
    std::vector<std::string>& m_Messages;
};

/// Gives the layer to the first backend from `candidates` that supports it. Returns false and describes every
/// refusal in `error` when none does.
bool AssignLayer(Layer& layer, const std::vector<BackendId>& candidates, Assignment& ctx, std::string& error)
{
    LayerInfo info = layer.MakeLayerInfo(true);
    info.m_ModelOptions = &ctx.m_ModelOptions;

    std::vector<BackendId> order;
    if (layer.GetBackendHint().has_value())
    {
        const BackendId& hint = layer.GetBackendHint().value();
        if (std::find(candidates.begin(), candidates.end(), hint) != candidates.end())
        {
            order.push_back(hint);
        }
    }
    for (const BackendId& id : candidates)
    {
        if (std::find(order.begin(), order.end(), id) == order.end())
        {
            order.push_back(id);
        }
    }

    std::vector<std::pair<BackendId, std::string>> refusals;
    for (const BackendId& id : order)
    {
        IBackendInternal* backend = ctx.m_Spec.GetBackend(id);
        std::string reason;
        bool supported = false;
        try
        {
            supported = backend->IsLayerSupported(info, reason);
        }
        catch (const std::exception& e)
        {
            reason = std::string("support query threw: ") + e.what();
        }
        if (supported)
        {
            layer.SetBackendId(id);
            for (const auto& refusal : refusals)
            {
                ctx.m_Messages.push_back("WARNING: Layer " + layer.Describe() + " is not supported on requested backend " +
                                         refusal.first.Get() + " (" + refusal.second + "); falling back to " + id.Get());
            }
            return true;
        }
        refusals.emplace_back(id, reason.empty() ? "no reason given" : reason);
    }

    std::ostringstream ss;
    ss << "Layer " << layer.Describe() << " (" << DescribeTensors(info) << ") is not supported on any preferred backend "
       << order << ":";
    for (const auto& refusal : refusals)
    {
        ss << "\n    " << refusal.first << ": " << refusal.second;
    }
    error = ss.str();
    return false;
}

void AssignBackends(Graph& graph, Assignment& ctx)
{
    std::vector<std::string> errors;
    for (Layer* layer : graph.TopologicalSort())
    {
        if (IsEndpoint(*layer))
        {
            continue;
        }
        if (layer->GetType() == LayerType::PreCompiled && !layer->GetBackendId().Get().empty())
        {
            if (ctx.m_Spec.GetBackend(layer->GetBackendId()) == nullptr)
            {
                errors.push_back("Layer " + layer->Describe() + " was compiled for backend " +
                                 layer->GetBackendId().Get() + ", which is not loaded");
            }
            continue;
        }
        std::string error;
        if (!AssignLayer(*layer, ctx.m_Preferences, ctx, error))
        {
            errors.push_back(error);
        }
    }
    if (!errors.empty())
    {
        std::string all;
        for (const std::string& e : errors)
        {
            ctx.m_Messages.push_back("ERROR: " + e);
            ARMNN_LOG(error) << e;
            all += (all.empty() ? "" : "\n") + e;
        }
        throw InvalidArgumentException("Optimize failed: " + all);
    }
}

/// An Activation that is the only consumer of a layer on the same backend is offered to that backend as part of the
/// layer (LayerInfo::m_FusedActivation); when the backend accepts, the two become one layer.
void FuseActivations(Graph& graph, Assignment& ctx)
{
    for (Layer* activation : graph.GetLayersOfType(LayerType::Activation))
    {
        Layer* producer = activation->GetInputLayer(0);
        if (IsEndpoint(*producer) || producer->GetType() == LayerType::PreCompiled ||
            producer->GetNumOutputSlots() != 1 || producer->GetOutput(0).GetNumConnections() != 1 ||
            producer->GetFusedActivation().has_value() || producer->GetBackendId() != activation->GetBackendId() ||
            producer->GetType() == LayerType::Activation)
        {
            continue;
        }
        // A quantized producer rounds its output to its own scale before the activation reads it; fusing would
        // skip that rounding (and compute a non-clamp activation such as hard swish in float), so the result would
        // no longer be TFLite's. Only a clamp on an unchanged quantization gives the same integers fused.
        const auto& activationDesc = static_cast<const ActivationDescriptor&>(activation->GetParameters());
        const TensorInfo& produced = producer->GetOutput(0).GetTensorInfo();
        const TensorInfo& activated = activation->GetOutput(0).GetTensorInfo();
        const bool isClamp = activationDesc.m_Function == ActivationFunction::ReLu ||
                             activationDesc.m_Function == ActivationFunction::BoundedReLu;
        if (produced.IsQuantized() &&
            (!isClamp || produced.GetDataType() != activated.GetDataType() ||
             produced.GetQuantizationScale() != activated.GetQuantizationScale() ||
             produced.GetQuantizationOffset() != activated.GetQuantizationOffset()))
        {
            continue;
        }
        LayerInfo info = producer->MakeLayerInfo(true);
        info.m_ModelOptions = &ctx.m_ModelOptions;
        info.m_FusedActivation = activationDesc;
        info.m_Outputs[0] = activation->GetOutput(0).GetTensorInfo();
        std::string reason;
        IBackendInternal* backend = ctx.m_Spec.GetBackend(producer->GetBackendId());
        bool supported = false;
        try
        {
            supported = backend->IsLayerSupported(info, reason);
        }
        catch (const std::exception&)
        {
            supported = false;
        }
        if (!supported)
        {
            continue;
        }
        producer->SetFusedActivation(info.m_FusedActivation);
        producer->GetOutput(0).SetTensorInfo(activation->GetOutput(0).GetTensorInfo());
        activation->GetOutput(0).MoveAllConnections(producer->GetOutput(0));
        graph.EraseLayer(activation);
    }
}

/// Input, Output and Constant layers run no workload; they are shown on the backend of the layer they serve.
void AssignEndpointBackends(Graph& graph)
{
    for (const auto& layer : graph.GetLayers())
    {
        if (layer->GetType() == LayerType::Output)
        {
            Layer* producer = layer->GetInputLayer(0);
            layer->SetBackendId(producer->GetBackendId());
        }
        else if (layer->GetType() == LayerType::Input || layer->GetType() == LayerType::Constant)
        {
            const auto& consumers = layer->GetOutput(0).GetConnections();
            if (!consumers.empty())
            {
                layer->SetBackendId(consumers.front()->GetOwningLayer().GetBackendId());
            }
        }
    }
}

/// Maximal connected groups of layers on one backend; a Constant joins the group of its consumers when they all
/// belong to it, so backends that compile subgraphs see their weights.
std::vector<std::vector<Layer*>> FindSubgraphs(const Graph& graph, const BackendId& backend)
{
    const std::vector<Layer*> order = graph.TopologicalSort();
    std::unordered_map<const Layer*, size_t> index;
    for (size_t i = 0; i < order.size(); ++i)
    {
        index[order[i]] = i;
    }
    auto belongs = [&backend](const Layer* layer) {
        if (layer->GetBackendId() != backend || layer->GetType() == LayerType::Input ||
            layer->GetType() == LayerType::Output || IsCoreLayer(layer->GetType()))
        {
            return false;
        }
        if (layer->GetType() == LayerType::Constant)
        {
            for (const InputSlot* consumer : layer->GetOutput(0).GetConnections())
            {
                if (consumer->GetOwningLayer().GetBackendId() != backend)
                {
                    return false;
                }
            }
        }
        return true;
    };

    std::vector<size_t> parent(order.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::function<size_t(size_t)> find = [&](size_t i) { return parent[i] == i ? i : parent[i] = find(parent[i]); };
    for (const Layer* layer : order)
    {
        if (!belongs(layer))
        {
            continue;
        }
        for (const InputSlot& input : layer->GetInputSlots())
        {
            const Layer* producer = &input.GetConnectedOutputSlot()->GetOwningLayer();
            if (belongs(producer))
            {
                parent[find(index[layer])] = find(index[producer]);
            }
        }
    }
    std::map<size_t, std::vector<Layer*>> groups;
    for (Layer* layer : order)
    {
        if (belongs(layer))
        {
            groups[find(index[layer])].push_back(layer);
        }
    }
    // A group must also be convex: when a path leaves it and comes back (add1 -> relu on another backend -> add2,
    // and add1 -> add2), replacing the group with one layer would make a cycle. Each member's level counts how
    // many times the longest path from the group to it has left the group; members of one level that are connected
    // directly form convex pieces, and pieces only feed pieces of higher levels.
    std::vector<std::vector<Layer*>> pieces;
    for (auto& group : groups)
    {
        const std::unordered_set<const Layer*> members(group.second.begin(), group.second.end());
        std::unordered_map<const Layer*, size_t> level;
        for (const Layer* layer : order)
        {
            size_t deepest = 0;
            for (const InputSlot& input : layer->GetInputSlots())
            {
                const Layer* producer = &input.GetConnectedOutputSlot()->GetOwningLayer();
                const bool leaves = members.count(producer) != 0 && members.count(layer) == 0;
                deepest = std::max(deepest, level[producer] + (leaves ? 1 : 0));
            }
            level[layer] = deepest;
        }
        for (const Layer* layer : group.second)
        {
            parent[index[layer]] = index[layer];
        }
        for (const Layer* layer : group.second)
        {
            for (const InputSlot& input : layer->GetInputSlots())
            {
                const Layer* producer = &input.GetConnectedOutputSlot()->GetOwningLayer();
                if (members.count(producer) != 0 && level[producer] == level[layer])
                {
                    parent[find(index[layer])] = find(index[producer]);
                }
            }
        }
        std::map<size_t, std::vector<Layer*>> split;
        for (Layer* layer : group.second)
        {
            split[find(index[layer])].push_back(layer);
        }
        for (auto& piece : split)
        {
            pieces.push_back(std::move(piece.second));
        }
    }

    std::vector<std::vector<Layer*>> result;
    for (auto& piece : pieces)
    {
        // A group made only of constants has nothing to run.
        const bool onlyConstants = std::all_of(piece.begin(), piece.end(),
                                               [](const Layer* l) { return l->GetType() == LayerType::Constant; });
        if (!onlyConstants)
        {
            result.push_back(std::move(piece));
        }
    }
    return result;
}

SubgraphView MakeSubgraphView(const std::vector<Layer*>& layers)
{
    std::unordered_set<const Layer*> members(layers.begin(), layers.end());
    SubgraphView::IConnectableLayers connectable(layers.begin(), layers.end());
    SubgraphView::IInputSlots inputs;
    SubgraphView::IOutputSlots outputs;
    for (Layer* layer : layers)
    {
        for (InputSlot& input : layer->GetInputSlots())
        {
            if (members.count(&input.GetConnectedOutputSlot()->GetOwningLayer()) == 0)
            {
                inputs.push_back(&input);
            }
        }
        for (OutputSlot& output : layer->GetOutputSlots())
        {
            const auto& consumers = output.GetConnections();
            const bool external = std::any_of(consumers.begin(), consumers.end(), [&members](const InputSlot* c) {
                return members.count(&c->GetOwningLayer()) == 0;
            });
            if (external)
            {
                outputs.push_back(&output);
            }
        }
    }
    return SubgraphView(std::move(connectable), std::move(inputs), std::move(outputs));
}

void ApplySubstitution(Graph& graph, const OptimizationViews::SubstitutionPair& pair, const BackendId& backend)
{
    const SubgraphView& original = pair.m_SubstitutableSubgraph;
    const SubgraphView& replacement = pair.m_ReplacementSubgraph;
    if (replacement.GetNumLayers() != 1)
    {
        throw InvalidArgumentException("Backend " + backend.Get() +
                                       " returned a replacement subgraph of " +
                                       std::to_string(replacement.GetNumLayers()) +
                                       " layers; a replacement must be one layer");
    }
    const auto& source = *static_cast<const Layer*>(replacement.GetIConnectableLayers().front());
    if (source.GetNumInputSlots() != original.GetNumIInputSlots() ||
        source.GetNumOutputSlots() != original.GetNumIOutputSlots())
    {
        throw InvalidArgumentException("Backend " + backend.Get() + " returned a replacement " + source.Describe() +
                                       " with " + std::to_string(source.GetNumInputSlots()) + " inputs and " +
                                       std::to_string(source.GetNumOutputSlots()) + " outputs for a subgraph with " +
                                       std::to_string(original.GetNumIInputSlots()) + " and " +
                                       std::to_string(original.GetNumIOutputSlots()));
    }
    Layer* added = graph.AddLayer(source.CloneUnconnected());
    added->SetBackendId(backend);

    std::unordered_set<const Layer*> members;
    for (IConnectableLayer* layer : original.GetIConnectableLayers())
    {
        members.insert(static_cast<Layer*>(layer));
    }
    for (unsigned int i = 0; i < original.GetNumIInputSlots(); ++i)
    {
        auto* input = static_cast<InputSlot*>(original.GetIInputSlots()[i]);
        OutputSlot* producer = input->GetConnectedOutputSlot();
        producer->Disconnect(*input);
        producer->Connect(added->GetInput(i));
    }
    for (unsigned int i = 0; i < original.GetNumIOutputSlots(); ++i)
    {
        auto* output = static_cast<OutputSlot*>(original.GetIOutputSlots()[i]);
        added->GetOutput(i).SetTensorInfo(output->GetTensorInfo());
        std::vector<InputSlot*> external;
        for (InputSlot* consumer : output->GetConnections())
        {
            if (members.count(&consumer->GetOwningLayer()) == 0)
            {
                external.push_back(consumer);
            }
        }
        for (InputSlot* consumer : external)
        {
            output->Disconnect(*consumer);
            added->GetOutput(i).Connect(*consumer);
        }
    }
    for (const Layer* member : members)
    {
        graph.EraseLayer(const_cast<Layer*>(member));
    }
}

/// Every layer of the offered subgraph must be in exactly one of the backend's lists, and only those layers.
void ValidateOptimizationViews(const SubgraphView& offered, const OptimizationViews& views, const BackendId& backend)
{
    std::map<const IConnectableLayer*, int> seen;
    for (const IConnectableLayer* layer : offered.GetIConnectableLayers())
    {
        seen[layer] = 0;
    }
    auto count = [&](const SubgraphView& view, const char* list) {
        for (const IConnectableLayer* layer : view.GetIConnectableLayers())
        {
            auto it = seen.find(layer);
            if (it == seen.end())
            {
                throw InvalidArgumentException("Backend " + backend.Get() + " returned, in its " + list +
                                               " list, layer '" + layer->GetName() + "' which it was not offered");
            }
            ++it->second;
        }
    };
    for (const auto& substitution : views.GetSubstitutions())
    {
        count(substitution.m_SubstitutableSubgraph, "substituted");
    }
    for (const SubgraphView& failed : views.GetFailedSubgraphs())
    {
        count(failed, "failed");
    }
    for (const SubgraphView& untouched : views.GetUntouchedSubgraphs())
    {
        count(untouched, "untouched");
    }
    for (const auto& entry : seen)
    {
        if (entry.second != 1)
        {
            throw InvalidArgumentException("Backend " + backend.Get() + " put layer '" + entry.first->GetName() +
                                           "' in " + std::to_string(entry.second) +
                                           " of its optimization lists; each offered layer must be in exactly one");
        }
    }
}

void OptimizeSubgraphs(Graph& graph, Assignment& ctx)
{
    for (size_t p = 0; p < ctx.m_Preferences.size(); ++p)
    {
        const BackendId& id = ctx.m_Preferences[p];
        IBackendInternal* backend = ctx.m_Spec.GetBackend(id);
        for (const std::vector<Layer*>& group : FindSubgraphs(graph, id))
        {
            SubgraphView view = MakeSubgraphView(group);
            OptimizationViews views = backend->OptimizeSubgraphView(view, ctx.m_ModelOptions);
            ValidateOptimizationViews(view, views, id);
            for (const auto& substitution : views.GetSubstitutions())
            {
                ApplySubstitution(graph, substitution, id);
            }
            const std::vector<BackendId> remaining(ctx.m_Preferences.begin() + static_cast<long>(p) + 1,
                                                   ctx.m_Preferences.end());
            for (const SubgraphView& failed : views.GetFailedSubgraphs())
            {
                for (IConnectableLayer* l : failed.GetIConnectableLayers())
                {
                    auto* layer = static_cast<Layer*>(l);
                    if (IsEndpoint(*layer))
                    {
                        continue;
                    }
                    std::string error;
                    if (!AssignLayer(*layer, remaining, ctx, error))
                    {
                        ctx.m_Messages.push_back("ERROR: " + error);
                        throw InvalidArgumentException("Optimize failed: backend " + id.Get() +
                                                       " could not optimize a subgraph and " + error);
                    }
                }
            }
        }
    }
}

std::string CopyLayerName(const Layer& from, unsigned int slot, const Layer& to)
{
    return "[ " + std::string(from.GetName()) + " (" + std::to_string(slot) + ") -> " + to.GetName() + " ]";
}

/// Where two backends meet (or a backend whose memory is not host memory meets an input or output), put a copy,
/// or a zero-copy import when importing is enabled and both sides use host memory.
void InsertCopies(Graph& graph, const DeviceSpec& spec, bool importEnabled)
{
    auto usesHost = [&spec](const Layer& layer) {
        if (layer.GetType() == LayerType::Input || layer.GetType() == LayerType::Output ||
            layer.GetType() == LayerType::Constant)
        {
            return true;
        }
        const IBackendInternal* backend = spec.GetBackend(layer.GetBackendId());
        return backend == nullptr || backend->UsesHostMemory();
    };
    std::vector<Layer*> layers;
    for (const auto& layer : graph.GetLayers())
    {
        layers.push_back(layer.get());
    }
    for (Layer* producer : layers)
    {
        if (producer->GetType() == LayerType::Constant)
        {
            continue; // constants reach workloads at creation time
        }
        for (OutputSlot& output : producer->GetOutputSlots())
        {
            // One copy per destination backend.
            std::map<BackendId, Layer*> copies;
            const std::vector<InputSlot*> consumers = output.GetConnections();
            for (InputSlot* consumer : consumers)
            {
                Layer& dest = consumer->GetOwningLayer();
                bool needed = false;
                if (producer->GetType() == LayerType::Input || dest.GetType() == LayerType::Output)
                {
                    const Layer& computeSide = producer->GetType() == LayerType::Input ? dest : *producer;
                    needed = !usesHost(computeSide) && !IsEndpoint(computeSide);
                }
                else
                {
                    needed = producer->GetBackendId() != dest.GetBackendId();
                }
                if (!needed)
                {
                    continue;
                }
                const BackendId destBackend = dest.GetType() == LayerType::Output ? BackendId("") : dest.GetBackendId();
                auto it = copies.find(destBackend);
                if (it != copies.end())
                {
                    output.Disconnect(*consumer);
                    it->second->GetOutput(0).Connect(*consumer);
                    continue;
                }
                const bool import = importEnabled && usesHost(*producer) && usesHost(dest);
                const LayerType type = import ? LayerType::MemImport : LayerType::MemCopy;
                const std::string name = CopyLayerName(*producer, output.CalculateIndexOnOwner(), dest);
                Layer* copy = graph.InsertLayerOnConnection(output, *consumer, type, NullDescriptor(), name.c_str());
                copy->SetBackendId(dest.GetType() == LayerType::Output ? producer->GetBackendId() : dest.GetBackendId());
                copies[destBackend] = copy;
            }
        }
    }
}

} // namespace

IOptimizedNetworkPtr Optimize(const INetwork& network, const std::vector<BackendId>& backendPreferences,
                              const IDeviceSpec& deviceSpec, const OptimizerOptionsOpaque& options,
                              Optional<std::vector<std::string>&> messages)
{
    std::vector<std::string> localMessages;
    std::vector<std::string>& out = messages.has_value() ? messages.value() : localMessages;

    const auto* spec = dynamic_cast<const DeviceSpec*>(&deviceSpec);
    if (spec == nullptr)
    {
        throw InvalidArgumentException("Optimize: the device spec must come from IRuntime::GetDeviceSpec()");
    }
    if (backendPreferences.empty())
    {
        throw InvalidArgumentException("Optimize: the list of preferred backends is empty");
    }

    std::vector<BackendId> available;
    for (const BackendId& id : backendPreferences)
    {
        if (spec->GetBackend(id) == nullptr)
        {
            out.push_back("WARNING: requested backend " + id.Get() + " is not loaded");
            ARMNN_LOG(warning) << "Optimize: requested backend " << id << " is not loaded";
        }
        else if (std::find(available.begin(), available.end(), id) == available.end())
        {
            available.push_back(id);
        }
    }
    if (available.empty())
    {
        std::ostringstream ss;
        ss << "None of the preferred backends " << backendPreferences << " are supported. Current platform provides "
           << spec->GetSupportedBackends()
           << (spec->GetSupportedBackends().empty()
                   ? " (no backend plugin was loaded: check the plugin directories and the log)"
                   : "");
        out.push_back("ERROR: " + ss.str());
        ARMNN_LOG(error) << ss.str();
        throw InvalidArgumentException(ss.str());
    }

    auto graph = std::make_unique<Graph>(network.GetImpl().GetGraph());
    if (graph->GetLayersOfType(LayerType::Output).empty())
    {
        throw InvalidArgumentException("Optimize: the network has no output layer");
    }
    // Arm NN's network options ask for the same as the optimizer options.
    ShapeInferenceMethod shapeInference = options.GetShapeInferenceMethod();
    bool allowExpandedDims = options.GetAllowExpandedDims();
    for (const BackendOptions& group : network.GetImpl().GetOptions())
    {
        for (size_t i = 0; i < group.GetOptionCount(); ++i)
        {
            const BackendOptions::BackendOption& option = group.GetOption(i);
            const bool on = option.GetValue().IsBool() && option.GetValue().AsBool();
            if (group.BackendId() == BackendId("ShapeInferenceMethod") && option.GetName() == "InferAndValidate" &&
                on)
            {
                shapeInference = ShapeInferenceMethod::InferAndValidate;
            }
            if (group.BackendId() == BackendId("AllowExpandedDims") && option.GetName() == "AllowExpandedDims")
            {
                allowExpandedDims = allowExpandedDims || on;
            }
        }
    }
    InferAndValidateShapes(*graph, shapeInference, allowExpandedDims);
    RunGraphPasses(*graph, *spec, available);

    const ModelOptions modelOptions = options.GetModelOptions();
    Assignment ctx{*spec, available, modelOptions, out};
    AssignBackends(*graph, ctx);
    FuseActivations(*graph, ctx);
    AssignEndpointBackends(*graph);
    OptimizeSubgraphs(*graph, ctx);
    AssignEndpointBackends(*graph);
    InsertCopies(*graph, *spec, options.GetImportEnabled());

    auto impl = std::make_unique<OptimizedNetworkImpl>(std::move(graph), modelOptions, options.GetImportEnabled(),
                                                       options.GetProfilingEnabled());
    return IOptimizedNetworkPtr(new IOptimizedNetwork(std::move(impl)), &IOptimizedNetwork::Destroy);
}

IOptimizedNetworkPtr Optimize(const INetwork& network, const std::vector<BackendId>& backendPreferences,
                              const IDeviceSpec& deviceSpec, const OptimizerOptions& options,
                              Optional<std::vector<std::string>&> messages)
{
    return Optimize(network, backendPreferences, deviceSpec, OptimizerOptionsOpaque(options), messages);
}

} // namespace armnn

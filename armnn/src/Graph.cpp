#include "Graph.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <ostream>
#include <queue>
#include <unordered_map>

namespace armnn
{

Graph::Graph(const Graph& other)
{
    std::unordered_map<const Layer*, Layer*> map;
    for (const auto& layer : other.m_Layers)
    {
        map[layer.get()] = AddLayer(layer->CloneUnconnected());
    }
    for (const auto& layer : other.m_Layers)
    {
        Layer* clone = map[layer.get()];
        for (const InputSlot& input : layer->GetInputSlots())
        {
            if (const OutputSlot* source = input.GetConnectedOutputSlot())
            {
                Layer* sourceClone = map[&source->GetOwningLayer()];
                sourceClone->GetOutput(source->CalculateIndexOnOwner())
                    .Connect(clone->GetInput(input.GetSlotIndex()));
            }
        }
    }
}

Layer* Graph::AddLayer(LayerType type, const BaseDescriptor& descriptor, const char* name)
{
    return AddLayer(std::make_unique<Layer>(type, descriptor, name));
}

Layer* Graph::AddLayer(std::unique_ptr<Layer> layer)
{
    m_Layers.push_back(std::move(layer));
    return m_Layers.back().get();
}

void Graph::EraseLayer(Layer* layer)
{
    for (InputSlot& input : layer->GetInputSlots())
    {
        if (OutputSlot* source = input.GetConnectedOutputSlot())
        {
            source->Disconnect(input);
        }
    }
    for (OutputSlot& output : layer->GetOutputSlots())
    {
        while (output.GetNumConnections() > 0)
        {
            output.Disconnect(*output.GetConnections().front());
        }
    }
    auto it = std::find_if(m_Layers.begin(), m_Layers.end(), [layer](const auto& l) { return l.get() == layer; });
    if (it != m_Layers.end())
    {
        m_Layers.erase(it);
    }
}

Layer* Graph::InsertLayerOnConnection(OutputSlot& source, InputSlot& destination, LayerType type,
                                      const BaseDescriptor& descriptor, const char* name)
{
    Layer* layer = AddLayer(type, descriptor, name);
    source.Disconnect(destination);
    source.Connect(layer->GetInput(0));
    layer->GetOutput(0).Connect(destination);
    layer->GetOutput(0).SetTensorInfo(source.GetTensorInfo());
    return layer;
}

std::vector<Layer*> Graph::TopologicalSort() const
{
    std::unordered_map<const Layer*, size_t> pending;
    std::unordered_map<const Layer*, size_t> position;
    for (size_t i = 0; i < m_Layers.size(); ++i)
    {
        const Layer* layer = m_Layers[i].get();
        position[layer] = i;
        size_t count = 0;
        for (const InputSlot& input : layer->GetInputSlots())
        {
            if (input.GetConnectedOutputSlot() == nullptr)
            {
                throw GraphValidationException("Input slot " + std::to_string(input.GetSlotIndex()) + " of " +
                                               layer->Describe() + " is not connected");
            }
            ++count;
        }
        pending[layer] = count;
    }
    // Min-heap on insertion position keeps the order deterministic and close to how the network was built.
    auto later = [&position](const Layer* a, const Layer* b) { return position[a] > position[b]; };
    std::priority_queue<Layer*, std::vector<Layer*>, decltype(later)> ready(later);
    for (const auto& layer : m_Layers)
    {
        if (pending[layer.get()] == 0)
        {
            ready.push(layer.get());
        }
    }
    std::vector<Layer*> order;
    order.reserve(m_Layers.size());
    while (!ready.empty())
    {
        Layer* layer = ready.top();
        ready.pop();
        order.push_back(layer);
        for (const OutputSlot& output : layer->GetOutputSlots())
        {
            for (InputSlot* consumer : output.GetConnections())
            {
                Layer* next = &consumer->GetOwningLayer();
                if (--pending[next] == 0)
                {
                    ready.push(next);
                }
            }
        }
    }
    if (order.size() != m_Layers.size())
    {
        for (const auto& layer : m_Layers)
        {
            if (pending[layer.get()] != 0)
            {
                throw GraphValidationException("The graph has a cycle through " + layer->Describe());
            }
        }
    }
    return order;
}

std::vector<Layer*> Graph::GetLayersOfType(LayerType type) const
{
    std::vector<Layer*> result;
    for (const auto& layer : m_Layers)
    {
        if (layer->GetType() == type)
        {
            result.push_back(layer.get());
        }
    }
    return result;
}

namespace
{
std::string DotEscape(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        if (c == '"' || c == '\\' || c == '{' || c == '}' || c == '|' || c == '<' || c == '>')
        {
            out += '\\';
        }
        out += c;
    }
    return out;
}
} // namespace

void Graph::SerializeToDot(std::ostream& stream) const
{
    stream << "digraph Optimized {\n";
    stream << "    compound=true;\n";
    stream << "    node [shape=record];\n";
    for (const Layer* layer : TopologicalSort())
    {
        stream << "    " << layer->GetGuid() << " [label=\"{" << GetLayerTypeAsCString(layer->GetType());
        if (*layer->GetName())
        {
            stream << "|Name: " << DotEscape(layer->GetName());
        }
        if (!layer->GetBackendId().Get().empty())
        {
            stream << "|BackendID: " << DotEscape(layer->GetBackendId().Get());
        }
        if (layer->GetFusedActivation().has_value())
        {
            stream << "|FusedActivation: "
                   << GetActivationFunctionAsCString(layer->GetFusedActivation().value().m_Function);
        }
        stream << "}\"];\n";
    }
    for (const auto& layer : m_Layers)
    {
        for (const OutputSlot& output : layer->GetOutputSlots())
        {
            for (const InputSlot* consumer : output.GetConnections())
            {
                stream << "    " << layer->GetGuid() << " -> " << consumer->GetOwningLayer().GetGuid()
                       << " [label=< [";
                const TensorShape& shape = output.GetTensorInfo().GetShape();
                for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
                {
                    stream << (d ? "," : "") << (shape.GetDimensionSpecificity(d) ? shape[d] : 0);
                }
                stream << "] >];\n";
            }
        }
    }
    stream << "}\n";
}

void Graph::Print(std::ostream& stream) const
{
    for (const Layer* layer : TopologicalSort())
    {
        stream << layer->Describe();
        if (!layer->GetBackendId().Get().empty())
        {
            stream << " on " << layer->GetBackendId();
        }
        for (const OutputSlot& output : layer->GetOutputSlots())
        {
            stream << " -> " << output.GetTensorInfo().GetShape() << " "
                   << GetDataTypeName(output.GetTensorInfo().GetDataType());
        }
        stream << "\n";
    }
}

} // namespace armnn

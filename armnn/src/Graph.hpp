//
// Graph: owns layers and their connections. Used by INetwork while building and, copied, by Optimize.
//
#pragma once

#include "Layer.hpp"

#include <iosfwd>
#include <memory>
#include <vector>

namespace armnn
{

class Graph
{
public:
    Graph() = default;
    /// Deep copy: new layers with the same guids, connections and tensor infos.
    Graph(const Graph& other);
    Graph& operator=(const Graph&) = delete;

    Layer* AddLayer(LayerType type, const BaseDescriptor& descriptor, const char* name);
    Layer* AddLayer(std::unique_ptr<Layer> layer);

    /// Disconnects and destroys a layer.
    void EraseLayer(Layer* layer);

    /// Inserts a new one-input one-output layer on the connection source -> destination.
    /// The new layer's output gets source's tensor info.
    Layer* InsertLayerOnConnection(OutputSlot& source, InputSlot& destination, LayerType type,
                                   const BaseDescriptor& descriptor, const char* name);

    /// Layers in an order where each comes after all its producers; ties keep insertion order.
    /// @throws GraphValidationException naming a layer on a cycle or with an unconnected input.
    std::vector<Layer*> TopologicalSort() const;

    const std::vector<std::unique_ptr<Layer>>& GetLayers() const { return m_Layers; }
    size_t GetNumLayers() const { return m_Layers.size(); }

    std::vector<Layer*> GetLayersOfType(LayerType type) const;

    /// Graphviz text: one node per layer with its type, name and backend; one edge per connection with its shape.
    void SerializeToDot(std::ostream& stream) const;
    void Print(std::ostream& stream) const;

private:
    std::vector<std::unique_ptr<Layer>> m_Layers;
};

} // namespace armnn

//
// SubgraphView: a connected set of layers all assigned to one backend, offered to that backend by Optimize.
//
#pragma once

#include <armnn/INetwork.hpp>

#include <vector>

namespace armnn
{

class SubgraphView
{
public:
    using IConnectableLayers = std::vector<IConnectableLayer*>;
    using IInputSlots = std::vector<IInputSlot*>;
    using IOutputSlots = std::vector<IOutputSlot*>;

    /// layers in topological order; inputSlots: slots of these layers fed from outside the subgraph;
    /// outputSlots: slots of these layers read outside the subgraph (or by an Output layer).
    SubgraphView(IConnectableLayers layers, IInputSlots inputSlots, IOutputSlots outputSlots);

    /// A subgraph of one layer: all its input and output slots are the boundary.
    explicit SubgraphView(IConnectableLayer* layer);

    const IConnectableLayers& GetIConnectableLayers() const { return m_Layers; }
    const IInputSlots& GetIInputSlots() const { return m_InputSlots; }
    const IOutputSlots& GetIOutputSlots() const { return m_OutputSlots; }
    unsigned int GetNumIInputSlots() const { return static_cast<unsigned int>(m_InputSlots.size()); }
    unsigned int GetNumIOutputSlots() const { return static_cast<unsigned int>(m_OutputSlots.size()); }
    unsigned int GetNumLayers() const { return static_cast<unsigned int>(m_Layers.size()); }

    IConnectableLayers::const_iterator begin() const { return m_Layers.begin(); }
    IConnectableLayers::const_iterator end() const { return m_Layers.end(); }

private:
    IConnectableLayers m_Layers;
    IInputSlots m_InputSlots;
    IOutputSlots m_OutputSlots;
};

} // namespace armnn

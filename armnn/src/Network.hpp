#pragma once

#include "Graph.hpp"

#include <armnn/INetwork.hpp>

namespace armnn
{

class NetworkImpl
{
public:
    explicit NetworkImpl(const NetworkOptions& options) : m_Options(options) {}

    /// Adds a layer of any type; the typed Add*Layer methods of INetwork all come here.
    Layer* AddLayer(LayerType type, const BaseDescriptor& descriptor, const char* name);
    Layer* AddInputLayer(LayerBindingId id, const char* name);
    Layer* AddOutputLayer(LayerBindingId id, const char* name);
    Layer* AddConstantLayer(const ConstTensor& tensor, const char* name);
    /// Adds a layer and connects a Constant layer holding each tensor to input slots firstSlot, firstSlot+1, ...
    Layer* AddLayerWithConstants(LayerType type, const BaseDescriptor& descriptor, const char* name,
                                 unsigned int firstSlot, const std::vector<const ConstTensor*>& constants);

    Graph& GetGraph() { return m_Graph; }
    const Graph& GetGraph() const { return m_Graph; }
    const NetworkOptions& GetOptions() const { return m_Options; }

private:
    NetworkOptions m_Options;
    Graph m_Graph;
};

class OptimizedNetworkImpl
{
public:
    OptimizedNetworkImpl(std::unique_ptr<Graph> graph, ModelOptions modelOptions, bool importEnabled,
                         bool profilingEnabled);

    Graph& GetGraph() { return *m_Graph; }
    const Graph& GetGraph() const { return *m_Graph; }
    const ModelOptions& GetModelOptions() const { return m_ModelOptions; }
    bool IsImportEnabled() const { return m_ImportEnabled; }
    bool IsProfilingEnabled() const { return m_ProfilingEnabled; }
    LayerGuid GetGuid() const { return m_Guid; }

private:
    std::unique_ptr<Graph> m_Graph;
    ModelOptions m_ModelOptions;
    bool m_ImportEnabled;
    bool m_ProfilingEnabled;
    LayerGuid m_Guid;
};

} // namespace armnn

//
// Backend-independent graph rewrites, run by Optimize before backends are assigned.
// Each pass is one function over the graph; RunGraphPasses lists them in order.
//
#include "../Optimizer.hpp"

#include <armnn/Logging.hpp>

namespace armnn
{

namespace
{

/// Reshapes whose output shape equals their input shape change nothing.
void DropIdentityReshapes(Graph& graph)
{
    for (Layer* layer : graph.GetLayersOfType(LayerType::Reshape))
    {
        OutputSlot* source = layer->GetInput(0).GetConnectedOutputSlot();
        if (source->GetTensorInfo() == layer->GetOutput(0).GetTensorInfo())
        {
            layer->GetOutput(0).MoveAllConnections(*source);
            graph.EraseLayer(layer);
        }
    }
}

} // namespace

void RunGraphPasses(Graph& graph, const DeviceSpec& deviceSpec, const std::vector<BackendId>& preferences)
{
    (void)deviceSpec;
    (void)preferences;
    DropIdentityReshapes(graph);
}

} // namespace armnn

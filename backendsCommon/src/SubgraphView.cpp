#include <armnn/backends/IBackendInternal.hpp>
#include <armnn/backends/OptimizationViews.hpp>
#include <armnn/backends/SubgraphView.hpp>

namespace armnn
{

SubgraphView::SubgraphView(IConnectableLayers layers, IInputSlots inputSlots, IOutputSlots outputSlots)
    : m_Layers(std::move(layers)), m_InputSlots(std::move(inputSlots)), m_OutputSlots(std::move(outputSlots))
{}

SubgraphView::SubgraphView(IConnectableLayer* layer) : m_Layers{layer}
{
    for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
    {
        m_InputSlots.push_back(&layer->GetInputSlot(i));
    }
    for (unsigned int i = 0; i < layer->GetNumOutputSlots(); ++i)
    {
        m_OutputSlots.push_back(&layer->GetOutputSlot(i));
    }
}

OptimizationViews::OptimizationViews() : m_INetwork(INetwork::Create()) {}

OptimizationViews IBackendInternal::OptimizeSubgraphView(const SubgraphView& subgraph, const ModelOptions&) const
{
    OptimizationViews views;
    views.AddUntouchedSubgraph(SubgraphView(subgraph));
    return views;
}

std::unique_ptr<ITensorHandle> IBackendInternal::CreateTensorHandle(const TensorInfo&) const
{
    throw UnimplementedException("Backend " + GetId().Get() +
                                 " uses host memory; the runtime creates its tensor handles");
}

} // namespace armnn

//
// Sample: an example backend plugin for backend authors. Copy it to start a backend of your own.
//
// What it shows, in the order a runtime meets it:
//   1. the plugin entry points (ARMNN_DEFINE_BACKEND_PLUGIN at the end of this file);
//   2. one kernel table from which layer support is derived (SampleKernelTable);
//   3. OptimizeSubgraphView claiming connected chains of layers and replacing each with one PreCompiled layer,
//      the way an accelerator takes what it can and leaves the rest to the CPU backends;
//   4. the PreCompiled workload running a whole chain (SampleKernels.cpp).
//
#include "SampleKernels.hpp"

#include <armnn/Descriptors.hpp>
#include <armnn/backends/DynamicBackend.hpp>
#include <armnn/backends/IBackendInternal.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace armnn
{
namespace sample
{

namespace
{

/// The one table of Sample kernels. IsLayerSupported asks it, CreateWorkload creates from it: adding an operation
/// means one kernel and one line here.
std::vector<KernelEntry> SampleKernelTable()
{
    return {
        {LayerType::ElementwiseBinary, {DataType::Float32}, CheckElementwiseBinary, CreateElementwiseBinary},
        // Never offered by the support query (Optimize does not ask about PreCompiled layers): this entry only
        // lets CreateWorkload build the layers OptimizeSubgraphView made.
        {LayerType::PreCompiled, {DataType::Float32}, CheckChain, CreateChain},
    };
}

/// Whether a layer of an offered subgraph can join a chain. Optimize only offers layers this backend said yes to,
/// so this is a safety net, not a second support rule.
bool IsChainable(const IConnectableLayer& layer)
{
    return layer.GetType() == LayerType::ElementwiseBinary &&
           IsSampleOperation(static_cast<const ElementwiseBinaryDescriptor&>(layer.GetParameters()).m_Operation);
}

/// Splits the chainable layers into connected groups (in the offered, topological order).
std::vector<std::vector<IConnectableLayer*>> ConnectedGroups(const std::vector<IConnectableLayer*>& layers)
{
    std::map<const IConnectableLayer*, size_t> group;
    std::vector<std::vector<IConnectableLayer*>> groups;
    for (IConnectableLayer* layer : layers)
    {
        // Groups of the producers this layer reads; it joins them all, merging them into the first.
        std::set<size_t> joined;
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            auto it = group.find(&layer->GetInputSlot(i).GetConnection()->GetOwningIConnectableLayer());
            if (it != group.end())
            {
                joined.insert(it->second);
            }
        }
        size_t target = joined.empty() ? groups.size() : *joined.begin();
        if (joined.empty())
        {
            groups.emplace_back();
        }
        for (size_t other : joined)
        {
            if (other == target)
            {
                continue;
            }
            for (IConnectableLayer* moved : groups[other])
            {
                groups[target].push_back(moved);
                group[moved] = target;
            }
            groups[other].clear();
        }
        groups[target].push_back(layer);
        group[layer] = target;
    }
    groups.erase(std::remove_if(groups.begin(), groups.end(), [](const auto& g) { return g.empty(); }),
                 groups.end());
    // Merging may have broken the topological order inside a group; restore it from the offered order.
    for (auto& g : groups)
    {
        std::sort(g.begin(), g.end(), [&layers](const IConnectableLayer* a, const IConnectableLayer* b) {
            return std::find(layers.begin(), layers.end(), a) < std::find(layers.begin(), layers.end(), b);
        });
    }
    return groups;
}

} // namespace

class SampleBackend final : public KernelTableBackend
{
public:
    SampleBackend() : KernelTableBackend("Sample", SampleKernelTable()) {}

    /// Replaces each connected chain of layers with one PreCompiled layer. Its blob (SampleChain) lists the
    /// operations; its inputs are the chain's inputs from outside, in the order of the substituted subgraph's
    /// input slots, and its outputs the chain's results read outside, in the order of its output slots.
    OptimizationViews OptimizeSubgraphView(const SubgraphView& subgraph, const ModelOptions&) const override
    {
        OptimizationViews views;
        std::vector<IConnectableLayer*> chainable;
        for (IConnectableLayer* layer : subgraph)
        {
            if (layer->GetType() == LayerType::Constant)
            {
                // Constants stay Constant layers feeding the PreCompiled layer; its workload reads them at load.
                views.AddUntouchedSubgraph(SubgraphView(layer));
            }
            else if (IsChainable(*layer))
            {
                chainable.push_back(layer);
            }
            else
            {
                views.AddFailedSubgraph(SubgraphView(layer)); // Optimize gives it to the next backend
            }
        }

        for (const std::vector<IConnectableLayer*>& chain : ConnectedGroups(chainable))
        {
            const std::set<const IConnectableLayer*> members(chain.begin(), chain.end());
            std::map<const IConnectableLayer*, unsigned int> stepOf;
            SubgraphView::IInputSlots inputs;
            SubgraphView::IOutputSlots outputs;
            auto blob = std::make_unique<SampleChain>();

            for (IConnectableLayer* layer : chain)
            {
                // An operand comes from an earlier step of the chain, or becomes a new input of the PreCompiled
                // layer (a Constant producer included).
                auto operand = [&](unsigned int slot) {
                    IInputSlot& input = layer->GetInputSlot(slot);
                    const IConnectableLayer& producer = input.GetConnection()->GetOwningIConnectableLayer();
                    if (members.count(&producer) != 0)
                    {
                        return SampleOperand{SampleOperand::Source::Step, stepOf.at(&producer)};
                    }
                    inputs.push_back(&input);
                    return SampleOperand{SampleOperand::Source::LayerInput,
                                         static_cast<unsigned int>(inputs.size() - 1)};
                };
                const unsigned int step = static_cast<unsigned int>(blob->m_Steps.size());
                const SampleOperand lhs = operand(0);
                const SampleOperand rhs = operand(1);
                blob->m_Steps.push_back(
                    {static_cast<const ElementwiseBinaryDescriptor&>(layer->GetParameters()).m_Operation, lhs, rhs,
                     layer->GetName()});
                stepOf[layer] = step;

                // The result leaves the chain when any reader is outside it (an Output layer included).
                IOutputSlot& result = layer->GetOutputSlot(0);
                for (unsigned int c = 0; c < result.GetNumConnections(); ++c)
                {
                    if (members.count(&result.GetConnection(c)->GetOwningIConnectableLayer()) == 0)
                    {
                        outputs.push_back(&result);
                        blob->m_OutputSteps.push_back(step);
                        break;
                    }
                }
            }

            std::string name = "Sample chain:";
            for (const SampleStep& step : blob->m_Steps)
            {
                name += " " + step.m_LayerName;
            }
            PreCompiledDescriptor descriptor(static_cast<unsigned int>(inputs.size()),
                                             static_cast<unsigned int>(outputs.size()));
            // The layer owns the blob; the deleter runs our code, which stays loaded for the life of the process.
            CompiledBlobPtr compiled(blob.release(),
                                     [](const void* p) { delete static_cast<const SampleChain*>(p); });
            IConnectableLayer* replacement =
                views.GetINetwork()->AddPrecompiledLayer(descriptor, std::move(compiled), GetId(), name.c_str());

            views.AddSubstitution({SubgraphView(chain, std::move(inputs), std::move(outputs)),
                                   SubgraphView(replacement)});
        }
        return views;
    }
};

} // namespace sample
} // namespace armnn

// GetBackendId, GetVersion and BackendFactory: what the registry looks up in Arm_Sample_backend.so.
ARMNN_DEFINE_BACKEND_PLUGIN(armnn::sample::SampleBackend, "Sample")

//
// LayerInfo: everything a backend sees of one layer when it answers a support query, creates a workload,
// or when the core infers shapes. The one description of a layer that crosses the core/backend boundary.
//
#pragma once

#include <armnn/BackendOptions.hpp>
#include <armnn/Descriptors.hpp>
#include <armnn/Optional.hpp>
#include <armnn/Tensor.hpp>
#include <armnn/Types.hpp>

#include <string>
#include <vector>

namespace armnn
{

struct LayerInfo
{
    LayerType m_Type = LayerType::Input;
    /// Never null; NullDescriptor for layers without parameters. Valid for the duration of the call.
    const BaseDescriptor* m_Descriptor = nullptr;
    std::string m_Name;

    std::vector<TensorInfo> m_Inputs;
    /// Empty during shape inference.
    std::vector<TensorInfo> m_Outputs;
    /// One entry per input: the data of a constant input (weights, bias, anchors), null otherwise.
    /// Valid for the duration of the call; a workload that keeps it must copy or pack it.
    std::vector<const void*> m_ConstantInputs;

    /// PreCompiled layers: the blob the backend compiled in OptimizeSubgraphView; owned by the layer.
    const void* m_PreCompiledBlob = nullptr;

    /// An activation to apply to the output (ReLu after a convolution, say), when Optimize fuses one.
    /// Backends that do not apply fused activations must refuse layers that carry one; KernelRegistry does so
    /// unless the kernel's entry says it accepts them.
    Optional<ActivationDescriptor> m_FusedActivation;

    /// Options for the backend given to Optimize (OptimizerOptionsOpaque::AddModelOption).
    const ModelOptions* m_ModelOptions = nullptr;

    template <typename Descriptor>
    const Descriptor& GetDescriptor() const
    {
        return static_cast<const Descriptor&>(*m_Descriptor);
    }

    bool IsConstantInput(size_t index) const
    {
        return index < m_ConstantInputs.size() && m_ConstantInputs[index] != nullptr;
    }

    /// "Convolution2d 'conv1'" for messages.
    std::string Describe() const;
};

} // namespace armnn

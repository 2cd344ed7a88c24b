//
// Lowering a claimed group to a program, and running programs with CpuRef's kernels.
//
#include "Program.hpp"

#include <RefKernels.hpp>

#include <armnn/Exceptions.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/LayerAccess.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace armnn
{
namespace emulated
{

namespace
{

template <typename Descriptor>
std::shared_ptr<const BaseDescriptor> Copy(const BaseDescriptor& descriptor)
{
    return std::make_shared<Descriptor>(static_cast<const Descriptor&>(descriptor));
}

/// The descriptors of the layer types an emulated device may run; a program owns copies of them.
std::shared_ptr<const BaseDescriptor> CopyDescriptor(LayerType type, const BaseDescriptor& descriptor,
                                                     const std::string& layerName)
{
    switch (type)
    {
        case LayerType::Activation: return Copy<ActivationDescriptor>(descriptor);
        case LayerType::Convolution2d: return Copy<Convolution2dDescriptor>(descriptor);
        case LayerType::DepthwiseConvolution2d: return Copy<DepthwiseConvolution2dDescriptor>(descriptor);
        case LayerType::ElementwiseBinary: return Copy<ElementwiseBinaryDescriptor>(descriptor);
        case LayerType::Concat: return Copy<OriginsDescriptor>(descriptor);
        case LayerType::Reshape: return Copy<ReshapeDescriptor>(descriptor);
        case LayerType::Pad: return Copy<PadDescriptor>(descriptor);
        case LayerType::Pooling2d: return Copy<Pooling2dDescriptor>(descriptor);
        case LayerType::FullyConnected: return Copy<FullyConnectedDescriptor>(descriptor);
        case LayerType::Softmax: return Copy<SoftmaxDescriptor>(descriptor);
        case LayerType::Mean: return Copy<MeanDescriptor>(descriptor);
        default: break;
    }
    throw InvalidArgumentException(std::string("emulated devices cannot compile ") + GetLayerTypeAsCString(type) +
                                   " layer '" + layerName + "'");
}

} // namespace

const KernelRegistry& RefKernels()
{
    static const KernelRegistry registry("CpuRef", ref::RefKernelTable());
    return registry;
}

Program Lower(const std::vector<IConnectableLayer*>& layers, std::vector<IInputSlot*>& externalInputs,
              std::vector<IOutputSlot*>& externalOutputs)
{
    Program program;
    std::set<const IConnectableLayer*> members(layers.begin(), layers.end());
    std::map<const IOutputSlot*, unsigned int> tensorOf;
    auto addTensor = [&](const TensorInfo& info, const IOutputSlot* slot) {
        program.m_Tensors.push_back({info, {}, slot});
        return static_cast<unsigned int>(program.m_Tensors.size() - 1);
    };

    for (IConnectableLayer* layer : layers)
    {
        if (layer->GetType() == LayerType::Constant)
        {
            continue; // its data is copied in where it is read
        }
        const LayerInfo info = GetLayerInfo(*layer);
        ProgramStep step;
        step.m_Type = info.m_Type;
        step.m_Descriptor = CopyDescriptor(info.m_Type, *info.m_Descriptor, info.m_Name);
        step.m_Name = info.m_Name;
        step.m_FusedActivation = info.m_FusedActivation;
        for (unsigned int i = 0; i < layer->GetNumInputSlots(); ++i)
        {
            IInputSlot& input = layer->GetInputSlot(i);
            const IOutputSlot* producerSlot = input.GetConnection();
            const IConnectableLayer& producer = producerSlot->GetOwningIConnectableLayer();
            auto known = tensorOf.find(producerSlot);
            if (known != tensorOf.end() && members.count(&producer) != 0)
            {
                step.m_Inputs.push_back(known->second);
            }
            else if (producer.GetType() == LayerType::Constant && members.count(&producer) != 0)
            {
                const ConstTensor data = GetConstantTensor(producer).value();
                const unsigned int t = addTensor(data.GetInfo(), producerSlot);
                const auto* bytes = static_cast<const uint8_t*>(data.GetMemoryArea());
                program.m_Tensors[t].m_Constant.assign(bytes, bytes + data.GetNumBytes());
                tensorOf[producerSlot] = t;
                step.m_Inputs.push_back(t);
            }
            else
            {
                // From outside: one program input per input slot of the replacement layer.
                const unsigned int t = addTensor(info.m_Inputs[i], producerSlot);
                program.m_Inputs.push_back(t);
                externalInputs.push_back(&input);
                step.m_Inputs.push_back(t);
            }
        }
        for (unsigned int o = 0; o < layer->GetNumOutputSlots(); ++o)
        {
            IOutputSlot& output = layer->GetOutputSlot(o);
            const unsigned int t = addTensor(info.m_Outputs[o], &output);
            tensorOf[&output] = t;
            step.m_Outputs.push_back(t);
            for (unsigned int c = 0; c < output.GetNumConnections(); ++c)
            {
                if (members.count(&output.GetConnection(c)->GetOwningIConnectableLayer()) == 0)
                {
                    program.m_Outputs.push_back(t);
                    externalOutputs.push_back(&output);
                    break;
                }
            }
        }
        program.m_Steps.push_back(std::move(step));
    }
    return program;
}

ProgramRunner::ProgramRunner(const Program& program) : m_Program(program)
{
    for (const ProgramStep& step : program.m_Steps)
    {
        LayerInfo info;
        info.m_Type = step.m_Type;
        info.m_Descriptor = step.m_Descriptor.get();
        info.m_Name = step.m_Name;
        info.m_FusedActivation = step.m_FusedActivation;
        for (unsigned int t : step.m_Inputs)
        {
            const ProgramTensor& tensor = program.m_Tensors[t];
            info.m_Inputs.push_back(tensor.m_Info);
            info.m_ConstantInputs.push_back(tensor.m_Constant.empty() ? nullptr : tensor.m_Constant.data());
        }
        for (unsigned int t : step.m_Outputs)
        {
            info.m_Outputs.push_back(program.m_Tensors[t].m_Info);
        }
        m_Workloads.push_back(RefKernels().CreateWorkload(info));
        m_ScratchBytes = std::max(m_ScratchBytes, m_Workloads.back()->GetScratchBytes());
    }
}

void ProgramRunner::Run(const std::vector<void*>& memory, void* scratch) const
{
    std::vector<HostTensorHandle> handles(m_Program.m_Tensors.size());
    for (size_t t = 0; t < handles.size(); ++t)
    {
        const ProgramTensor& tensor = m_Program.m_Tensors[t];
        void* data = tensor.m_Constant.empty() ? memory[t] : const_cast<uint8_t*>(tensor.m_Constant.data());
        handles[t] = HostTensorHandle(tensor.m_Info, data);
    }
    for (size_t s = 0; s < m_Workloads.size(); ++s)
    {
        const ProgramStep& step = m_Program.m_Steps[s];
        ExecutionTensors tensors;
        for (unsigned int t : step.m_Inputs)
        {
            tensors.m_Inputs.push_back(&handles[t]);
        }
        for (unsigned int t : step.m_Outputs)
        {
            tensors.m_Outputs.push_back(&handles[t]);
        }
        tensors.m_Scratch = scratch;
        m_Workloads[s]->Execute(tensors);
    }
}

} // namespace emulated
} // namespace armnn

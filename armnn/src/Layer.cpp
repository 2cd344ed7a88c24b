#include "Layer.hpp"

#include "LayerTraits.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <atomic>
#include <sstream>

namespace armnn
{

namespace
{
LayerGuid NextGuid()
{
    static std::atomic<LayerGuid> next{1};
    return next++;
}

const LayerTraits& TraitsOrThrow(LayerType type)
{
    const LayerTraits* traits = GetLayerTraits(type);
    if (traits == nullptr)
    {
        throw UnimplementedException(std::string("Layer type ") + GetLayerTypeAsCString(type) +
                                     " is not implemented by this library");
    }
    return *traits;
}
} // namespace

// InputSlot

const IOutputSlot* InputSlot::GetConnection() const
{
    return m_Connection;
}

IOutputSlot* InputSlot::GetConnection()
{
    return m_Connection;
}

const IConnectableLayer& InputSlot::GetOwningIConnectableLayer() const
{
    return m_Owner;
}

IConnectableLayer& InputSlot::GetOwningIConnectableLayer()
{
    return m_Owner;
}

const TensorInfo& InputSlot::GetTensorInfo() const
{
    if (m_Connection == nullptr)
    {
        throw InvalidArgumentException("Input slot " + std::to_string(m_Index) + " of " + m_Owner.Describe() +
                                       " is not connected");
    }
    return m_Connection->GetTensorInfo();
}

// OutputSlot

const IInputSlot* OutputSlot::GetConnection(unsigned int index) const
{
    if (index >= m_Connections.size())
    {
        throw InvalidArgumentException("Connection index " + std::to_string(index) + " out of range for output slot " +
                                       std::to_string(m_Index) + " of " + m_Owner.Describe());
    }
    return m_Connections[index];
}

IInputSlot* OutputSlot::GetConnection(unsigned int index)
{
    return const_cast<IInputSlot*>(static_cast<const OutputSlot*>(this)->GetConnection(index));
}

void OutputSlot::SetTensorInfo(const TensorInfo& tensorInfo)
{
    m_TensorInfo = tensorInfo;
    m_TensorInfoSet = true;
}

const TensorInfo& OutputSlot::GetTensorInfo() const
{
    return m_TensorInfo;
}

int OutputSlot::Connect(IInputSlot& destination)
{
    auto& input = static_cast<InputSlot&>(destination);
    if (input.GetConnectedOutputSlot() != nullptr)
    {
        throw InvalidArgumentException("Input slot " + std::to_string(input.GetSlotIndex()) + " of " +
                                       input.GetOwningLayer().Describe() + " is already connected");
    }
    input.SetConnection(this);
    m_Connections.push_back(&input);
    return 0;
}

void OutputSlot::Disconnect(IInputSlot& slot)
{
    auto& input = static_cast<InputSlot&>(slot);
    auto it = std::find(m_Connections.begin(), m_Connections.end(), &input);
    if (it == m_Connections.end())
    {
        return;
    }
    m_Connections.erase(it);
    input.SetConnection(nullptr);
}

void OutputSlot::MoveAllConnections(OutputSlot& newSource)
{
    while (!m_Connections.empty())
    {
        InputSlot* input = m_Connections.front();
        Disconnect(*input);
        newSource.Connect(*input);
    }
}

LayerGuid OutputSlot::GetOwningLayerGuid() const
{
    return m_Owner.GetGuid();
}

const IConnectableLayer& OutputSlot::GetOwningIConnectableLayer() const
{
    return m_Owner;
}

IConnectableLayer& OutputSlot::GetOwningIConnectableLayer()
{
    return m_Owner;
}

// Layer

Layer::Layer(LayerType type, const BaseDescriptor& descriptor, const char* name)
    : m_Type(type), m_Name(name ? name : ""), m_Guid(NextGuid()), m_Descriptor(CloneDescriptor(type, descriptor))
{
    const LayerTraits& traits = TraitsOrThrow(type);
    const unsigned int numInputs = traits.m_NumInputs(*m_Descriptor);
    const unsigned int numOutputs = traits.m_NumOutputs(*m_Descriptor);
    constexpr unsigned int maxSlots = 4096;
    if (numInputs > maxSlots || numOutputs > maxSlots)
    {
        throw InvalidArgumentException(Describe() + ": descriptor asks for too many slots");
    }
    m_InputSlots.reserve(numInputs);
    for (unsigned int i = 0; i < numInputs; ++i)
    {
        m_InputSlots.emplace_back(*this, i);
    }
    m_OutputSlots.reserve(numOutputs);
    for (unsigned int i = 0; i < numOutputs; ++i)
    {
        m_OutputSlots.emplace_back(*this, i);
    }
}

const IInputSlot& Layer::GetInputSlot(unsigned int index) const
{
    if (index >= m_InputSlots.size())
    {
        throw InvalidArgumentException("Input slot " + std::to_string(index) + " out of range for " + Describe() +
                                       ", which has " + std::to_string(m_InputSlots.size()));
    }
    return m_InputSlots[index];
}

IInputSlot& Layer::GetInputSlot(unsigned int index)
{
    return const_cast<IInputSlot&>(static_cast<const Layer*>(this)->GetInputSlot(index));
}

const IOutputSlot& Layer::GetOutputSlot(unsigned int index) const
{
    if (index >= m_OutputSlots.size())
    {
        throw InvalidArgumentException("Output slot " + std::to_string(index) + " out of range for " + Describe() +
                                       ", which has " + std::to_string(m_OutputSlots.size()));
    }
    return m_OutputSlots[index];
}

IOutputSlot& Layer::GetOutputSlot(unsigned int index)
{
    return const_cast<IOutputSlot&>(static_cast<const Layer*>(this)->GetOutputSlot(index));
}

std::vector<TensorShape> Layer::InferOutputShapes(const std::vector<TensorShape>& inputShapes) const
{
    LayerInfo info = MakeLayerInfo(false);
    if (inputShapes.size() != info.m_Inputs.size())
    {
        throw LayerValidationException(Describe() + ": expected " + std::to_string(info.m_Inputs.size()) +
                                       " input shapes, got " + std::to_string(inputShapes.size()));
    }
    for (size_t i = 0; i < inputShapes.size(); ++i)
    {
        info.m_Inputs[i].SetShape(inputShapes[i]);
    }
    return TraitsOrThrow(m_Type).m_InferShapes(info);
}

Layer* Layer::GetInputLayer(unsigned int index) const
{
    const OutputSlot* source = m_InputSlots.at(index).GetConnectedOutputSlot();
    return source ? &source->GetOwningLayer() : nullptr;
}

void Layer::SetDescriptor(const BaseDescriptor& descriptor)
{
    m_Descriptor = CloneDescriptor(m_Type, descriptor);
}

LayerInfo Layer::MakeLayerInfo(bool withOutputs) const
{
    LayerInfo info;
    info.m_Type = m_Type;
    info.m_Descriptor = m_Descriptor.get();
    info.m_Name = m_Name;
    info.m_Inputs.reserve(m_InputSlots.size());
    info.m_ConstantInputs.reserve(m_InputSlots.size());
    for (const InputSlot& slot : m_InputSlots)
    {
        const OutputSlot* source = slot.GetConnectedOutputSlot();
        if (source == nullptr)
        {
            throw LayerValidationException("Input slot " + std::to_string(slot.GetSlotIndex()) + " of " + Describe() +
                                           " is not connected");
        }
        info.m_Inputs.push_back(source->GetTensorInfo());
        const Layer& producer = source->GetOwningLayer();
        const bool isConstant = producer.GetType() == LayerType::Constant && producer.GetConstantData();
        info.m_ConstantInputs.push_back(isConstant ? producer.GetConstantData()->m_Bytes.data() : nullptr);
    }
    if (withOutputs)
    {
        for (const OutputSlot& slot : m_OutputSlots)
        {
            info.m_Outputs.push_back(slot.GetTensorInfo());
        }
    }
    info.m_PreCompiledBlob = m_PreCompiledBlob.get();
    info.m_FusedActivation = m_FusedActivation;
    return info;
}

std::string Layer::Describe() const
{
    return std::string(GetLayerTypeAsCString(m_Type)) + " '" + m_Name + "'";
}

std::unique_ptr<Layer> Layer::CloneUnconnected() const
{
    auto clone = std::make_unique<Layer>(m_Type, *m_Descriptor, m_Name.c_str());
    clone->m_Guid = m_Guid;
    clone->m_BackendId = m_BackendId;
    clone->m_BackendHint = m_BackendHint;
    clone->m_FusedActivation = m_FusedActivation;
    clone->m_BindingId = m_BindingId;
    clone->m_ConstantData = m_ConstantData;
    clone->m_PreCompiledBlob = m_PreCompiledBlob;
    for (size_t i = 0; i < m_OutputSlots.size(); ++i)
    {
        if (m_OutputSlots[i].IsTensorInfoSet())
        {
            clone->m_OutputSlots[i].SetTensorInfo(m_OutputSlots[i].GetTensorInfo());
        }
    }
    return clone;
}

std::string LayerInfo::Describe() const
{
    return std::string(GetLayerTypeAsCString(m_Type)) + " '" + m_Name + "'";
}

} // namespace armnn

#include <armnn/backends/LayerAccess.hpp>

namespace armnn
{

LayerInfo GetLayerInfo(const IConnectableLayer& layer)
{
    const auto* concrete = dynamic_cast<const Layer*>(&layer);
    if (concrete == nullptr)
    {
        throw InvalidArgumentException("GetLayerInfo: the layer does not come from this library's networks");
    }
    return concrete->MakeLayerInfo(true);
}

Optional<ConstTensor> GetConstantTensor(const IConnectableLayer& layer)
{
    const auto* concrete = dynamic_cast<const Layer*>(&layer);
    if (concrete == nullptr || concrete->GetType() != LayerType::Constant || !concrete->GetConstantData())
    {
        return EmptyOptional();
    }
    const ConstantData& data = *concrete->GetConstantData();
    TensorInfo info = data.m_Info;
    info.SetConstant(true);
    return ConstTensor(info, data.m_Bytes.data());
}

} // namespace armnn

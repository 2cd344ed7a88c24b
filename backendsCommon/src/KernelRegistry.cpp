#include <armnn/backends/KernelRegistry.hpp>

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>

namespace armnn
{

KernelRegistry::KernelRegistry(BackendId backendId, std::vector<KernelEntry> entries)
    : m_BackendId(std::move(backendId)), m_Entries(std::move(entries))
{}

const KernelEntry* KernelRegistry::Find(const LayerInfo& layer, std::string& reason) const
{
    const std::string prefix = layer.Describe() + ": ";
    bool anyOfType = false;
    std::string lastReason;
    for (const KernelEntry& entry : m_Entries)
    {
        if (entry.m_Type != layer.m_Type)
        {
            continue;
        }
        anyOfType = true;
        const std::vector<TensorInfo>& primary = layer.m_Inputs.empty() ? layer.m_Outputs : layer.m_Inputs;
        if (primary.empty())
        {
            lastReason = "the layer has no tensors";
            continue;
        }
        const DataType type = primary[0].GetDataType();
        if (std::find(entry.m_DataTypes.begin(), entry.m_DataTypes.end(), type) == entry.m_DataTypes.end())
        {
            std::string supported;
            for (DataType t : entry.m_DataTypes)
            {
                supported += (supported.empty() ? "" : ", ") + std::string(GetDataTypeName(t));
            }
            lastReason = std::string(layer.m_Inputs.empty() ? "output" : "input") + " 0 has data type " +
                         GetDataTypeName(type) + "; supported: " + supported;
            continue;
        }
        if (layer.m_FusedActivation.has_value() && !entry.m_AcceptsFusedActivation)
        {
            lastReason = "the kernel does not apply fused activations";
            continue;
        }
        std::string why;
        if (entry.m_Check != nullptr && !entry.m_Check(layer, why))
        {
            lastReason = why.empty() ? "unsupported configuration" : why;
            continue;
        }
        return &entry;
    }
    reason = prefix + (anyOfType ? lastReason : "layer type not implemented by this backend");
    return nullptr;
}

bool KernelRegistry::IsSupported(const LayerInfo& layer, std::string& reason) const
{
    return Find(layer, reason) != nullptr;
}

std::unique_ptr<IWorkload> KernelRegistry::CreateWorkload(const LayerInfo& layer) const
{
    std::string reason;
    const KernelEntry* entry = Find(layer, reason);
    if (entry == nullptr)
    {
        throw InvalidArgumentException(m_BackendId.Get() + ": " + reason);
    }
    return entry->m_Create(layer);
}

std::vector<KernelSummary> KernelRegistry::Describe() const
{
    std::vector<KernelSummary> summaries;
    for (const KernelEntry& entry : m_Entries)
    {
        summaries.push_back({entry.m_Type, entry.m_DataTypes});
    }
    return summaries;
}

bool CheckAllSameDataType(const LayerInfo& layer, std::string& reason)
{
    const std::vector<TensorInfo>& primary = layer.m_Inputs.empty() ? layer.m_Outputs : layer.m_Inputs;
    const DataType type = primary.at(0).GetDataType();
    auto check = [&](const std::vector<TensorInfo>& tensors, const char* what) {
        for (size_t i = 0; i < tensors.size(); ++i)
        {
            if (tensors[i].GetDataType() != type)
            {
                reason = std::string(what) + " " + std::to_string(i) + " has data type " +
                         GetDataTypeName(tensors[i].GetDataType()) + " but input 0 has " + GetDataTypeName(type);
                return false;
            }
        }
        return true;
    };
    return check(layer.m_Inputs, "input") && check(layer.m_Outputs, "output");
}

bool CheckConstantInputs(const LayerInfo& layer, std::initializer_list<size_t> indices, std::string& reason)
{
    for (size_t index : indices)
    {
        if (index < layer.m_Inputs.size() && !layer.IsConstantInput(index))
        {
            reason = "input " + std::to_string(index) + " must be constant";
            return false;
        }
    }
    return true;
}

bool CheckNoPerAxisQuantization(const LayerInfo& layer, std::string& reason)
{
    for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
    {
        if (layer.m_Inputs[i].HasPerAxisQuantization())
        {
            reason = "input " + std::to_string(i) + " is per-axis quantized";
            return false;
        }
    }
    for (size_t i = 0; i < layer.m_Outputs.size(); ++i)
    {
        if (layer.m_Outputs[i].HasPerAxisQuantization())
        {
            reason = "output " + std::to_string(i) + " is per-axis quantized";
            return false;
        }
    }
    return true;
}

} // namespace armnn

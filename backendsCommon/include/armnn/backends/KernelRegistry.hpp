//
// KernelRegistry: a backend's one table of kernels. Layer support is derived from it (data types listed once,
// plus a small constraint check) and workloads are created from it: nothing is written twice.
//
#pragma once

#include "IBackendInternal.hpp"
#include "IWorkload.hpp"
#include "LayerInfo.hpp"

#include <armnn/BackendId.hpp>

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{

/// Returns false and fills reason (without the backend or layer name, which the registry adds) when a layer
/// this kernel's data types accept is still unsupported.
using KernelCheck = bool (*)(const LayerInfo& layer, std::string& reason);
using KernelFactory = std::unique_ptr<IWorkload> (*)(const LayerInfo& layer);

struct KernelEntry
{
    LayerType m_Type;
    /// Data types of the layer's first input (of its first output when it has no input).
    std::vector<DataType> m_DataTypes;
    /// Further constraints; null when the data types say everything.
    KernelCheck m_Check;
    KernelFactory m_Create;
    /// Whether the kernel applies LayerInfo::m_FusedActivation; Optimize then fuses a following activation into it.
    bool m_AcceptsFusedActivation = false;
};

class KernelRegistry
{
public:
    KernelRegistry(BackendId backendId, std::vector<KernelEntry> entries);

    /// True when an entry accepts the layer. Otherwise reason reads "<LayerType> '<name>': <what is wrong>"
    /// (Optimize puts the backend's name in front).
    bool IsSupported(const LayerInfo& layer, std::string& reason) const;

    /// @throws InvalidArgumentException when no entry accepts the layer (with IsSupported's reason).
    std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const;

    /// Every entry's layer type and data types, for IBackendInternal::DescribeKernels.
    std::vector<KernelSummary> Describe() const;

private:
    const KernelEntry* Find(const LayerInfo& layer, std::string& reason) const;

    BackendId m_BackendId;
    std::vector<KernelEntry> m_Entries;
};

/// A backend whose kernels are one KernelRegistry: layer support, workload creation and DescribeKernels all come
/// from the table. Derive from it and pass the table; override OptimizeSubgraphView and the rest as needed.
class KernelTableBackend : public IBackendInternal
{
public:
    KernelTableBackend(const BackendId& id, std::vector<KernelEntry> table) : m_Id(id), m_Kernels(id, std::move(table))
    {}

    const BackendId& GetId() const override { return m_Id; }
    bool IsLayerSupported(const LayerInfo& layer, std::string& reason) const override
    {
        return m_Kernels.IsSupported(layer, reason);
    }
    std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const override
    {
        return m_Kernels.CreateWorkload(layer);
    }
    std::vector<KernelSummary> DescribeKernels() const override { return m_Kernels.Describe(); }

private:
    BackendId m_Id;
    KernelRegistry m_Kernels;
};

//
// Common constraint checks for kernel entries.
//

/// Every input and output has the data type of input 0 (of output 0 when there are no inputs).
bool CheckAllSameDataType(const LayerInfo& layer, std::string& reason);

/// Inputs at the listed indices are constant (their data is known when the workload is created).
bool CheckConstantInputs(const LayerInfo& layer, std::initializer_list<size_t> indices, std::string& reason);

/// No tensor is per-axis quantized.
bool CheckNoPerAxisQuantization(const LayerInfo& layer, std::string& reason);

} // namespace armnn

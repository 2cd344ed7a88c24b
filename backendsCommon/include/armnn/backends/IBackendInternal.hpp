//
// IBackendInternal: what a backend plugin implements. One type-dispatched support query and one workload factory,
// never a method per operator, so adding an operator to the core never breaks a plugin.
//
#pragma once

#include "IWorkload.hpp"
#include "LayerInfo.hpp"
#include "OptimizationViews.hpp"
#include "SubgraphView.hpp"

#include <armnn/BackendId.hpp>
#include <armnn/BackendOptions.hpp>
#include <armnn/IRuntime.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{

struct BackendVersion
{
    uint32_t m_Major;
    uint32_t m_Minor;

    constexpr BackendVersion(uint32_t major, uint32_t minor) : m_Major(major), m_Minor(minor) {}
    bool operator==(const BackendVersion& other) const
    {
        return m_Major == other.m_Major && m_Minor == other.m_Minor;
    }
};

/// The version of this backend API. A plugin built against major M and minor N loads into a core with major M
/// and minor >= N. Bump the minor for additions with defaults, the major for anything that breaks plugins.
/// 1.1: IWorkload::GetCounters. 1.2: IWorkload::PackedConstantInputs.
constexpr BackendVersion CoreBackendApiVersion{1, 2};

/// Per-runtime state of a backend (device handles, thread pools). Created once per IRuntime.
class IBackendContext
{
public:
    virtual ~IBackendContext() = default;

    /// False (with a reason) when the backend cannot run here: no device, no driver. The runtime then skips it.
    virtual bool IsAvailable(std::string& reasonIfUnavailable) const
    {
        (void)reasonIfUnavailable;
        return true;
    }
};

/// One kernel of a backend as documentation sees it: the layer type and the data types of its first input.
struct KernelSummary
{
    LayerType m_Type;
    std::vector<DataType> m_DataTypes;
};

class IBackendInternal
{
public:
    virtual ~IBackendInternal() = default;

    virtual const BackendId& GetId() const = 0;

    /// The API version this backend was built against.
    virtual BackendVersion GetApiVersion() const { return CoreBackendApiVersion; }

    /// Called once by each runtime that loads the backend, with the runtime's options
    /// (options.m_BackendOptions holds those addressed to any backend).
    /// May throw BackendUnavailableException; the runtime then skips the backend with the message as reason.
    virtual std::unique_ptr<IBackendContext> CreateBackendContext(const IRuntime::CreationOptions& options) const
    {
        (void)options;
        return std::make_unique<IBackendContext>();
    }

    /// Whether the backend runs the layer; the reason names backend, layer and tensor when it does not.
    virtual bool IsLayerSupported(const LayerInfo& layer, std::string& reasonIfUnsupported) const = 0;

    /// Creates the workload of a supported layer (weights from layer.m_ConstantInputs packed here).
    /// @throws Exception subclasses with a message naming the layer when it cannot.
    virtual std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const = 0;

    /// Offered each maximal connected subgraph of layers assigned to this backend. The default leaves it untouched.
    virtual OptimizationViews OptimizeSubgraphView(const SubgraphView& subgraph,
                                                   const ModelOptions& modelOptions) const;

    /// Whether the backend's tensors live in host memory the runtime plans and owns (true for CPU backends).
    virtual bool UsesHostMemory() const { return true; }

    /// For backends whose tensors do not live in host memory: a tensor handle of their own memory.
    virtual std::unique_ptr<ITensorHandle> CreateTensorHandle(const TensorInfo& info) const;

    virtual BackendCapabilities GetCapabilities() const { return BackendCapabilities(GetId()); }

    /// The kernels this backend has, for tools and documentation (docs/supported-layers.md).
    virtual std::vector<KernelSummary> DescribeKernels() const { return {}; }
};

using IBackendInternalUniquePtr = std::unique_ptr<IBackendInternal>;

} // namespace armnn

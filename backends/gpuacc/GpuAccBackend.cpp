//
// GpuAcc: the OpenCL backend. Our own OpenCL C kernels (GpuAccKernelSource.cpp), fp32 NHWC, run on any OpenCL 1.2
// device through the ICD loader. Tensors live in OpenCL buffers (UsesHostMemory() is false): Optimize puts MemCopy
// layers where GpuAcc meets a CPU backend, and those copies map and unmap the buffers. What the kernel table lacks
// falls back to the next backend in the user's preferences. docs/gpuacc.md describes the options.
//
#include "GpuAccKernels.hpp"
#include "GpuAccRuntime.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/backends/DynamicBackend.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <mutex>

namespace armnn
{
namespace gpuacc
{

namespace
{
using DT = DataType;

/// The one table of GpuAcc kernels. Layer support is derived from it.
std::vector<KernelEntry> GpuAccKernelTable()
{
    return {
        {LayerType::Activation, {DT::Float32}, CheckActivation, CreateActivation},
        {LayerType::Concat, {DT::Float32}, CheckConcat, CreateConcat},
        {LayerType::Convolution2d, {DT::Float32}, CheckConvolution2d, CreateConvolution2d, true},
        {LayerType::DepthwiseConvolution2d, {DT::Float32}, CheckDepthwiseConvolution2d, CreateDepthwiseConvolution2d,
         true},
        {LayerType::ElementwiseBinary, {DT::Float32}, CheckElementwiseBinary, CreateElementwiseBinary, true},
        {LayerType::FullyConnected, {DT::Float32}, CheckFullyConnected, CreateFullyConnected, true},
        {LayerType::Mean, {DT::Float32}, CheckMean, CreateMean},
        {LayerType::Pad, {DT::Float32}, CheckPad, CreatePad},
        {LayerType::Pooling2d, {DT::Float32}, CheckPooling2d, CreatePooling2d, true},
        {LayerType::Reshape, {DT::Float32}, CheckReshape, CreateReshape},
        {LayerType::Softmax, {DT::Float32}, CheckSoftmax, CreateSoftmax},
    };
}

unsigned AsUnsigned(const std::string& name, const BackendOptions::Var& value)
{
    if (value.IsUnsignedInt())
    {
        return value.AsUnsignedInt();
    }
    if (value.IsInt() && value.AsInt() >= 0)
    {
        return static_cast<unsigned>(value.AsInt());
    }
    throw InvalidArgumentException("GpuAcc: backend option " + name + " must be a non-negative integer");
}

std::string AsString(const std::string& name, const BackendOptions::Var& value)
{
    if (!value.IsString())
    {
        throw InvalidArgumentException("GpuAcc: backend option " + name + " must be a string");
    }
    return value.AsString();
}

RuntimeOptions ParseRuntimeOptions(const std::vector<BackendOptions>& options)
{
    RuntimeOptions result;
    ParseOptions(options, "GpuAcc", [&result](const std::string& name, const BackendOptions::Var& v) {
        if (name == "PlatformIndex")
        {
            result.m_PlatformIndex = AsUnsigned(name, v);
        }
        else if (name == "DeviceIndex")
        {
            result.m_DeviceIndex = AsUnsigned(name, v);
        }
        else if (name == "TuningLevel")
        {
            result.m_TuningLevel = AsUnsigned(name, v);
            if (result.m_TuningLevel > 3)
            {
                throw InvalidArgumentException("GpuAcc: TuningLevel must be 0 (none), 1 (rapid), 2 (normal) or 3 "
                                               "(exhaustive), not " + std::to_string(result.m_TuningLevel));
            }
        }
        else if (name == "TuningFile")
        {
            result.m_TuningFile = AsString(name, v);
        }
        else if (name == "CachedNetworkFilePath")
        {
            result.m_CacheDirectory = AsString(name, v);
        }
        else if (name == "SaveCachedNetwork")
        {
            if (!v.IsBool())
            {
                throw InvalidArgumentException("GpuAcc: backend option SaveCachedNetwork must be a bool");
            }
            result.m_SaveCache = v.AsBool();
        }
    });
    return result;
}

/// Opens the OpenCL platform and device the first time availability is asked (the runtime asks when a network
/// first names GpuAcc, or when every backend is listed), not at IRuntime::Create: an installed driver (PoCL) costs
/// about 63 MB and worker threads per process that asks, which processes that never use GpuAcc should not pay.
class GpuAccBackendContext final : public IBackendContext
{
public:
    GpuAccBackendContext(RuntimeOptions options, std::shared_ptr<ClRuntime>& runtime)
        : m_Options(std::move(options)), m_Runtime(runtime)
    {}

    bool IsAvailable(std::string& reasonIfUnavailable) const override
    {
        std::call_once(m_Opened, [this] {
            try
            {
                m_Runtime = std::make_shared<ClRuntime>(m_Options);
            }
            catch (const BackendUnavailableException& e)
            {
                m_Reason = e.what();
            }
        });
        reasonIfUnavailable = m_Reason;
        return m_Reason.empty();
    }

private:
    RuntimeOptions m_Options;
    std::shared_ptr<ClRuntime>& m_Runtime; // the backend's, which outlives its context
    mutable std::once_flag m_Opened;
    mutable std::string m_Reason;
};
} // namespace

class GpuAccBackend final : public KernelTableBackend
{
public:
    GpuAccBackend() : KernelTableBackend("GpuAcc", GpuAccKernelTable()) {}

    /// Checks the options; the context opens the OpenCL device they choose when availability is first asked. The
    /// registry creates one backend object per runtime and calls this once, so the OpenCL state lives here, shared
    /// with the workloads and tensor handles it creates.
    std::unique_ptr<IBackendContext> CreateBackendContext(const IRuntime::CreationOptions& options) const override
    {
        return std::make_unique<GpuAccBackendContext>(ParseRuntimeOptions(options.m_BackendOptions), m_Runtime);
    }

    std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const override
    {
        RuntimeScope scope(m_Runtime);
        return KernelTableBackend::CreateWorkload(layer);
    }

    bool UsesHostMemory() const override { return false; }

    std::unique_ptr<ITensorHandle> CreateTensorHandle(const TensorInfo& info) const override
    {
        if (!m_Runtime)
        {
            throw RuntimeException("GpuAcc: no OpenCL runtime (the backend has no context from this IRuntime)");
        }
        return std::make_unique<ClTensorHandle>(m_Runtime, info);
    }

private:
    mutable std::shared_ptr<ClRuntime> m_Runtime;
};

} // namespace gpuacc
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::gpuacc::GpuAccBackend, "GpuAcc")

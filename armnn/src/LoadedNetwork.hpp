//
// LoadedNetwork: an optimized network turned into workloads, with its tensor memory planned.
// Immutable after creation; each EnqueueWorkload borrows an execution context (arena + tensor handles) from a pool,
// so concurrent calls never share memory.
//
#pragma once

#include "DeviceSpec.hpp"
#include "ProfilerImpl.hpp"

#include <armnn/IRuntime.hpp>
#include <armnn/backends/IWorkload.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace armnn
{

class Layer;

class LoadedNetwork
{
public:
    /// @throws Exception subclasses naming the layer and backend when a workload cannot be created.
    LoadedNetwork(IOptimizedNetworkPtr network, const DeviceSpec& deviceSpec, const INetworkProperties& properties);
    ~LoadedNetwork();

    TensorInfo GetInputTensorInfo(LayerBindingId id) const;
    TensorInfo GetOutputTensorInfo(LayerBindingId id) const;

    /// @throws InvalidArgumentException for bad bindings; returns Failure when a workload fails.
    Status EnqueueWorkload(const InputTensors& inputs, const OutputTensors& outputs);

    const std::shared_ptr<IProfiler>& GetProfiler() const { return m_Profiler; }
    void RegisterDebugCallback(const DebugCallbackFunction& func);

    /// Bytes of the intermediate-tensor arena of one execution context.
    size_t GetArenaBytes() const { return m_ArenaBytes; }

private:
    enum class TensorKind
    {
        Intermediate, // in the arena
        Constant,     // a Constant layer's data
        NetworkInput, // the caller's input buffer
        NetworkOutput,// the caller's output buffer, written in place by its producer
        Alias,        // the same memory as another tensor (zero-copy import)
        Device        // memory of a backend that does not use host memory
    };

    struct TensorPlan
    {
        TensorInfo m_Info;
        TensorKind m_Kind = TensorKind::Intermediate;
        size_t m_Offset = 0;
        const void* m_ConstantData = nullptr;
        int m_AliasOf = -1;
        int m_BindingIndex = -1; // NetworkInput / NetworkOutput: index into m_InputBindings / m_OutputBindings
        const IBackendInternal* m_DeviceBackend = nullptr;
    };

    struct Step
    {
        std::unique_ptr<IWorkload> m_Workload;
        std::string m_Name;
        LayerType m_Type;
        BackendId m_Backend;
        LayerGuid m_Guid;
        std::vector<int> m_Inputs;
        std::vector<int> m_Outputs;
        size_t m_ScratchOffset = 0;
        size_t m_ScratchBytes = 0;
        std::vector<ProfilerImpl::Counter> m_Counters; // IWorkload::GetCounters, asked once at load
    };

    struct Binding
    {
        LayerBindingId m_Id;
        int m_Tensor;
        TensorInfo m_Info;
        bool m_CopyAtEnd = false; // outputs whose tensor is not written in place
    };

    struct ExecutionContext;

    int ResolveAlias(int tensor) const;
    void PlanMemory();
    std::unique_ptr<ExecutionContext> CreateContext() const;
    std::unique_ptr<ExecutionContext> AcquireContext();
    void ReleaseContext(std::unique_ptr<ExecutionContext> context);
    void ValidateBindings(const InputTensors& inputs, const OutputTensors& outputs,
                          std::vector<const void*>& inputMemory, std::vector<void*>& outputMemory) const;

    IOptimizedNetworkPtr m_Network;
    std::vector<TensorPlan> m_Tensors;
    std::vector<Step> m_Steps;
    std::vector<Binding> m_InputBindings;
    std::vector<Binding> m_OutputBindings;
    size_t m_ArenaBytes = 0;

    std::mutex m_PoolMutex;
    std::vector<std::unique_ptr<ExecutionContext>> m_FreeContexts;

    std::shared_ptr<IProfiler> m_Profiler;
    DebugCallbackFunction m_DebugCallback;
};

} // namespace armnn

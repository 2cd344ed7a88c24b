#include "LoadedNetwork.hpp"

#include "Network.hpp"
#include "ProfilerImpl.hpp"

#include <armnn/Logging.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <unordered_map>

namespace armnn
{

namespace
{

constexpr size_t kAlignment = 64;

size_t AlignUp(size_t value)
{
    return (value + kAlignment - 1) / kAlignment * kAlignment;
}

struct AlignedDeleter
{
    void operator()(uint8_t* p) const { std::free(p); }
};

/// MemCopy: copies between any two tensor handles (host or device) through Map.
class CopyWorkload final : public IWorkload
{
public:
    void Execute(const ExecutionTensors& tensors) const override
    {
        ITensorHandle* source = tensors.m_Inputs[0];
        ITensorHandle* destination = tensors.m_Outputs[0];
        const void* from = source->Map();
        void* to = destination->Map();
        std::memcpy(to, from, destination->GetTensorInfo().GetNumBytes());
        destination->Unmap();
        source->Unmap();
    }
};

} // namespace

struct LoadedNetwork::ExecutionContext
{
    std::unique_ptr<uint8_t, AlignedDeleter> m_Arena;
    std::vector<HostTensorHandle> m_HostHandles;
    std::vector<std::unique_ptr<ITensorHandle>> m_DeviceHandles;
    std::vector<ITensorHandle*> m_Handles;
    std::vector<ExecutionTensors> m_StepTensors;
};

LoadedNetwork::LoadedNetwork(IOptimizedNetworkPtr network, const DeviceSpec& deviceSpec,
                             const INetworkProperties& properties)
    : m_Network(std::move(network)), m_Profiler(std::make_shared<IProfiler>())
{
    const OptimizedNetworkImpl& optimized = m_Network->GetImpl();
    const Graph& graph = optimized.GetGraph();
    m_Profiler->EnableProfiling(properties.m_ProfilingEnabled || optimized.IsProfilingEnabled());

    std::unordered_map<const OutputSlot*, int> tensorOf;
    // A constant whose consumers are all workloads that packed it (IWorkload::PackedConstantInputs) is released
    // right after the last of them is created, so its data and the packed copies are not all alive at once.
    struct ConstantUse
    {
        Layer* m_Layer;
        unsigned int m_Remaining;
        bool m_AllPacked;
    };
    std::unordered_map<int, ConstantUse> constantUses;
    size_t releasedBytes = 0;
    auto consume = [this, &constantUses, &releasedBytes](const std::vector<int>& inputs, bool packed) {
        for (int t : inputs)
        {
            auto it = constantUses.find(t);
            if (it == constantUses.end())
            {
                continue;
            }
            ConstantUse& use = it->second;
            use.m_AllPacked = use.m_AllPacked && packed;
            if (--use.m_Remaining == 0 && use.m_AllPacked)
            {
                releasedBytes += use.m_Layer->GetConstantData()->m_Bytes.size();
                use.m_Layer->SetConstantData(nullptr);
                m_Tensors[t].m_ConstantData = nullptr;
            }
        }
    };
    auto addTensor = [this](const TensorInfo& info, TensorKind kind) {
        TensorPlan plan;
        plan.m_Info = info;
        plan.m_Kind = kind;
        m_Tensors.push_back(plan);
        return static_cast<int>(m_Tensors.size() - 1);
    };

    for (Layer* layer : graph.TopologicalSort())
    {
        const LayerType type = layer->GetType();
        std::vector<int> inputs;
        for (const InputSlot& input : layer->GetInputSlots())
        {
            inputs.push_back(tensorOf.at(input.GetConnectedOutputSlot()));
        }

        if (type == LayerType::Input)
        {
            const int t = addTensor(layer->GetOutput(0).GetTensorInfo(), TensorKind::NetworkInput);
            m_Tensors[t].m_BindingIndex = static_cast<int>(m_InputBindings.size());
            m_InputBindings.push_back({layer->GetBindingId(), t, m_Tensors[t].m_Info});
            tensorOf[&layer->GetOutput(0)] = t;
            continue;
        }
        if (type == LayerType::Output)
        {
            m_OutputBindings.push_back({layer->GetBindingId(), inputs[0], m_Tensors[inputs[0]].m_Info});
            consume(inputs, false);
            continue;
        }
        if (type == LayerType::Constant)
        {
            const int t = addTensor(layer->GetOutput(0).GetTensorInfo(), TensorKind::Constant);
            m_Tensors[t].m_ConstantData = layer->GetConstantData()->m_Bytes.data();
            tensorOf[&layer->GetOutput(0)] = t;
            constantUses[t] = {layer, layer->GetOutput(0).GetNumConnections(), true};
            continue;
        }
        if (type == LayerType::MemImport)
        {
            consume(inputs, false);
            const int t = addTensor(layer->GetOutput(0).GetTensorInfo(), TensorKind::Alias);
            m_Tensors[t].m_AliasOf = ResolveAlias(inputs[0]);
            tensorOf[&layer->GetOutput(0)] = t;
            continue;
        }

        const IBackendInternal* backend = deviceSpec.GetBackend(layer->GetBackendId());
        if (type != LayerType::MemCopy && backend == nullptr)
        {
            throw RuntimeException("LoadNetwork: " + layer->Describe() + " is assigned to backend " +
                                   layer->GetBackendId().Get() + ", which this runtime has not loaded");
        }
        Step step;
        step.m_Name = layer->GetName();
        step.m_Type = type;
        step.m_Backend = layer->GetBackendId();
        step.m_Guid = layer->GetGuid();
        step.m_Inputs = inputs;
        if (type == LayerType::MemCopy)
        {
            step.m_Workload = std::make_unique<CopyWorkload>();
        }
        else
        {
            LayerInfo info = layer->MakeLayerInfo(true);
            info.m_ModelOptions = &optimized.GetModelOptions();
            try
            {
                step.m_Workload = backend->CreateWorkload(info);
            }
            catch (const Exception& e)
            {
                throw RuntimeException("LoadNetwork: backend " + backend->GetId().Get() +
                                       " could not create the workload of " + layer->Describe() + ": " + e.what());
            }
            if (!step.m_Workload)
            {
                throw RuntimeException("LoadNetwork: backend " + backend->GetId().Get() +
                                       " returned no workload for " + layer->Describe());
            }
            if (backend->GetApiVersion().m_Minor >= 1) // GetCounters exists from backend API 1.1
            {
                for (const WorkloadCounter& counter : step.m_Workload->GetCounters())
                {
                    step.m_Counters.push_back({counter.m_Name, counter.m_Unit, counter.m_Value});
                }
            }
        }
        // PackedConstantInputs exists from backend API 1.2.
        consume(inputs, type != LayerType::MemCopy && backend->GetApiVersion().m_Minor >= 2 &&
                            step.m_Workload->PackedConstantInputs());
        const IBackendInternal* memoryOwner =
            type == LayerType::MemCopy ? deviceSpec.GetBackend(layer->GetBackendId()) : backend;
        for (const OutputSlot& output : layer->GetOutputSlots())
        {
            const bool device = memoryOwner != nullptr && !memoryOwner->UsesHostMemory();
            const int t = addTensor(output.GetTensorInfo(), device ? TensorKind::Device : TensorKind::Intermediate);
            m_Tensors[t].m_DeviceBackend = device ? memoryOwner : nullptr;
            step.m_Outputs.push_back(t);
            tensorOf[&output] = t;
        }
        step.m_ScratchBytes = step.m_Workload->GetScratchBytes();
        m_Steps.push_back(std::move(step));
    }

    // Outputs are written in place where their tensor is produced by a workload and not already claimed.
    for (size_t i = 0; i < m_OutputBindings.size(); ++i)
    {
        Binding& binding = m_OutputBindings[i];
        binding.m_Tensor = ResolveAlias(binding.m_Tensor);
        TensorPlan& plan = m_Tensors[binding.m_Tensor];
        if (plan.m_Kind == TensorKind::Intermediate)
        {
            plan.m_Kind = TensorKind::NetworkOutput;
            plan.m_BindingIndex = static_cast<int>(i);
        }
        else
        {
            binding.m_CopyAtEnd = true;
        }
    }
    PlanMemory();
    ARMNN_LOG(info) << "LoadNetwork: " << m_Steps.size() << " workloads, " << m_Tensors.size() << " tensors, "
                    << m_ArenaBytes << " bytes of planned intermediate memory per execution context; "
                    << releasedBytes << " bytes of constants released once packed";
}

LoadedNetwork::~LoadedNetwork() = default;

int LoadedNetwork::ResolveAlias(int tensor) const
{
    while (m_Tensors[tensor].m_Kind == TensorKind::Alias)
    {
        tensor = m_Tensors[tensor].m_AliasOf;
    }
    return tensor;
}

void LoadedNetwork::PlanMemory()
{
    // Lifetimes in step indices: [first write, last read]. Scratch blocks live for their own step only.
    struct Block
    {
        size_t m_Bytes;
        size_t m_First;
        size_t m_Last;
        size_t* m_Offset;
    };
    const size_t end = m_Steps.size();
    std::vector<size_t> first(m_Tensors.size(), end), last(m_Tensors.size(), 0);
    for (size_t s = 0; s < m_Steps.size(); ++s)
    {
        for (int t : m_Steps[s].m_Outputs)
        {
            first[t] = std::min(first[t], s);
            last[t] = std::max(last[t], s);
        }
        for (int t : m_Steps[s].m_Inputs)
        {
            const int r = ResolveAlias(t);
            last[r] = std::max(last[r], s);
        }
    }
    for (const Binding& binding : m_OutputBindings)
    {
        if (binding.m_CopyAtEnd)
        {
            last[binding.m_Tensor] = end;
        }
    }

    std::vector<Block> blocks;
    for (size_t t = 0; t < m_Tensors.size(); ++t)
    {
        if (m_Tensors[t].m_Kind == TensorKind::Intermediate)
        {
            blocks.push_back({AlignUp(m_Tensors[t].m_Info.GetNumBytes()), first[t], std::max(first[t], last[t]),
                              &m_Tensors[t].m_Offset});
        }
    }
    for (size_t s = 0; s < m_Steps.size(); ++s)
    {
        if (m_Steps[s].m_ScratchBytes > 0)
        {
            blocks.push_back({AlignUp(m_Steps[s].m_ScratchBytes), s, s, &m_Steps[s].m_ScratchOffset});
        }
    }
    // Greedy by size: each block goes at the lowest offset that overlaps no placed block alive at the same time.
    std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.m_Bytes > b.m_Bytes; });
    std::vector<const Block*> placed;
    m_ArenaBytes = 0;
    for (Block& block : blocks)
    {
        std::vector<std::pair<size_t, size_t>> busy;
        for (const Block* other : placed)
        {
            if (other->m_First <= block.m_Last && block.m_First <= other->m_Last)
            {
                busy.emplace_back(*other->m_Offset, *other->m_Offset + other->m_Bytes);
            }
        }
        std::sort(busy.begin(), busy.end());
        size_t offset = 0;
        for (const auto& range : busy)
        {
            if (offset + block.m_Bytes <= range.first)
            {
                break;
            }
            offset = std::max(offset, range.second);
        }
        *block.m_Offset = offset;
        placed.push_back(&block);
        m_ArenaBytes = std::max(m_ArenaBytes, offset + block.m_Bytes);
    }
}

std::unique_ptr<LoadedNetwork::ExecutionContext> LoadedNetwork::CreateContext() const
{
    auto context = std::make_unique<ExecutionContext>();
    if (m_ArenaBytes > 0)
    {
        void* memory = std::aligned_alloc(kAlignment, AlignUp(m_ArenaBytes));
        if (memory == nullptr)
        {
            throw RuntimeException("EnqueueWorkload: cannot allocate " + std::to_string(m_ArenaBytes) +
                                   " bytes of tensor memory");
        }
        context->m_Arena.reset(static_cast<uint8_t*>(memory));
    }
    uint8_t* arena = context->m_Arena.get();
    context->m_HostHandles.resize(m_Tensors.size());
    context->m_DeviceHandles.resize(m_Tensors.size());
    context->m_Handles.resize(m_Tensors.size(), nullptr);
    for (size_t t = 0; t < m_Tensors.size(); ++t)
    {
        const TensorPlan& plan = m_Tensors[t];
        HostTensorHandle& host = context->m_HostHandles[t];
        host.SetTensorInfo(plan.m_Info);
        switch (plan.m_Kind)
        {
            case TensorKind::Intermediate: host.SetMemory(arena + plan.m_Offset); break;
            case TensorKind::Constant: host.SetMemory(const_cast<void*>(plan.m_ConstantData)); break;
            case TensorKind::Device:
                context->m_DeviceHandles[t] = plan.m_DeviceBackend->CreateTensorHandle(plan.m_Info);
                break;
            default: break;
        }
        context->m_Handles[t] = plan.m_Kind == TensorKind::Device ? context->m_DeviceHandles[t].get() : &host;
    }
    for (size_t t = 0; t < m_Tensors.size(); ++t)
    {
        if (m_Tensors[t].m_Kind == TensorKind::Alias)
        {
            context->m_Handles[t] = context->m_Handles[ResolveAlias(static_cast<int>(t))];
        }
    }
    context->m_StepTensors.resize(m_Steps.size());
    for (size_t s = 0; s < m_Steps.size(); ++s)
    {
        ExecutionTensors& tensors = context->m_StepTensors[s];
        for (int t : m_Steps[s].m_Inputs)
        {
            tensors.m_Inputs.push_back(context->m_Handles[t]);
        }
        for (int t : m_Steps[s].m_Outputs)
        {
            tensors.m_Outputs.push_back(context->m_Handles[t]);
        }
        tensors.m_Scratch = m_Steps[s].m_ScratchBytes > 0 ? arena + m_Steps[s].m_ScratchOffset : nullptr;
    }
    return context;
}

std::unique_ptr<LoadedNetwork::ExecutionContext> LoadedNetwork::AcquireContext()
{
    {
        std::lock_guard<std::mutex> lock(m_PoolMutex);
        if (!m_FreeContexts.empty())
        {
            auto context = std::move(m_FreeContexts.back());
            m_FreeContexts.pop_back();
            return context;
        }
    }
    return CreateContext();
}

void LoadedNetwork::ReleaseContext(std::unique_ptr<ExecutionContext> context)
{
    std::lock_guard<std::mutex> lock(m_PoolMutex);
    m_FreeContexts.push_back(std::move(context));
}

namespace
{
template <typename Bindings>
std::string ListIds(const Bindings& bindings)
{
    std::string ids;
    for (const auto& b : bindings)
    {
        ids += (ids.empty() ? "" : ", ") + std::to_string(b.m_Id);
    }
    return "[" + ids + "]";
}

template <typename Bindings, typename Tensors, typename Memory>
void Match(const char* what, const Bindings& bindings, const Tensors& tensors, std::vector<Memory>& memory)
{
    memory.assign(bindings.size(), nullptr);
    std::vector<bool> given(bindings.size(), false);
    for (const auto& entry : tensors)
    {
        const LayerBindingId id = entry.first;
        auto it = std::find_if(bindings.begin(), bindings.end(), [id](const auto& b) { return b.m_Id == id; });
        if (it == bindings.end())
        {
            throw InvalidArgumentException(std::string("EnqueueWorkload: no ") + what + " layer has binding id " +
                                           std::to_string(id) + "; the network's " + what + "s are " +
                                           ListIds(bindings));
        }
        const size_t index = static_cast<size_t>(it - bindings.begin());
        if (given[index])
        {
            throw InvalidArgumentException(std::string("EnqueueWorkload: ") + what + " binding id " +
                                           std::to_string(id) + " is given twice");
        }
        given[index] = true;
        if (entry.second.GetMemoryArea() == nullptr)
        {
            throw InvalidArgumentException(std::string("EnqueueWorkload: ") + what + " binding id " +
                                           std::to_string(id) + " has null memory");
        }
        const unsigned int expected = it->m_Info.GetNumBytes();
        if (entry.second.GetInfo().GetNumBytes() != expected)
        {
            std::ostringstream ss;
            ss << "EnqueueWorkload: " << what << " binding id " << id << " has " << entry.second.GetInfo().GetNumBytes()
               << " bytes but the network expects " << expected << " (" << GetDataTypeName(it->m_Info.GetDataType())
               << " " << it->m_Info.GetShape() << ")";
            throw InvalidArgumentException(ss.str());
        }
        memory[index] = entry.second.GetMemoryArea();
    }
    for (size_t i = 0; i < bindings.size(); ++i)
    {
        if (!given[i])
        {
            throw InvalidArgumentException(std::string("EnqueueWorkload: ") + what + " binding id " +
                                           std::to_string(bindings[i].m_Id) + " was not given");
        }
    }
}
} // namespace

void LoadedNetwork::ValidateBindings(const InputTensors& inputs, const OutputTensors& outputs,
                                     std::vector<const void*>& inputMemory, std::vector<void*>& outputMemory) const
{
    Match("input", m_InputBindings, inputs, inputMemory);
    Match("output", m_OutputBindings, outputs, outputMemory);
}

TensorInfo LoadedNetwork::GetInputTensorInfo(LayerBindingId id) const
{
    for (const Binding& b : m_InputBindings)
    {
        if (b.m_Id == id)
        {
            return b.m_Info;
        }
    }
    throw InvalidArgumentException("GetInputTensorInfo: no input layer has binding id " + std::to_string(id) +
                                   "; the network's inputs are " + ListIds(m_InputBindings));
}

TensorInfo LoadedNetwork::GetOutputTensorInfo(LayerBindingId id) const
{
    for (const Binding& b : m_OutputBindings)
    {
        if (b.m_Id == id)
        {
            return b.m_Info;
        }
    }
    throw InvalidArgumentException("GetOutputTensorInfo: no output layer has binding id " + std::to_string(id) +
                                   "; the network's outputs are " + ListIds(m_OutputBindings));
}

void LoadedNetwork::RegisterDebugCallback(const DebugCallbackFunction& func)
{
    m_DebugCallback = func;
}

Status LoadedNetwork::EnqueueWorkload(const InputTensors& inputs, const OutputTensors& outputs)
{
    std::vector<const void*> inputMemory;
    std::vector<void*> outputMemory;
    ValidateBindings(inputs, outputs, inputMemory, outputMemory);

    std::unique_ptr<ExecutionContext> context = AcquireContext();
    for (size_t t = 0; t < m_Tensors.size(); ++t)
    {
        const TensorPlan& plan = m_Tensors[t];
        if (plan.m_Kind == TensorKind::NetworkInput)
        {
            context->m_HostHandles[t].SetMemory(const_cast<void*>(inputMemory[plan.m_BindingIndex]));
        }
        else if (plan.m_Kind == TensorKind::NetworkOutput)
        {
            context->m_HostHandles[t].SetMemory(outputMemory[plan.m_BindingIndex]);
        }
    }

    const bool profiling = m_Profiler->IsProfilingEnabled();
    std::vector<ProfilerImpl::WorkloadTiming> timings;
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    Status status = Status::Success;
    for (size_t s = 0; s < m_Steps.size(); ++s)
    {
        const Step& step = m_Steps[s];
        const auto stepStart = profiling ? Clock::now() : Clock::time_point();
        try
        {
            step.m_Workload->Execute(context->m_StepTensors[s]);
        }
        catch (const std::exception& e)
        {
            ARMNN_LOG(error) << "EnqueueWorkload: " << GetLayerTypeAsCString(step.m_Type) << " '" << step.m_Name
                             << "' on " << step.m_Backend << " failed: " << e.what();
            status = Status::Failure;
            break;
        }
        if (profiling)
        {
            const double us = std::chrono::duration<double, std::micro>(Clock::now() - stepStart).count();
            timings.push_back(
                {step.m_Name, GetLayerTypeAsCString(step.m_Type), step.m_Backend.Get(), step.m_Guid, us, step.m_Counters});
        }
        if (m_DebugCallback)
        {
            for (size_t o = 0; o < step.m_Outputs.size(); ++o)
            {
                m_DebugCallback(step.m_Guid, static_cast<unsigned int>(o), context->m_StepTensors[s].m_Outputs[o]);
            }
        }
    }
    if (status == Status::Success)
    {
        for (size_t i = 0; i < m_OutputBindings.size(); ++i)
        {
            const Binding& binding = m_OutputBindings[i];
            if (binding.m_CopyAtEnd)
            {
                ITensorHandle* source = context->m_Handles[binding.m_Tensor];
                const void* from = m_Tensors[binding.m_Tensor].m_Kind == TensorKind::NetworkInput
                                       ? inputMemory[m_Tensors[binding.m_Tensor].m_BindingIndex]
                                       : source->Map();
                std::memcpy(outputMemory[i], from, binding.m_Info.GetNumBytes());
                if (m_Tensors[binding.m_Tensor].m_Kind != TensorKind::NetworkInput)
                {
                    source->Unmap();
                }
            }
        }
    }
    if (profiling)
    {
        const double total = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        m_Profiler->GetImpl().RecordInference(total, std::move(timings));
    }
    ReleaseContext(std::move(context));
    return status;
}

} // namespace armnn

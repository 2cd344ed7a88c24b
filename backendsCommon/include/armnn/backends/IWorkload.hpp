//
// IWorkload: one layer prepared to run on one backend. Created once at LoadNetwork (weights packed there),
// executed many times, possibly from several threads at once: Execute is const and keeps no per-call state
// outside the tensors and the scratch memory it is given.
//
#pragma once

#include "ITensorHandle.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace armnn
{

/// The tensors one execution of a workload reads and writes.
struct ExecutionTensors
{
    std::vector<ITensorHandle*> m_Inputs;
    std::vector<ITensorHandle*> m_Outputs;
    /// GetScratchBytes() bytes of memory private to this execution, 64-byte aligned (null when 0 were asked).
    void* m_Scratch = nullptr;

    template <typename T = void>
    const T* Input(size_t index) const
    {
        return static_cast<const T*>(m_Inputs[index]->Map());
    }
    template <typename T = void>
    T* Output(size_t index) const
    {
        return static_cast<T*>(m_Outputs[index]->Map());
    }
};

/// A figure a workload reports to the profiler with each execution, such as an emulated accelerator's simulated
/// device time.
struct WorkloadCounter
{
    std::string m_Name;
    std::string m_Unit;
    double m_Value;
};

class IWorkload
{
public:
    virtual ~IWorkload() = default;

    virtual void Execute(const ExecutionTensors& tensors) const = 0;

    /// Temporary memory each execution needs; the runtime plans it with the intermediate tensors.
    virtual size_t GetScratchBytes() const { return 0; }

    /// Figures recorded with each profiled execution, fixed when the workload is created. Backend API 1.1: the
    /// core asks only workloads of backends built against 1.1 or later.
    virtual std::vector<WorkloadCounter> GetCounters() const { return {}; }

    /// True when the workload copied (packed) what it needs of its constant inputs at creation and never reads
    /// those tensors when it executes. When every consumer of a constant says so, the runtime releases the
    /// constant's data right after creating the last of them (the caller's INetwork may still hold its own
    /// reference). Backend API 1.2: the core asks only workloads of backends built against 1.2 or later.
    virtual bool PackedConstantInputs() const { return false; }
};

} // namespace armnn

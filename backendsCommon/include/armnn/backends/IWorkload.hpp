//
// IWorkload: one layer prepared to run on one backend. Created once at LoadNetwork (weights packed there),
// executed many times, possibly from several threads at once: Execute is const and keeps no per-call state
// outside the tensors and the scratch memory it is given.
//
#pragma once

#include "ITensorHandle.hpp"

#include <cstddef>
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

class IWorkload
{
public:
    virtual ~IWorkload() = default;

    virtual void Execute(const ExecutionTensors& tensors) const = 0;

    /// Temporary memory each execution needs; the runtime plans it with the intermediate tensors.
    virtual size_t GetScratchBytes() const { return 0; }
};

} // namespace armnn

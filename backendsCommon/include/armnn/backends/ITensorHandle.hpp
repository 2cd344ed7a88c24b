//
// ITensorHandle: a tensor's memory as a workload sees it at execution time.
//
#pragma once

#include <armnn/MemorySources.hpp>
#include <armnn/Tensor.hpp>

namespace armnn
{

class ITensorHandle
{
public:
    virtual ~ITensorHandle() = default;

    virtual const TensorInfo& GetTensorInfo() const = 0;

    /// CPU-visible pointer to the tensor's first byte, valid until Unmap. For host memory it is the memory itself.
    virtual void* Map(bool blocking = true) const = 0;
    virtual void Unmap() const = 0;

    /// Memory sources this handle can wrap without copying.
    virtual MemorySourceFlags GetImportFlags() const { return 0; }
};

/// A tensor in host memory owned by someone else (the runtime's arena, a caller's buffer, a constant).
class HostTensorHandle final : public ITensorHandle
{
public:
    HostTensorHandle() = default;
    HostTensorHandle(const TensorInfo& info, void* memory) : m_Info(info), m_Memory(memory) {}

    const TensorInfo& GetTensorInfo() const override { return m_Info; }
    void* Map(bool = true) const override { return m_Memory; }
    void Unmap() const override {}
    MemorySourceFlags GetImportFlags() const override { return static_cast<MemorySourceFlags>(MemorySource::Malloc); }

    void SetMemory(void* memory) { m_Memory = memory; }
    void SetTensorInfo(const TensorInfo& info) { m_Info = info; }

private:
    TensorInfo m_Info;
    void* m_Memory = nullptr;
};

} // namespace armnn

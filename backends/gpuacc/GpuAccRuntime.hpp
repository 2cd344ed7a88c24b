//
// GpuAcc's per-runtime OpenCL state: one platform, device, context and in-order queue per IRuntime, the compiled
// programs (in memory, and as binaries on disk when asked) and the local-work-size tuner's table.
// Created by GpuAccBackend::CreateBackendContext and shared (shared_ptr) by every workload and tensor handle.
//
#pragma once

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include <armnn/backends/ITensorHandle.hpp>

#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace armnn
{
namespace gpuacc
{

/// The source of every kernel (GpuAccKernelSource.cpp).
const char* KernelSource();

/// Throws RuntimeException "GpuAcc: <what> failed: OpenCL error <code>" unless status is CL_SUCCESS.
void Check(cl_int status, const char* what);

using MemPtr = std::shared_ptr<std::remove_pointer_t<cl_mem>>;
using KernelPtr = std::shared_ptr<std::remove_pointer_t<cl_kernel>>;

/// The runtime's GpuAcc options (IRuntime::CreationOptions::m_BackendOptions for "GpuAcc").
struct RuntimeOptions
{
    unsigned m_PlatformIndex = 0;
    unsigned m_DeviceIndex = 0;
    /// 0 none (use the tuning file's values only), 1 rapid, 2 normal, 3 exhaustive.
    unsigned m_TuningLevel = 0;
    std::string m_TuningFile;
    /// Directory of program binaries; empty: no disk cache.
    std::string m_CacheDirectory;
    /// Whether programs compiled from source are written to m_CacheDirectory.
    bool m_SaveCache = false;
};

/// Where a network's programs come from: the runtime's cache options, overridden by the network's model options.
struct ProgramOptions
{
    bool m_Fp16 = false;
    std::string m_CacheDirectory;
    bool m_SaveCache = false;
};

/// Counters for tests and logs: how programs were obtained in this process.
struct ProgramStats
{
    std::atomic<unsigned> m_CompiledFromSource{0};
    std::atomic<unsigned> m_LoadedFromCache{0};
    std::atomic<unsigned> m_CorruptCacheFiles{0};
};
ProgramStats& Stats();

class ClRuntime
{
public:
    /// Throws BackendUnavailableException (with the reason) when the platform or device cannot be had.
    explicit ClRuntime(const RuntimeOptions& options);
    /// Writes the tuning file when tuning found something new.
    ~ClRuntime();
    ClRuntime(const ClRuntime&) = delete;
    ClRuntime& operator=(const ClRuntime&) = delete;

    cl_context Context() const { return m_Context; }
    cl_command_queue Queue() const { return m_Queue; }
    bool HasFp16() const { return m_HasFp16; }
    const std::string& DeviceName() const { return m_DeviceName; }
    const RuntimeOptions& Options() const { return m_Options; }

    /// The program for these options: from memory, else from the disk cache, else compiled (and maybe saved).
    cl_program GetProgram(const ProgramOptions& options);

    KernelPtr CreateKernel(cl_program program, const char* name);
    /// A device buffer of `bytes` (at least 4), filled from `data` when not null.
    MemPtr CreateBuffer(size_t bytes, const void* data = nullptr);

    /// The local size to use for a kernel launch identified by `key` (0s: the driver's choice). With a tuning
    /// level above 0 and no entry for key yet, times candidates with `run(local)` and records the fastest.
    std::array<size_t, 3> LocalSize(const std::string& key, cl_kernel kernel, const std::array<size_t, 3>& global,
                                    cl_uint dims, const std::function<void(const std::array<size_t, 3>&)>& run);

    /// The tuner's table as the tuning file holds it (tests).
    std::map<std::string, std::array<size_t, 3>> TunedValues() const;

private:
    cl_program BuildFromSource(const std::string& options) const;
    cl_program LoadBinary(const std::string& path, const std::string& key, const std::string& options,
                          std::string& problem) const;
    void SaveBinary(cl_program program, const std::string& path, const std::string& key) const;
    void ReadTuningFile();

    RuntimeOptions m_Options;
    cl_platform_id m_Platform = nullptr;
    cl_device_id m_Device = nullptr;
    cl_context m_Context = nullptr;
    cl_command_queue m_Queue = nullptr;
    bool m_HasFp16 = false;
    std::string m_DeviceName;
    std::string m_DriverVersion;

    std::mutex m_ProgramMutex;
    std::map<std::string, cl_program> m_Programs;

    mutable std::mutex m_TuningMutex;
    std::map<std::string, std::array<size_t, 3>> m_Tuned;
    bool m_TuningChanged = false;
};

/// A tensor in an OpenCL buffer. Map and Unmap go through the runtime's queue (blocking map: it waits for
/// every kernel enqueued before it).
class ClTensorHandle final : public ITensorHandle
{
public:
    ClTensorHandle(std::shared_ptr<ClRuntime> runtime, const TensorInfo& info);

    const TensorInfo& GetTensorInfo() const override { return m_Info; }
    void* Map(bool blocking = true) const override;
    void Unmap() const override;

    cl_mem Buffer() const { return m_Buffer.get(); }

private:
    std::shared_ptr<ClRuntime> m_Runtime;
    TensorInfo m_Info;
    MemPtr m_Buffer;
    mutable std::mutex m_MapMutex;
    mutable void* m_Mapped = nullptr;
    mutable unsigned m_MapCount = 0;
};

} // namespace gpuacc
} // namespace armnn

//
// Test helper: builds Input -> (layers a test adds) -> Output, runs it on one backend and returns the output.
// The CpuAcc tests build the same chain for CpuAcc and for CpuRef and compare.
//
#pragma once

#include <armnn/ArmNN.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace armnn
{
namespace test
{

/// Adds layers after `input` and returns the one whose output 0 is the network's output; it sets every
/// TensorInfo it creates. Constant data must outlive the call (Constant layers copy it).
using BuildChainFn = std::function<IConnectableLayer*(INetwork& network, IOutputSlot& input)>;

/// A loaded chain: input binding 0, output binding 0, in `runtime` (null: the binary's shared runtime).
class LoadedChain
{
public:
    LoadedChain(const BackendId& backend, const TensorInfo& inputInfo, const BuildChainFn& build,
                ModelOptions options = {}, IRuntime* runtime = nullptr);
    ~LoadedChain();
    LoadedChain(const LoadedChain&) = delete;
    LoadedChain& operator=(const LoadedChain&) = delete;

    /// Runs once; safe to call from several threads.
    std::vector<float> Run(const std::vector<float>& input) const;
    /// The same for any data type: the input's bytes in, the output's bytes out.
    std::vector<uint8_t> RunBytes(const void* input) const;
    const TensorInfo& OutputInfo() const { return m_OutputInfo; }

private:
    void Enqueue(const void* input, void* output) const;

    IRuntime& m_Runtime;
    NetworkId m_Id = 0;
    TensorInfo m_InputInfo;
    TensorInfo m_OutputInfo;
};

/// Uniform values in [-1, 1) from a fixed seed.
std::vector<float> RandomValues(size_t count, uint32_t seed);

/// A Constant layer holding `values` of `shape`, connected to input slot `slot` of `layer`.
void ConnectConstant(INetwork& network, IConnectableLayer& layer, unsigned slot, const TensorShape& shape,
                     const std::vector<float>& values);
/// The same for a tensor of any data type (`info` is marked constant).
void ConnectConstant(INetwork& network, IConnectableLayer& layer, unsigned slot, TensorInfo info, const void* data);

/// A BoundedReLu(6) after `layer`, with `layer`'s output info; returns it (Optimize fuses it into `layer`).
IConnectableLayer* AppendRelu6(INetwork& network, IConnectableLayer& layer);

/// The optimized network on {CpuAcc, CpuRef} as Graphviz text (a layer per line: type, name, backend).
std::string OptimizedDot(const TensorInfo& inputInfo, const BuildChainFn& build);
/// How often `what` occurs in `text`.
size_t CountOf(const std::string& text, const std::string& what);

/// While alive, ARMNN_CPUACC_DISABLE_AVX512 is set when `disable` is true: CpuAcc's 8-bit kernels read it when they
/// are created and take their scalar or oneDNN paths.
class Avx512Disabled
{
public:
    explicit Avx512Disabled(bool disable = true);
    ~Avx512Disabled();
    Avx512Disabled(const Avx512Disabled&) = delete;
    Avx512Disabled& operator=(const Avx512Disabled&) = delete;

private:
    bool m_Disable;
};

} // namespace test
} // namespace armnn

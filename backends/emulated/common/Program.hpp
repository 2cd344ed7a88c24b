//
// The compiled form of a claimed subgraph: a list of steps over numbered tensors, run with CpuRef's kernels,
// with the figures of the cost model. Internal to the emulation layer.
//
#pragma once

#include "EmulatedBackend.hpp"

#include <armnn/INetwork.hpp>
#include <armnn/Optional.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{
namespace emulated
{

struct ProgramTensor
{
    TensorInfo m_Info;
    std::vector<uint8_t> m_Constant; // the data of a constant tensor (weights); empty otherwise
    const IOutputSlot* m_Slot = nullptr; // while compiling: the graph tensor it stands for
};

struct ProgramStep
{
    LayerType m_Type;
    std::shared_ptr<const BaseDescriptor> m_Descriptor;
    std::string m_Name;
    Optional<ActivationDescriptor> m_FusedActivation;
    std::vector<unsigned int> m_Inputs; // tensor indices
    std::vector<unsigned int> m_Outputs;
    // Cost-model figures for one image (batch element).
    double m_Macs = 0;
    double m_Bytes = 0;
};

struct Program
{
    std::vector<ProgramTensor> m_Tensors;
    std::vector<ProgramStep> m_Steps;
    std::vector<unsigned int> m_Inputs; // one per input slot of the PreCompiled layer
    std::vector<unsigned int> m_Outputs; // one per output slot
};

/// The blob of an emulated PreCompiled layer.
struct Artifact
{
    std::string m_Backend;
    Program m_Program; // quantized when the subgraph was float and calibrated
    /// The PreCompiled layer's tensors: differ from the program's boundary tensors when the artifact quantizes
    /// its inputs and dequantizes its outputs.
    std::vector<TensorInfo> m_LayerInputs;
    std::vector<TensorInfo> m_LayerOutputs;
    CostParameters m_Cost;
    bool m_SimulateLatency = false;
    unsigned int m_Batch = 1;
    std::string m_File; // where it is cached
};

/// CpuRef's kernel table: the emulated devices' arithmetic.
const KernelRegistry& RefKernels();

/// Turns layers (in topological order) into a program. The inputs of layers whose producer is not in `layers`
/// become program inputs (in `externalInputs`, in order), except Constant producers, whose data is copied in.
/// Results read outside `layers` become outputs (`externalOutputs`). Throws for layers without a copyable descriptor.
Program Lower(const std::vector<IConnectableLayer*>& layers, std::vector<IInputSlot*>& externalInputs,
              std::vector<IOutputSlot*>& externalOutputs);

/// Runs a program with CpuRef's kernels; `memory` has one pointer per tensor (constants may be null).
class ProgramRunner
{
public:
    explicit ProgramRunner(const Program& program);
    size_t GetScratchBytes() const { return m_ScratchBytes; }
    void Run(const std::vector<void*>& memory, void* scratch) const;

private:
    const Program& m_Program;
    std::vector<std::unique_ptr<IWorkload>> m_Workloads;
    size_t m_ScratchBytes = 0;
};

/// Compiles one claimed group (cache lookup, calibration, quantization, cost figures).
std::unique_ptr<Artifact> Compile(const DeviceDescription& device, const EmulatedOptions& options,
                                  const std::vector<IConnectableLayer*>& layers,
                                  std::vector<IInputSlot*>& externalInputs,
                                  std::vector<IOutputSlot*>& externalOutputs);

/// The workload of an emulated PreCompiled layer.
std::unique_ptr<IWorkload> CreateArtifactWorkload(const LayerInfo& layer);

/// Device time of one call on a batch, by the cost model (docs/emulated-accelerators.md).
double SimulatedMicroseconds(const Program& program, const CostParameters& cost, unsigned int batch);

} // namespace emulated
} // namespace armnn

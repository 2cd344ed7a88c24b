//
// The workload of an emulated PreCompiled layer: runs the artifact's program with CpuRef's kernels, quantizing
// float inputs and dequantizing float outputs at its boundary, and reports the cost model's figures.
//
#include "Program.hpp"

#include <RefWorkloadUtils.hpp>

#include <chrono>
#include <thread>

namespace armnn
{
namespace emulated
{

namespace
{

size_t Align64(size_t bytes)
{
    return (bytes + 63) / 64 * 64;
}

class ArtifactWorkload final : public IWorkload
{
public:
    explicit ArtifactWorkload(const Artifact& artifact)
        : m_Artifact(artifact), m_Runner(m_Artifact.m_Program),
          m_SimulatedUs(SimulatedMicroseconds(m_Artifact.m_Program, m_Artifact.m_Cost, m_Artifact.m_Batch))
    {
        const Program& program = m_Artifact.m_Program;
        // Scratch layout: the kernels' scratch, then every tensor not bound to the layer's own memory.
        size_t offset = Align64(m_Runner.GetScratchBytes());
        m_Offsets.assign(program.m_Tensors.size(), SIZE_MAX);
        std::vector<bool> bound(program.m_Tensors.size(), false);
        for (size_t i = 0; i < program.m_Inputs.size(); ++i)
        {
            bound[program.m_Inputs[i]] = IsDirect(m_Artifact.m_LayerInputs[i], program.m_Inputs[i]);
        }
        for (size_t o = 0; o < program.m_Outputs.size(); ++o)
        {
            bound[program.m_Outputs[o]] = IsDirect(m_Artifact.m_LayerOutputs[o], program.m_Outputs[o]);
        }
        for (size_t t = 0; t < program.m_Tensors.size(); ++t)
        {
            if (program.m_Tensors[t].m_Constant.empty() && !bound[t])
            {
                m_Offsets[t] = offset;
                offset += Align64(program.m_Tensors[t].m_Info.GetNumBytes());
            }
        }
        m_ScratchBytes = offset;
        double macs = 0;
        double bytes = 0;
        for (const ProgramStep& step : program.m_Steps)
        {
            macs += step.m_Macs * m_Artifact.m_Batch;
            bytes += step.m_Bytes * m_Artifact.m_Batch;
        }
        m_Counters = {{"Simulated device time", "us", m_SimulatedUs},
                      {"Device MACs", "MACs", macs},
                      {"Device bytes moved", "bytes", bytes}};
    }

    size_t GetScratchBytes() const override { return m_ScratchBytes; }

    std::vector<WorkloadCounter> GetCounters() const override { return m_Counters; }

    void Execute(const ExecutionTensors& tensors) const override
    {
        const auto started = std::chrono::steady_clock::now();
        const Program& program = m_Artifact.m_Program;
        auto* scratch = static_cast<uint8_t*>(tensors.m_Scratch);
        std::vector<void*> memory(program.m_Tensors.size(), nullptr);
        for (size_t t = 0; t < memory.size(); ++t)
        {
            if (m_Offsets[t] != SIZE_MAX)
            {
                memory[t] = scratch + m_Offsets[t];
            }
        }
        for (size_t i = 0; i < program.m_Inputs.size(); ++i)
        {
            const unsigned int t = program.m_Inputs[i];
            if (m_Offsets[t] == SIZE_MAX)
            {
                memory[t] = const_cast<void*>(tensors.Input(i));
            }
            else
            {
                ref::CopyConverting(m_Artifact.m_LayerInputs[i], tensors.Input(i), program.m_Tensors[t].m_Info,
                                    memory[t]);
            }
        }
        for (size_t o = 0; o < program.m_Outputs.size(); ++o)
        {
            const unsigned int t = program.m_Outputs[o];
            if (m_Offsets[t] == SIZE_MAX)
            {
                memory[t] = tensors.Output(o);
            }
        }
        m_Runner.Run(memory, scratch);
        for (size_t o = 0; o < program.m_Outputs.size(); ++o)
        {
            const unsigned int t = program.m_Outputs[o];
            if (m_Offsets[t] != SIZE_MAX)
            {
                ref::CopyConverting(program.m_Tensors[t].m_Info, memory[t], m_Artifact.m_LayerOutputs[o],
                                    tensors.Output(o));
            }
        }
        if (m_Artifact.m_SimulateLatency)
        {
            // Behave like the device: take at least the simulated time.
            std::this_thread::sleep_until(started + std::chrono::duration<double, std::micro>(m_SimulatedUs));
        }
    }

private:
    bool IsDirect(const TensorInfo& layerTensor, unsigned int t) const
    {
        const TensorInfo& programTensor = m_Artifact.m_Program.m_Tensors[t].m_Info;
        return layerTensor.GetDataType() == programTensor.GetDataType() &&
               layerTensor.GetQuantizationScales() == programTensor.GetQuantizationScales() &&
               layerTensor.GetQuantizationOffset() == programTensor.GetQuantizationOffset();
    }

    Artifact m_Artifact; // a copy: the workload must not depend on the optimized network staying alive
    ProgramRunner m_Runner;
    double m_SimulatedUs;
    std::vector<size_t> m_Offsets; // in scratch, per tensor; SIZE_MAX when bound to the layer's memory or constant
    size_t m_ScratchBytes = 0;
    std::vector<WorkloadCounter> m_Counters;
};

} // namespace

std::unique_ptr<IWorkload> CreateArtifactWorkload(const LayerInfo& layer)
{
    return std::make_unique<ArtifactWorkload>(*static_cast<const Artifact*>(layer.m_PreCompiledBlob));
}

} // namespace emulated
} // namespace armnn

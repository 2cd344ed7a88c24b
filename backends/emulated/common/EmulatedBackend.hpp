//
// The shared emulation layer of the emulated accelerators (Npu, Tidl, Dna): one backend class driven by a device
// description. A plugin is only its description (backends/emulated/<device>/); everything else lives here:
// support checks, claiming subgraphs (OptimizeSubgraphView), compiling them into artifacts (with calibration for
// float models), the artifact cache, execution with CpuRef's kernels and the cost model. docs/emulated-accelerators.md
//
#pragma once

#include <armnn/backends/IBackendInternal.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace armnn
{
namespace emulated
{

/// The figures the cost model needs; one set per device variant (NPU size, TIDL platform, DNA architecture).
struct CostParameters
{
    double m_MacsPerCycle = 0; // 8-bit multiply-accumulates per cycle of one core
    double m_ClockMHz = 0;
    unsigned int m_Cores = 1; // cores working on different images of a batch at once
    double m_BandwidthGBps = 0; // external memory bandwidth shared by the cores
    double m_LaunchMicroseconds = 0; // fixed cost of one inference call (setup, descriptors, synchronisation)
};

struct DeviceDescription
{
    std::string m_Name; // the backend id
    std::set<LayerType> m_LayerTypes;
    std::set<ActivationFunction> m_Activations; // Activation layers and fused activations
    std::set<BinaryOperation> m_BinaryOperations;
    std::set<PoolingAlgorithm> m_PoolingAlgorithms;
    /// Whether float subgraphs are claimed and quantized from calibration data (int8 subgraphs always are).
    bool m_Calibrates = false;
    /// Whether the QuantizationBits option may ask for 16-bit activations (TFLite's 16x8) in calibrated subgraphs.
    bool m_Calibrates16Bit = false;
    unsigned int m_MaxKernelSize = 0; // convolution and pooling windows, each side
    unsigned int m_MaxStride = 0;
    unsigned int m_MaxTensorElements = 0; // any one tensor the device reads or writes
    /// The backend option that picks the variant, its values and the default one.
    std::string m_VariantOption;
    std::map<std::string, CostParameters> m_Variants;
    std::string m_DefaultVariant;
};

/// The options every emulated backend reads from its ModelOptions (docs/emulated-accelerators.md lists them).
struct EmulatedOptions
{
    unsigned int m_MinSubgraphSize = 1;
    std::string m_ArtifactsFolder; // default: <temp dir>/armnn-artifacts
    std::string m_CalibrationFolder;
    unsigned int m_CalibrationCount = 8;
    float m_CalibrationMin = -1.0f;
    float m_CalibrationMax = 1.0f;
    unsigned int m_QuantizationBits = 8; // activations of calibrated subgraphs: 8 (QAsymmS8) or 16 (QSymmS16)
    bool m_SimulateLatency = false;
    std::string m_Variant;
    CostParameters m_Cost;

    /// The options for `device` in `options`; throws InvalidArgumentException naming an unknown option or value.
    static EmulatedOptions Parse(const DeviceDescription& device, const ModelOptions& options);
    /// Every option, for the artifact hash.
    std::string Key() const;
};

/// Counters an emulated backend keeps per process, for tests and tools.
struct ArtifactCounters
{
    size_t m_Compiled = 0; // subgraphs compiled (artifact written)
    size_t m_Reused = 0; // artifacts loaded from the cache instead of compiling
    size_t m_Rebuilt = 0; // cached artifacts found corrupt or of another version, compiled again
};

class EmulatedBackend : public IBackendInternal
{
public:
    explicit EmulatedBackend(DeviceDescription device);

    const BackendId& GetId() const override { return m_Id; }
    bool IsLayerSupported(const LayerInfo& layer, std::string& reason) const override;
    std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const override;
    OptimizationViews OptimizeSubgraphView(const SubgraphView& subgraph, const ModelOptions& options) const override;
    std::vector<KernelSummary> DescribeKernels() const override;

    const DeviceDescription& GetDevice() const { return m_Device; }

private:
    BackendId m_Id;
    DeviceDescription m_Device;
};

/// This plugin's counters (each plugin has its own copy of the emulation layer).
ArtifactCounters GetArtifactCounters();

/// Whether the device computes this layer, before asking CpuRef's kernels (which do the arithmetic).
bool IsSupportedByDevice(const DeviceDescription& device, const LayerInfo& layer, std::string& reason);

} // namespace emulated
} // namespace armnn

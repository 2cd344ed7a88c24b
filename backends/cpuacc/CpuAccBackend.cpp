//
// CpuAcc: the fast CPU backend. Its kernels are oneDNN primitives (JIT-compiled for the CPU found at run time,
// so the plugin runs on any x86-64) sharing oneDNN's one OpenMP thread pool. What its table lacks falls back to
// the next backend in the user's preferences, CpuRef usually.
//
#include "CpuAccKernels.hpp"
#include "CpuAccUtils.hpp"

#include <armnn/backends/DynamicBackend.hpp>
#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
using DT = DataType;

/// The one table of CpuAcc kernels. Layer support is derived from it.
std::vector<KernelEntry> CpuAccKernelTable()
{
    return {
        {LayerType::Activation, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckActivation, CreateActivation},
        {LayerType::Concat, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckConcat, CreateConcat},
        {LayerType::Convolution2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckConvolution2d, CreateConvolution2d, true},
        {LayerType::DepthwiseConvolution2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckDepthwiseConvolution2d,
         CreateDepthwiseConvolution2d, true},
        {LayerType::Dequantize, {DT::QAsymmS8, DT::QAsymmU8}, CheckDequantize, CreateDequantize},
        {LayerType::DetectionPostProcess, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckDetectionPostProcess,
         CreateDetectionPostProcess},
        {LayerType::ElementwiseBinary, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckElementwiseBinary, CreateElementwiseBinary, true},
        {LayerType::FullyConnected, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckFullyConnected, CreateFullyConnected, true},
        {LayerType::Mean, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckMean, CreateMean},
        {LayerType::Pad, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckPad, CreatePad},
        {LayerType::Pooling2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckPooling2d, CreatePooling2d, true},
        {LayerType::Quantize, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckQuantize, CreateQuantize},
        {LayerType::Reshape, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8, DT::Signed32}, CheckReshape, CreateReshape},
        {LayerType::Resize, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckResize, CreateResize},
        {LayerType::Softmax, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckSoftmax, CreateSoftmax},
    };
}
} // namespace

class CpuAccBackend final : public KernelTableBackend
{
public:
    CpuAccBackend() : KernelTableBackend("CpuAcc", CpuAccKernelTable()) {}

    /// The runtime's BackendOptions("CpuAcc", {{"NumberOfThreads", n}}) are this runtime's defaults: each runtime
    /// has its own backend instance, so two runtimes of one process keep their own thread counts.
    std::unique_ptr<IBackendContext> CreateBackendContext(const IRuntime::CreationOptions& options) const override
    {
        m_RuntimeOptions.clear();
        for (const BackendOptions& backendOptions : options.m_BackendOptions)
        {
            if (backendOptions.BackendId() == GetId())
            {
                m_RuntimeOptions.push_back(backendOptions);
            }
        }
        return std::make_unique<IBackendContext>();
    }

    /// The kernels read their options from the layer's model options: the runtime's come first, so a network's
    /// own options (given to Optimize) override them.
    std::unique_ptr<IWorkload> CreateWorkload(const LayerInfo& layer) const override
    {
        ModelOptions options = m_RuntimeOptions;
        if (layer.m_ModelOptions != nullptr)
        {
            options.insert(options.end(), layer.m_ModelOptions->begin(), layer.m_ModelOptions->end());
        }
        LayerInfo withRuntimeOptions = layer;
        withRuntimeOptions.m_ModelOptions = &options;
        // PreCompiled layers are not in the table: Optimize never asks about them, only FuseConvolutionAdds makes them.
        return layer.m_Type == LayerType::PreCompiled ? CreateConvolutionAdd(withRuntimeOptions)
                                                      : KernelTableBackend::CreateWorkload(withRuntimeOptions);
    }

    OptimizationViews OptimizeSubgraphView(const SubgraphView& subgraph, const ModelOptions&) const override
    {
        return FuseConvolutionAdds(subgraph, GetId());
    }

private:
    /// Set once, when the runtime that owns this instance creates its context (before any workload).
    mutable ModelOptions m_RuntimeOptions;
};

} // namespace cpuacc
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::cpuacc::CpuAccBackend, "CpuAcc")

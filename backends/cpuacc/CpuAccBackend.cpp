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
        {LayerType::Concat, {DT::Float32}, CheckConcat, CreateConcat},
        {LayerType::Convolution2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckConvolution2d, CreateConvolution2d, true},
        {LayerType::DepthwiseConvolution2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckDepthwiseConvolution2d,
         CreateDepthwiseConvolution2d, true},
        {LayerType::ElementwiseBinary, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckElementwiseBinary, CreateElementwiseBinary, true},
        {LayerType::FullyConnected, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckFullyConnected, CreateFullyConnected, true},
        {LayerType::Mean, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckMean, CreateMean},
        {LayerType::Pooling2d, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8}, CheckPooling2d, CreatePooling2d, true},
        {LayerType::Reshape, {DT::Float32, DT::QAsymmS8, DT::QAsymmU8, DT::Signed32}, CheckReshape, CreateReshape},
        {LayerType::Softmax, {DT::Float32}, CheckSoftmax, CreateSoftmax},
    };
}
} // namespace

class CpuAccBackend final : public KernelTableBackend
{
public:
    CpuAccBackend() : KernelTableBackend("CpuAcc", CpuAccKernelTable()) {}

    /// The runtime's BackendOptions("CpuAcc", {{"NumberOfThreads", n}}) become the default thread count of the
    /// process's CpuAcc kernels; a network's model options override it.
    std::unique_ptr<IBackendContext> CreateBackendContext(const IRuntime::CreationOptions& options) const override
    {
        ParseOptions(options.m_BackendOptions, GetId(), [](const std::string& name, const BackendOptions::Var& v) {
            if (name == "NumberOfThreads" && (v.IsUnsignedInt() || v.IsInt()))
            {
                SetDefaultNumThreads(v.IsUnsignedInt() ? v.AsUnsignedInt()
                                                       : static_cast<unsigned>(std::max(v.AsInt(), 0)));
            }
        });
        return std::make_unique<IBackendContext>();
    }
};

} // namespace cpuacc
} // namespace armnn

ARMNN_DEFINE_BACKEND_PLUGIN(armnn::cpuacc::CpuAccBackend, "CpuAcc")

#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
dnnl::eltwise_forward::primitive_desc Describe(const LayerInfo& layer)
{
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    float alpha = 0.0f;
    float beta = 0.0f;
    std::string reason;
    ToEltwise(layer.GetDescriptor<ActivationDescriptor>(), algorithm, alpha, beta, reason);
    const dnnl::eltwise_forward::desc eltwise(dnnl::prop_kind::forward_inference, algorithm,
                                              RowMajor(ToDims(layer.m_Inputs[0].GetShape())), alpha, beta);
    return dnnl::eltwise_forward::primitive_desc(eltwise, MakeAttr(layer), Engine());
}
} // namespace

bool CheckActivation(const LayerInfo& layer, std::string& reason)
{
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    float alpha = 0.0f;
    float beta = 0.0f;
    return CheckAllSameDataType(layer, reason) &&
           ToEltwise(layer.GetDescriptor<ActivationDescriptor>(), algorithm, alpha, beta, reason) &&
           CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn

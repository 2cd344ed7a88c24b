#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>

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

/// An 8-bit ReLu or BoundedReLu whose input and output share their quantization is a clamp of the stored integers
/// to GetActivationRange's bounds: what CpuRef's decode, activate, encode gives. Usually Optimize fuses it into
/// the 8-bit convolution before it, which applies the same clamp.
class QuantizedClampWorkload final : public IWorkload
{
public:
    QuantizedClampWorkload(const TensorInfo& info, QuantizedRange range) : m_Info(info), m_Range(range) {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Info.GetDataType() == DataType::QAsymmU8)
        {
            Clamp(tensors.Input<uint8_t>(0), tensors.Output<uint8_t>(0));
        }
        else
        {
            Clamp(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0));
        }
    }

private:
    template <typename T>
    void Clamp(const T* in, T* out) const
    {
        const T low = static_cast<T>(m_Range.m_Min);
        const T high = static_cast<T>(m_Range.m_Max);
        std::transform(in, in + m_Info.GetNumElements(), out, [=](T v) { return std::min(std::max(v, low), high); });
    }

    TensorInfo m_Info;
    QuantizedRange m_Range;
};

bool IsQuantizedClamp(const LayerInfo& layer, QuantizedRange& range, std::string& reason)
{
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    if (in.GetQuantizationScale() != out.GetQuantizationScale() ||
        in.GetQuantizationOffset() != out.GetQuantizationOffset() || in.HasPerAxisQuantization())
    {
        reason = "8-bit activations need the same quantization on input and output";
        return false;
    }
    if (!GetActivationRange(out, Optional<ActivationDescriptor>(layer.GetDescriptor<ActivationDescriptor>()), range))
    {
        reason = "8-bit activations: only ReLu and BoundedReLu (a clamp)";
        return false;
    }
    return true;
}
} // namespace

bool CheckActivation(const LayerInfo& layer, std::string& reason)
{
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    float alpha = 0.0f;
    float beta = 0.0f;
    QuantizedRange range;
    if (IsQuantizedLayer(layer))
    {
        // A clamp of the stored values where it is one, else a table of CpuRef's results.
        return CheckAllSameDataType(layer, reason) &&
               (IsQuantizedClamp(layer, range, reason) || CheckQuantizedActivationTable(layer, reason));
    }
    return CheckAllSameDataType(layer, reason) &&
           ToEltwise(layer.GetDescriptor<ActivationDescriptor>(), algorithm, alpha, beta, reason) &&
           CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    QuantizedRange range;
    std::string reason;
    if (IsQuantizedLayer(layer))
    {
        if (IsQuantizedClamp(layer, range, reason))
        {
            return std::make_unique<QuantizedClampWorkload>(layer.m_Inputs[0], range);
        }
        return CreateQuantizedActivationTable(layer);
    }
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn

#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

namespace
{
/// Splits a shape around an axis: outer x axis x inner.
struct AxisSplit
{
    size_t m_Outer = 1;
    size_t m_Axis = 1;
    size_t m_Inner = 1;
};

AxisSplit SplitAt(const TensorShape& shape, int axis)
{
    const int rank = static_cast<int>(shape.GetNumDimensions());
    const unsigned int a = static_cast<unsigned int>(axis < 0 ? axis + rank : axis);
    AxisSplit split;
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        (d < a ? split.m_Outer : d == a ? split.m_Axis : split.m_Inner) *= shape[d];
    }
    return split;
}

template <bool Log>
std::unique_ptr<IWorkload> CreateSoftmaxLike(const LayerInfo& layer)
{
    const SoftmaxDescriptor desc = layer.GetDescriptor<SoftmaxDescriptor>();
    const AxisSplit s = SplitAt(layer.m_Inputs[0].GetShape(), desc.m_Axis);
    return MakeFloatWorkload(layer, [desc, s](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t o = 0; o < s.m_Outer; ++o)
        {
            for (size_t i = 0; i < s.m_Inner; ++i)
            {
                const float* x = in[0] + o * s.m_Axis * s.m_Inner + i;
                float* y = out[0] + o * s.m_Axis * s.m_Inner + i;
                float maxValue = x[0];
                for (size_t k = 1; k < s.m_Axis; ++k)
                {
                    maxValue = std::max(maxValue, x[k * s.m_Inner]);
                }
                double sum = 0.0;
                for (size_t k = 0; k < s.m_Axis; ++k)
                {
                    sum += std::exp(static_cast<double>(desc.m_Beta) * (x[k * s.m_Inner] - maxValue));
                }
                for (size_t k = 0; k < s.m_Axis; ++k)
                {
                    const double shifted = static_cast<double>(desc.m_Beta) * (x[k * s.m_Inner] - maxValue);
                    y[k * s.m_Inner] = Log ? static_cast<float>(shifted - std::log(sum))
                                           : static_cast<float>(std::exp(shifted) / sum);
                }
            }
        }
    });
}
} // namespace

std::unique_ptr<IWorkload> CreateSoftmax(const LayerInfo& layer)
{
    return CreateSoftmaxLike<false>(layer);
}

std::unique_ptr<IWorkload> CreateLogSoftmax(const LayerInfo& layer)
{
    return CreateSoftmaxLike<true>(layer);
}

} // namespace ref
} // namespace armnn

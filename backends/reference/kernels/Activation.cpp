#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

float Activate(float x, const ActivationDescriptor& d)
{
    switch (d.m_Function)
    {
        case ActivationFunction::Sigmoid: return 1.0f / (1.0f + std::exp(-x));
        case ActivationFunction::TanH: return d.m_A * std::tanh(d.m_B * x);
        case ActivationFunction::Linear: return d.m_A * x + d.m_B;
        case ActivationFunction::ReLu: return std::max(0.0f, x);
        case ActivationFunction::BoundedReLu: return std::min(d.m_A, std::max(d.m_B, x));
        case ActivationFunction::SoftReLu: return std::log1p(std::exp(x));
        case ActivationFunction::LeakyReLu: return x > 0.0f ? x : d.m_A * x;
        case ActivationFunction::Abs: return std::fabs(x);
        case ActivationFunction::Sqrt: return std::sqrt(x);
        case ActivationFunction::Square: return x * x;
        case ActivationFunction::Elu: return x >= 0.0f ? x : d.m_A * (std::exp(x) - 1.0f);
        case ActivationFunction::HardSwish: return x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
        case ActivationFunction::Gelu: return 0.5f * x * (1.0f + std::erf(x / std::sqrt(2.0f)));
    }
    return x;
}

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    const ActivationDescriptor desc = layer.GetDescriptor<ActivationDescriptor>();
    const size_t count = layer.m_Inputs[0].GetNumElements();
    return MakeFloatWorkload(layer, [desc, count](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = Activate(in[0][i], desc);
        }
    });
}

} // namespace ref
} // namespace armnn

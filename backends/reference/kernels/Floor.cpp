#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <cmath>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateFloor(const LayerInfo& layer)
{
    const size_t count = layer.m_Inputs[0].GetNumElements();
    return MakeFloatWorkload(layer, [count](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = std::floor(in[0][i]);
        }
    });
}

} // namespace ref
} // namespace armnn

//
// 8-bit Softmax, bit-identical to CpuRef, which decodes to float, computes in double and encodes: the same steps
// in the same order. Each stored value is decoded by a table of CpuRef's decoded floats; per row (the elements
// along the axis) the float maximum, then exp(beta * (x - max)) in double, summed in element order, then each
// exp / sum as float, encoded by TensorConversion. Within a row x depends on the stored value alone, so each
// exponential is computed once per distinct value (CpuRef computes two per element).
//
#include "../CpuAccKernels.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <numeric>

namespace armnn
{
namespace cpuacc
{

namespace
{
class QuantizedSoftmaxWorkload final : public IWorkload
{
public:
    explicit QuantizedSoftmaxWorkload(const LayerInfo& layer)
        : m_Output(layer.m_Outputs[0]), m_Beta(static_cast<double>(layer.GetDescriptor<SoftmaxDescriptor>().m_Beta))
    {
        const TensorShape& shape = layer.m_Inputs[0].GetShape();
        const int rank = static_cast<int>(shape.GetNumDimensions());
        const int axis = layer.GetDescriptor<SoftmaxDescriptor>().m_Axis;
        const unsigned a = static_cast<unsigned>(axis < 0 ? axis + rank : axis);
        for (unsigned d = 0; d < shape.GetNumDimensions(); ++d)
        {
            (d < a ? m_Outer : d == a ? m_Axis : m_Inner) *= shape[d];
        }
        std::array<uint8_t, 256> bytes{};
        std::iota(bytes.begin(), bytes.end(), uint8_t{0});
        TensorInfo all = layer.m_Inputs[0];
        all.SetShape(TensorShape({256}));
        DecodeToFloat(all, bytes.data(), m_Decoded.data());
    }

    /// The float results before encoding.
    size_t GetScratchBytes() const override { return m_Output.GetNumElements() * sizeof(float); }

    void Execute(const ExecutionTensors& tensors) const override
    {
        const uint8_t* in = tensors.Input<uint8_t>(0);
        float* results = static_cast<float*>(tensors.m_Scratch);
        std::array<double, 256> exps{};
        for (size_t o = 0; o < m_Outer; ++o)
        {
            for (size_t i = 0; i < m_Inner; ++i)
            {
                const uint8_t* q = in + o * m_Axis * m_Inner + i;
                float* y = results + o * m_Axis * m_Inner + i;
                float maxValue = m_Decoded[q[0]];
                for (size_t k = 1; k < m_Axis; ++k)
                {
                    maxValue = std::max(maxValue, m_Decoded[q[k * m_Inner]]);
                }
                std::bitset<256> known;
                double sum = 0.0;
                for (size_t k = 0; k < m_Axis; ++k)
                {
                    const uint8_t v = q[k * m_Inner];
                    if (!known[v])
                    {
                        exps[v] = std::exp(m_Beta * (m_Decoded[v] - maxValue));
                        known[v] = true;
                    }
                    sum += exps[v];
                }
                for (size_t k = 0; k < m_Axis; ++k)
                {
                    y[k * m_Inner] = static_cast<float>(exps[q[k * m_Inner]] / sum);
                }
            }
        }
        EncodeFromFloat(m_Output, results, tensors.Output(0));
    }

private:
    TensorInfo m_Output;
    double m_Beta;
    size_t m_Outer = 1;
    size_t m_Axis = 1;
    size_t m_Inner = 1;
    std::array<float, 256> m_Decoded{};
};
} // namespace

bool CheckQuantizedSoftmax(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason) || !CheckNoPerAxisQuantization(layer, reason))
    {
        return false;
    }
    if (layer.m_Inputs[0].GetNumElements() == 0)
    {
        reason = "empty input";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateQuantizedSoftmax(const LayerInfo& layer)
{
    return std::make_unique<QuantizedSoftmaxWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn

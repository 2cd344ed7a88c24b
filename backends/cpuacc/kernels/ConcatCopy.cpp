//
// Concat as copies (Float32 and 8-bit). Along the axis, each input fills a slab of the output: for every index of
// the dimensions before the axis, one contiguous run of the input goes to one run of the output. Runs are copied
// as bytes, or, for 8-bit inputs whose quantization differs from the output's, through a requantization table
// (CpuRef decodes and encodes those elements: the table holds its result for each stored value).
//
#include "../CpuAccKernels.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace cpuacc
{

namespace
{
class ConcatCopyWorkload final : public IWorkload
{
public:
    explicit ConcatCopyWorkload(const LayerInfo& layer)
    {
        const TensorInfo& output = layer.m_Outputs[0];
        const TensorShape& outShape = output.GetShape();
        const unsigned axis = layer.GetDescriptor<OriginsDescriptor>().GetConcatAxis();
        m_Outer = 1;
        for (unsigned d = 0; d < axis; ++d)
        {
            m_Outer *= outShape[d];
        }
        const size_t elementSize = GetDataTypeSize(output.GetDataType());
        m_OutputRun = m_Outer == 0 ? 0 : output.GetNumElements() / m_Outer * elementSize;
        size_t offset = 0;
        for (const TensorInfo& input : layer.m_Inputs)
        {
            Input in;
            in.m_Run = m_Outer == 0 ? 0 : input.GetNumElements() / m_Outer * elementSize;
            in.m_Offset = offset;
            in.m_Requantize = output.IsQuantized() && !input.IsTypeSpaceMatch(output);
            if (in.m_Requantize)
            {
                in.m_Table = RequantizationTable(input, output);
            }
            offset += in.m_Run;
            m_Inputs.push_back(in);
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        uint8_t* out = tensors.Output<uint8_t>(0);
        for (size_t i = 0; i < m_Inputs.size(); ++i)
        {
            const Input& in = m_Inputs[i];
            const uint8_t* src = tensors.Input<uint8_t>(i);
            for (size_t o = 0; o < m_Outer; ++o)
            {
                uint8_t* dst = out + o * m_OutputRun + in.m_Offset;
                const uint8_t* from = src + o * in.m_Run;
                if (in.m_Requantize)
                {
                    for (size_t e = 0; e < in.m_Run; ++e)
                    {
                        dst[e] = in.m_Table[from[e]];
                    }
                }
                else
                {
                    std::memcpy(dst, from, in.m_Run);
                }
            }
        }
    }

private:
    struct Input
    {
        size_t m_Run = 0;    // bytes per outer index
        size_t m_Offset = 0; // where its run starts in the output's (bytes)
        bool m_Requantize = false;
        std::array<uint8_t, 256> m_Table{};
    };
    size_t m_Outer = 1;
    size_t m_OutputRun = 0;
    std::vector<Input> m_Inputs;
};
} // namespace

std::unique_ptr<IWorkload> CreateConcatCopy(const LayerInfo& layer)
{
    return std::make_unique<ConcatCopyWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn

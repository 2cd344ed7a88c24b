//
// Pad (Float32 and 8-bit): output index o of dimension d reads input index o - before; outside the input the
// Constant mode writes the pad value (encoded once as CpuRef does), Reflect and Symmetric mirror. The work is in
// rows of the last dimension: a row is either padding, or the input row it reads split into runs that are
// contiguous in the input (memcpy) or padding. 8-bit inputs whose quantization differs from the output's are
// requantized by table (CpuRef decodes and encodes them).
//
#include "../CpuAccKernels.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <cstring>

namespace armnn
{
namespace cpuacc
{

namespace
{
/// For each output index of a dimension, the input index it reads, or -1 for the pad value.
std::vector<ptrdiff_t> Sources(const PadDescriptor& desc, unsigned d, ptrdiff_t inSize, ptrdiff_t outSize)
{
    std::vector<ptrdiff_t> sources;
    for (ptrdiff_t o = 0; o < outSize; ++o)
    {
        ptrdiff_t i = o - static_cast<ptrdiff_t>(desc.m_PadList[d].first);
        if (i < 0 || i >= inSize)
        {
            switch (desc.m_PaddingMode)
            {
                case PaddingMode::Reflect: i = i < 0 ? -i : 2 * (inSize - 1) - i; break;
                case PaddingMode::Symmetric: i = i < 0 ? -i - 1 : 2 * inSize - 1 - i; break;
                default: i = -1; break;
            }
        }
        sources.push_back(i);
    }
    return sources;
}

class PadWorkload final : public IWorkload
{
public:
    explicit PadWorkload(const LayerInfo& layer)
    {
        const auto& desc = layer.GetDescriptor<PadDescriptor>();
        const TensorInfo& input = layer.m_Inputs[0];
        const TensorInfo& output = layer.m_Outputs[0];
        const TensorShape& inShape = input.GetShape();
        const TensorShape& outShape = output.GetShape();
        const unsigned rank = inShape.GetNumDimensions();
        m_ElementSize = GetDataTypeSize(output.GetDataType());
        m_PadValue.resize(m_ElementSize);
        TensorInfo one = output;
        one.SetShape(TensorShape({1}));
        EncodeFromFloat(one, &desc.m_PadValue, m_PadValue.data());
        m_Requantize = !input.IsTypeSpaceMatch(output);
        if (m_Requantize)
        {
            m_Table = RequantizationTable(input, output);
        }

        // Rows: every index of the dimensions but the last, with the input row it reads (-1: padding).
        const size_t inRow = inShape[rank - 1];
        m_OutRow = outShape[rank - 1];
        m_Rows.push_back(0);
        for (unsigned d = 0; d + 1 < rank; ++d)
        {
            const std::vector<ptrdiff_t> sources = Sources(desc, d, inShape[d], outShape[d]);
            std::vector<ptrdiff_t> rows;
            for (ptrdiff_t row : m_Rows)
            {
                for (ptrdiff_t s : sources)
                {
                    rows.push_back(row < 0 || s < 0 ? -1 : row * static_cast<ptrdiff_t>(inShape[d]) + s);
                }
            }
            m_Rows.swap(rows);
        }
        for (ptrdiff_t& row : m_Rows)
        {
            row = row < 0 ? -1 : row * static_cast<ptrdiff_t>(inRow);
        }
        // Runs of the last dimension.
        const std::vector<ptrdiff_t> sources = Sources(desc, rank - 1, static_cast<ptrdiff_t>(inRow),
                                                       static_cast<ptrdiff_t>(m_OutRow));
        for (size_t o = 0; o < sources.size(); ++o)
        {
            const ptrdiff_t s = sources[o];
            if (!m_Runs.empty())
            {
                Run& last = m_Runs.back();
                const bool extends = s < 0 ? last.m_From < 0
                                           : last.m_From >= 0 && last.m_From + static_cast<ptrdiff_t>(last.m_Count) == s;
                if (extends)
                {
                    ++last.m_Count;
                    continue;
                }
            }
            m_Runs.push_back({o, s, 1});
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        const uint8_t* in = tensors.Input<uint8_t>(0);
        uint8_t* out = tensors.Output<uint8_t>(0);
        const size_t rowBytes = m_OutRow * m_ElementSize;
        for (size_t r = 0; r < m_Rows.size(); ++r)
        {
            uint8_t* dst = out + r * rowBytes;
            if (m_Rows[r] < 0)
            {
                Fill(dst, m_OutRow);
                continue;
            }
            const uint8_t* src = in + static_cast<size_t>(m_Rows[r]) * m_ElementSize;
            for (const Run& run : m_Runs)
            {
                uint8_t* to = dst + run.m_Out * m_ElementSize;
                if (run.m_From < 0)
                {
                    Fill(to, run.m_Count);
                }
                else if (m_Requantize)
                {
                    const uint8_t* from = src + run.m_From;
                    for (size_t e = 0; e < run.m_Count; ++e)
                    {
                        to[e] = m_Table[from[e]];
                    }
                }
                else
                {
                    std::memcpy(to, src + static_cast<size_t>(run.m_From) * m_ElementSize, run.m_Count * m_ElementSize);
                }
            }
        }
    }

private:
    void Fill(uint8_t* to, size_t count) const
    {
        if (m_ElementSize == 1)
        {
            std::memset(to, m_PadValue[0], count);
            return;
        }
        for (size_t e = 0; e < count; ++e)
        {
            std::memcpy(to + e * m_ElementSize, m_PadValue.data(), m_ElementSize);
        }
    }

    /// m_Count elements of the last dimension from output index m_Out: input elements from m_From on, or padding.
    struct Run
    {
        size_t m_Out;
        ptrdiff_t m_From;
        size_t m_Count;
    };
    size_t m_ElementSize = 0;
    std::vector<uint8_t> m_PadValue;
    bool m_Requantize = false;
    std::array<uint8_t, 256> m_Table{};
    size_t m_OutRow = 0;
    std::vector<ptrdiff_t> m_Rows; // input element offset of each output row's source, -1 for padding
    std::vector<Run> m_Runs;
};
} // namespace

bool CheckPad(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason) || !CheckNoPerAxisQuantization(layer, reason))
    {
        return false;
    }
    if (layer.m_Inputs[0].GetNumDimensions() == 0 || layer.m_Inputs[0].GetNumElements() == 0)
    {
        reason = "Pad of an empty or scalar input is not supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreatePad(const LayerInfo& layer)
{
    return std::make_unique<PadWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn

//
// Pad: output index o of dimension d reads input index i = o - before. Outside [0, dim):
//   Constant  - the pad value (m_PadValue, in real units; quantized outputs store its quantized value);
//   Reflect   - mirrored without repeating the edge: i < 0 -> -i, i >= dim -> 2 * (dim - 1) - i;
//   Symmetric - mirrored with the edge repeated: i < 0 -> -i - 1, i >= dim -> 2 * dim - 1 - i.
// Shape inference limits the padding so one reflection always lands inside the input.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreatePad(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<PadDescriptor>();
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    const TensorShape& inShape = input.GetShape();
    const TensorShape& outShape = output.GetShape();
    const unsigned int rank = inShape.GetNumDimensions();
    const std::vector<size_t> inStrides = RowMajorStrides(inShape);

    // For each dimension, the input offset each output index reads, or -1 for padding.
    std::vector<std::vector<ptrdiff_t>> sources(rank);
    for (unsigned int d = 0; d < rank; ++d)
    {
        const ptrdiff_t dim = inShape[d];
        for (ptrdiff_t o = 0; o < static_cast<ptrdiff_t>(outShape[d]); ++o)
        {
            ptrdiff_t i = o - static_cast<ptrdiff_t>(desc.m_PadList[d].first);
            if (i < 0 || i >= dim)
            {
                switch (desc.m_PaddingMode)
                {
                    case PaddingMode::Reflect: i = i < 0 ? -i : 2 * (dim - 1) - i; break;
                    case PaddingMode::Symmetric: i = i < 0 ? -i - 1 : 2 * dim - 1 - i; break;
                    default: i = -1; break;
                }
            }
            sources[d].push_back(i < 0 ? -1 : i * static_cast<ptrdiff_t>(inStrides[d]));
        }
    }

    const size_t elementSize = GetDataTypeSize(output.GetDataType());
    std::vector<uint8_t> padValue(elementSize);
    TensorInfo one = output;
    one.SetShape(TensorShape({1}));
    EncodeFromFloat(one, &desc.m_PadValue, padValue.data());

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        // Bring the input into the output's quantization first, so that elements can then move as bytes.
        std::vector<uint8_t> converted;
        const uint8_t* src = t.Input<uint8_t>(0);
        if (!input.IsTypeSpaceMatch(output))
        {
            TensorInfo target = output;
            target.SetShape(inShape);
            converted.resize(target.GetNumBytes());
            CopyConverting(input, src, target, converted.data());
            src = converted.data();
        }
        uint8_t* dst = t.Output<uint8_t>(0);
        std::vector<unsigned int> coord(rank, 0);
        for (size_t e = 0; e < output.GetNumElements(); ++e)
        {
            ptrdiff_t from = 0;
            for (unsigned int d = 0; d < rank && from >= 0; ++d)
            {
                const ptrdiff_t s = sources[d][coord[d]];
                from = s < 0 ? -1 : from + s;
            }
            std::memcpy(dst + e * elementSize, from < 0 ? padValue.data() : src + static_cast<size_t>(from) * elementSize,
                        elementSize);
            for (unsigned int d = rank; d-- > 0;)
            {
                if (++coord[d] < outShape[d])
                {
                    break;
                }
                coord[d] = 0;
            }
        }
    });
}

} // namespace ref
} // namespace armnn

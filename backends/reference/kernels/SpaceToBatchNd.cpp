//
// SpaceToBatchNd and BatchToSpaceNd (4-D, NHWC or NCHW, block [bh, bw]), TensorFlow's semantics. With N the
// batch of the space-side tensor and padded (or uncropped) spatial coordinates:
//   batch[(by * bw + bx) * N + n, h, w, c] = space[n, h * bh + by - top, w * bw + bx - left, c]
// SpaceToBatchNd writes zero (the zero point) where the space position falls in the padding; BatchToSpaceNd
// drops the positions that fall in the crops.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace ref
{

namespace
{
std::unique_ptr<IWorkload> CreateBatchSpaceMove(const LayerInfo& layer, bool toBatch, DataLayout layout,
                                                const std::vector<unsigned int>& block,
                                                const std::vector<std::pair<unsigned int, unsigned int>>& margins)
{
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    const bool nhwc = layout == DataLayout::NHWC;
    const TensorShape& batchShape = toBatch ? output.GetShape() : input.GetShape();
    const TensorShape& spaceShape = toBatch ? input.GetShape() : output.GetShape();
    const std::vector<size_t> bs = RowMajorStrides(batchShape);
    const std::vector<size_t> ss = RowMajorStrides(spaceShape);
    const unsigned int hIdx = nhwc ? 1 : 2;
    const unsigned int wIdx = nhwc ? 2 : 3;
    const unsigned int cIdx = nhwc ? 3 : 1;

    // For every element of the batch-side tensor, the space-side offset it pairs with, or -1.
    std::vector<ptrdiff_t> pairs(batchShape.GetNumElements(), -1);
    const size_t spaceBatch = spaceShape[0];
    for (size_t b = 0; b < batchShape[0]; ++b)
    {
        const size_t n = b % spaceBatch;
        const size_t by = (b / spaceBatch) / block[1];
        const size_t bx = (b / spaceBatch) % block[1];
        for (size_t h = 0; h < batchShape[hIdx]; ++h)
        {
            const ptrdiff_t sh = static_cast<ptrdiff_t>(h * block[0] + by) - margins[0].first;
            for (size_t w = 0; w < batchShape[wIdx]; ++w)
            {
                const ptrdiff_t sw = static_cast<ptrdiff_t>(w * block[1] + bx) - margins[1].first;
                if (sh < 0 || sh >= static_cast<ptrdiff_t>(spaceShape[hIdx]) || sw < 0 ||
                    sw >= static_cast<ptrdiff_t>(spaceShape[wIdx]))
                {
                    continue;
                }
                for (size_t c = 0; c < batchShape[cIdx]; ++c)
                {
                    pairs[b * bs[0] + h * bs[hIdx] + w * bs[wIdx] + c * bs[cIdx]] =
                        static_cast<ptrdiff_t>(n * ss[0] + static_cast<size_t>(sh) * ss[hIdx] +
                                               static_cast<size_t>(sw) * ss[wIdx] + c * ss[cIdx]);
                }
            }
        }
    }

    const size_t elementSize = GetDataTypeSize(output.GetDataType());
    std::vector<uint8_t> zero(elementSize);
    TensorInfo one = output;
    one.SetShape(TensorShape({1}));
    const float zeroValue = 0.0f;
    EncodeFromFloat(one, &zeroValue, zero.data());

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        std::vector<uint8_t> converted;
        const uint8_t* src = t.Input<uint8_t>(0);
        if (!input.IsTypeSpaceMatch(output))
        {
            TensorInfo target = output;
            target.SetShape(input.GetShape());
            converted.resize(target.GetNumBytes());
            CopyConverting(input, src, target, converted.data());
            src = converted.data();
        }
        uint8_t* dst = t.Output<uint8_t>(0);
        for (size_t e = 0; e < pairs.size(); ++e)
        {
            const ptrdiff_t s = pairs[e];
            if (toBatch)
            {
                std::memcpy(dst + e * elementSize, s < 0 ? zero.data() : src + static_cast<size_t>(s) * elementSize,
                            elementSize);
            }
            else if (s >= 0)
            {
                std::memcpy(dst + static_cast<size_t>(s) * elementSize, src + e * elementSize, elementSize);
            }
        }
    });
}
} // namespace

std::unique_ptr<IWorkload> CreateSpaceToBatchNd(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<SpaceToBatchNdDescriptor>();
    return CreateBatchSpaceMove(layer, true, desc.m_DataLayout, desc.m_BlockShape, desc.m_PadList);
}

std::unique_ptr<IWorkload> CreateBatchToSpaceNd(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<BatchToSpaceNdDescriptor>();
    return CreateBatchSpaceMove(layer, false, desc.m_DataLayout, desc.m_BlockShape, desc.m_Crops);
}

} // namespace ref
} // namespace armnn

#include "RefWorkloadUtils.hpp"

#include <cstring>

namespace armnn
{
namespace ref
{

std::vector<size_t> RowMajorStrides(const TensorShape& shape)
{
    const unsigned int rank = shape.GetNumDimensions();
    std::vector<size_t> strides(rank, 1);
    for (int d = static_cast<int>(rank) - 2; d >= 0; --d)
    {
        strides[static_cast<size_t>(d)] = strides[static_cast<size_t>(d) + 1] * shape[static_cast<unsigned int>(d) + 1];
    }
    return strides;
}

std::vector<size_t> BroadcastIndices(const TensorShape& inShape, const TensorShape& outShape)
{
    const unsigned int outRank = outShape.GetNumDimensions();
    const unsigned int inRank = inShape.GetNumDimensions();
    const std::vector<size_t> inStrides = RowMajorStrides(inShape);
    const size_t count = outShape.GetNumElements();
    std::vector<size_t> indices(count);
    std::vector<unsigned int> coord(outRank, 0);
    for (size_t i = 0; i < count; ++i)
    {
        size_t index = 0;
        for (unsigned int d = 0; d < inRank; ++d)
        {
            const unsigned int outDim = d + outRank - inRank;
            if (inShape[d] != 1)
            {
                index += coord[outDim] * inStrides[d];
            }
        }
        indices[i] = index;
        for (int d = static_cast<int>(outRank) - 1; d >= 0; --d)
        {
            if (++coord[static_cast<size_t>(d)] < outShape[static_cast<unsigned int>(d)])
            {
                break;
            }
            coord[static_cast<size_t>(d)] = 0;
        }
    }
    return indices;
}

void CopyConverting(const TensorInfo& fromInfo, const void* from, const TensorInfo& toInfo, void* to)
{
    if (fromInfo.IsTypeSpaceMatch(toInfo))
    {
        std::memcpy(to, from, toInfo.GetNumBytes());
        return;
    }
    const std::vector<float> values = DecodeToFloat(fromInfo, from);
    EncodeFromFloat(toInfo, values.data(), to);
}

} // namespace ref
} // namespace armnn

//
// Splitting a shape around its channel dimension, for the normalization kernels: a tensor is seen as
// outer x channels x inner, so element (o, c, i) is at (o * channels + c) * inner + i.
//
#pragma once

#include <armnn/Tensor.hpp>
#include <armnn/Types.hpp>

#include <cstddef>

namespace armnn
{
namespace ref
{

struct ChannelSplit
{
    size_t m_Outer = 1;
    size_t m_Channels = 1;
    size_t m_Inner = 1;

    size_t Index(size_t outer, size_t channel, size_t inner) const
    {
        return (outer * m_Channels + channel) * m_Inner + inner;
    }
};

/// The channel dimension: the last one for channels-last layouts (NHWC, NDHWC), dimension 1 otherwise
/// (dimension 0 for a 1-D tensor).
inline unsigned int ChannelAxis(DataLayout layout, unsigned int rank)
{
    if (layout == DataLayout::NHWC || layout == DataLayout::NDHWC)
    {
        return rank - 1;
    }
    return rank > 1 ? 1 : 0;
}

inline ChannelSplit SplitAtAxis(const TensorShape& shape, unsigned int axis)
{
    ChannelSplit split;
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        (d < axis ? split.m_Outer : d == axis ? split.m_Channels : split.m_Inner) *= shape[d];
    }
    return split;
}

inline ChannelSplit SplitAtChannels(const TensorShape& shape, DataLayout layout)
{
    return SplitAtAxis(shape, ChannelAxis(layout, shape.GetNumDimensions()));
}

} // namespace ref
} // namespace armnn

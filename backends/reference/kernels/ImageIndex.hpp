//
// Flat offsets of elements of a 4-D image tensor (or of weights laid out like one) in NHWC or NCHW,
// shared by the windowed reference kernels (convolutions, pooling).
//
#pragma once

#include <armnn/Tensor.hpp>
#include <armnn/Types.hpp>

#include "../RefWorkloadUtils.hpp"

#include <cstddef>

namespace armnn
{
namespace ref
{

class ImageIndex
{
public:
    /// `shape` is in `layout` order; the layer's shape inference has already checked it is 4-D.
    ImageIndex(const TensorShape& shape, DataLayout layout) : m_Nhwc(layout == DataLayout::NHWC)
    {
        m_N = shape[0];
        m_C = m_Nhwc ? shape[3] : shape[1];
        m_H = m_Nhwc ? shape[1] : shape[2];
        m_W = m_Nhwc ? shape[2] : shape[3];
    }

    size_t operator()(size_t n, size_t c, size_t h, size_t w) const
    {
        return m_Nhwc ? ((n * m_H + h) * m_W + w) * m_C + c : ((n * m_C + c) * m_H + h) * m_W + w;
    }

    /// Where the channel sits in the flat order: the stride of one channel and the channel count.
    ChannelAxis GetChannelAxis() const { return {m_Nhwc ? 1 : m_H * m_W, m_C}; }

    size_t Batches() const { return m_N; }
    size_t Channels() const { return m_C; }
    size_t Height() const { return m_H; }
    size_t Width() const { return m_W; }

private:
    bool m_Nhwc;
    size_t m_N;
    size_t m_C;
    size_t m_H;
    size_t m_W;
};

} // namespace ref
} // namespace armnn

//
// Where each output index of a Resize reads its input, along one spatial axis, as TensorFlow Lite's
// RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR define it. Every backend's Resize takes its positions from here, so
// the backends cannot drift apart. With in and out the axis's input and output sizes:
//   scale = (alignCorners && out > 1) ? (in - 1) / (out - 1) : in / out
// Bilinear, output index o:
//   s = halfPixel ? (o + 0.5) * scale - 0.5 : o * scale
//   lower = max(floor(s), 0), upper = min(ceil(s), in - 1), weight of upper = s - lower
// Nearest, output index o:
//   s = (o + (halfPixel ? 0.5 : 0)) * scale, index = min(alignCorners ? round(s) : floor(s), in - 1), at least 0
//   (round half away from zero).
//
#pragma once

#include <cstddef>
#include <vector>

namespace armnn
{

/// Source positions of one output index: lower and upper input index, and the upper one's weight (float, or in
/// 1/1024 units for the integer form; 0 for nearest, where lower = upper).
struct ResizeSample
{
    size_t m_Lower;
    size_t m_Upper;
    float m_Weight;
};

std::vector<ResizeSample> BilinearResizeSamples(size_t in, size_t out, bool alignCorners, bool halfPixel);

/// LiteRT's integer bilinear positions (its 8-bit kernel): the scale in 1/1024 units, rounded; the position
/// s10 = o * scale10 (half pixel: + scale10 / 2 - 512); lower = max(s10 / 1024, 0), upper = min(ceil(s10 / 1024),
/// in - 1) (C++ division); m_Weight carries s10 - 1024 * lower, the upper sample's weight in 1/1024 units (it can
/// exceed 1024 or be negative near the edges, as there).
std::vector<ResizeSample> BilinearResizeSamples10(size_t in, size_t out, bool alignCorners, bool halfPixel);

std::vector<ResizeSample> NearestResizeSamples(size_t in, size_t out, bool alignCorners, bool halfPixel);

} // namespace armnn

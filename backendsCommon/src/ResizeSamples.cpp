#include <armnn/backends/ResizeSamples.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace armnn
{

namespace
{
float Scale(size_t in, size_t out, bool alignCorners)
{
    return (alignCorners && out > 1) ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
                                     : static_cast<float>(in) / static_cast<float>(out);
}
} // namespace

std::vector<ResizeSample> BilinearResizeSamples(size_t in, size_t out, bool alignCorners, bool halfPixel)
{
    const float scale = Scale(in, out, alignCorners);
    std::vector<ResizeSample> samples;
    for (size_t o = 0; o < out; ++o)
    {
        const float s = halfPixel ? (static_cast<float>(o) + 0.5f) * scale - 0.5f : static_cast<float>(o) * scale;
        // Both indices within [0, in - 1] (in range for any real geometry: lower <= in - 1 always); an empty input
        // axis (in == 0) and NaN scales must not reach the conversion to size_t.
        const float last = static_cast<float>(in > 0 ? in - 1 : 0);
        const float lower = std::isnan(s) ? 0.0f : std::min(std::max(std::floor(s), 0.0f), last);
        const float upper = std::isnan(s) ? 0.0f : std::min(std::max(std::ceil(s), 0.0f), last);
        samples.push_back({static_cast<size_t>(lower), static_cast<size_t>(upper), s - lower});
    }
    return samples;
}

std::vector<ResizeSample> BilinearResizeSamples10(size_t in, size_t out, bool alignCorners, bool halfPixel)
{
    const int32_t i = static_cast<int32_t>(in);
    const int32_t o = static_cast<int32_t>(out);
    const int32_t scale10 = (alignCorners && o > 1) ? ((1 << 10) * (i - 1) + (o - 1) / 2) / (o - 1)
                                                    : ((1 << 10) * i + o / 2) / o;
    std::vector<ResizeSample> samples;
    for (int32_t k = 0; k < o; ++k)
    {
        const int32_t s10 = halfPixel ? k * scale10 + scale10 / 2 - (1 << 9) : k * scale10;
        // Clamped to the input also from above: for large upscales (1 -> 70, say) the rounded scale carries s10 past
        // the last input, where LiteRT would read out of bounds.
        const int32_t lower = std::min(std::max(s10 / (1 << 10), 0), i - 1);
        const int32_t upper = std::min((s10 + (1 << 10) - 1) / (1 << 10), i - 1);
        samples.push_back({static_cast<size_t>(lower), static_cast<size_t>(upper),
                           static_cast<float>(s10 - (1 << 10) * lower)});
    }
    return samples;
}

std::vector<ResizeSample> NearestResizeSamples(size_t in, size_t out, bool alignCorners, bool halfPixel)
{
    const float scale = Scale(in, out, alignCorners);
    std::vector<ResizeSample> samples;
    for (size_t o = 0; o < out; ++o)
    {
        const float s = (static_cast<float>(o) + (halfPixel ? 0.5f : 0.0f)) * scale;
        float index = alignCorners ? std::round(s) : std::floor(s);
        // An empty input axis (in == 0) and NaN scales must not reach the conversion to size_t.
        const float last = static_cast<float>(in > 0 ? in - 1 : 0);
        index = std::isnan(index) ? 0.0f : std::max(std::min(index, last), 0.0f);
        samples.push_back({static_cast<size_t>(index), static_cast<size_t>(index), 0.0f});
    }
    return samples;
}

} // namespace armnn

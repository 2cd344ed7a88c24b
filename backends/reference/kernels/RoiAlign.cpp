//
// RoiAlign as ONNX Runtime computes it, in float. Each roi (x1, y1, x2, y2) is scaled by m_SpatialScale (minus 0.5
// with half-pixel coordinates; without them rois are at least 1x1) and divided into output-size bins; each bin
// takes grid_h x grid_w samples at the centres of a regular grid (grid = m_SamplingRatio, or ceil(bin size)).
// A sample outside [-1, size] on either axis is 0; otherwise it is clamped to >= 0 and interpolated bilinearly
// between its four neighbours (clamped to the last row and column). Average mode divides the sum of the samples
// by the grid size. Max mode follows ONNX Runtime: each sample contributes the largest of its four *weighted*
// neighbours (w * value), not its interpolated value, and the bin takes the largest of those.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <cmath>

namespace armnn
{
namespace ref
{

namespace
{
/// The adaptive grid is ceil(bin size); capped so that a huge roi cannot ask for an unbounded number of samples
/// (ONNX Runtime has no cap; only rois over 1024 bins wide reach it).
constexpr float kMaxGrid = 1024.0f;

int64_t GridSize(uint32_t samplingRatio, float binSize)
{
    if (samplingRatio > 0)
    {
        return samplingRatio;
    }
    const float grid = std::ceil(binSize);
    return grid > 0.0f ? static_cast<int64_t>(std::min(grid, kMaxGrid)) : 0;
}

struct Sample
{
    size_t m_Pos[4] = {0, 0, 0, 0};
    float m_W[4] = {0, 0, 0, 0};
};

Sample Bilinear(float y, float x, int64_t height, int64_t width)
{
    Sample s;
    if (!(y >= -1.0f && y <= static_cast<float>(height) && x >= -1.0f && x <= static_cast<float>(width)))
    {
        return s; // outside the feature map (or NaN): contributes 0
    }
    y = std::max(y, 0.0f);
    x = std::max(x, 0.0f);
    int64_t yLow = static_cast<int64_t>(y);
    int64_t xLow = static_cast<int64_t>(x);
    int64_t yHigh = yLow + 1;
    int64_t xHigh = xLow + 1;
    if (yLow >= height - 1)
    {
        yHigh = yLow = height - 1;
        y = static_cast<float>(yLow);
    }
    if (xLow >= width - 1)
    {
        xHigh = xLow = width - 1;
        x = static_cast<float>(xLow);
    }
    const float ly = y - static_cast<float>(yLow);
    const float lx = x - static_cast<float>(xLow);
    const float hy = 1.0f - ly;
    const float hx = 1.0f - lx;
    s.m_Pos[0] = static_cast<size_t>(yLow * width + xLow);
    s.m_Pos[1] = static_cast<size_t>(yLow * width + xHigh);
    s.m_Pos[2] = static_cast<size_t>(yHigh * width + xLow);
    s.m_Pos[3] = static_cast<size_t>(yHigh * width + xHigh);
    s.m_W[0] = hy * hx;
    s.m_W[1] = hy * lx;
    s.m_W[2] = ly * hx;
    s.m_W[3] = ly * lx;
    return s;
}
} // namespace

std::unique_ptr<IWorkload> CreateRoiAlign(const LayerInfo& layer)
{
    const auto desc = layer.GetDescriptor<RoiAlignDescriptor>();
    const TensorShape x = layer.m_Inputs[0].GetShape();
    const size_t numRois = layer.m_Inputs[1].GetShape()[0];
    const size_t batches = x[0];
    const size_t channels = x[1];
    const int64_t height = x[2];
    const int64_t width = x[3];
    const size_t plane = static_cast<size_t>(height * width);
    const uint32_t outH = desc.m_OutputHeight;
    const uint32_t outW = desc.m_OutputWidth;
    const bool isMax = desc.m_PoolType == PoolingAlgorithm::Max;
    const std::string name = layer.m_Name;
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        const float* data = in[0];
        std::vector<Sample> samples;
        for (size_t r = 0; r < numRois; ++r)
        {
            const float batch = in[2][r];
            if (!(batch >= 0.0f && batch < static_cast<float>(batches)))
            {
                throw InvalidArgumentException("RoiAlign '" + name + "': batch index " + std::to_string(batch) +
                                               " of roi " + std::to_string(r) + " is not in [0, " +
                                               std::to_string(batches) + ")");
            }
            const float offset = desc.m_HalfPixel ? 0.5f : 0.0f;
            const float* roi = in[1] + r * 4;
            const float startW = roi[0] * desc.m_SpatialScale - offset;
            const float startH = roi[1] * desc.m_SpatialScale - offset;
            float roiW = roi[2] * desc.m_SpatialScale - offset - startW;
            float roiH = roi[3] * desc.m_SpatialScale - offset - startH;
            if (!desc.m_HalfPixel)
            {
                roiW = std::max(roiW, 1.0f);
                roiH = std::max(roiH, 1.0f);
            }
            const float binH = roiH / static_cast<float>(outH);
            const float binW = roiW / static_cast<float>(outW);
            const int64_t gridH = GridSize(desc.m_SamplingRatio, binH);
            const int64_t gridW = GridSize(desc.m_SamplingRatio, binW);
            const float count = static_cast<float>(std::max<int64_t>(gridH * gridW, 1));

            // Each bin's sample positions and weights are shared by every channel; they are computed per bin so
            // that memory stays at one bin's grid.
            const size_t perBin = static_cast<size_t>(gridH * gridW);
            for (uint32_t ph = 0; ph < outH; ++ph)
            {
                for (uint32_t pw = 0; pw < outW; ++pw)
                {
                    samples.clear();
                    for (int64_t iy = 0; iy < gridH; ++iy)
                    {
                        const float yy = startH + static_cast<float>(ph) * binH +
                                         (static_cast<float>(iy) + 0.5f) * binH / static_cast<float>(gridH);
                        for (int64_t ix = 0; ix < gridW; ++ix)
                        {
                            const float xx = startW + static_cast<float>(pw) * binW +
                                             (static_cast<float>(ix) + 0.5f) * binW / static_cast<float>(gridW);
                            samples.push_back(Bilinear(yy, xx, height, width));
                        }
                    }
                    const size_t bin = size_t{ph} * outW + pw;
                    for (size_t c = 0; c < channels; ++c)
                    {
                        const float* map = data + (static_cast<size_t>(batch) * channels + c) * plane;
                        float value = 0.0f;
                        for (size_t k = 0; k < perBin; ++k)
                        {
                            const Sample& p = samples[k];
                            if (isMax)
                            {
                                const float m = std::max(std::max(std::max(p.m_W[0] * map[p.m_Pos[0]],
                                                                           p.m_W[1] * map[p.m_Pos[1]]),
                                                                  p.m_W[2] * map[p.m_Pos[2]]),
                                                         p.m_W[3] * map[p.m_Pos[3]]);
                                value = k == 0 ? m : std::max(value, m);
                            }
                            else
                            {
                                value += p.m_W[0] * map[p.m_Pos[0]] + p.m_W[1] * map[p.m_Pos[1]] +
                                         p.m_W[2] * map[p.m_Pos[2]] + p.m_W[3] * map[p.m_Pos[3]];
                            }
                        }
                        out[0][(r * channels + c) * outH * outW + bin] = isMax ? value : value / count;
                    }
                }
            }
        }
    });
}

bool CheckRoiAlign(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs.at(0).GetDataType() != layer.m_Inputs[0].GetDataType())
    {
        reason = "output data type differs from the input's";
        return false;
    }
    const DataType indices = layer.m_Inputs.at(2).GetDataType();
    if (indices != DataType::Signed32 && indices != DataType::Signed64)
    {
        reason = "input 2 (batch indices) must be Signed32 or Signed64";
        return false;
    }
    return true;
}

} // namespace ref
} // namespace armnn

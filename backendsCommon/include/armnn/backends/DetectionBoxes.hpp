//
// The box arithmetic of SSD detection post-processing (TensorFlow Lite's TFLite_Detection_PostProcess), shared by
// every backend's DetectionPostProcess so that their boxes and overlaps are the same floats:
//   with encodings (ty, tx, th, tw) and anchor (ycenter, xcenter, h, w),
//   yc = ty / scaleY * h + ycenter,  xc = tx / scaleX * w + xcenter,
//   hh = exp(th / scaleH) * h / 2,    hw = exp(tw / scaleW) * w / 2,
//   box = (yc - hh, xc - hw, yc + hh, xc + hw)   as (ymin, xmin, ymax, xmax).
//
#pragma once

#include <armnn/Descriptors.hpp>

#include <algorithm>
#include <cmath>

namespace armnn
{

struct DetectionBox
{
    float m_YMin, m_XMin, m_YMax, m_XMax;
};

/// The box of one anchor (4 values: ycenter, xcenter, h, w) from its encoding (4 values: ty, tx, th, tw).
inline DetectionBox DecodeDetectionBox(const float* encoding, const float* anchor,
                                       const DetectionPostProcessDescriptor& desc)
{
    const float yCenter = encoding[0] / desc.m_ScaleY * anchor[2] + anchor[0];
    const float xCenter = encoding[1] / desc.m_ScaleX * anchor[3] + anchor[1];
    const float halfH = 0.5f * std::exp(encoding[2] / desc.m_ScaleH) * anchor[2];
    const float halfW = 0.5f * std::exp(encoding[3] / desc.m_ScaleW) * anchor[3];
    return {yCenter - halfH, xCenter - halfW, yCenter + halfH, xCenter + halfW};
}

/// Intersection over union; 0 when either box is empty.
inline float IntersectionOverUnion(const DetectionBox& a, const DetectionBox& b)
{
    const float areaA = (a.m_YMax - a.m_YMin) * (a.m_XMax - a.m_XMin);
    const float areaB = (b.m_YMax - b.m_YMin) * (b.m_XMax - b.m_XMin);
    if (areaA <= 0.0f || areaB <= 0.0f)
    {
        return 0.0f;
    }
    const float h = std::max(0.0f, std::min(a.m_YMax, b.m_YMax) - std::max(a.m_YMin, b.m_YMin));
    const float w = std::max(0.0f, std::min(a.m_XMax, b.m_XMax) - std::max(a.m_XMin, b.m_XMin));
    const float intersection = h * w;
    return intersection / (areaA + areaB - intersection);
}

} // namespace armnn

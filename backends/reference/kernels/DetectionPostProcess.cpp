//
// SSD detection post-processing, with the semantics of TensorFlow Lite's TFLite_Detection_PostProcess:
// 1. Decode each anchor's box (DecodeDetectionBox, backendsCommon's DetectionBoxes.hpp).
// 2. Non-maximum suppression (scores column 0 is the background class and is ignored; reported classes count
//    from 0 at scores column 1). Single-class NMS keeps candidates with score >= m_NmsScoreThreshold, visits them
//    by decreasing score (ties: lower anchor first), keeps a box unless it overlaps an already kept one with
//    IoU > m_NmsIouThreshold, and stops at its limit.
//    - Fast (m_UseRegularNms false): each anchor is scored by its best class; one NMS over anchors keeps up to
//      m_MaxDetections; each kept anchor reports its m_MaxClassesPerDetection best classes.
//    - Regular: NMS per class keeps up to m_DetectionsPerClass; the best m_MaxDetections over all classes are
//      reported by decreasing score.
// Outputs (float): boxes [1, D, 4], classes [1, D], scores [1, D], count [1]; unused rows are zero.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/DetectionBoxes.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace armnn
{
namespace ref
{

namespace
{
/// Indices of `scores` sorted by decreasing score; equal scores keep their order.
std::vector<size_t> SortByDecreasingScore(const std::vector<float>& scores, std::vector<size_t> indices)
{
    std::stable_sort(indices.begin(), indices.end(), [&scores](size_t a, size_t b) { return scores[a] > scores[b]; });
    return indices;
}

/// Anchor indices kept by single-class NMS, by decreasing score.
std::vector<size_t> NonMaxSuppression(const std::vector<DetectionBox>& boxes, const std::vector<float>& scores,
                                      const DetectionPostProcessDescriptor& desc, size_t maxKept)
{
    std::vector<size_t> candidates;
    for (size_t i = 0; i < scores.size(); ++i)
    {
        if (scores[i] >= desc.m_NmsScoreThreshold)
        {
            candidates.push_back(i);
        }
    }
    candidates = SortByDecreasingScore(scores, candidates);
    std::vector<size_t> kept;
    for (size_t candidate : candidates)
    {
        if (kept.size() >= maxKept)
        {
            break;
        }
        const bool suppressed = std::any_of(kept.begin(), kept.end(), [&](size_t k) {
            return IntersectionOverUnion(boxes[k], boxes[candidate]) > desc.m_NmsIouThreshold;
        });
        if (!suppressed)
        {
            kept.push_back(candidate);
        }
    }
    return kept;
}

struct Detection
{
    size_t m_Anchor;
    size_t m_Class;
    float m_Score;
};
} // namespace

bool CheckDetectionPostProcess(const LayerInfo& layer, std::string& reason)
{
    for (size_t o = 0; o < layer.m_Outputs.size(); ++o)
    {
        if (layer.m_Outputs[o].GetDataType() != DataType::Float32)
        {
            reason = "output " + std::to_string(o) + " has data type " +
                     GetDataTypeName(layer.m_Outputs[o].GetDataType()) + "; expected Float32";
            return false;
        }
    }
    return true;
}

std::unique_ptr<IWorkload> CreateDetectionPostProcess(const LayerInfo& layer)
{
    const DetectionPostProcessDescriptor desc = layer.GetDescriptor<DetectionPostProcessDescriptor>();
    const size_t numAnchors = layer.m_Inputs[2].GetShape()[0];
    const size_t boxStride = layer.m_Inputs[0].GetShape()[2];
    const size_t numClasses = desc.m_NumClasses;
    const size_t scoreStride = numClasses + 1;
    const size_t maxOutputs = layer.m_Outputs[1].GetNumElements();

    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        const float* encodings = in[0];
        const float* scores = in[1];
        const float* anchors = in[2];

        std::vector<DetectionBox> boxes(numAnchors);
        for (size_t a = 0; a < numAnchors; ++a)
        {
            boxes[a] = DecodeDetectionBox(encodings + a * boxStride, anchors + a * 4, desc);
        }
        auto score = [&](size_t anchor, size_t cls) { return scores[anchor * scoreStride + cls + 1]; };

        std::vector<Detection> detections;
        if (desc.m_UseRegularNms)
        {
            std::vector<float> classScores(numAnchors);
            for (size_t c = 0; c < numClasses; ++c)
            {
                for (size_t a = 0; a < numAnchors; ++a)
                {
                    classScores[a] = score(a, c);
                }
                for (size_t a : NonMaxSuppression(boxes, classScores, desc, desc.m_DetectionsPerClass))
                {
                    detections.push_back({a, c, classScores[a]});
                }
            }
            std::stable_sort(detections.begin(), detections.end(),
                             [](const Detection& x, const Detection& y) { return x.m_Score > y.m_Score; });
            detections.resize(std::min<size_t>(detections.size(), desc.m_MaxDetections));
        }
        else
        {
            const size_t classesPerAnchor = std::min<size_t>(desc.m_MaxClassesPerDetection, numClasses);
            std::vector<std::vector<size_t>> bestClasses(numAnchors);
            std::vector<float> maxScores(numAnchors);
            std::vector<size_t> allClasses(numClasses);
            std::iota(allClasses.begin(), allClasses.end(), size_t{0});
            for (size_t a = 0; a < numAnchors; ++a)
            {
                const std::vector<float> anchorScores(scores + a * scoreStride + 1, scores + (a + 1) * scoreStride);
                bestClasses[a] = SortByDecreasingScore(anchorScores, allClasses);
                bestClasses[a].resize(classesPerAnchor);
                maxScores[a] = anchorScores[bestClasses[a][0]];
            }
            for (size_t a : NonMaxSuppression(boxes, maxScores, desc, desc.m_MaxDetections))
            {
                for (size_t c : bestClasses[a])
                {
                    detections.push_back({a, c, score(a, c)});
                }
            }
        }

        std::fill(out[0], out[0] + maxOutputs * 4, 0.0f);
        std::fill(out[1], out[1] + maxOutputs, 0.0f);
        std::fill(out[2], out[2] + maxOutputs, 0.0f);
        const size_t count = std::min(detections.size(), maxOutputs);
        for (size_t i = 0; i < count; ++i)
        {
            const DetectionBox& b = boxes[detections[i].m_Anchor];
            out[0][i * 4 + 0] = b.m_YMin;
            out[0][i * 4 + 1] = b.m_XMin;
            out[0][i * 4 + 2] = b.m_YMax;
            out[0][i * 4 + 3] = b.m_XMax;
            out[1][i] = static_cast<float>(detections[i].m_Class);
            out[2][i] = detections[i].m_Score;
        }
        out[3][0] = static_cast<float>(count);
    });
}

} // namespace ref
} // namespace armnn

//
// SSD detection post-processing (TensorFlow Lite's TFLite_Detection_PostProcess) with CpuRef's results: the same
// box decoding and IoU expressions, the same orders (scores decreasing, ties by lower anchor, then lower class),
// so outputs are identical. The work differs: CpuRef decodes every anchor's box and sorts every anchor's classes;
// here an anchor's best classes are found by one scan (a partial sort for more than one per detection), and boxes
// are decoded only for the anchors that pass the score threshold. 8-bit encodings and scores are decoded by a table
// of CpuRef's decoded values; the anchors, constant, are decoded once at load.
//
#include "../CpuAccKernels.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/DetectionBoxes.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace armnn
{
namespace cpuacc
{

namespace
{
bool Is8Bit(DataType type)
{
    return type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
}

/// A Float32 input as is, or an 8-bit one decoded through a table of its 256 decoded values.
class FloatInput
{
public:
    explicit FloatInput(const TensorInfo& info) : m_Info(info), m_Quantized(Is8Bit(info.GetDataType()))
    {
        if (m_Quantized)
        {
            std::array<uint8_t, 256> bytes{};
            std::iota(bytes.begin(), bytes.end(), uint8_t{0});
            TensorInfo all = info;
            all.SetShape(TensorShape({256}));
            DecodeToFloat(all, bytes.data(), m_Table.data());
        }
    }

    size_t ScratchFloats() const { return m_Quantized ? m_Info.GetNumElements() : 0; }

    const float* Get(const void* data, float* scratch) const
    {
        if (!m_Quantized)
        {
            return static_cast<const float*>(data);
        }
        const uint8_t* bytes = static_cast<const uint8_t*>(data);
        for (size_t i = 0; i < m_Info.GetNumElements(); ++i)
        {
            scratch[i] = m_Table[bytes[i]];
        }
        return scratch;
    }

private:
    TensorInfo m_Info;
    bool m_Quantized;
    std::array<float, 256> m_Table{};
};

struct Detection
{
    size_t m_Anchor;
    size_t m_Class;
    float m_Score;
};

class DetectionPostProcessWorkload final : public IWorkload
{
public:
    explicit DetectionPostProcessWorkload(const LayerInfo& layer)
        : m_Desc(layer.GetDescriptor<DetectionPostProcessDescriptor>()), m_Encodings(layer.m_Inputs[0]),
          m_Scores(layer.m_Inputs[1]), m_NumAnchors(layer.m_Inputs[2].GetShape()[0]),
          m_BoxStride(layer.m_Inputs[0].GetShape()[2]), m_NumClasses(m_Desc.m_NumClasses),
          m_MaxOutputs(layer.m_Outputs[1].GetNumElements()),
          m_Anchors(DecodeToFloat(layer.m_Inputs[2], layer.m_ConstantInputs[2]))
    {}

    size_t GetScratchBytes() const override
    {
        return (m_Encodings.ScratchFloats() + m_Scores.ScratchFloats()) * sizeof(float);
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        float* scratch = static_cast<float*>(tensors.m_Scratch);
        const float* encodings = m_Encodings.Get(tensors.Input(0), scratch);
        const float* scores = m_Scores.Get(tensors.Input(1), scratch + m_Encodings.ScratchFloats());
        const size_t scoreStride = m_NumClasses + 1;
        auto score = [&](size_t anchor, size_t cls) { return scores[anchor * scoreStride + cls + 1]; };

        std::vector<DetectionBox> boxes(m_NumAnchors);
        std::vector<Detection> detections;
        std::vector<float> anchorScores(m_NumAnchors);
        if (m_Desc.m_UseRegularNms)
        {
            for (size_t c = 0; c < m_NumClasses; ++c)
            {
                for (size_t a = 0; a < m_NumAnchors; ++a)
                {
                    anchorScores[a] = score(a, c);
                }
                for (size_t a : NonMaxSuppression(encodings, anchorScores, m_Desc.m_DetectionsPerClass, boxes))
                {
                    detections.push_back({a, c, anchorScores[a]});
                }
            }
            std::stable_sort(detections.begin(), detections.end(),
                             [](const Detection& x, const Detection& y) { return x.m_Score > y.m_Score; });
            detections.resize(std::min<size_t>(detections.size(), m_Desc.m_MaxDetections));
        }
        else
        {
            // Each anchor's best class by one scan (the first of equal scores, as a stable sort puts first).
            const size_t classesPerAnchor = std::min<size_t>(m_Desc.m_MaxClassesPerDetection, m_NumClasses);
            for (size_t a = 0; a < m_NumAnchors; ++a)
            {
                const float* s = scores + a * scoreStride + 1;
                float best = s[0];
                for (size_t c = 1; c < m_NumClasses; ++c)
                {
                    best = s[c] > best ? s[c] : best;
                }
                anchorScores[a] = best;
            }
            std::vector<size_t> classes(m_NumClasses);
            for (size_t a : NonMaxSuppression(encodings, anchorScores, m_Desc.m_MaxDetections, boxes))
            {
                const float* s = scores + a * scoreStride + 1;
                std::iota(classes.begin(), classes.end(), size_t{0});
                std::partial_sort(classes.begin(), classes.begin() + static_cast<ptrdiff_t>(classesPerAnchor),
                                  classes.end(), [s](size_t x, size_t y) { return s[x] > s[y] || (!(s[y] > s[x]) && x < y); });
                for (size_t k = 0; k < classesPerAnchor; ++k)
                {
                    detections.push_back({a, classes[k], s[classes[k]]});
                }
            }
        }

        float* outBoxes = tensors.Output<float>(0);
        float* outClasses = tensors.Output<float>(1);
        float* outScores = tensors.Output<float>(2);
        std::fill(outBoxes, outBoxes + m_MaxOutputs * 4, 0.0f);
        std::fill(outClasses, outClasses + m_MaxOutputs, 0.0f);
        std::fill(outScores, outScores + m_MaxOutputs, 0.0f);
        const size_t count = std::min(detections.size(), m_MaxOutputs);
        for (size_t i = 0; i < count; ++i)
        {
            const DetectionBox& b = boxes[detections[i].m_Anchor];
            outBoxes[i * 4 + 0] = b.m_YMin;
            outBoxes[i * 4 + 1] = b.m_XMin;
            outBoxes[i * 4 + 2] = b.m_YMax;
            outBoxes[i * 4 + 3] = b.m_XMax;
            outClasses[i] = static_cast<float>(detections[i].m_Class);
            outScores[i] = detections[i].m_Score;
        }
        tensors.Output<float>(3)[0] = static_cast<float>(count);
    }

private:
    /// CpuRef's box of an anchor, from its encoding.
    DetectionBox Decode(const float* encodings, size_t a) const
    {
        return DecodeDetectionBox(encodings + a * m_BoxStride, m_Anchors.data() + a * 4, m_Desc);
    }

    /// Single-class NMS as CpuRef's: candidates at or above the score threshold by decreasing score (ties: lower
    /// anchor first), each kept unless it overlaps a kept one by more than the IoU threshold, up to maxKept.
    /// Decodes the candidates' boxes into `boxes`.
    std::vector<size_t> NonMaxSuppression(const float* encodings, const std::vector<float>& scores, size_t maxKept,
                                          std::vector<DetectionBox>& boxes) const
    {
        std::vector<size_t> candidates;
        for (size_t i = 0; i < scores.size(); ++i)
        {
            if (scores[i] >= m_Desc.m_NmsScoreThreshold)
            {
                candidates.push_back(i);
            }
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&scores](size_t a, size_t b) { return scores[a] > scores[b]; });
        std::vector<size_t> kept;
        for (size_t candidate : candidates)
        {
            if (kept.size() >= maxKept)
            {
                break;
            }
            boxes[candidate] = Decode(encodings, candidate);
            const bool suppressed = std::any_of(kept.begin(), kept.end(), [&](size_t k) {
                return IntersectionOverUnion(boxes[k], boxes[candidate]) > m_Desc.m_NmsIouThreshold;
            });
            if (!suppressed)
            {
                kept.push_back(candidate);
            }
        }
        return kept;
    }

    DetectionPostProcessDescriptor m_Desc;
    FloatInput m_Encodings;
    FloatInput m_Scores;
    size_t m_NumAnchors;
    size_t m_BoxStride;
    size_t m_NumClasses;
    size_t m_MaxOutputs;
    std::vector<float> m_Anchors;
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
    for (size_t i = 0; i < 2; ++i)
    {
        const TensorInfo& info = layer.m_Inputs[i];
        if ((info.GetDataType() != DataType::Float32 && !Is8Bit(info.GetDataType())) || info.HasPerAxisQuantization())
        {
            reason = "input " + std::to_string(i) + ": only Float32, or 8-bit quantized per tensor";
            return false;
        }
    }
    if (!layer.IsConstantInput(2))
    {
        reason = "the anchors (input 2) must be constant";
        return false;
    }
    const auto& desc = layer.GetDescriptor<DetectionPostProcessDescriptor>();
    const TensorShape& encodings = layer.m_Inputs[0].GetShape();
    const TensorShape& anchors = layer.m_Inputs[2].GetShape();
    if (encodings.GetNumDimensions() != 3 || encodings[0] != 1 || encodings[2] < 4 ||
        anchors.GetNumDimensions() != 2 || anchors[1] != 4 || encodings[1] != anchors[0] || desc.m_NumClasses == 0 ||
        layer.m_Inputs[1].GetNumElements() != static_cast<size_t>(anchors[0]) * (desc.m_NumClasses + 1))
    {
        reason = "box encodings [1, anchors, >= 4], scores [1, anchors, classes + 1] and anchors [anchors, 4] "
                 "expected";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateDetectionPostProcess(const LayerInfo& layer)
{
    return std::make_unique<DetectionPostProcessWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn

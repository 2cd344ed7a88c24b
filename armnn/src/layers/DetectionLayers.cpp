//
// Detection post-processing (SSD box decoding and non-maximum suppression), as TensorFlow Lite's
// TFLite_Detection_PostProcess custom operator, and the detection-head layers of ONNX models: TopK and RoiAlign
// (extensions; Arm NN has neither).
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <cmath>
#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

void CheckPositive(const LayerInfo& layer, float value, const char* name)
{
    if (!(value > 0.0f) || std::isinf(value))
    {
        ThrowInvalid(layer, std::string(name) + " " + std::to_string(value) + " must be positive and finite");
    }
}

/// Inputs: box encodings [1, anchors, 4 or more] (y, x, h, w first), scores [1, anchors, classes + 1]
/// (class 0 is the background), anchors [anchors, 4] (ycenter, xcenter, h, w).
/// Outputs: boxes [1, D, 4], classes [1, D], scores [1, D], number of detections [1], with
/// D = m_MaxDetections * m_MaxClassesPerDetection.
std::vector<TensorShape> DetectionPostProcessShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<DetectionPostProcessDescriptor>();
    CheckInputRank(layer, 0, 3, 3);
    CheckInputRank(layer, 1, 3, 3);
    CheckInputRank(layer, 2, 2, 2);
    const TensorShape& boxes = layer.m_Inputs[0].GetShape();
    const TensorShape& scores = layer.m_Inputs[1].GetShape();
    const TensorShape& anchors = layer.m_Inputs[2].GetShape();
    std::ostringstream ss;
    ss << "box encodings " << boxes << ", scores " << scores << ", anchors " << anchors << ": ";
    if (boxes[0] != 1 || scores[0] != 1)
    {
        ThrowInvalid(layer, ss.str() + "only a batch of 1 is supported");
    }
    if (boxes[2] < 4 || anchors[1] != 4)
    {
        ThrowInvalid(layer, ss.str() + "boxes need at least 4 values and anchors exactly 4");
    }
    if (boxes[1] != anchors[0] || scores[1] != anchors[0])
    {
        ThrowInvalid(layer, ss.str() + "the number of anchors differs");
    }
    if (desc.m_NumClasses == 0 || scores[2] != desc.m_NumClasses + 1)
    {
        ThrowInvalid(layer, ss.str() + "scores must have m_NumClasses + 1 = " + std::to_string(desc.m_NumClasses + 1) +
                                "columns (background first) and m_NumClasses must be positive");
    }
    if (desc.m_MaxDetections == 0 || desc.m_MaxClassesPerDetection == 0 ||
        (desc.m_UseRegularNms && desc.m_DetectionsPerClass == 0))
    {
        ThrowInvalid(layer, "m_MaxDetections, m_MaxClassesPerDetection and (regular NMS) m_DetectionsPerClass must "
                            "be positive");
    }
    if (desc.m_MaxClassesPerDetection > desc.m_NumClasses)
    {
        ThrowInvalid(layer, "m_MaxClassesPerDetection " + std::to_string(desc.m_MaxClassesPerDetection) +
                                " exceeds m_NumClasses " + std::to_string(desc.m_NumClasses));
    }
    const uint64_t detections = uint64_t{desc.m_MaxDetections} * desc.m_MaxClassesPerDetection;
    if (detections > (1u << 24))
    {
        ThrowInvalid(layer, "m_MaxDetections * m_MaxClassesPerDetection is too large");
    }
    if (!(desc.m_NmsIouThreshold > 0.0f && desc.m_NmsIouThreshold <= 1.0f))
    {
        ThrowInvalid(layer, "m_NmsIouThreshold " + std::to_string(desc.m_NmsIouThreshold) + " is not in (0, 1]");
    }
    if (std::isnan(desc.m_NmsScoreThreshold))
    {
        ThrowInvalid(layer, "m_NmsScoreThreshold is NaN");
    }
    CheckPositive(layer, desc.m_ScaleX, "m_ScaleX");
    CheckPositive(layer, desc.m_ScaleY, "m_ScaleY");
    CheckPositive(layer, desc.m_ScaleW, "m_ScaleW");
    CheckPositive(layer, desc.m_ScaleH, "m_ScaleH");
    const unsigned int d = static_cast<unsigned int>(detections);
    return {TensorShape({1, d, 4}), TensorShape({1, d}), TensorShape({1, d}), TensorShape({1})};
}

const LayerTraits kDetectionPostProcess{Fixed<3>, Fixed<4>, DetectionPostProcessShapes};

unsigned int TopKInputs(const BaseDescriptor& d)
{
    return static_cast<const TopKDescriptor&>(d).m_KInput ? 2 : 1;
}

/// Values and indices: the input's shape with m_K elements along the axis.
std::vector<TensorShape> TopKShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<TopKDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const unsigned int axis = ResolveAxis(layer, desc.m_Axis, in.GetNumDimensions());
    if (desc.m_K == 0 || desc.m_K > in[axis])
    {
        ThrowInvalid(layer, "m_K " + std::to_string(desc.m_K) + " is not in [1, " + std::to_string(in[axis]) +
                                "], the size of axis " + std::to_string(axis));
    }
    if (desc.m_KInput && layer.m_Inputs[1].GetNumElements() != 1)
    {
        ThrowInvalid(layer, "input 1 (K) must hold one value");
    }
    TensorShape out = in;
    out[axis] = desc.m_K;
    return {out, out};
}

/// Features [N, C, H, W], rois [R, 4], batch indices [R] -> [R, C, m_OutputHeight, m_OutputWidth].
std::vector<TensorShape> RoiAlignShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<RoiAlignDescriptor>();
    CheckInputRank(layer, 0, 4, 4);
    CheckInputRank(layer, 1, 2, 2);
    CheckInputRank(layer, 2, 1, 1);
    const TensorShape& x = layer.m_Inputs[0].GetShape();
    const TensorShape& rois = layer.m_Inputs[1].GetShape();
    const TensorShape& indices = layer.m_Inputs[2].GetShape();
    if (rois[1] != 4 || indices[0] != rois[0])
    {
        std::ostringstream ss;
        ss << "rois " << rois << " and batch indices " << indices << " must be [R, 4] and [R]";
        ThrowInvalid(layer, ss.str());
    }
    if (desc.m_OutputHeight == 0 || desc.m_OutputWidth == 0)
    {
        ThrowInvalid(layer, "output size " + std::to_string(desc.m_OutputHeight) + "x" +
                                std::to_string(desc.m_OutputWidth) + " has a zero dimension");
    }
    if (desc.m_PoolType != PoolingAlgorithm::Average && desc.m_PoolType != PoolingAlgorithm::Max)
    {
        ThrowInvalid(layer, "m_PoolType must be Average or Max");
    }
    if (desc.m_SamplingRatio > 1024)
    {
        ThrowInvalid(layer, "m_SamplingRatio " + std::to_string(desc.m_SamplingRatio) + " is above 1024");
    }
    if (!std::isfinite(desc.m_SpatialScale))
    {
        ThrowInvalid(layer, "m_SpatialScale is not finite");
    }
    return {TensorShape({rois[0], x[1], desc.m_OutputHeight, desc.m_OutputWidth})};
}

const LayerTraits kTopK{TopKInputs, Fixed<2>, TopKShapes};
const LayerTraits kRoiAlign{Fixed<3>, Fixed<1>, RoiAlignShapes};

} // namespace
} // namespace layers

void RegisterDetectionLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::DetectionPostProcess, layers::kDetectionPostProcess);
    set(LayerType::TopK, layers::kTopK);
    set(LayerType::RoiAlign, layers::kRoiAlign);
}

} // namespace armnn

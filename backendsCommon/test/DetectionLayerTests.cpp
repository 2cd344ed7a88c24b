//
// Shared per-layer tests: DetectionPostProcess (TFLite_Detection_PostProcess semantics).
// Expected values are computed by hand (see the comments next to them).
//
#include "LayerTestUtils.hpp"

using namespace armnn;
using namespace armnn::test;

namespace
{
// Three anchors (ycenter, xcenter, h, w): a0 = a1 = (0.5, 0.5, 1, 1), a2 = (0.5, 2.5, 1, 1).
// Scales y = x = 10, h = w = 5. Encodings (ty, tx, th, tw):
//   a0 (0, 0, 0, 0)           -> centre (0.5, 0.5), size 1 x 1       -> box (0, 0, 1, 1)
//   a1 (1, 0, 0, 0)           -> yc = 1/10 * 1 + 0.5 = 0.6           -> box (0.1, 0, 1.1, 1)
//   a2 (0, 0, 5 ln 2, 0)      -> h = exp(ln 2) * 1 = 2               -> box (-0.5, 2, 1.5, 3)
// IoU(a0, a1) = (0.9 * 1) / (1 + 1 - 0.9) = 0.818 > 0.5; a2 overlaps neither.
// Scores (background, class 0, class 1): a0 (0, 0.9, 0.2), a1 (0, 0.8, 0.7), a2 (0, 0.1, 0.6).
const std::vector<float> kAnchors = {0.5f, 0.5f, 1, 1, 0.5f, 0.5f, 1, 1, 0.5f, 2.5f, 1, 1};

TestTensor Encodings()
{
    return TestTensor::Float({1, 3, 4}, {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3.4657359f, 0});
}

TestTensor Scores()
{
    return TestTensor::Float({1, 3, 3}, {0, 0.9f, 0.2f, 0, 0.8f, 0.7f, 0, 0.1f, 0.6f});
}

DetectionPostProcessDescriptor Descriptor(bool regular, uint32_t maxDetections, uint32_t classesPerDetection)
{
    DetectionPostProcessDescriptor desc;
    desc.m_MaxDetections = maxDetections;
    desc.m_MaxClassesPerDetection = classesPerDetection;
    desc.m_DetectionsPerClass = 2;
    desc.m_NmsScoreThreshold = 0.3f;
    desc.m_NmsIouThreshold = 0.5f;
    desc.m_NumClasses = 2;
    desc.m_UseRegularNms = regular;
    desc.m_ScaleY = 10;
    desc.m_ScaleX = 10;
    desc.m_ScaleH = 5;
    desc.m_ScaleW = 5;
    return desc;
}

AddLayerFn Detection(const DetectionPostProcessDescriptor& desc)
{
    return [=](INetwork& net) {
        TensorInfo anchorsInfo({3, 4}, DataType::Float32, 0.0f, 0, true);
        return net.AddDetectionPostProcessLayer(desc, ConstTensor(anchorsInfo, kAnchors.data()), "detection");
    };
}

std::vector<TensorInfo> OutputInfos(unsigned int detections)
{
    return {TensorInfo({1, detections, 4}, DataType::Float32), TensorInfo({1, detections}, DataType::Float32),
            TensorInfo({1, detections}, DataType::Float32), TensorInfo({1}, DataType::Float32)};
}
} // namespace

TEST_P(LayerTest, DetectionPostProcessFastNms)
{
    // Best class per anchor: a0 0.9 (class 0), a1 0.8 (class 0), a2 0.6 (class 1). NMS over anchors: a0 kept,
    // a1 suppressed by a0 (IoU 0.818 > 0.5), a2 kept. Third row unused (zeros).
    ARMNN_RUN_LAYER(out, Detection(Descriptor(false, 3, 1)), {Encodings(), Scores()}, OutputInfos(3));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0, 1, 1, -0.5f, 2, 1.5f, 3, 0, 0, 0, 0}, 1e-5f, 1e-5f));
    EXPECT_EQ(out[1].AsFloat(), (std::vector<float>{0, 1, 0}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.9f, 0.6f, 0}));
    EXPECT_EQ(out[3].AsFloat(), (std::vector<float>{2}));
}

TEST_P(LayerTest, DetectionPostProcessFastNmsTwoClassesPerDetection)
{
    // Same kept anchors (a0, a2); each reports its 2 classes by decreasing score:
    // a0: (class 0, 0.9), (class 1, 0.2); a2: (class 1, 0.6), (class 0, 0.1). 4 of 6 rows used.
    ARMNN_RUN_LAYER(out, Detection(Descriptor(false, 3, 2)), {Encodings(), Scores()}, OutputInfos(6));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0, 1, 1, 0, 0, 1, 1, -0.5f, 2, 1.5f, 3, -0.5f, 2, 1.5f, 3,
                                            0, 0, 0, 0, 0, 0, 0, 0}, 1e-5f, 1e-5f));
    EXPECT_EQ(out[1].AsFloat(), (std::vector<float>{0, 1, 1, 0, 0, 0}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.9f, 0.2f, 0.6f, 0.1f, 0, 0}));
    EXPECT_EQ(out[3].AsFloat(), (std::vector<float>{4}));
}

TEST_P(LayerTest, DetectionPostProcessRegularNms)
{
    // Class 0 (scores 0.9, 0.8, 0.1; 0.1 is under the 0.3 threshold): a0 kept, a1 suppressed.
    // Class 1 (scores 0.2, 0.7, 0.6; 0.2 under the threshold): a1 kept, a2 kept (no overlap with a1).
    // All by decreasing score: (a0, 0, 0.9), (a1, 1, 0.7), (a2, 1, 0.6).
    ARMNN_RUN_LAYER(out, Detection(Descriptor(true, 3, 1)), {Encodings(), Scores()}, OutputInfos(3));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0, 1, 1, 0.1f, 0, 1.1f, 1, -0.5f, 2, 1.5f, 3}, 1e-5f, 1e-5f));
    EXPECT_EQ(out[1].AsFloat(), (std::vector<float>{0, 1, 1}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.9f, 0.7f, 0.6f}));
    EXPECT_EQ(out[3].AsFloat(), (std::vector<float>{3}));
}

TEST_P(LayerTest, DetectionPostProcessRegularNmsKeepsBestMaxDetections)
{
    // As above with m_MaxDetections 2: the two best, (a0, 0, 0.9) and (a1, 1, 0.7).
    ARMNN_RUN_LAYER(out, Detection(Descriptor(true, 2, 1)), {Encodings(), Scores()}, OutputInfos(2));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0, 1, 1, 0.1f, 0, 1.1f, 1}, 1e-5f, 1e-5f));
    EXPECT_EQ(out[1].AsFloat(), (std::vector<float>{0, 1}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.9f, 0.7f}));
    EXPECT_EQ(out[3].AsFloat(), (std::vector<float>{2}));
}

TEST_P(LayerTest, DetectionPostProcessQAsymmU8Inputs)
{
    // The fast-NMS case with quantized inputs: encodings at scale 0.5, offset 128 can hold (0, 0, 0, 0) and
    // (2, 0, 0, 0); use a1 = (2, 0, 0, 0) -> yc = 2/10 + 0.5 = 0.7 -> box (0.2, 0, 1.2, 1), IoU with a0 =
    // 0.8 / 1.2 = 0.667 > 0.5 (still suppressed); a2's th = 5 ln 2 is not representable, use th = 0 -> a2 box
    // (0, 2, 1, 3). Scores at scale 0.1: (0, 0.9, 0.2), (0, 0.8, 0.7), (0, 0.1, 0.6) are exact.
    TestTensor encodings = TestTensor::Of<uint8_t>(TensorInfo({1, 3, 4}, DataType::QAsymmU8, 0.5f, 128),
                                                   {128, 128, 128, 128, 132, 128, 128, 128, 128, 128, 128, 128});
    TestTensor scores = TestTensor::Of<uint8_t>(TensorInfo({1, 3, 3}, DataType::QAsymmU8, 0.1f, 0),
                                                {0, 9, 2, 0, 8, 7, 0, 1, 6});
    ARMNN_RUN_LAYER(out, Detection(Descriptor(false, 3, 1)), {encodings, scores}, OutputInfos(3));
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0, 1, 1, 0, 2, 1, 3, 0, 0, 0, 0}, 1e-5f, 1e-5f));
    EXPECT_EQ(out[1].AsFloat(), (std::vector<float>{0, 1, 0}));
    EXPECT_TRUE(AllClose(out[2].AsFloat(), {0.9f, 0.6f, 0}));
    EXPECT_EQ(out[3].AsFloat(), (std::vector<float>{2}));
}

TEST_P(LayerTest, DetectionPostProcessWrongClassCountIsRejected)
{
    // Scores have 3 columns but m_NumClasses = 3 needs 4 (background + 3).
    DetectionPostProcessDescriptor desc = Descriptor(false, 3, 1);
    desc.m_NumClasses = 3;
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(Backend(), Detection(desc), {Encodings(), Scores()}, OutputInfos(3), unsupported),
                 LayerValidationException);
}

TEST_P(LayerTest, DetectionPostProcessZeroScaleIsRejected)
{
    DetectionPostProcessDescriptor desc = Descriptor(false, 3, 1);
    desc.m_ScaleH = 0;
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(Backend(), Detection(desc), {Encodings(), Scores()}, OutputInfos(3), unsupported),
                 LayerValidationException);
}

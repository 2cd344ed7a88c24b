//
// Shared per-layer tests: element-wise binary and unary operations, comparisons, logical operations, PReLU,
// activations, softmax, floor and the conversions (quantize, dequantize, cast, fill, shape, rank).
// Expected values are computed by hand (see the comments next to them).
//
#include "LayerTestUtils.hpp"

#include <limits>

using namespace armnn;
using namespace armnn::test;

namespace
{
AddLayerFn Binary(BinaryOperation op)
{
    return [=](INetwork& net) { return net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(op), "binary"); };
}
AddLayerFn Unary(UnaryOperation op)
{
    return [=](INetwork& net) { return net.AddElementwiseUnaryLayer(ElementwiseUnaryDescriptor(op), "unary"); };
}
AddLayerFn Compare(ComparisonOperation op)
{
    return [=](INetwork& net) { return net.AddComparisonLayer(ComparisonDescriptor(op), "comparison"); };
}
AddLayerFn Logical(LogicalBinaryOperation op)
{
    return [=](INetwork& net) { return net.AddLogicalBinaryLayer(LogicalBinaryDescriptor(op), "logical"); };
}
AddLayerFn Activation(ActivationFunction f, float a = 0, float b = 0)
{
    return [=](INetwork& net) { return net.AddActivationLayer(ActivationDescriptor(f, a, b), "activation"); };
}
AddLayerFn Softmax(float beta, int axis)
{
    SoftmaxDescriptor desc;
    desc.m_Beta = beta;
    desc.m_Axis = axis;
    return [=](INetwork& net) { return net.AddSoftmaxLayer(desc, "softmax"); };
}
TensorInfo Float32Info(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}
TensorInfo BoolInfo(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Boolean);
}
TestTensor Bools(const TensorShape& shape, const std::vector<uint8_t>& values)
{
    return TestTensor::Of<uint8_t>(BoolInfo(shape), values);
}
/// Runs the layer and expects shape inference to reject it.
void ExpectInvalid(const BackendId& backend, const AddLayerFn& addLayer, const std::vector<TestTensor>& inputs,
                   const std::vector<TensorInfo>& outputs)
{
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(backend, addLayer, inputs, outputs, unsupported), LayerValidationException);
}
} // namespace

//
// ElementwiseBinary
//

TEST_P(LayerTest, ElementwiseSubFloat32)
{
    // [5, 3] - [2, 7] = [3, -4]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Sub), {TestTensor::Float({2}, {5, 3}), TestTensor::Float({2}, {2, 7})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, -4}));
}

TEST_P(LayerTest, ElementwiseDivFloat32)
{
    // [1, -6, 7] / [4, 3, -2] = [0.25, -2, -3.5]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Div),
                    {TestTensor::Float({3}, {1, -6, 7}), TestTensor::Float({3}, {4, 3, -2})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.25f, -2, -3.5f}));
}

TEST_P(LayerTest, ElementwiseMaximumMinimumFloat32)
{
    // max([1, 5, -3], [2, 4, -3]) = [2, 5, -3]; min = [1, 4, -3]
    TestTensor a = TestTensor::Float({3}, {1, 5, -3});
    TestTensor b = TestTensor::Float({3}, {2, 4, -3});
    ARMNN_RUN_LAYER(maxOut, Binary(BinaryOperation::Maximum), {a, b}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(maxOut[0].AsFloat(), {2, 5, -3}));
    ARMNN_RUN_LAYER(minOut, Binary(BinaryOperation::Minimum), {a, b}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(minOut[0].AsFloat(), {1, 4, -3}));
}

TEST_P(LayerTest, ElementwiseSqDiffFloat32)
{
    // ([1, 5, -2] - [4, 1, 2])^2 = [(-3)^2, 4^2, (-4)^2] = [9, 16, 16]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::SqDiff),
                    {TestTensor::Float({3}, {1, 5, -2}), TestTensor::Float({3}, {4, 1, 2})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {9, 16, 16}));
}

TEST_P(LayerTest, ElementwisePowerFloat32)
{
    // [2^3, 9^0.5, 4^-1] = [8, 3, 0.25]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Power),
                    {TestTensor::Float({3}, {2, 9, 4}), TestTensor::Float({3}, {3, 0.5f, -1})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {8, 3, 0.25f}));
}

TEST_P(LayerTest, ElementwiseDivSigned32Truncates)
{
    // Integer division truncates toward zero: 7 / 2 = 3, -7 / 2 = -3.
    TensorInfo info({2}, DataType::Signed32);
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Div),
                    {TestTensor::Of<int32_t>(info, {7, -7}), TestTensor::Of<int32_t>(info, {2, 2})}, {info});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{3, -3}));
}

TEST_P(LayerTest, ElementwiseAddQAsymmU8DifferentScales)
{
    // a: scale 0.5, offset 10, q [12, 15] -> [1, 2.5]; b: scale 0.25, offset 0, q [3, 6] -> [0.75, 1.5]
    // sum [1.75, 4]; output scale 1, offset 5: round(1.75) + 5 = 7, round(4) + 5 = 9
    TestTensor a = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 0.5f, 10), {12, 15});
    TestTensor b = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 0.25f, 0), {3, 6});
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add), {a, b}, {TensorInfo({2}, DataType::QAsymmU8, 1.0f, 5)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{7, 9}));
}

TEST_P(LayerTest, ElementwiseAddQSymmS16DifferentScales)
{
    // 16-bit symmetric (zero point 0). a: scale 0.001, q [1500, -20000] -> [1.5, -20]; b: scale 0.01,
    // q [250, 3000] -> [2.5, 30]. sum [4, 10]; output scale 0.0003: 13333.33 -> 13333; 33333.33 saturates to 32767.
    TestTensor a = TestTensor::Of<int16_t>(TensorInfo({2}, DataType::QSymmS16, 0.001f, 0), {1500, -20000});
    TestTensor b = TestTensor::Of<int16_t>(TensorInfo({2}, DataType::QSymmS16, 0.01f, 0), {250, 3000});
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add), {a, b}, {TensorInfo({2}, DataType::QSymmS16, 0.0003f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{13333, 32767}));
}

TEST_P(LayerTest, ElementwiseMulQAsymmS8DifferentScales)
{
    // a: scale 0.1, offset -5, q [15, -25] -> [(15+5)*0.1, (-25+5)*0.1] = [2, -2]; b: scale 0.5, q [3, 3] -> 1.5
    // product [3, -3]; output scale 0.2, offset 1: round(15) + 1 = 16, round(-15) + 1 = -14
    TestTensor a = TestTensor::Of<int8_t>(TensorInfo({2}, DataType::QAsymmS8, 0.1f, -5), {15, -25});
    TestTensor b = TestTensor::Of<int8_t>(TensorInfo({2}, DataType::QAsymmS8, 0.5f, 0), {3, 3});
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Mul), {a, b}, {TensorInfo({2}, DataType::QAsymmS8, 0.2f, 1)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{16, -14}));
}

TEST_P(LayerTest, ElementwiseSubQAsymmS8RoundsHalfAwayFromZero)
{
    // a: scale 0.25, q [3, -3] -> [0.75, -0.75]; b: scale 0.25, q [2, -2] -> [0.5, -0.5]; a - b = [0.25, -0.25]
    // output scale 0.5: 0.25 / 0.5 = 0.5 -> 1 and -0.5 -> -1 (TFLite rounds half away from zero)
    TensorInfo info({2}, DataType::QAsymmS8, 0.25f, 0);
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Sub),
                    {TestTensor::Of<int8_t>(info, {3, -3}), TestTensor::Of<int8_t>(info, {2, -2})},
                    {TensorInfo({2}, DataType::QAsymmS8, 0.5f, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{1, -1}));
}

TEST_P(LayerTest, ElementwiseAddFloat16)
{
    // [1.5, -2] + [0.25, 4] = [1.75, 2]; half bits: 1.5 = 0x3E00, -2 = 0xC000, 0.25 = 0x3400, 4 = 0x4400,
    // 1.75 = 0x3F00, 2 = 0x4000
    TensorInfo info({2}, DataType::Float16);
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add),
                    {TestTensor::Of<uint16_t>(info, {0x3E00, 0xC000}), TestTensor::Of<uint16_t>(info, {0x3400, 0x4400})},
                    {info});
    EXPECT_EQ(out[0].As<uint16_t>(), (std::vector<uint16_t>{0x3F00, 0x4000}));
}

TEST_P(LayerTest, ElementwiseAddBroadcastRank1)
{
    // [1, 2, 3] + [10] = [11, 12, 13]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add), {TestTensor::Float({3}, {1, 2, 3}), TestTensor::Float({1}, {10})},
                    {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {11, 12, 13}));
}

TEST_P(LayerTest, ElementwiseMulBroadcastRank3)
{
    // a [2, 1, 2] = [[[1, 2]], [[3, 4]]] times b [3, 1] = [10, 20, 30] -> [2, 3, 2]:
    // batch 0: [1, 2] * 10, 20, 30 = [10, 20], [20, 40], [30, 60]; batch 1: [3, 4] * ... = [30, 40], [60, 80], [90, 120]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Mul),
                    {TestTensor::Float({2, 1, 2}, {1, 2, 3, 4}), TestTensor::Float({3, 1}, {10, 20, 30})},
                    {Float32Info({2, 3, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {10, 20, 20, 40, 30, 60, 30, 40, 60, 80, 90, 120}));
}

TEST_P(LayerTest, ElementwiseAddBroadcastRank4)
{
    // [1, 2, 1, 2] + [1, 1, 2, 1]: out[0, h, w, c] = a[0, h, 0, c] + b[0, 0, w, 0]
    // a = [[1, 2], [3, 4]] (h x c), b = [100, 200] (w): h0: [101, 102, 201, 202]; h1: [103, 104, 203, 204]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add),
                    {TestTensor::Float({1, 2, 1, 2}, {1, 2, 3, 4}), TestTensor::Float({1, 1, 2, 1}, {100, 200})},
                    {Float32Info({1, 2, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {101, 102, 201, 202, 103, 104, 203, 204}));
}

TEST_P(LayerTest, ElementwiseAddBroadcastRank5)
{
    // a [2, 1, 1, 1, 2] = [1, 2 | 3, 4], b [1, 1, 1, 2, 1] = [10, 20] -> [2, 1, 1, 2, 2]:
    // batch 0: [1 + 10, 2 + 10, 1 + 20, 2 + 20]; batch 1: [3 + 10, 4 + 10, 3 + 20, 4 + 20]
    ARMNN_RUN_LAYER(out, Binary(BinaryOperation::Add),
                    {TestTensor::Float({2, 1, 1, 1, 2}, {1, 2, 3, 4}), TestTensor::Float({1, 1, 1, 2, 1}, {10, 20})},
                    {Float32Info({2, 1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {11, 12, 21, 22, 13, 14, 23, 24}));
}

TEST_P(LayerTest, ElementwiseShapeMismatchIsRejected)
{
    // [2, 3] and [4] do not broadcast (3 vs 4 in the last dimension).
    ExpectInvalid(Backend(), Binary(BinaryOperation::Add),
                  {TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6}), TestTensor::Float({4}, {1, 2, 3, 4})},
                  {Float32Info({2, 4})});
}

TEST_P(LayerTest, ElementwiseUnknownOperationIsRejected)
{
    ExpectInvalid(Backend(), Binary(static_cast<BinaryOperation>(42)),
                  {TestTensor::Float({1}, {1}), TestTensor::Float({1}, {1})}, {Float32Info({1})});
}

//
// ElementwiseUnary
//

TEST_P(LayerTest, UnaryAbsFloat32)
{
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Abs), {TestTensor::Float({3}, {-1.5f, 2, 0})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1.5f, 2, 0}));
}

TEST_P(LayerTest, UnaryExpFloat32)
{
    // e^0 = 1, e^1 = 2.7182817, e^-1 = 0.36787945
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Exp), {TestTensor::Float({3}, {0, 1, -1})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2.7182817f, 0.36787945f}));
}

TEST_P(LayerTest, UnaryLogFloat32)
{
    // ln 1 = 0, ln e = 1, ln 0.5 = -0.6931472
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Log), {TestTensor::Float({3}, {1, 2.7182817f, 0.5f})},
                    {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 1, -0.6931472f}));
}

TEST_P(LayerTest, UnaryNegFloat32)
{
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Neg), {TestTensor::Float({3}, {1, -2, 0.5f})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1, 2, -0.5f}));
}

TEST_P(LayerTest, UnaryRsqrtFloat32)
{
    // 1/sqrt(4) = 0.5, 1/sqrt(0.25) = 2, 1/sqrt(1) = 1
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Rsqrt), {TestTensor::Float({3}, {4, 0.25f, 1})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.5f, 2, 1}));
}

TEST_P(LayerTest, UnarySqrtFloat32)
{
    // sqrt(9) = 3, sqrt(2) = 1.4142135
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Sqrt), {TestTensor::Float({2}, {9, 2})}, {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 1.4142135f}));
}

TEST_P(LayerTest, UnarySinCosFloat32)
{
    // sin(0, pi/2, pi) = (0, 1, 0); cos = (1, 0, -1)
    TestTensor x = TestTensor::Float({3}, {0, 1.5707964f, 3.1415927f});
    ARMNN_RUN_LAYER(sinOut, Unary(UnaryOperation::Sin), {x}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(sinOut[0].AsFloat(), {0, 1, 0}, 1e-5f, 1e-6f));
    ARMNN_RUN_LAYER(cosOut, Unary(UnaryOperation::Cos), {x}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(cosOut[0].AsFloat(), {1, 0, -1}, 1e-5f, 1e-6f));
}

TEST_P(LayerTest, UnaryErfFloat32)
{
    // erf(0) = 0, erf(0.5) = 0.5204999, erf(-2) = -0.9953223
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Erf), {TestTensor::Float({3}, {0, 0.5f, -2})}, {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0.5204999f, -0.9953223f}, 1e-5f, 1e-6f));
}

TEST_P(LayerTest, UnaryInverseTrigonometryFloat32)
{
    // atan(1) = pi/4, atan(-inf) = -pi/2; asin(0.5) = pi/6, asin(-1) = -pi/2; acos(0.5) = pi/3, acos(-1) = pi.
    const float inf = std::numeric_limits<float>::infinity();
    ARMNN_RUN_LAYER(atanOut, Unary(UnaryOperation::Atan), {TestTensor::Float({2}, {1, -inf})}, {Float32Info({2})});
    EXPECT_TRUE(AllClose(atanOut[0].AsFloat(), {0.7853982f, -1.5707964f}));
    ARMNN_RUN_LAYER(asinOut, Unary(UnaryOperation::Asin), {TestTensor::Float({2}, {0.5f, -1})}, {Float32Info({2})});
    EXPECT_TRUE(AllClose(asinOut[0].AsFloat(), {0.5235988f, -1.5707964f}));
    ARMNN_RUN_LAYER(acosOut, Unary(UnaryOperation::Acos), {TestTensor::Float({2}, {0.5f, -1})}, {Float32Info({2})});
    EXPECT_TRUE(AllClose(acosOut[0].AsFloat(), {1.0471976f, 3.1415927f}));
}

TEST_P(LayerTest, UnaryAbsNegSigned64Exact)
{
    // 2^53 + 1 is not a float; -INT64_MIN wraps to itself in two's complement (no overflow).
    const int64_t minimum = std::numeric_limits<int64_t>::min();
    const TensorInfo info({3}, DataType::Signed64);
    const TestTensor x = TestTensor::Of<int64_t>(info, {-5, -9007199254740993, minimum});
    ARMNN_RUN_LAYER(absOut, Unary(UnaryOperation::Abs), {x}, {info});
    EXPECT_EQ(absOut[0].As<int64_t>(), (std::vector<int64_t>{5, 9007199254740993, minimum}));
    ARMNN_RUN_LAYER(negOut, Unary(UnaryOperation::Neg), {x}, {info});
    EXPECT_EQ(negOut[0].As<int64_t>(), (std::vector<int64_t>{5, 9007199254740993, minimum}));
}

TEST_P(LayerTest, BinarySigned64OverflowWraps)
{
    // Two's complement: max + 1 = min, min - 1 = max, 2^62 * 4 = 0, min / -1 = min, (max - min)^2 = (-1)^2 = 1,
    // 3^40 saturates to max; 7 / 0 = 0.
    const int64_t maximum = std::numeric_limits<int64_t>::max();
    const int64_t minimum = std::numeric_limits<int64_t>::min();
    const TensorInfo info({2}, DataType::Signed64);
    size_t supported = 0;
    const auto expect = [&](BinaryOperation op, std::vector<int64_t> a, std::vector<int64_t> b,
                            std::vector<int64_t> expected) {
        std::string unsupported;
        const auto out = TryRunLayer(GetParam(), Binary(op), {TestTensor::Of<int64_t>(info, a),
                                                              TestTensor::Of<int64_t>(info, b)}, {info}, unsupported);
        if (out)
        {
            ++supported;
            EXPECT_EQ((*out)[0].As<int64_t>(), expected) << GetBinaryOperationAsCString(op);
        }
    };
    expect(BinaryOperation::Add, {maximum, 5}, {1, -7}, {minimum, -2});
    expect(BinaryOperation::Sub, {minimum, 5}, {1, 7}, {maximum, -2});
    expect(BinaryOperation::Mul, {int64_t(1) << 62, -3}, {4, 5}, {0, -15});
    expect(BinaryOperation::Div, {minimum, 7}, {-1, 0}, {minimum, 0});
    expect(BinaryOperation::FloorDiv, {minimum, -7}, {-1, 2}, {minimum, -4});
    expect(BinaryOperation::SqDiff, {maximum, 2}, {minimum, 5}, {1, 9});
    expect(BinaryOperation::Power, {3, -2}, {40, 3}, {maximum, -8});
    if (supported == 0)
    {
        GTEST_SKIP() << GetParam() << " has no Signed64 element-wise arithmetic";
    }
}

TEST_P(LayerTest, UnaryCeilFloat32)
{
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Ceil), {TestTensor::Float({4}, {-1.5f, 1.2f, 2, -0.5f})},
                    {Float32Info({4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1, 2, 2, 0}));
}

TEST_P(LayerTest, UnaryAbsQAsymmS8DifferentScales)
{
    // input scale 0.5, offset -1, q [-7, 5] -> [(-7+1)*0.5, (5+1)*0.5] = [-3, 3]; |x| = [3, 3]
    // output scale 0.25, offset 0 -> [12, 12]
    TestTensor x = TestTensor::Of<int8_t>(TensorInfo({2}, DataType::QAsymmS8, 0.5f, -1), {-7, 5});
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Abs), {x}, {TensorInfo({2}, DataType::QAsymmS8, 0.25f, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{12, 12}));
}

TEST_P(LayerTest, UnaryCeilQAsymmU8)
{
    // scale 0.25, offset 100, q [102, 99] -> [0.5, -0.25]; ceil -> [1, -0] -> q [104, 100]
    TensorInfo info({2}, DataType::QAsymmU8, 0.25f, 100);
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Ceil), {TestTensor::Of<uint8_t>(info, {102, 99})}, {info});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{104, 100}));
}

TEST_P(LayerTest, UnaryNegSigned32)
{
    TensorInfo info({2}, DataType::Signed32);
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::Neg), {TestTensor::Of<int32_t>(info, {3, -4})}, {info});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{-3, 4}));
}

TEST_P(LayerTest, UnaryLogicalNotBoolean)
{
    ARMNN_RUN_LAYER(out, Unary(UnaryOperation::LogicalNot), {Bools({3}, {1, 0, 1})}, {BoolInfo({3})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 0}));
}

TEST_P(LayerTest, UnaryUnknownOperationIsRejected)
{
    ExpectInvalid(Backend(), Unary(static_cast<UnaryOperation>(-1)), {TestTensor::Float({1}, {1})}, {Float32Info({1})});
}

//
// Comparison and LogicalBinary
//

TEST_P(LayerTest, ComparisonEqualNotEqualFloat32)
{
    TestTensor a = TestTensor::Float({3}, {1, 2, 3});
    TestTensor b = TestTensor::Float({3}, {1, 5, 3});
    ARMNN_RUN_LAYER(eq, Compare(ComparisonOperation::Equal), {a, b}, {BoolInfo({3})});
    EXPECT_EQ(eq[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0, 1}));
    ARMNN_RUN_LAYER(ne, Compare(ComparisonOperation::NotEqual), {a, b}, {BoolInfo({3})});
    EXPECT_EQ(ne[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 0}));
}

TEST_P(LayerTest, ComparisonOrderingBroadcastFloat32)
{
    // [[1, 2], [3, 4]] against the scalar-like [2]
    TestTensor a = TestTensor::Float({2, 2}, {1, 2, 3, 4});
    TestTensor b = TestTensor::Float({1}, {2});
    ARMNN_RUN_LAYER(gt, Compare(ComparisonOperation::Greater), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(gt[0].As<uint8_t>(), (std::vector<uint8_t>{0, 0, 1, 1}));
    ARMNN_RUN_LAYER(ge, Compare(ComparisonOperation::GreaterOrEqual), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(ge[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 1, 1}));
    ARMNN_RUN_LAYER(lt, Compare(ComparisonOperation::Less), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(lt[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0, 0, 0}));
    ARMNN_RUN_LAYER(le, Compare(ComparisonOperation::LessOrEqual), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(le[0].As<uint8_t>(), (std::vector<uint8_t>{1, 1, 0, 0}));
}

TEST_P(LayerTest, ComparisonQAsymmU8ComparesRealValues)
{
    // a: scale 1, q [10, 20] -> [10, 20]; b: scale 2, q [5, 5] -> [10, 10]. Real values: equal, greater.
    // (Comparing the raw values 10 vs 5 would say "greater" for both.)
    TestTensor a = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 1.0f, 0), {10, 20});
    TestTensor b = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 2.0f, 0), {5, 5});
    ARMNN_RUN_LAYER(eq, Compare(ComparisonOperation::Equal), {a, b}, {BoolInfo({2})});
    EXPECT_EQ(eq[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0}));
    ARMNN_RUN_LAYER(gt, Compare(ComparisonOperation::Greater), {a, b}, {BoolInfo({2})});
    EXPECT_EQ(gt[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1}));
}

TEST_P(LayerTest, ComparisonLessSigned32)
{
    TensorInfo info({2}, DataType::Signed32);
    ARMNN_RUN_LAYER(out, Compare(ComparisonOperation::Less),
                    {TestTensor::Of<int32_t>(info, {-1, 5}), TestTensor::Of<int32_t>(info, {0, 5})}, {BoolInfo({2})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0}));
}

TEST_P(LayerTest, LogicalAndOr)
{
    TestTensor a = Bools({4}, {0, 0, 1, 1});
    TestTensor b = Bools({4}, {0, 1, 0, 1});
    ARMNN_RUN_LAYER(andOut, Logical(LogicalBinaryOperation::LogicalAnd), {a, b}, {BoolInfo({4})});
    EXPECT_EQ(andOut[0].As<uint8_t>(), (std::vector<uint8_t>{0, 0, 0, 1}));
    ARMNN_RUN_LAYER(orOut, Logical(LogicalBinaryOperation::LogicalOr), {a, b}, {BoolInfo({4})});
    EXPECT_EQ(orOut[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 1, 1}));
}

TEST_P(LayerTest, LogicalAndOrBroadcast)
{
    // [[1, 0], [0, 1]] with the row [1, 0]: and = [[1, 0], [0, 0]], or = [[1, 0], [1, 1]]
    TestTensor a = Bools({2, 2}, {1, 0, 0, 1});
    TestTensor b = Bools({2}, {1, 0});
    ARMNN_RUN_LAYER(andOut, Logical(LogicalBinaryOperation::LogicalAnd), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(andOut[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0, 0, 0}));
    ARMNN_RUN_LAYER(orOut, Logical(LogicalBinaryOperation::LogicalOr), {a, b}, {BoolInfo({2, 2})});
    EXPECT_EQ(orOut[0].As<uint8_t>(), (std::vector<uint8_t>{1, 0, 1, 1}));
}

//
// Prelu
//

TEST_P(LayerTest, PreluFloat32AlphaPerChannel)
{
    // alpha [0.5, 0.1, 0.2] along the last dimension: row 0 [-2*0.5, 0, 3]; row 1 [-1*0.5, -4*0.1, 5]
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddPreluLayer("prelu"); },
                    {TestTensor::Float({2, 3}, {-2, 0, 3, -1, -4, 5}), TestTensor::Float({3}, {0.5f, 0.1f, 0.2f})},
                    {Float32Info({2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1, 0, 3, -0.5f, -0.4f, 5}));
}

TEST_P(LayerTest, PreluBroadcastsBothWays)
{
    // input [2, 1] = [-1, 2], alpha [1, 3] = [0.1, 0.2, 0.3] -> [2, 3]: [-0.1, -0.2, -0.3], [2, 2, 2]
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddPreluLayer("prelu"); },
                    {TestTensor::Float({2, 1}, {-1, 2}), TestTensor::Float({1, 3}, {0.1f, 0.2f, 0.3f})},
                    {Float32Info({2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-0.1f, -0.2f, -0.3f, 2, 2, 2}));
}

TEST_P(LayerTest, PreluQAsymmU8)
{
    // input scale 0.5, offset 128, q [124, 132] -> [-2, 2]; alpha scale 0.25, q [1] -> 0.25
    // y = [-0.5, 2]; output scale 0.125, offset 100 -> [-4 + 100, 16 + 100] = [96, 116]
    TestTensor x = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 0.5f, 128), {124, 132});
    TestTensor alpha = TestTensor::Of<uint8_t>(TensorInfo({1}, DataType::QAsymmU8, 0.25f, 0), {1});
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddPreluLayer("prelu"); }, {x, alpha},
                    {TensorInfo({2}, DataType::QAsymmU8, 0.125f, 100)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{96, 116}));
}

//
// Activation: every ActivationFunction (ReLu, BoundedReLu and a quantized Sigmoid are in BasicLayerTests.cpp)
//

TEST_P(LayerTest, ActivationSigmoidFloat32)
{
    // sigmoid(0) = 0.5; sigmoid(ln 3) = 1 / (1 + 1/3) = 0.75
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::Sigmoid), {TestTensor::Float({2}, {0, 1.0986123f})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.5f, 0.75f}));
}

TEST_P(LayerTest, ActivationTanHWithAB)
{
    // a * tanh(b * x), a = 2, b = 0.5: x = ln 3 -> tanh(ln 3 / 2) = (3 - 1) / (3 + 1) = 0.5 -> 1; x = 0 -> 0
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::TanH, 2.0f, 0.5f), {TestTensor::Float({2}, {0, 1.0986123f})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 1}));
}

TEST_P(LayerTest, ActivationLinear)
{
    // 2x - 1: [0, 1.5, -2] -> [-1, 2, -5]
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::Linear, 2.0f, -1.0f), {TestTensor::Float({3}, {0, 1.5f, -2})},
                    {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1, 2, -5}));
}

TEST_P(LayerTest, ActivationSoftReLu)
{
    // ln(1 + e^x): x = 0 -> ln 2 = 0.6931472; x = ln 3 -> ln 4 = 1.3862944
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::SoftReLu), {TestTensor::Float({2}, {0, 1.0986123f})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.6931472f, 1.3862944f}));
}

TEST_P(LayerTest, ActivationLeakyReLu)
{
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::LeakyReLu, 0.1f), {TestTensor::Float({2}, {-5, 3})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-0.5f, 3}));
}

TEST_P(LayerTest, ActivationAbsSqrtSquare)
{
    ARMNN_RUN_LAYER(absOut, Activation(ActivationFunction::Abs), {TestTensor::Float({2}, {-3, 2})}, {Float32Info({2})});
    EXPECT_TRUE(AllClose(absOut[0].AsFloat(), {3, 2}));
    ARMNN_RUN_LAYER(sqrtOut, Activation(ActivationFunction::Sqrt), {TestTensor::Float({2}, {16, 0.25f})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(sqrtOut[0].AsFloat(), {4, 0.5f}));
    ARMNN_RUN_LAYER(squareOut, Activation(ActivationFunction::Square), {TestTensor::Float({2}, {-3, 0.5f})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(squareOut[0].AsFloat(), {9, 0.25f}));
}

TEST_P(LayerTest, ActivationElu)
{
    // alpha (e^x - 1) for x < 0: x = -ln 2 -> 1 * (0.5 - 1) = -0.5; x = 2 -> 2
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::Elu, 1.0f), {TestTensor::Float({2}, {-0.6931472f, 2})},
                    {Float32Info({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-0.5f, 2}));
}

TEST_P(LayerTest, ActivationHardSwish)
{
    // x * relu6(x + 3) / 6: -4 -> 0; -1 -> -1 * 2 / 6; 1 -> 1 * 4 / 6; 4 -> 4 * 6 / 6
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::HardSwish), {TestTensor::Float({4}, {-4, -1, 1, 4})},
                    {Float32Info({4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, -0.33333334f, 0.6666667f, 4}));
}

TEST_P(LayerTest, ActivationGelu)
{
    // 0.5 x (1 + erf(x / sqrt 2)), erf(1 / sqrt 2) = 0.6826895: 1 -> 0.8413447; -1 -> -0.5 * 0.3173105 = -0.15865526
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::Gelu), {TestTensor::Float({3}, {0, 1, -1})},
                    {Float32Info({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 0.8413447f, -0.15865526f}));
}

TEST_P(LayerTest, ActivationReLuQAsymmS8DifferentScales)
{
    // input scale 0.5, q [-4, 6] -> [-2, 3]; relu -> [0, 3]; output scale 0.25, offset -128 -> [-128, -116]
    TestTensor x = TestTensor::Of<int8_t>(TensorInfo({2}, DataType::QAsymmS8, 0.5f, 0), {-4, 6});
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::ReLu), {x}, {TensorInfo({2}, DataType::QAsymmS8, 0.25f, -128)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{-128, -116}));
}

TEST_P(LayerTest, ActivationBoundedReLuQSymmS16)
{
    // ReLu6 (BoundedReLu a = 6, b = 0) in 16 bits: input scale 0.001, q [-3000, 2500, 9000] -> [-3, 2.5, 9];
    // clamped to [0, 2.5, 6]; output scale 0.0002 -> [0, 12500, 30000].
    TestTensor x = TestTensor::Of<int16_t>(TensorInfo({3}, DataType::QSymmS16, 0.001f, 0), {-3000, 2500, 9000});
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::BoundedReLu, 6.0f, 0.0f), {x},
                    {TensorInfo({3}, DataType::QSymmS16, 0.0002f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{0, 12500, 30000}));
}

TEST_P(LayerTest, ActivationUnknownFunctionIsRejected)
{
    ExpectInvalid(Backend(), Activation(static_cast<ActivationFunction>(99)), {TestTensor::Float({1}, {1})},
                  {Float32Info({1})});
}

//
// Softmax and LogSoftmax
//

TEST_P(LayerTest, SoftmaxAxis0)
{
    // Along the columns of [[1, 0], [3, 0]]: softmax(1, 3) = [1, e^2] / (1 + e^2) = [0.11920292, 0.88079708];
    // softmax(0, 0) = [0.5, 0.5]
    ARMNN_RUN_LAYER(out, Softmax(1.0f, 0), {TestTensor::Float({2, 2}, {1, 0, 3, 0})}, {Float32Info({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.11920292f, 0.5f, 0.88079708f, 0.5f}));
}

TEST_P(LayerTest, SoftmaxBeta)
{
    // beta = 2: exp(2 * [0, ln 2]) = [1, 4] -> [0.2, 0.8]
    ARMNN_RUN_LAYER(out, Softmax(2.0f, -1), {TestTensor::Float({1, 2}, {0, 0.6931472f})}, {Float32Info({1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.2f, 0.8f}));
}

TEST_P(LayerTest, LogSoftmaxLastAxis)
{
    // log softmax([0, ln 3]) = log([1, 3] / 4) = [-1.3862944, -0.2876821]
    SoftmaxDescriptor desc;
    ARMNN_RUN_LAYER(out, [&](INetwork& net) { return net.AddLogSoftmaxLayer(desc, "logsoftmax"); },
                    {TestTensor::Float({1, 2}, {0, 1.0986123f})}, {Float32Info({1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1.3862944f, -0.2876821f}));
}

TEST_P(LayerTest, SoftmaxAxisOutOfRangeIsRejected)
{
    ExpectInvalid(Backend(), Softmax(1.0f, 2), {TestTensor::Float({1, 2}, {0, 1})}, {Float32Info({1, 2})});
}

//
// Floor
//

TEST_P(LayerTest, FloorFloat32)
{
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddFloorLayer("floor"); },
                    {TestTensor::Float({4}, {-1.5f, 1.5f, 2, -0.25f})}, {Float32Info({4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-2, 1, 2, -1}));
}

//
// Quantize, Dequantize
//

TEST_P(LayerTest, QuantizeFloat32ToQAsymmU8)
{
    // scale 0.5, offset 10: 1 / 0.5 = 2 -> 12; -1.25 / 0.5 = -2.5 -> -3 (half away from zero) -> 7;
    // 0.25 / 0.5 = 0.5 -> 1 -> 11; 200 / 0.5 + 10 = 410 -> saturates at 255
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddQuantizeLayer("quantize"); },
                    {TestTensor::Float({4}, {1, -1.25f, 0.25f, 200})}, {TensorInfo({4}, DataType::QAsymmU8, 0.5f, 10)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{12, 7, 11, 255}));
}

TEST_P(LayerTest, QuantizeFloat32ToQSymmS16)
{
    // scale 0.5: -1.25 -> -2.5 -> -3; 3 -> 6
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddQuantizeLayer("quantize"); },
                    {TestTensor::Float({2}, {-1.25f, 3})}, {TensorInfo({2}, DataType::QSymmS16, 0.5f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{-3, 6}));
}

TEST_P(LayerTest, QuantizeRequantizesQAsymmU8ToQAsymmS8)
{
    // input scale 0.5, offset 128, q [130, 120] -> [1, -4]; output scale 0.25, offset -1 -> [4 - 1, -16 - 1]
    TestTensor x = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 0.5f, 128), {130, 120});
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddQuantizeLayer("quantize"); }, {x},
                    {TensorInfo({2}, DataType::QAsymmS8, 0.25f, -1)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{3, -17}));
}

TEST_P(LayerTest, DequantizeQAsymmU8ToFloat32)
{
    // scale 0.5, offset 128: (128 - 128) * 0.5 = 0; (131 - 128) * 0.5 = 1.5; (0 - 128) * 0.5 = -64
    TestTensor x = TestTensor::Of<uint8_t>(TensorInfo({3}, DataType::QAsymmU8, 0.5f, 128), {128, 131, 0});
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddDequantizeLayer("dequantize"); }, {x}, {Float32Info({3})});
    EXPECT_EQ(out[0].As<float>(), (std::vector<float>{0, 1.5f, -64}));
}

TEST_P(LayerTest, DequantizePerAxisQSymmS8)
{
    // scales [0.5, 2] along dimension 0: row 0 [2, -4] * 0.5 = [1, -2]; row 1 [3, 1] * 2 = [6, 2]
    TensorInfo info({2, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 2.0f}, 0);
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddDequantizeLayer("dequantize"); },
                    {TestTensor::Of<int8_t>(info, {2, -4, 3, 1})}, {Float32Info({2, 2})});
    EXPECT_EQ(out[0].As<float>(), (std::vector<float>{1, -2, 6, 2}));
}

TEST_P(LayerTest, DequantizeQAsymmS8ToFloat16)
{
    // scale 0.25: q [6, -2] -> [1.5, -0.5]; half bits 0x3E00, 0xB800
    TestTensor x = TestTensor::Of<int8_t>(TensorInfo({2}, DataType::QAsymmS8, 0.25f, 0), {6, -2});
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddDequantizeLayer("dequantize"); }, {x},
                    {TensorInfo({2}, DataType::Float16)});
    EXPECT_EQ(out[0].As<uint16_t>(), (std::vector<uint16_t>{0x3E00, 0xB800}));
}

//
// Cast: TFLite semantics (static_cast of the stored values)
//

namespace
{
AddLayerFn Cast()
{
    return [](INetwork& net) { return net.AddCastLayer("cast"); };
}
} // namespace

TEST_P(LayerTest, CastFloat32ToSigned32Truncates)
{
    // Truncation toward zero: 1.9 -> 1, -1.9 -> -1, 0.5 -> 0, -0.5 -> 0
    ARMNN_RUN_LAYER(out, Cast(), {TestTensor::Float({4}, {1.9f, -1.9f, 0.5f, -0.5f})},
                    {TensorInfo({4}, DataType::Signed32)});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1, -1, 0, 0}));
}

TEST_P(LayerTest, CastSigned32ToFloat32)
{
    ARMNN_RUN_LAYER(out, Cast(), {TestTensor::Of<int32_t>(TensorInfo({2}, DataType::Signed32), {-3, 7})},
                    {Float32Info({2})});
    EXPECT_EQ(out[0].As<float>(), (std::vector<float>{-3, 7}));
}

TEST_P(LayerTest, CastFloat32ToBooleanAndBack)
{
    // Anything non-zero is true.
    ARMNN_RUN_LAYER(toBool, Cast(), {TestTensor::Float({3}, {0, -0.5f, 2})}, {BoolInfo({3})});
    EXPECT_EQ(toBool[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 1}));
    ARMNN_RUN_LAYER(toFloat, Cast(), {Bools({2}, {1, 0})}, {Float32Info({2})});
    EXPECT_EQ(toFloat[0].As<float>(), (std::vector<float>{1, 0}));
}

TEST_P(LayerTest, CastQAsymmU8UsesRawValues)
{
    // The quantization scale is ignored: raw 200 and 3 become 200 and 3.
    TestTensor x = TestTensor::Of<uint8_t>(TensorInfo({2}, DataType::QAsymmU8, 0.1f, 0), {200, 3});
    ARMNN_RUN_LAYER(out, Cast(), {x}, {TensorInfo({2}, DataType::Signed32)});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{200, 3}));
}

TEST_P(LayerTest, CastSigned64ToFloat16)
{
    // 2 -> 0x4000, -3 -> 0xC200
    ARMNN_RUN_LAYER(out, Cast(), {TestTensor::Of<int64_t>(TensorInfo({2}, DataType::Signed64), {2, -3})},
                    {TensorInfo({2}, DataType::Float16)});
    EXPECT_EQ(out[0].As<uint16_t>(), (std::vector<uint16_t>{0x4000, 0xC200}));
}

TEST_P(LayerTest, CastSigned32ToQAsymmS8)
{
    ARMNN_RUN_LAYER(out, Cast(), {TestTensor::Of<int32_t>(TensorInfo({2}, DataType::Signed32), {5, -3})},
                    {TensorInfo({2}, DataType::QAsymmS8, 1.0f, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{5, -3}));
}

//
// Fill, Shape, Rank
//

namespace
{
/// Optimize needs a network input, and Fill has none (its shape input must be constant), so Fill is tested as
/// x + Fill(shape) with x an input of zeros: the returned layer is the Add, whose input 0 the harness connects.
AddLayerFn FillPlusInput(float value, std::vector<int32_t> dims, TensorInfo fillInfo)
{
    return [=](INetwork& net) {
        TensorInfo shapeInfo({static_cast<unsigned int>(dims.size())}, DataType::Signed32, 0.0f, 0, true);
        IConnectableLayer* shape = net.AddConstantLayer(ConstTensor(shapeInfo, dims.data()), "shape");
        shape->GetOutputSlot(0).SetTensorInfo(shapeInfo);
        IConnectableLayer* fill = net.AddFillLayer(FillDescriptor(value), "fill");
        shape->GetOutputSlot(0).Connect(fill->GetInputSlot(0));
        fill->GetOutputSlot(0).SetTensorInfo(fillInfo);
        IConnectableLayer* add = net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), "add");
        fill->GetOutputSlot(0).Connect(add->GetInputSlot(1));
        return add;
    };
}
} // namespace

TEST_P(LayerTest, FillFloat32)
{
    // 0 + fill([2, 3], 1.5) = 1.5 everywhere
    ARMNN_RUN_LAYER(out, FillPlusInput(1.5f, {2, 3}, Float32Info({2, 3})),
                    {TestTensor::Float({2, 3}, std::vector<float>(6, 0.0f))}, {Float32Info({2, 3})});
    EXPECT_EQ(out[0].As<float>(), (std::vector<float>(6, 1.5f)));
}

TEST_P(LayerTest, FillSigned32)
{
    TensorInfo info({3}, DataType::Signed32);
    ARMNN_RUN_LAYER(out, FillPlusInput(4.0f, {3}, info), {TestTensor::Of<int32_t>(info, {0, 0, 0})}, {info});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{4, 4, 4}));
}

TEST_P(LayerTest, FillNonPositiveDimensionIsRejected)
{
    ExpectInvalid(Backend(), FillPlusInput(1.0f, {2, -1}, Float32Info({2, 1})),
                  {TestTensor::Float({2, 1}, {0, 0})}, {Float32Info({2, 1})});
}

TEST_P(LayerTest, ShapeOfRank3)
{
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddShapeLayer("shape"); },
                    {TestTensor::Float({2, 3, 1}, {1, 2, 3, 4, 5, 6})}, {TensorInfo({3}, DataType::Signed32)});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{2, 3, 1}));
}

TEST_P(LayerTest, RankOfRank3)
{
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddRankLayer("rank"); },
                    {TestTensor::Float({2, 3, 1}, {1, 2, 3, 4, 5, 6})},
                    {TensorInfo(TensorShape(Dimensionality::Scalar), DataType::Signed32)});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{3}));
}

//
// CpuAcc's 8-bit kernels for the layers of the quantized MobileNets, EfficientNet-lite, SSD and DeepLab against
// CpuRef: the outputs must be identical, byte for byte (Float32 outputs of Pad and Resize: within 1e-5 of the
// output's largest value). Each case runs one layer on each backend with the same inputs: random stored values,
// or every one of the 256 stored values for the element-wise tables. Scales and zero points differ between input
// and output where the kernel requantizes.
//
#include "ChainRunner.hpp"
#include "LayerTestUtils.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace armnn;
using namespace armnn::test;

namespace
{

/// A tensor of random stored values (8-bit types), or random floats in [-range, range) (Float32).
TestTensor Random(const TensorShape& shape, DataType type, float scale, int32_t offset, uint32_t seed,
                  float range = 4.0f)
{
    std::mt19937 generator(seed);
    TensorInfo info(shape, type, scale, offset);
    if (type == DataType::Float32)
    {
        std::uniform_real_distribution<float> values(-range, range);
        std::vector<float> data(info.GetNumElements());
        for (float& v : data)
        {
            v = values(generator);
        }
        return TestTensor::Of<float>(info, data);
    }
    std::uniform_int_distribution<int> bytes(0, 255);
    std::vector<uint8_t> data(info.GetNumElements());
    for (uint8_t& v : data)
    {
        v = static_cast<uint8_t>(bytes(generator));
    }
    return TestTensor::Of<uint8_t>(info, data);
}

/// Every stored value of an 8-bit type once, as a [1, 4, 8, 8] tensor.
TestTensor AllValues(DataType type, float scale, int32_t offset)
{
    std::vector<uint8_t> data(256);
    std::iota(data.begin(), data.end(), uint8_t{0});
    return TestTensor::Of<uint8_t>(TensorInfo({1, 4, 8, 8}, type, scale, offset), data);
}

/// Runs the layer on CpuAcc (which must take it) and CpuRef and compares the outputs.
void ExpectMatchesRef(const AddLayerFn& addLayer, const std::vector<TestTensor>& inputs,
                      const std::vector<TensorInfo>& outputs)
{
    std::string unsupported;
    const auto acc = TryRunLayer("CpuAcc", addLayer, inputs, outputs, unsupported);
    ASSERT_TRUE(acc.has_value()) << "CpuAcc does not take the layer: " << unsupported;
    const auto ref = TryRunLayer("CpuRef", addLayer, inputs, outputs, unsupported);
    ASSERT_TRUE(ref.has_value()) << unsupported;
    for (size_t o = 0; o < outputs.size(); ++o)
    {
        if (outputs[o].GetDataType() != DataType::Float32)
        {
            const std::vector<uint8_t>& a = (*acc)[o].m_Data;
            const std::vector<uint8_t>& r = (*ref)[o].m_Data;
            ASSERT_EQ(a.size(), r.size());
            const auto mismatch = std::mismatch(a.begin(), a.end(), r.begin());
            EXPECT_TRUE(mismatch.first == a.end())
                << "output " << o << " element " << (mismatch.first - a.begin()) << ": CpuAcc "
                << int(*mismatch.first) << ", CpuRef " << int(*mismatch.second);
            continue;
        }
        const std::vector<float> a = (*acc)[o].As<float>();
        const std::vector<float> r = (*ref)[o].As<float>();
        ASSERT_EQ(a.size(), r.size());
        float maxRef = 0.0f;
        for (float v : r)
        {
            maxRef = std::max(maxRef, std::fabs(v));
        }
        for (size_t i = 0; i < r.size(); ++i)
        {
            ASSERT_LE(std::fabs(a[i] - r[i]), 1e-5f * maxRef) << "output " << o << " element " << i;
        }
    }
}

/// CpuAcc refuses the layer (CpuRef computes it in a form CpuAcc does not repeat).
void ExpectCpuAccRefuses(const AddLayerFn& addLayer, const std::vector<TestTensor>& inputs,
                         const std::vector<TensorInfo>& outputs)
{
    std::string unsupported;
    EXPECT_FALSE(TryRunLayer("CpuAcc", addLayer, inputs, outputs, unsupported).has_value());
}

TensorInfo Quantized(const TensorShape& shape, DataType type, float scale, int32_t offset)
{
    return TensorInfo(shape, type, scale, offset);
}

AddLayerFn Activation(ActivationFunction function, float a = 0.0f, float b = 0.0f)
{
    return [=](INetwork& net) {
        ActivationDescriptor desc;
        desc.m_Function = function;
        desc.m_A = a;
        desc.m_B = b;
        return net.AddActivationLayer(desc, "activation");
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Element-wise tables: every stored value.

struct ActivationCase
{
    ActivationFunction m_Function;
    float m_A;
    float m_B;
    DataType m_Type;
    float m_InScale;
    int32_t m_InOffset;
    float m_OutScale;
    int32_t m_OutOffset;
};

TEST(CpuAccQuantizedVsRef, ActivationTables)
{
    using AF = ActivationFunction;
    const DataType s8 = DataType::QAsymmS8;
    const DataType u8 = DataType::QAsymmU8;
    const std::vector<ActivationCase> cases = {
        {AF::HardSwish, 0, 0, s8, 0.05f, -3, 0.03f, -100},   // MobileNet v3: integer form
        {AF::HardSwish, 0, 0, u8, 0.1f, 120, 0.07f, 20},
        {AF::HardSwish, 0, 0, s8, 0.5f, 0, 0.001f, 0},      // output scale <= input / 128: CpuRef's float form
        {AF::Sigmoid, 0, 0, s8, 0.08f, 5, 1.0f / 256, -128}, // SSD's logistic
        {AF::Sigmoid, 0, 0, u8, 0.1f, 128, 1.0f / 256, 0},
        {AF::TanH, 1, 1, s8, 0.03f, -10, 1.0f / 128, 0},
        {AF::LeakyReLu, 0.1f, 0, s8, 0.05f, 7, 0.04f, -20},
        {AF::BoundedReLu, 6, 0, s8, 0.05f, -128, 0.03f, -128}, // ReLu6 with requantization: not a clamp
        {AF::ReLu, 0, 0, u8, 0.05f, 100, 0.02f, 0},
        {AF::Elu, 1, 0, s8, 0.05f, 0, 0.04f, 30},
        {AF::Gelu, 0, 0, s8, 0.05f, 0, 0.04f, -30},
    };
    for (const ActivationCase& c : cases)
    {
        SCOPED_TRACE("function " + std::to_string(static_cast<int>(c.m_Function)) + ", type " +
                     GetDataTypeName(c.m_Type));
        const TestTensor input = AllValues(c.m_Type, c.m_InScale, c.m_InOffset);
        ExpectMatchesRef(Activation(c.m_Function, c.m_A, c.m_B), {input},
                         {Quantized(input.m_Info.GetShape(), c.m_Type, c.m_OutScale, c.m_OutOffset)});
    }
}

TEST(CpuAccQuantizedVsRef, QuantizeAndDequantize)
{
    const auto quantize = [](INetwork& net) { return net.AddQuantizeLayer("quantize"); };
    const auto dequantize = [](INetwork& net) { return net.AddDequantizeLayer("dequantize"); };
    const TensorShape shape({1, 4, 8, 8});
    // Float32 input: random values past the output range, and exact halves of the scale (rounding ties).
    const TestTensor floats = Random({1, 5, 7, 9}, DataType::Float32, 0.0f, 0, 3, 20.0f);
    std::vector<float> halves(floats.m_Info.GetNumElements());
    for (size_t i = 0; i < halves.size(); ++i)
    {
        halves[i] = (static_cast<float>(i) - 150.0f) * 0.05f;
    }
    const TestTensor ties = TestTensor::Of<float>(floats.m_Info, halves);
    for (const TestTensor* input : {&floats, &ties})
    {
        ExpectMatchesRef(quantize, {*input}, {Quantized(input->m_Info.GetShape(), DataType::QAsymmS8, 0.1f, -3)});
        ExpectMatchesRef(quantize, {*input}, {Quantized(input->m_Info.GetShape(), DataType::QAsymmU8, 0.1f, 128)});
    }
    // 8-bit to 8-bit (EfficientNet-lite's and SSD's uint8 <-> int8 conversions).
    ExpectMatchesRef(quantize, {AllValues(DataType::QAsymmU8, 0.02f, 128)},
                     {Quantized(shape, DataType::QAsymmS8, 0.02f, 0)});
    ExpectMatchesRef(quantize, {AllValues(DataType::QAsymmS8, 0.03f, -5)},
                     {Quantized(shape, DataType::QAsymmU8, 0.07f, 100)});
    ExpectMatchesRef(dequantize, {AllValues(DataType::QAsymmS8, 0.03f, -5)}, {TensorInfo(shape, DataType::Float32)});
    ExpectMatchesRef(dequantize, {AllValues(DataType::QAsymmU8, 0.1f, 128)}, {TensorInfo(shape, DataType::Float32)});
}

// ---------------------------------------------------------------------------------------------------------------
// Broadcast Add, Sub, Mul (squeeze-and-excite scales, biases per channel, scalars).

TEST(CpuAccQuantizedVsRef, BroadcastElementwise)
{
    struct Case
    {
        BinaryOperation m_Op;
        DataType m_Type;
        TensorShape m_A;
        TensorShape m_B;
        TensorShape m_Out;
    };
    const std::vector<Case> cases = {
        {BinaryOperation::Mul, DataType::QAsymmS8, {1, 6, 6, 20}, {1, 1, 1, 20}, {1, 6, 6, 20}}, // SE block
        {BinaryOperation::Mul, DataType::QAsymmU8, {1, 1, 1, 19}, {1, 5, 3, 19}, {1, 5, 3, 19}}, // input 0 broadcast
        {BinaryOperation::Add, DataType::QAsymmU8, {1, 5, 7, 3}, {1, 5, 1, 3}, {1, 5, 7, 3}},    // middle dimension
        {BinaryOperation::Add, DataType::QAsymmS8, {2, 3, 4}, {1}, {2, 3, 4}},                   // scalar
        {BinaryOperation::Sub, DataType::QAsymmS8, {4, 1}, {1, 5}, {4, 5}},                      // both broadcast
        {BinaryOperation::Sub, DataType::QAsymmU8, {17}, {1, 3, 2, 17}, {1, 3, 2, 17}},          // lower rank
    };
    uint32_t seed = 10;
    for (const Case& c : cases)
    {
        SCOPED_TRACE(std::string(GetBinaryOperationAsCString(c.m_Op)) + " " + GetDataTypeName(c.m_Type));
        const TestTensor a = Random(c.m_A, c.m_Type, 0.04f, c.m_Type == DataType::QAsymmU8 ? 130 : -7, seed++);
        const TestTensor b = Random(c.m_B, c.m_Type, 0.09f, c.m_Type == DataType::QAsymmU8 ? 120 : 3, seed++);
        const BinaryOperation op = c.m_Op;
        ExpectMatchesRef([op](INetwork& net) { return net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(op)); },
                         {a, b}, {Quantized(c.m_Out, c.m_Type, 0.05f, c.m_Type == DataType::QAsymmU8 ? 125 : 2)});
    }
}

// Same-shape Add, Sub, Mul (residual connections) through the 16-lane path: sizes with a partial vector and one large
// enough to split over threads, input scales from equal to 2^-29 of each other (input right shifts 1 to 29), an
// output scale small enough for a left shift.
TEST(CpuAccQuantizedVsRef, SameShapeElementwise)
{
    struct Case
    {
        BinaryOperation m_Op;
        DataType m_Type;
        TensorShape m_Shape;
        float m_ScaleA;
        float m_ScaleB;
        float m_ScaleOut;
    };
    const std::vector<Case> cases = {
        {BinaryOperation::Add, DataType::QAsymmS8, {1, 32, 32, 64}, 0.04f, 0.09f, 0.05f},   // threads
        {BinaryOperation::Add, DataType::QAsymmU8, {1, 5, 7, 37}, 0.05f, 0.05f, 0.08f},    // equal scales
        {BinaryOperation::Sub, DataType::QAsymmS8, {3, 11, 13}, 0.2f, 1e-9f, 0.3f},        // right shift 29
        {BinaryOperation::Add, DataType::QAsymmS8, {2, 9, 17}, 0.5f, 0.01f, 1e-8f},        // output left shift
        {BinaryOperation::Mul, DataType::QAsymmS8, {1, 16, 16, 40}, 0.04f, 0.09f, 0.002f},  // left shift
        {BinaryOperation::Mul, DataType::QAsymmU8, {1, 96, 97}, 0.3f, 0.2f, 0.05f},
    };
    uint32_t seed = 40;
    for (const Case& c : cases)
    {
        SCOPED_TRACE(std::string(GetBinaryOperationAsCString(c.m_Op)) + " " + GetDataTypeName(c.m_Type) + " " +
                     std::to_string(c.m_Shape.GetNumElements()));
        const bool u8 = c.m_Type == DataType::QAsymmU8;
        const TestTensor a = Random(c.m_Shape, c.m_Type, c.m_ScaleA, u8 ? 130 : -7, seed++);
        const TestTensor b = Random(c.m_Shape, c.m_Type, c.m_ScaleB, u8 ? 120 : 3, seed++);
        const BinaryOperation op = c.m_Op;
        ExpectMatchesRef([op](INetwork& net) { return net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(op)); },
                         {a, b}, {Quantized(c.m_Shape, c.m_Type, c.m_ScaleOut, u8 ? 125 : 2)});
    }
}

// 8-bit Mean: adjacent reduced axes (rows summed whole: the spatial mean, the last axis, the first axes) and axes
// that are not adjacent (scattered sums), with and without KeepDims, requantized to another scale.
TEST(CpuAccQuantizedVsRef, Mean)
{
    struct Case
    {
        DataType m_Type;
        TensorShape m_Input;
        std::vector<unsigned> m_Axes;
        bool m_KeepDims;
        TensorShape m_Output;
    };
    const DataType s8 = DataType::QAsymmS8;
    const DataType u8 = DataType::QAsymmU8;
    const std::vector<Case> cases = {
        {s8, {1, 3, 3, 1280}, {1, 2}, true, {1, 1, 1, 1280}}, // MobileNet v2's head
        {u8, {2, 5, 7, 19}, {1, 2}, false, {2, 19}},
        {s8, {2, 5, 7, 19}, {3}, true, {2, 5, 7, 1}},
        {u8, {4, 6, 9}, {0, 1}, false, {9}},
        {s8, {2, 5, 7, 19}, {1, 3}, true, {2, 1, 7, 1}}, // not adjacent
    };
    uint32_t seed = 60;
    for (const Case& c : cases)
    {
        SCOPED_TRACE(std::string(GetDataTypeName(c.m_Type)) + " " + std::to_string(c.m_Input.GetNumElements()));
        const bool isU8 = c.m_Type == u8;
        const TestTensor input = Random(c.m_Input, c.m_Type, 0.07f, isU8 ? 131 : -9, seed++);
        MeanDescriptor desc;
        desc.m_Axis = c.m_Axes;
        desc.m_KeepDims = c.m_KeepDims;
        ExpectMatchesRef([desc](INetwork& net) { return net.AddMeanLayer(desc); }, {input},
                         {Quantized(c.m_Output, c.m_Type, 0.03f, isU8 ? 120 : 5)});
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Data movement: Concat, Pad.

TEST(CpuAccQuantizedVsRef, Concat)
{
    for (unsigned axis : {3u, 1u, 0u})
    {
        SCOPED_TRACE("axis " + std::to_string(axis));
        const std::vector<TensorShape> shapes = {
            axis == 3 ? TensorShape({1, 4, 5, 6}) : axis == 1 ? TensorShape({1, 2, 5, 6}) : TensorShape({2, 4, 5, 6}),
            axis == 3 ? TensorShape({1, 4, 5, 10}) : axis == 1 ? TensorShape({1, 7, 5, 6}) : TensorShape({1, 4, 5, 6}),
            axis == 3 ? TensorShape({1, 4, 5, 1}) : axis == 1 ? TensorShape({1, 1, 5, 6}) : TensorShape({3, 4, 5, 6})};
        const OriginsDescriptor desc = CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), axis);
        TensorShape outShape = shapes[0];
        outShape[axis] = shapes[0][axis] + shapes[1][axis] + shapes[2][axis];
        const auto concat = [desc](INetwork& net) { return net.AddConcatLayer(desc, "concat"); };
        for (DataType type : {DataType::QAsymmS8, DataType::QAsymmU8})
        {
            const int32_t offset = type == DataType::QAsymmU8 ? 128 : 0;
            // One quantization everywhere (bytes are copied), then inputs 1 and 2 in others (requantized).
            ExpectMatchesRef(concat,
                             {Random(shapes[0], type, 0.1f, offset, 1), Random(shapes[1], type, 0.1f, offset, 2),
                              Random(shapes[2], type, 0.1f, offset, 3)},
                             {Quantized(outShape, type, 0.1f, offset)});
            ExpectMatchesRef(concat,
                             {Random(shapes[0], type, 0.1f, offset, 1), Random(shapes[1], type, 0.23f, offset - 9, 2),
                              Random(shapes[2], type, 0.05f, offset + 17, 3)},
                             {Quantized(outShape, type, 0.1f, offset)});
        }
    }
}

TEST(CpuAccQuantizedVsRef, Pad)
{
    const TensorShape inShape({1, 5, 6, 3});
    const std::vector<std::pair<unsigned, unsigned>> padList = {{0, 0}, {1, 2}, {3, 1}, {0, 2}};
    const TensorShape outShape({1, 8, 10, 5});
    for (PaddingMode mode : {PaddingMode::Constant, PaddingMode::Reflect, PaddingMode::Symmetric})
    {
        SCOPED_TRACE("mode " + std::to_string(static_cast<int>(mode)));
        const PadDescriptor desc(padList, 0.3f, mode);
        const auto pad = [desc](INetwork& net) { return net.AddPadLayer(desc, "pad"); };
        ExpectMatchesRef(pad, {Random(inShape, DataType::Float32, 0.0f, 0, 4)}, {TensorInfo(outShape, DataType::Float32)});
        ExpectMatchesRef(pad, {Random(inShape, DataType::QAsymmS8, 0.05f, -4, 5)},
                         {Quantized(outShape, DataType::QAsymmS8, 0.05f, -4)});
        ExpectMatchesRef(pad, {Random(inShape, DataType::QAsymmU8, 0.05f, 130, 6)},
                         {Quantized(outShape, DataType::QAsymmU8, 0.08f, 100)}); // requantized
    }
    // ResNet-50's: spatial padding only, the last dimension untouched.
    const PadDescriptor spatial({{0, 0}, {3, 3}, {3, 3}, {0, 0}});
    ExpectMatchesRef([spatial](INetwork& net) { return net.AddPadLayer(spatial, "pad"); },
                     {Random({1, 9, 9, 3}, DataType::QAsymmS8, 0.02f, -1, 7)},
                     {Quantized({1, 15, 15, 3}, DataType::QAsymmS8, 0.02f, -1)});
}

// ---------------------------------------------------------------------------------------------------------------
// Resize (DeepLab's bilinear upsampling) and average pooling.

TEST(CpuAccQuantizedVsRef, Resize)
{
    struct Case
    {
        ResizeMethod m_Method;
        bool m_AlignCorners;
        bool m_HalfPixel;
        unsigned m_InH, m_InW, m_OutH, m_OutW;
    };
    const std::vector<Case> cases = {
        {ResizeMethod::Bilinear, false, false, 4, 5, 8, 10},  {ResizeMethod::Bilinear, false, true, 5, 4, 13, 7},
        {ResizeMethod::Bilinear, true, false, 6, 6, 11, 16},  {ResizeMethod::Bilinear, false, true, 9, 8, 4, 3},
        {ResizeMethod::NearestNeighbor, false, false, 4, 5, 9, 11},
        {ResizeMethod::NearestNeighbor, true, false, 7, 5, 3, 12},
        {ResizeMethod::NearestNeighbor, false, true, 5, 5, 12, 12},
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE("method " + std::to_string(static_cast<int>(c.m_Method)) + " align " +
                     std::to_string(c.m_AlignCorners) + " half " + std::to_string(c.m_HalfPixel) + " " +
                     std::to_string(c.m_InH) + "x" + std::to_string(c.m_InW) + " -> " + std::to_string(c.m_OutH) +
                     "x" + std::to_string(c.m_OutW));
        ResizeDescriptor desc;
        desc.m_Method = c.m_Method;
        desc.m_AlignCorners = c.m_AlignCorners;
        desc.m_HalfPixelCenters = c.m_HalfPixel;
        desc.m_DataLayout = DataLayout::NHWC;
        desc.m_TargetHeight = c.m_OutH;
        desc.m_TargetWidth = c.m_OutW;
        const auto resize = [desc](INetwork& net) { return net.AddResizeLayer(desc, "resize"); };
        const TensorShape in({2, c.m_InH, c.m_InW, 21});
        const TensorShape out({2, c.m_OutH, c.m_OutW, 21});
        ExpectMatchesRef(resize, {Random(in, DataType::Float32, 0.0f, 0, 8)}, {TensorInfo(out, DataType::Float32)});
        ExpectMatchesRef(resize, {Random(in, DataType::QAsymmS8, 0.1f, -3, 9)},
                         {Quantized(out, DataType::QAsymmS8, 0.1f, -3)});
        if (c.m_Method == ResizeMethod::NearestNeighbor)
        {
            ExpectMatchesRef(resize, {Random(in, DataType::QAsymmU8, 0.1f, 128, 10)},
                             {Quantized(out, DataType::QAsymmU8, 0.1f, 128)});
            ExpectMatchesRef(resize, {Random(in, DataType::QAsymmS8, 0.1f, -3, 11)},
                             {Quantized(out, DataType::QAsymmS8, 0.3f, 10)}); // requantized
        }
        else
        {
            // CpuRef computes these in float: CpuAcc leaves them to it.
            ExpectCpuAccRefuses(resize, {Random(in, DataType::QAsymmU8, 0.1f, 128, 10)},
                                {Quantized(out, DataType::QAsymmU8, 0.1f, 128)});
        }
    }
}

TEST(CpuAccQuantizedVsRef, AveragePooling)
{
    struct Case
    {
        unsigned m_Pool, m_Stride, m_Pad;
        PaddingMethod m_Method;
        OutputShapeRounding m_Rounding;
        unsigned m_In;
    };
    const std::vector<Case> cases = {
        {3, 2, 1, PaddingMethod::Exclude, OutputShapeRounding::Floor, 9},
        {3, 2, 1, PaddingMethod::IgnoreValue, OutputShapeRounding::Floor, 9},
        {2, 2, 0, PaddingMethod::Exclude, OutputShapeRounding::Ceiling, 7},
        {3, 1, 1, PaddingMethod::IgnoreValue, OutputShapeRounding::Floor, 5},
        {7, 1, 0, PaddingMethod::Exclude, OutputShapeRounding::Floor, 7}, // global
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE("pool " + std::to_string(c.m_Pool) + " stride " + std::to_string(c.m_Stride) + " pad " +
                     std::to_string(c.m_Pad) + " method " + std::to_string(static_cast<int>(c.m_Method)));
        Pooling2dDescriptor desc;
        desc.m_PoolType = PoolingAlgorithm::Average;
        desc.m_PoolHeight = desc.m_PoolWidth = c.m_Pool;
        desc.m_StrideX = desc.m_StrideY = c.m_Stride;
        desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = c.m_Pad;
        desc.m_PaddingMethod = c.m_Method;
        desc.m_OutputShapeRounding = c.m_Rounding;
        desc.m_DataLayout = DataLayout::NHWC;
        const unsigned span = c.m_In + 2 * c.m_Pad - c.m_Pool;
        const unsigned out = (c.m_Rounding == OutputShapeRounding::Ceiling ? (span + c.m_Stride - 1) : span) /
                                 c.m_Stride + 1;
        const auto pool = [desc](INetwork& net) { return net.AddPooling2dLayer(desc, "pool"); };
        for (DataType type : {DataType::QAsymmS8, DataType::QAsymmU8})
        {
            const int32_t offset = type == DataType::QAsymmU8 ? 128 : -5;
            ExpectMatchesRef(pool, {Random({2, c.m_In, c.m_In, 19}, type, 0.1f, offset, 12)},
                             {Quantized({2, out, out, 19}, type, 0.1f, offset)});
        }
    }
}

TEST(CpuAccQuantizedVsRef, Softmax)
{
    struct Case
    {
        TensorShape m_Shape;
        int m_Axis;
        float m_Beta;
        DataType m_Type;
    };
    const std::vector<Case> cases = {
        {{2, 1001}, -1, 1.0f, DataType::QAsymmS8}, // a classifier's head: rows longer than 256 values
        {{2, 1001}, 1, 1.0f, DataType::QAsymmU8},
        {{3, 10}, -1, 0.5f, DataType::QAsymmS8},
        {{2, 7, 5}, 1, 1.0f, DataType::QAsymmU8}, // an inner axis
    };
    for (const Case& c : cases)
    {
        SCOPED_TRACE(std::string(GetDataTypeName(c.m_Type)) + " axis " + std::to_string(c.m_Axis));
        SoftmaxDescriptor desc;
        desc.m_Axis = c.m_Axis;
        desc.m_Beta = c.m_Beta;
        const bool u8 = c.m_Type == DataType::QAsymmU8;
        ExpectMatchesRef([desc](INetwork& net) { return net.AddSoftmaxLayer(desc, "softmax"); },
                         {Random(c.m_Shape, c.m_Type, 0.15f, u8 ? 120 : -10, 30)},
                         {Quantized(c.m_Shape, c.m_Type, 1.0f / 256, u8 ? 0 : -128)});
    }
}

// ---------------------------------------------------------------------------------------------------------------
// SSD's DetectionPostProcess on 600 random anchors and 12 classes: fast NMS with one and three classes per
// detection, regular NMS; Float32 and 8-bit encodings and scores. Outputs identical (same arithmetic, same orders).

TEST(CpuAccQuantizedVsRef, DetectionPostProcess)
{
    constexpr unsigned kAnchors = 600;
    constexpr unsigned kClasses = 12;
    std::mt19937 generator(40);
    std::uniform_real_distribution<float> centre(0.0f, 1.0f);
    std::uniform_real_distribution<float> size(0.05f, 0.4f);
    std::vector<float> anchors;
    for (unsigned a = 0; a < kAnchors; ++a)
    {
        anchors.insert(anchors.end(), {centre(generator), centre(generator), size(generator), size(generator)});
    }
    for (bool quantized : {false, true})
    {
        const TestTensor encodings = quantized ? Random({1, kAnchors, 4}, DataType::QAsymmU8, 0.05f, 128, 41)
                                               : Random({1, kAnchors, 4}, DataType::Float32, 0.0f, 0, 41, 3.0f);
        // Scores in [0, 1): as decoded from u8 with scale 1/256, or floats in [-1, 1) folded to [0, 1).
        TestTensor scores = Random({1, kAnchors, kClasses + 1}, quantized ? DataType::QAsymmU8 : DataType::Float32,
                                   1.0f / 256, 0, 42, 1.0f);
        if (!quantized)
        {
            std::vector<float> values = scores.As<float>();
            for (float& v : values)
            {
                v = std::fabs(v);
            }
            scores = TestTensor::Of<float>(scores.m_Info, values);
        }
        for (int mode = 0; mode < 3; ++mode)
        {
            SCOPED_TRACE(std::string(quantized ? "8-bit" : "Float32") + " mode " + std::to_string(mode));
            DetectionPostProcessDescriptor desc;
            desc.m_UseRegularNms = mode == 2;
            desc.m_MaxDetections = 20;
            desc.m_MaxClassesPerDetection = mode == 1 ? 3 : 1;
            desc.m_DetectionsPerClass = 5;
            desc.m_NmsScoreThreshold = 0.6f;
            desc.m_NmsIouThreshold = 0.3f;
            desc.m_NumClasses = kClasses;
            desc.m_ScaleY = desc.m_ScaleX = 10.0f;
            desc.m_ScaleH = desc.m_ScaleW = 5.0f;
            const unsigned rows = mode == 1 ? 60 : 20;
            const auto detection = [desc, &anchors](INetwork& net) {
                const TensorInfo anchorsInfo({kAnchors, 4}, DataType::Float32, 0.0f, 0, true);
                return net.AddDetectionPostProcessLayer(desc, ConstTensor(anchorsInfo, anchors.data()), "detection");
            };
            ExpectMatchesRef(detection, {encodings, scores},
                             {TensorInfo({1, rows, 4}, DataType::Float32), TensorInfo({1, rows}, DataType::Float32),
                              TensorInfo({1, rows}, DataType::Float32), TensorInfo({1}, DataType::Float32)});
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// FullyConnected with per-channel weights: CpuRef (as LiteRT) rescales with one rounding there; on 8 x 1000 outputs
// the two-rounding form differs on a few.

TEST(CpuAccQuantizedVsRef, FullyConnectedPerChannelRounding)
{
    constexpr unsigned kIn = 64;
    constexpr unsigned kOut = 1000;
    std::mt19937 generator(21);
    std::uniform_real_distribution<float> scales(0.002f, 0.02f);
    std::vector<float> weightScales(kOut);
    for (float& scale : weightScales)
    {
        scale = scales(generator);
    }
    const float inputScale = 0.05f;
    const TestTensor input = Random({8, kIn}, DataType::QAsymmS8, inputScale, -3, 22);
    TestTensor weights = Random({kOut, kIn}, DataType::QAsymmS8, 1.0f, 0, 23);
    weights.m_Info = TensorInfo({kOut, kIn}, DataType::QSymmS8, weightScales, 0);
    weights.m_Constant = true;
    std::vector<float> biasScales(kOut);
    std::vector<int32_t> bias(kOut);
    std::uniform_int_distribution<int32_t> biasValues(-3000, 3000);
    for (unsigned c = 0; c < kOut; ++c)
    {
        biasScales[c] = inputScale * weightScales[c];
        bias[c] = biasValues(generator);
    }
    const TestTensor biasTensor = TestTensor::Of<int32_t>(TensorInfo({kOut}, DataType::Signed32, biasScales, 0), bias,
                                                          true);
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = true;
    desc.m_TransposeWeightMatrix = true;
    desc.m_ConstantWeights = true;
    const auto fc = [desc](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); };
    const std::vector<TensorInfo> outputs = {Quantized({8, kOut}, DataType::QAsymmS8, 0.11f, 5)};
    std::string unsupported;
    if (!TryRunLayer("CpuAcc", fc, {input, weights, biasTensor}, outputs, unsupported))
    {
        // CpuAcc's 8-bit weighted layers need VNNI (DNNL_MAX_CPU_ISA=AVX2 or older refuses them).
        GTEST_SKIP() << unsupported;
    }
    ExpectMatchesRef(fc, {input, weights, biasTensor}, outputs);
}

} // namespace

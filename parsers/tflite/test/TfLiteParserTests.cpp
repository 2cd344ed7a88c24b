//
// TfLiteParser: operators (built in memory, run on CpuRef, compared with hand-computed values) and malformed files.
//
#include "TfLiteModelBuilder.hpp"

#include <flatbuffers/flexbuffers.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace tfltest;
using armnn::ParseException;

namespace
{

TensorSpec F32(std::vector<int32_t> shape, std::vector<float> data = {})
{
    TensorSpec t;
    t.shape = std::move(shape);
    t.data = Bytes(data);
    return t;
}

TensorSpec I32(std::vector<int32_t> shape, std::vector<int32_t> data = {})
{
    TensorSpec t;
    t.shape = std::move(shape);
    t.type = tfl::TensorType_INT32;
    t.data = Bytes(data);
    return t;
}

TensorSpec Quant(tfl::TensorType type, std::vector<int32_t> shape, float scale, int64_t zeroPoint,
                 std::vector<uint8_t> data = {})
{
    TensorSpec t;
    t.shape = std::move(shape);
    t.type = type;
    t.scales = {scale};
    t.zeroPoints = {zeroPoint};
    t.data = std::move(data);
    return t;
}

OpSpec Op(tfl::BuiltinOperator code, std::vector<int32_t> inputs, std::vector<int32_t> outputs,
          tfl::BuiltinOptions type = tfl::BuiltinOptions_NONE, OptionsWriter options = nullptr)
{
    OpSpec op;
    op.builtinCode = code;
    op.inputs = std::move(inputs);
    op.outputs = std::move(outputs);
    op.optionsType = type;
    op.options = std::move(options);
    return op;
}

void ExpectNear(const std::vector<float>& actual, const std::vector<float>& expected, float tolerance = 1e-5f)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < actual.size(); ++i)
    {
        EXPECT_NEAR(actual[i], expected[i], tolerance) << "element " << i;
    }
}

/// Asserts that parsing throws a ParseException whose message contains every key word.
void ExpectParseError(const std::vector<uint8_t>& model, const std::vector<std::string>& keyWords)
{
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    try
    {
        parser->CreateNetworkFromBinary(model);
        FAIL() << "expected a ParseException";
    }
    catch (const ParseException& e)
    {
        const std::string message = e.what();
        for (const std::string& k : keyWords)
        {
            EXPECT_NE(message.find(k), std::string::npos) << "'" << k << "' not in: " << message;
        }
    }
}

OptionsWriter Conv2DOpts(tfl::Padding padding, int stride, tfl::ActivationFunctionType act)
{
    return [=](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateConv2DOptions(b, padding, stride, stride, act).Union();
    };
}

OptionsWriter Conv3DOpts(tfl::Padding padding, int strideD, int strideH, int strideW,
                         tfl::ActivationFunctionType act, int dilationD = 1)
{
    return [=](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateConv3DOptions(b, padding, strideD, strideW, strideH, act, dilationD).Union();
    };
}

} // namespace

// ---- Convolutions, fully connected, pooling ----

TEST(TfLiteParser, Conv3dSamePaddingBiasAndFusedRelu)
{
    // A 3x3x3 ones volume convolved with a 3x3x3 ones filter, SAME: each output counts the voxels of its clipped
    // 3x3x3 neighbourhood, 2 or 3 along each axis (8 at corners ... 27 at the centre); bias -10; RELU.
    auto model = SingleOpModel({F32({1, 3, 3, 3, 1}), F32({3, 3, 3, 1, 1}, std::vector<float>(27, 1.0f)),
                                F32({1}, {-10.0f}), F32({1, 3, 3, 3, 1})},
                               Op(tfl::BuiltinOperator_CONV_3D, {0, 1, 2}, {3}, tfl::BuiltinOptions_Conv3DOptions,
                                  Conv3DOpts(tfl::Padding_SAME, 1, 1, 1, tfl::ActivationFunctionType_RELU)));
    std::vector<float> expected;
    for (int d = 0; d < 3; ++d)
    {
        for (int h = 0; h < 3; ++h)
        {
            for (int w = 0; w < 3; ++w)
            {
                const auto n = [](int i) { return i == 1 ? 3.0f : 2.0f; };
                expected.push_back(std::max(0.0f, n(d) * n(h) * n(w) - 10.0f));
            }
        }
    }
    ExpectNear(RunFloat(model, {std::vector<float>(27, 1.0f)}), expected);
}

TEST(TfLiteParser, Conv3dValidDepthStrideAndDilationWeightsDHWIO)
{
    // Depth 5, two channels per voxel [d + 1, 10 (d + 1)]. Weights [D=2, 1, 1, I=2, O=2]: tap 0 w[i][o] =
    // [[1, 0], [0, -1]], tap 1 [[0, 1], [0, 0]]; depth dilation 2 (taps d and d + 2), depth stride 2, VALID:
    // out depth (5 - 3) / 2 + 1 = 2, at d = 0 and d = 2. o0 = ch0[d]; o1 = -ch1[d] + ch0[d + 2].
    // d = 0: [1, -10 + 3] = [1, -7]; d = 2: [3, -30 + 5] = [3, -25].
    auto model = SingleOpModel(
        {F32({1, 5, 1, 1, 2}), F32({2, 1, 1, 2, 2}, {1, 0, 0, -1, 0, 1, 0, 0}), F32({1, 2, 1, 1, 2})},
        Op(tfl::BuiltinOperator_CONV_3D, {0, 1, -1}, {2}, tfl::BuiltinOptions_Conv3DOptions,
           Conv3DOpts(tfl::Padding_VALID, 2, 1, 1, tfl::ActivationFunctionType_NONE, 2)));
    ExpectNear(RunFloat(model, {{1, 10, 2, 20, 3, 30, 4, 40, 5, 50}}), {1, -7, 3, -25});
}

TEST(TfLiteParser, Conv3dNeedsRank5)
{
    auto model = SingleOpModel({F32({1, 3, 3, 1}), F32({1, 1, 1, 1, 1}, {1.0f}), F32({1, 3, 3, 1})},
                               Op(tfl::BuiltinOperator_CONV_3D, {0, 1}, {2}, tfl::BuiltinOptions_Conv3DOptions,
                                  Conv3DOpts(tfl::Padding_VALID, 1, 1, 1, tfl::ActivationFunctionType_NONE)));
    ExpectParseError(model, {"operator 0", "CONV_3D", "rank 5"});
}

TEST(TfLiteParser, Conv2dSamePaddingBiasAndFusedRelu)
{
    // 3x3 ones convolved with a 3x3 ones filter, SAME: corners sum 4, edges 6, centre 9; bias -6; RELU.
    auto model = SingleOpModel({F32({1, 3, 3, 1}), F32({1, 3, 3, 1}, std::vector<float>(9, 1.0f)), F32({1}, {-6.0f}),
                                F32({1, 3, 3, 1})},
                               Op(tfl::BuiltinOperator_CONV_2D, {0, 1, 2}, {3}, tfl::BuiltinOptions_Conv2DOptions,
                                  Conv2DOpts(tfl::Padding_SAME, 1, tfl::ActivationFunctionType_RELU)));
    ExpectNear(RunFloat(model, {std::vector<float>(9, 1.0f)}), {0, 0, 0, 0, 3, 0, 0, 0, 0});
}

TEST(TfLiteParser, Conv2dValidStride2MultipleOutputChannels)
{
    // Input 1x4x4x1 = 0..15, filter 2x1x1x1 = {1, -1}, VALID stride 2: outputs x and -x at (0,0),(0,2),(2,0),(2,2).
    std::vector<float> in(16);
    for (int i = 0; i < 16; ++i)
    {
        in[static_cast<size_t>(i)] = static_cast<float>(i);
    }
    auto model = SingleOpModel({F32({1, 4, 4, 1}), F32({2, 1, 1, 1}, {1.0f, -1.0f}), F32({1, 2, 2, 2})},
                               Op(tfl::BuiltinOperator_CONV_2D, {0, 1, -1}, {2}, tfl::BuiltinOptions_Conv2DOptions,
                                  Conv2DOpts(tfl::Padding_VALID, 2, tfl::ActivationFunctionType_NONE)));
    ExpectNear(RunFloat(model, {in}), {0, -0, 2, -2, 8, -8, 10, -10});
}

TEST(TfLiteParser, DepthwiseConv2dValid)
{
    // Input 1x2x2x2, weights [1,2,2,2]: per channel dot products.
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateDepthwiseConv2DOptions(b, tfl::Padding_VALID, 1, 1, 1).Union();
    };
    auto model = SingleOpModel(
        {F32({1, 2, 2, 2}), F32({1, 2, 2, 2}, {1, 0, 1, 0, 1, 0, 1, 2}), F32({2}, {0.5f, 0}), F32({1, 1, 1, 2})},
        Op(tfl::BuiltinOperator_DEPTHWISE_CONV_2D, {0, 1, 2}, {3}, tfl::BuiltinOptions_DepthwiseConv2DOptions, opts));
    // channel 0: 1+3+5+7 + 0.5 = 16.5; channel 1: 8*2 = 16
    ExpectNear(RunFloat(model, {{1, 2, 3, 4, 5, 6, 7, 8}}), {16.5f, 16.0f});
}

TEST(TfLiteParser, FullyConnectedFlattensInputAndAddsBias)
{
    auto model = SingleOpModel({F32({1, 1, 1, 3}), F32({2, 3}, {1, 2, 3, -1, 0, 1}), F32({2}, {10, 20}), F32({1, 2})},
                               Op(tfl::BuiltinOperator_FULLY_CONNECTED, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(model, {{1, 1, 2}}), {1 + 2 + 6 + 10, -1 + 2 + 20});
}

TEST(TfLiteParser, FullyConnectedKeepNumDims)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateFullyConnectedOptions(b, tfl::ActivationFunctionType_RELU, tfl::FullyConnectedOptionsWeightsFormat_DEFAULT,
                                                true)
            .Union();
    };
    auto model = SingleOpModel({F32({2, 1, 2}), F32({1, 2}, {1, -1}), F32({2, 1, 1})},
                               Op(tfl::BuiltinOperator_FULLY_CONNECTED, {0, 1, -1}, {2},
                                  tfl::BuiltinOptions_FullyConnectedOptions, opts));
    ExpectNear(RunFloat(model, {{3, 1, 1, 3}}), {2, 0});
}

TEST(TfLiteParser, AveragePoolSameExcludesPadding)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreatePool2DOptions(b, tfl::Padding_SAME, 2, 2, 2, 2).Union();
    };
    auto model = SingleOpModel({F32({1, 3, 3, 1}), F32({1, 2, 2, 1})},
                               Op(tfl::BuiltinOperator_AVERAGE_POOL_2D, {0}, {1}, tfl::BuiltinOptions_Pool2DOptions, opts));
    ExpectNear(RunFloat(model, {{1, 2, 3, 4, 5, 6, 7, 8, 9}}), {3, 4.5f, 7.5f, 9});
}

TEST(TfLiteParser, MaxPoolValid)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreatePool2DOptions(b, tfl::Padding_VALID, 1, 1, 2, 2).Union();
    };
    auto model = SingleOpModel({F32({1, 3, 3, 1}), F32({1, 2, 2, 1})},
                               Op(tfl::BuiltinOperator_MAX_POOL_2D, {0}, {1}, tfl::BuiltinOptions_Pool2DOptions, opts));
    ExpectNear(RunFloat(model, {{1, 9, 3, 4, 5, 6, 7, 8, 2}}), {9, 9, 8, 8});
}

// ---- Element-wise and activations ----

TEST(TfLiteParser, AddBroadcastsAndMulFusesRelu6)
{
    auto add = SingleOpModel({F32({2, 2}), F32({2}, {10, 20}), F32({2, 2})}, Op(tfl::BuiltinOperator_ADD, {0, 1}, {2}));
    ExpectNear(RunFloat(add, {{1, 2, 3, 4}}), {11, 22, 13, 24});

    auto mulOpts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateMulOptions(b, tfl::ActivationFunctionType_RELU6).Union();
    };
    auto mul = SingleOpModel({F32({4}), F32({4}), F32({4})},
                             Op(tfl::BuiltinOperator_MUL, {0, 1}, {2}, tfl::BuiltinOptions_MulOptions, mulOpts));
    ExpectNear(RunFloat(mul, {{1, 2, 3, -4}, {1, 2, 3, 4}}), {1, 4, 6, 0});
}

TEST(TfLiteParser, BinaryOperators)
{
    struct Case
    {
        tfl::BuiltinOperator code;
        std::vector<float> expected;
    };
    const std::vector<float> a{6, -3, 2, 9}, b{4, 2, 2, 3};
    for (const Case& c : {Case{tfl::BuiltinOperator_SUB, {2, -5, 0, 6}}, Case{tfl::BuiltinOperator_DIV, {1.5f, -1.5f, 1, 3}},
                          Case{tfl::BuiltinOperator_MAXIMUM, {6, 2, 2, 9}}, Case{tfl::BuiltinOperator_MINIMUM, {4, -3, 2, 3}},
                          Case{tfl::BuiltinOperator_SQUARED_DIFFERENCE, {4, 25, 0, 36}},
                          Case{tfl::BuiltinOperator_POW, {1296, 9, 4, 729}},
                          Case{tfl::BuiltinOperator_FLOOR_DIV, {1, -2, 1, 3}}})
    {
        SCOPED_TRACE(tfl::EnumNameBuiltinOperator(c.code));
        auto model = SingleOpModel({F32({4}), F32({4}), F32({4})}, Op(c.code, {0, 1}, {2}));
        ExpectNear(RunFloat(model, {a, b}), c.expected, 1e-3f);
    }
}

TEST(TfLiteParser, UnaryOperatorsAndActivations)
{
    struct Case
    {
        tfl::BuiltinOperator code;
        std::vector<float> expected;
    };
    const std::vector<float> x{-2.0f, -0.5f, 0.5f, 4.0f};
    auto sig = [](float v) { return 1.0f / (1.0f + std::exp(-v)); };
    for (const Case& c :
         {Case{tfl::BuiltinOperator_RELU, {0, 0, 0.5f, 4}}, Case{tfl::BuiltinOperator_RELU6, {0, 0, 0.5f, 4}},
          Case{tfl::BuiltinOperator_RELU_N1_TO_1, {-1, -0.5f, 0.5f, 1}},
          Case{tfl::BuiltinOperator_LOGISTIC, {sig(-2), sig(-0.5f), sig(0.5f), sig(4)}},
          Case{tfl::BuiltinOperator_TANH, {std::tanh(-2.0f), std::tanh(-0.5f), std::tanh(0.5f), std::tanh(4.0f)}},
          Case{tfl::BuiltinOperator_ABS, {2, 0.5f, 0.5f, 4}}, Case{tfl::BuiltinOperator_NEG, {2, 0.5f, -0.5f, -4}},
          Case{tfl::BuiltinOperator_FLOOR, {-2, -1, 0, 4}}, Case{tfl::BuiltinOperator_CEIL, {-2, -0, 1, 4}},
          Case{tfl::BuiltinOperator_EXP, {std::exp(-2.0f), std::exp(-0.5f), std::exp(0.5f), std::exp(4.0f)}},
          Case{tfl::BuiltinOperator_HARD_SWISH, {-2.0f / 6, -0.5f * 2.5f / 6, 0.5f * 3.5f / 6, 4}},
          Case{tfl::BuiltinOperator_ELU, {std::exp(-2.0f) - 1, std::exp(-0.5f) - 1, 0.5f, 4}},
          Case{tfl::BuiltinOperator_SIN, {std::sin(-2.0f), std::sin(-0.5f), std::sin(0.5f), std::sin(4.0f)}},
          Case{tfl::BuiltinOperator_COS, {std::cos(-2.0f), std::cos(-0.5f), std::cos(0.5f), std::cos(4.0f)}}})
    {
        SCOPED_TRACE(tfl::EnumNameBuiltinOperator(c.code));
        auto model = SingleOpModel({F32({4}), F32({4})}, Op(c.code, {0}, {1}));
        ExpectNear(RunFloat(model, {x}), c.expected, 1e-4f);
    }
    for (auto code : {tfl::BuiltinOperator_SQRT, tfl::BuiltinOperator_RSQRT, tfl::BuiltinOperator_LOG})
    {
        SCOPED_TRACE(tfl::EnumNameBuiltinOperator(code));
        auto model = SingleOpModel({F32({2}), F32({2})}, Op(code, {0}, {1}));
        const auto out = RunFloat(model, {{4.0f, 1.0f}});
        const std::vector<float> expected = code == tfl::BuiltinOperator_SQRT    ? std::vector<float>{2, 1}
                                            : code == tfl::BuiltinOperator_RSQRT ? std::vector<float>{0.5f, 1}
                                                                                 : std::vector<float>{std::log(4.0f), 0};
        ExpectNear(out, expected, 1e-5f);
    }
}

TEST(TfLiteParser, LeakyReluAndPrelu)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateLeakyReluOptions(b, 0.1f).Union(); };
    auto leaky = SingleOpModel({F32({2}), F32({2})},
                               Op(tfl::BuiltinOperator_LEAKY_RELU, {0}, {1}, tfl::BuiltinOptions_LeakyReluOptions, opts));
    ExpectNear(RunFloat(leaky, {{-10, 3}}), {-1, 3});
    auto prelu = SingleOpModel({F32({1, 2, 2}), F32({2}, {0.5f, 2.0f}), F32({1, 2, 2})},
                               Op(tfl::BuiltinOperator_PRELU, {0, 1}, {2}));
    ExpectNear(RunFloat(prelu, {{-2, -2, 3, 3}}), {-1, -4, 3, 3});
}

TEST(TfLiteParser, SoftmaxWithBeta)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateSoftmaxOptions(b, 1.0f).Union(); };
    auto model = SingleOpModel({F32({1, 2}), F32({1, 2})},
                               Op(tfl::BuiltinOperator_SOFTMAX, {0}, {1}, tfl::BuiltinOptions_SoftmaxOptions, opts));
    const float e = std::exp(1.0f);
    ExpectNear(RunFloat(model, {{0, 1}}), {1 / (1 + e), e / (1 + e)});
}

// ---- Shapes ----

TEST(TfLiteParser, ReshapeWithShapeTensorAndMinusOne)
{
    auto model = SingleOpModel({F32({1, 2, 3}), I32({2}, {3, -1}), F32({3, 2})},
                               Op(tfl::BuiltinOperator_RESHAPE, {0, 1}, {2}));
    ExpectNear(RunFloat(model, {{1, 2, 3, 4, 5, 6}}), {1, 2, 3, 4, 5, 6});
}

TEST(TfLiteParser, ReshapeWithNewShapeOptionAndSqueeze)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateReshapeOptions(b, b.CreateVector(std::vector<int32_t>{-1})).Union();
    };
    auto reshape = SingleOpModel({F32({2, 2}), F32({4})},
                                 Op(tfl::BuiltinOperator_RESHAPE, {0}, {1}, tfl::BuiltinOptions_ReshapeOptions, opts));
    ExpectNear(RunFloat(reshape, {{1, 2, 3, 4}}), {1, 2, 3, 4});
    auto squeeze = SingleOpModel({F32({1, 2, 1, 2}), F32({2, 2})}, Op(tfl::BuiltinOperator_SQUEEZE, {0}, {1}));
    ExpectNear(RunFloat(squeeze, {{1, 2, 3, 4}}), {1, 2, 3, 4});
}

TEST(TfLiteParser, ConcatenationOnLastAxis)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateConcatenationOptions(b, -1).Union(); };
    auto model = SingleOpModel({F32({2, 1}), F32({2, 2}), F32({2, 3})},
                               Op(tfl::BuiltinOperator_CONCATENATION, {0, 1}, {2},
                                  tfl::BuiltinOptions_ConcatenationOptions, opts));
    ExpectNear(RunFloat(model, {{1, 2}, {3, 4, 5, 6}}), {1, 3, 4, 2, 5, 6});
}

TEST(TfLiteParser, MeanOverSpatialAxesKeepDims)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateReducerOptions(b, true).Union(); };
    auto model = SingleOpModel({F32({1, 2, 2, 2}), I32({2}, {1, 2}), F32({1, 1, 1, 2})},
                               Op(tfl::BuiltinOperator_MEAN, {0, 1}, {2}, tfl::BuiltinOptions_ReducerOptions, opts));
    ExpectNear(RunFloat(model, {{1, 10, 2, 20, 3, 30, 4, 40}}), {2.5f, 25});
}

TEST(TfLiteParser, PadAndTranspose)
{
    auto pad = SingleOpModel({F32({2}), I32({1, 2}, {1, 2}), F32({5})}, Op(tfl::BuiltinOperator_PAD, {0, 1}, {2}));
    ExpectNear(RunFloat(pad, {{7, 8}}), {0, 7, 8, 0, 0});
    auto transpose = SingleOpModel({F32({2, 3}), I32({2}, {1, 0}), F32({3, 2})},
                                   Op(tfl::BuiltinOperator_TRANSPOSE, {0, 1}, {2}));
    ExpectNear(RunFloat(transpose, {{1, 2, 3, 4, 5, 6}}), {1, 4, 2, 5, 3, 6});
}

TEST(TfLiteParser, SplitAndStridedSlice)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateSplitOptions(b, 2).Union(); };
    auto split = SingleOpModel({I32({1}, {1}), F32({2, 4}), F32({2, 2}), F32({2, 2})},
                               Op(tfl::BuiltinOperator_SPLIT, {0, 1}, {2, 3}, tfl::BuiltinOptions_SplitOptions, opts));
    ExpectNear(RunFloat(split, {{1, 2, 3, 4, 5, 6, 7, 8}}, 1), {3, 4, 7, 8});

    auto slice = SingleOpModel({F32({6}), I32({1}, {1}), I32({1}, {6}), I32({1}, {2}), F32({3})},
                               Op(tfl::BuiltinOperator_STRIDED_SLICE, {0, 1, 2, 3}, {4}));
    ExpectNear(RunFloat(slice, {{0, 1, 2, 3, 4, 5}}), {1, 3, 5});
}

// ---- Types and quantization ----

TEST(TfLiteParser, DequantizeFloat16ConstantWeights)
{
    // fp16 1.0 = 0x3C00, 2.0 = 0x4000, -0.5 = 0xB800.
    TensorSpec w;
    w.shape = {3};
    w.type = tfl::TensorType_FLOAT16;
    w.data = Bytes(std::vector<uint16_t>{0x3C00, 0x4000, 0xB800});
    ModelSpec spec;
    spec.tensors = {F32({3}), w, F32({3}), F32({3})};
    spec.tensors[0].name = "in";
    spec.ops = {Op(tfl::BuiltinOperator_DEQUANTIZE, {1}, {2}), Op(tfl::BuiltinOperator_ADD, {0, 2}, {3})};
    spec.inputs = {0};
    spec.outputs = {3};
    ExpectNear(RunFloat(BuildModel(spec), {{1, 1, 1}}), {2, 3, 0.5f});
}

TEST(TfLiteParser, QuantizedUint8AddAndDequantize)
{
    // a: scale 0.5, zp 10; b: scale 0.25, zp 0; out: scale 1, zp 5.
    ModelSpec spec;
    spec.tensors = {Quant(tfl::TensorType_UINT8, {2}, 0.5f, 10), Quant(tfl::TensorType_UINT8, {2}, 0.25f, 0),
                    Quant(tfl::TensorType_UINT8, {2}, 1.0f, 5), F32({2})};
    spec.tensors[0].name = "a";
    spec.tensors[1].name = "b";
    spec.ops = {Op(tfl::BuiltinOperator_ADD, {0, 1}, {2}), Op(tfl::BuiltinOperator_DEQUANTIZE, {2}, {3})};
    spec.inputs = {0, 1};
    spec.outputs = {3};
    // a = {14, 20} -> {2, 5}; b = {8, 4} -> {2, 1}; sum {4, 6}.
    auto out = RunModel(BuildModel(spec), {{14, 20}, {8, 4}});
    ExpectNear(FromBytes<float>(out[0]), {4, 6});
}

TEST(TfLiteParser, Int8PerChannelConv2d)
{
    // Two output channels with different weight scales; input scale 1 zp 0; bias int32 per channel.
    TensorSpec weights;
    weights.shape = {2, 1, 1, 1};
    weights.type = tfl::TensorType_INT8;
    weights.scales = {0.5f, 0.25f};
    weights.zeroPoints = {0, 0};
    weights.data = Bytes(std::vector<int8_t>{4, -8}); // real {2, -2}
    TensorSpec bias;
    bias.shape = {2};
    bias.type = tfl::TensorType_INT32;
    bias.scales = {0.5f, 0.25f};
    bias.zeroPoints = {0, 0};
    bias.data = Bytes(std::vector<int32_t>{2, 4}); // real {1, 1}
    auto model = SingleOpModel({Quant(tfl::TensorType_INT8, {1, 1, 2, 1}, 1.0f, 0), weights, bias,
                                Quant(tfl::TensorType_INT8, {1, 1, 2, 2}, 1.0f, -1)},
                               Op(tfl::BuiltinOperator_CONV_2D, {0, 1, 2}, {3}, tfl::BuiltinOptions_Conv2DOptions,
                                  Conv2DOpts(tfl::Padding_VALID, 1, tfl::ActivationFunctionType_NONE)));
    // x = {3, -2}: channel 0 = 2x+1 = {7, -3}; channel 1 = -2x+1 = {-5, 5}; quantized with zp -1.
    auto out = FromBytes<int8_t>(RunModel(model, {Bytes(std::vector<int8_t>{3, -2})})[0]);
    EXPECT_EQ(out, (std::vector<int8_t>{6, -6, -4, 4}));
}

TEST(TfLiteParser, BindingInfoFollowsArmNNConvention)
{
    auto model = SingleOpModel({F32({1, 2}), F32({1, 2})}, Op(tfl::BuiltinOperator_RELU, {0}, {1}));
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    parser->CreateNetworkFromBinary(model);
    EXPECT_EQ(parser->GetSubgraphCount(), 1u);
    EXPECT_EQ(parser->GetSubgraphInputTensorNames(0), std::vector<std::string>{"t0"});
    auto in = parser->GetNetworkInputBindingInfo(0, "t0");
    auto out = parser->GetNetworkOutputBindingInfo(0, "t1");
    EXPECT_EQ(in.first, 0);
    EXPECT_EQ(out.first, 1 << 8);
    EXPECT_EQ(in.second.GetShape(), armnn::TensorShape({1, 2}));
    EXPECT_THROW(parser->GetNetworkInputBindingInfo(0, "nope"), ParseException);
    EXPECT_THROW(parser->GetNetworkInputBindingInfo(3, "t0"), ParseException);
}

// ---- Subgraphs other than 0 ----

namespace
{
/// Subgraph 0: RELU t0 -> t1. Subgraph 1 (a WHILE body, say): unused constant c, x [2, 3] -> ROUND (which the
/// parser does not support, but only subgraph 0 is built) -> y.
std::vector<uint8_t> TwoSubgraphModel()
{
    ModelSpec spec;
    spec.tensors = {F32({1, 2}), F32({1, 2})};
    spec.tensors[0].name = "t0";
    spec.tensors[1].name = "t1";
    spec.ops = {Op(tfl::BuiltinOperator_RELU, {0}, {1})};
    spec.inputs = {0};
    spec.outputs = {1};
    SubgraphSpec body;
    body.tensors = {F32({1}, {1.0f}), F32({2, 3}), F32({2, 3})};
    body.tensors[0].name = "c";
    body.tensors[1].name = "x";
    body.tensors[2].name = "y";
    body.ops = {Op(tfl::BuiltinOperator_ROUND, {1}, {2})};
    body.inputs = {1};
    body.outputs = {2};
    spec.moreSubgraphs = {body};
    return BuildModel(spec);
}
} // namespace

TEST(TfLiteParser, SubgraphsOtherThanZeroHaveNamesAndBindingInfo)
{
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    EXPECT_THROW(parser->GetSubgraphCount(), ParseException); // nothing parsed yet
    armnn::INetworkPtr network = parser->CreateNetworkFromBinary(TwoSubgraphModel());
    ASSERT_EQ(parser->GetSubgraphCount(), 2u);
    EXPECT_EQ(parser->GetSubgraphInputTensorNames(1), std::vector<std::string>{"x"});
    EXPECT_EQ(parser->GetSubgraphOutputTensorNames(1), std::vector<std::string>{"y"});
    // Binding ids (tensor << 8) + subgraph: x is tensor 1, y tensor 2 of subgraph 1.
    auto in = parser->GetNetworkInputBindingInfo(1, "x");
    auto out = parser->GetNetworkOutputBindingInfo(1, "y");
    EXPECT_EQ(in.first, (1 << 8) + 1);
    EXPECT_EQ(out.first, (2 << 8) + 1);
    EXPECT_EQ(in.second.GetShape(), armnn::TensorShape({2, 3}));
    EXPECT_EQ(out.second.GetShape(), armnn::TensorShape({2, 3}));
    // Names belong to their subgraph.
    EXPECT_THROW(parser->GetNetworkInputBindingInfo(1, "t0"), ParseException);
    EXPECT_THROW(parser->GetNetworkInputBindingInfo(0, "x"), ParseException);
    // The network is subgraph 0's.
    EXPECT_EQ(parser->GetSubgraphInputTensorNames(0), std::vector<std::string>{"t0"});
    ExpectNear(RunFloat(TwoSubgraphModel(), {{-1.0f, 2.0f}}), {0.0f, 2.0f});
}

TEST(TfLiteParser, OutOfRangeSubgraphIdsAreNamed)
{
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    parser->CreateNetworkFromBinary(TwoSubgraphModel());
    const std::vector<std::function<void()>> calls = {
        [&] { parser->GetSubgraphInputTensorNames(2); },
        [&] { parser->GetSubgraphOutputTensorNames(7); },
        [&] { parser->GetNetworkInputBindingInfo(2, "x"); },
        [&] { parser->GetNetworkOutputBindingInfo(static_cast<size_t>(-1), "y"); },
    };
    for (const auto& call : calls)
    {
        try
        {
            call();
            ADD_FAILURE() << "expected a ParseException";
        }
        catch (const ParseException& e)
        {
            EXPECT_NE(std::string(e.what()).find("does not exist (the model has 2)"), std::string::npos) << e.what();
        }
    }
}

TEST(TfLiteParser, ControlFlowInSubgraphZeroIsNamed)
{
    // WHILE in subgraph 0 refers to the other subgraphs; the parser builds no control flow.
    ModelSpec spec;
    spec.tensors = {F32({1, 2}), F32({1, 2})};
    spec.ops = {Op(tfl::BuiltinOperator_WHILE, {0}, {1})};
    spec.inputs = {0};
    spec.outputs = {1};
    SubgraphSpec body;
    body.tensors = {F32({1, 2}), F32({1, 2})};
    body.ops = {Op(tfl::BuiltinOperator_RELU, {0}, {1})};
    body.inputs = {0};
    body.outputs = {1};
    spec.moreSubgraphs = {body, body};
    ExpectParseError(BuildModel(spec), {"subgraph 0", "operator 0", "WHILE", "not supported"});
}

// ---- Parser options: m_InferAndValidate, m_AllowExpandedDims ----

namespace
{
/// CONV_2D over [1, 3, 3, 1] with a 2x2 kernel (VALID: output [1, 2, 2, 1]) -> RELU. The convolution's output is
/// stored as the converter writes dynamic tensors: shape [1, 1, 1, 1] with shape_signature `signature`; the RELU's
/// has no shape at all (unknown rank).
std::vector<uint8_t> DynamicShapeModel(std::vector<int32_t> signature)
{
    ModelSpec spec;
    TensorSpec convOut = F32({1, 1, 1, 1});
    convOut.shapeSignature = std::move(signature);
    spec.tensors = {F32({1, 3, 3, 1}), F32({1, 2, 2, 1}, {1, 2, 3, 4}), convOut, F32({})};
    for (size_t i = 0; i < spec.tensors.size(); ++i)
    {
        spec.tensors[i].name = "t" + std::to_string(i);
    }
    spec.ops = {Op(tfl::BuiltinOperator_CONV_2D, {0, 1, -1}, {2}, tfl::BuiltinOptions_Conv2DOptions,
                   Conv2DOpts(tfl::Padding_VALID, 1, tfl::ActivationFunctionType_NONE)),
                Op(tfl::BuiltinOperator_RELU, {2}, {3})};
    spec.inputs = {0};
    spec.outputs = {3};
    return BuildModel(spec);
}
} // namespace

TEST(TfLiteParser, InferAndValidateInfersDynamicShapes)
{
    armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions options;
    options.m_InferAndValidate = true;
    const auto model = DynamicShapeModel({1, -1, -1, 1});
    auto parser = armnnTfLiteParser::ITfLiteParser::Create(options);
    parser->CreateNetworkFromBinary(model);
    // The output's binding info has the inferred shape.
    EXPECT_EQ(parser->GetNetworkOutputBindingInfo(0, "t3").second.GetShape(), armnn::TensorShape({1, 2, 2, 1}));
    // in = 1..9, kernel [[1, 2], [3, 4]]: 37, 47, 67, 77 (Conv2dFloat32NhwcValid's arithmetic), through RELU.
    auto out = RunModel(model, {Bytes(std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9})}, options);
    ExpectNear(FromBytes<float>(out[0]), {37, 47, 67, 77});
    // Without the option the stored shapes are taken as they are, and do not fit.
    EXPECT_THROW(RunModel(model, {Bytes(std::vector<float>(9, 1.0f))}), armnn::LayerValidationException);
}

TEST(TfLiteParser, InferAndValidateChecksTheShapeSignature)
{
    armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions options;
    options.m_InferAndValidate = true;
    auto parser = armnnTfLiteParser::ITfLiteParser::Create(options);
    try
    {
        parser->CreateNetworkFromBinary(DynamicShapeModel({1, -1, -1, 3}));
        FAIL() << "expected a ParseException";
    }
    catch (const ParseException& e)
    {
        const std::string message = e.what();
        EXPECT_NE(message.find("operator 0 (CONV_2D)"), std::string::npos) << message;
        EXPECT_NE(message.find("does not match the model's shape signature"), std::string::npos) << message;
    }
}

TEST(TfLiteParser, InferAndValidateKeepsConsistentDynamicBatchModelsWorking)
{
    // What the converter writes for a Keras model with a dynamic batch: every tensor has shape_signature [-1, ...]
    // and a stored shape with batch 1. FULLY_CONNECTED's converter reads the stored output shape; with the option the
    // model runs as without it.
    std::vector<TensorSpec> tensors = {F32({1, 3}), F32({2, 3}, {1, 2, 3, -1, 0, 1}), F32({2}, {10, 20}),
                                       F32({1, 2})};
    tensors[0].shapeSignature = {-1, 3};
    tensors[3].shapeSignature = {-1, 2};
    auto model = SingleOpModel(tensors, Op(tfl::BuiltinOperator_FULLY_CONNECTED, {0, 1, 2}, {3}));
    armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions options;
    options.m_InferAndValidate = true;
    auto out = RunModel(model, {Bytes(std::vector<float>{1, 1, 2})}, options);
    ExpectNear(FromBytes<float>(out[0]), {1 + 2 + 6 + 10, -1 + 2 + 20});
}

TEST(TfLiteParser, AllowExpandedDimsAcceptsOutputsWithExtraOnes)
{
    // RELU [1, 4] -> t1 stored as [1, 1, 4], then NEG -> [1, 1, 4]: the RELU's output differs from what it
    // computes by a dimension of size 1.
    ModelSpec spec;
    spec.tensors = {F32({1, 4}), F32({1, 1, 4}), F32({1, 1, 4})};
    spec.ops = {Op(tfl::BuiltinOperator_RELU, {0}, {1}), Op(tfl::BuiltinOperator_NEG, {1}, {2})};
    spec.inputs = {0};
    spec.outputs = {2};
    for (size_t i = 0; i < spec.tensors.size(); ++i)
    {
        spec.tensors[i].name = "t" + std::to_string(i);
    }
    const auto model = BuildModel(spec);
    const std::vector<uint8_t> in = Bytes(std::vector<float>{-1.0f, 0.5f, 2.0f, -3.0f});
    EXPECT_THROW(RunModel(model, {in}), armnn::LayerValidationException);
    armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions options;
    options.m_AllowExpandedDims = true;
    ExpectNear(FromBytes<float>(RunModel(model, {in}, options)[0]), {0.0f, -0.5f, -2.0f, 0.0f});
}

// ---- Unsupported operators ----

TEST(TfLiteParser, UnsupportedOperatorIsNamed)
{
    auto model = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_ROUND, {0}, {1}));
    ExpectParseError(model, {"operator 0", "ROUND", "not supported"});
}

TEST(TfLiteParser, UnsupportedOperatorBecomesStandIn)
{
    auto model = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_ROUND, {0}, {1}));
    armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions options;
    options.m_StandInLayerForUnsupported = true;
    auto parser = armnnTfLiteParser::ITfLiteParser::Create(options);
    armnn::INetworkPtr network = parser->CreateNetworkFromBinary(model);
    EXPECT_NE(network, nullptr);
}

TEST(TfLiteParser, MissingFileThrowsFileNotFound)
{
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    EXPECT_THROW(parser->CreateNetworkFromBinaryFile("/nonexistent/model.tflite"), armnn::FileNotFoundException);
}

// ---- Malformed files ----

namespace
{
std::vector<uint8_t> ValidModel()
{
    return SingleOpModel({F32({1, 2}), F32({1, 2})}, Op(tfl::BuiltinOperator_RELU, {0}, {1}));
}
} // namespace

TEST(TfLiteParserMalformed, TruncatedFile)
{
    std::vector<uint8_t> model = ValidModel();
    ExpectParseError(std::vector<uint8_t>(model.begin(), model.begin() + 6), {"truncated"});
    model.resize(model.size() / 2);
    ExpectParseError(model, {"verification failed", "truncated"});
}

TEST(TfLiteParserMalformed, WrongFileIdentifier)
{
    std::vector<uint8_t> model = ValidModel();
    std::memcpy(model.data() + 4, "ONNX", 4);
    ExpectParseError(model, {"wrong file identifier", "ONNX", "TFL3"});
}

TEST(TfLiteParserMalformed, RootOffsetPastTheEnd)
{
    std::vector<uint8_t> model = ValidModel();
    const uint32_t root = static_cast<uint32_t>(model.size() + 100);
    std::memcpy(model.data(), &root, 4);
    ExpectParseError(model, {"root table offset", "past the end"});
}

TEST(TfLiteParserMalformed, BufferIndexOutOfRange)
{
    TensorSpec bad = F32({1, 2});
    bad.bufferIndex = 42;
    auto model = SingleOpModel({F32({1, 2}), bad, F32({1, 2})}, Op(tfl::BuiltinOperator_ADD, {0, 1}, {2}));
    ExpectParseError(model, {"subgraph 0", "tensor 1 't1'", "buffer index 42", "out of range"});
}

TEST(TfLiteParserMalformed, ShapeInconsistentWithBufferSize)
{
    TensorSpec w = F32({2, 3}, {1, 2, 3, 4}); // 16 bytes for a 24-byte shape
    auto model = SingleOpModel({F32({1, 3}), w, F32({1, 2})}, Op(tfl::BuiltinOperator_FULLY_CONNECTED, {0, 1, -1}, {2}));
    ExpectParseError(model, {"tensor 1 't1'", "holds 16 bytes", "need 24 bytes"});
}

TEST(TfLiteParserMalformed, OperatorCodeIndexOutOfRange)
{
    OpSpec op = Op(tfl::BuiltinOperator_RELU, {0}, {1});
    op.opcodeIndex = 7;
    auto model = SingleOpModel({F32({2}), F32({2})}, op);
    ExpectParseError(model, {"operator 0", "operator code index 7", "out of range"});
}

TEST(TfLiteParserMalformed, NegativeDimension)
{
    auto model = SingleOpModel({F32({1, -3}), F32({1, 3})}, Op(tfl::BuiltinOperator_RELU, {0}, {1}));
    ExpectParseError(model, {"tensor 0 't0'", "dimension 1 is negative"});
}

TEST(TfLiteParserMalformed, DimensionProductOverflows)
{
    auto model = SingleOpModel({F32({65536, 65536, 65536}), F32({2})}, Op(tfl::BuiltinOperator_RELU, {0}, {1}));
    ExpectParseError(model, {"tensor 0 't0'", "overflows"});
}

TEST(TfLiteParserMalformed, ZeroOrNegativeScale)
{
    for (float scale : {0.0f, -1.0f, std::nanf("")})
    {
        auto model = SingleOpModel({Quant(tfl::TensorType_UINT8, {2}, scale, 0), Quant(tfl::TensorType_UINT8, {2}, 1, 0)},
                                   Op(tfl::BuiltinOperator_RELU, {0}, {1}));
        ExpectParseError(model, {"tensor 0 't0'", "scale", "finite and positive"});
    }
}

TEST(TfLiteParserMalformed, ZeroPointOutOfRangeAndPerAxisMismatch)
{
    auto model = SingleOpModel({Quant(tfl::TensorType_INT8, {2}, 1.0f, 200), Quant(tfl::TensorType_INT8, {2}, 1, 0)},
                               Op(tfl::BuiltinOperator_RELU, {0}, {1}));
    ExpectParseError(model, {"tensor 0", "zero point 0 = 200", "[-128, 127]"});

    TensorSpec w = F32({3, 1});
    w.type = tfl::TensorType_INT8;
    w.scales = {1, 1};
    w.zeroPoints = {0, 0};
    w.quantizedDimension = 0;
    auto perAxis = SingleOpModel({w, F32({3, 1})}, Op(tfl::BuiltinOperator_DEQUANTIZE, {0}, {1}));
    ExpectParseError(perAxis, {"tensor 0", "2 scales", "dimension 0 has size 3"});
}

TEST(TfLiteParserMalformed, TensorIsItsOwnProducer)
{
    auto model = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_ADD, {0, 1}, {1}));
    ExpectParseError(model, {"operator 0 (ADD)", "tensor 1 't1'", "own producer"});
}

TEST(TfLiteParserMalformed, CycleBetweenOperators)
{
    ModelSpec spec;
    spec.tensors = {F32({2}), F32({2}), F32({2})};
    spec.tensors[0].name = "in";
    spec.tensors[1].name = "a";
    spec.tensors[2].name = "b";
    spec.ops = {Op(tfl::BuiltinOperator_ADD, {0, 2}, {1}), Op(tfl::BuiltinOperator_RELU, {1}, {2})};
    spec.inputs = {0};
    spec.outputs = {2};
    ExpectParseError(BuildModel(spec), {"operator 0 (ADD)", "tensor 2 'b'", "runs later"});
}

TEST(TfLiteParserMalformed, WrongOperatorArityAndTensorIndex)
{
    auto arity = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_ADD, {0}, {1}));
    ExpectParseError(arity, {"operator 0 (ADD)", "has 1 inputs, expected 2"});
    auto index = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_RELU, {5}, {1}));
    ExpectParseError(index, {"operator 0 (RELU)", "input tensor index 5", "out of range"});
}

// ---- More operator families ----

namespace
{
TensorSpec Bool(std::vector<int32_t> shape)
{
    TensorSpec t;
    t.shape = std::move(shape);
    t.type = tfl::TensorType_BOOL;
    return t;
}
} // namespace

TEST(TfLiteParser, ResizeBilinearAndNearest)
{
    auto bilinear = SingleOpModel({F32({1, 1, 2, 1}), I32({2}, {1, 4}), F32({1, 1, 4, 1})},
                                  Op(tfl::BuiltinOperator_RESIZE_BILINEAR, {0, 1}, {2}));
    ExpectNear(RunFloat(bilinear, {{0, 4}}), {0, 2, 4, 4});
    auto nearest = SingleOpModel({F32({1, 1, 2, 1}), I32({2}, {1, 4}), F32({1, 1, 4, 1})},
                                 Op(tfl::BuiltinOperator_RESIZE_NEAREST_NEIGHBOR, {0, 1}, {2}));
    ExpectNear(RunFloat(nearest, {{0, 4}}), {0, 0, 4, 4});
}

TEST(TfLiteParser, SpaceToDepthAndDepthToSpace)
{
    auto s2d = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateSpaceToDepthOptions(b, 2).Union(); };
    auto model = SingleOpModel({F32({1, 2, 2, 1}), F32({1, 1, 1, 4})},
                               Op(tfl::BuiltinOperator_SPACE_TO_DEPTH, {0}, {1}, tfl::BuiltinOptions_SpaceToDepthOptions, s2d));
    ExpectNear(RunFloat(model, {{1, 2, 3, 4}}), {1, 2, 3, 4});
    auto d2s = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateDepthToSpaceOptions(b, 2).Union(); };
    auto back = SingleOpModel({F32({1, 1, 1, 4}), F32({1, 2, 2, 1})},
                              Op(tfl::BuiltinOperator_DEPTH_TO_SPACE, {0}, {1}, tfl::BuiltinOptions_DepthToSpaceOptions, d2s));
    ExpectNear(RunFloat(back, {{1, 2, 3, 4}}), {1, 2, 3, 4});
}

TEST(TfLiteParser, GatherAndSlice)
{
    auto gather = SingleOpModel({F32({3, 2}), I32({2}, {2, 0}), F32({2, 2})}, Op(tfl::BuiltinOperator_GATHER, {0, 1}, {2}));
    ExpectNear(RunFloat(gather, {{1, 2, 3, 4, 5, 6}}), {5, 6, 1, 2});
    auto slice = SingleOpModel({F32({2, 3}), I32({2}, {0, 1}), I32({2}, {-1, 2}), F32({2, 2})},
                               Op(tfl::BuiltinOperator_SLICE, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(slice, {{1, 2, 3, 4, 5, 6}}), {2, 3, 5, 6});
}

TEST(TfLiteParser, PackUnpackAndTile)
{
    auto packOpts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreatePackOptions(b, 2, 1).Union(); };
    auto pack = SingleOpModel({F32({2}), F32({2}), F32({2, 2})},
                              Op(tfl::BuiltinOperator_PACK, {0, 1}, {2}, tfl::BuiltinOptions_PackOptions, packOpts));
    ExpectNear(RunFloat(pack, {{1, 2}, {3, 4}}), {1, 3, 2, 4});
    auto unpackOpts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateUnpackOptions(b, 2, 0).Union(); };
    auto unpack = SingleOpModel({F32({2, 2}), F32({2}), F32({2})},
                                Op(tfl::BuiltinOperator_UNPACK, {0}, {1, 2}, tfl::BuiltinOptions_UnpackOptions, unpackOpts));
    ExpectNear(RunFloat(unpack, {{1, 2, 3, 4}}, 1), {3, 4});
    auto tile = SingleOpModel({F32({2}), I32({1}, {2}), F32({4})}, Op(tfl::BuiltinOperator_TILE, {0, 1}, {2}));
    ExpectNear(RunFloat(tile, {{1, 2}}), {1, 2, 1, 2});
}

TEST(TfLiteParser, SplitVAndExpandDims)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateSplitVOptions(b, 2).Union(); };
    auto split = SingleOpModel({F32({5}), I32({2}, {2, -1}), I32({1}, {0}), F32({2}), F32({3})},
                               Op(tfl::BuiltinOperator_SPLIT_V, {0, 1, 2}, {3, 4}, tfl::BuiltinOptions_SplitVOptions, opts));
    ExpectNear(RunFloat(split, {{1, 2, 3, 4, 5}}, 1), {3, 4, 5});
    auto expand = SingleOpModel({F32({2}), I32({1}, {0}), F32({1, 2})}, Op(tfl::BuiltinOperator_EXPAND_DIMS, {0, 1}, {2}));
    ExpectNear(RunFloat(expand, {{1, 2}}), {1, 2});
}

TEST(TfLiteParser, BatchMatMulWithAdjoint)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateBatchMatMulOptions(b, false, true).Union(); };
    auto model = SingleOpModel({F32({1, 2}), F32({2, 2}), F32({1, 2})},
                               Op(tfl::BuiltinOperator_BATCH_MATMUL, {0, 1}, {2}, tfl::BuiltinOptions_BatchMatMulOptions, opts));
    // x = [1, 2]; y = [[1, 2], [3, 4]]; x * y^T = [5, 11].
    ExpectNear(RunFloat(model, {{1, 2}, {1, 2, 3, 4}}), {5, 11});
}

TEST(TfLiteParser, TransposeConvValid)
{
    auto opts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateTransposeConvOptions(b, tfl::Padding_VALID, 1, 1).Union();
    };
    // 1x1 input 2, 2x2 ones filter, stride 1, VALID: output 2x2 all 2.
    auto model = SingleOpModel({I32({4}, {1, 2, 2, 1}), F32({1, 2, 2, 1}, {1, 1, 1, 1}), F32({1, 1, 1, 1}), F32({1, 2, 2, 1})},
                               Op(tfl::BuiltinOperator_TRANSPOSE_CONV, {0, 1, 2}, {3}, tfl::BuiltinOptions_TransposeConvOptions, opts));
    ExpectNear(RunFloat(model, {{2}}), {2, 2, 2, 2});
}

TEST(TfLiteParser, MediaPipeConvolution2DTransposeBias)
{
    // MediaPipe's custom op: input [1, 2, 2, 1] = 1..4, weights [1, 2, 2, 1] of ones, bias 0.5, stride 2, SAME:
    // every input pixel fills its own 2x2 block of the [1, 4, 4, 1] output.
    auto op = [](std::vector<int32_t> params) {
        OpSpec o = Op(static_cast<tfl::BuiltinOperator>(32), {0, 1, 2}, {3});
        o.customCode = "Convolution2DTransposeBias";
        o.customOptions = Bytes(params);
        return o;
    };
    std::vector<TensorSpec> tensors = {F32({1, 2, 2, 1}), F32({1, 2, 2, 1}, {1, 1, 1, 1}), F32({1}, {0.5f}),
                                       F32({1, 4, 4, 1})};
    ExpectNear(RunFloat(SingleOpModel(tensors, op({1, 2, 2})), {{1, 2, 3, 4}}),
               {1.5f, 1.5f, 2.5f, 2.5f, 1.5f, 1.5f, 2.5f, 2.5f, 3.5f, 3.5f, 4.5f, 4.5f, 3.5f, 3.5f, 4.5f, 4.5f});
    // VALID, stride 1: a 2x2 input and 2x2 kernel give 3x3, the centre gets all four inputs.
    tensors[3] = F32({1, 3, 3, 1});
    ExpectNear(RunFloat(SingleOpModel(tensors, op({2, 1, 1})), {{1, 2, 3, 4}}),
               {1.5f, 3.5f, 2.5f, 4.5f, 10.5f, 6.5f, 3.5f, 7.5f, 4.5f});
    // fp16 weights through DEQUANTIZE (as MediaPipe ships them): folded at parse time, so still constant weights.
    ModelSpec spec;
    TensorSpec halfWeights;
    halfWeights.shape = {1, 2, 2, 1};
    halfWeights.type = tfl::TensorType_FLOAT16;
    halfWeights.data = Bytes(std::vector<uint16_t>(4, 0x3C00)); // 1.0
    spec.tensors = {F32({1, 2, 2, 1}), halfWeights, F32({1, 2, 2, 1}), F32({1}, {0.5f}), F32({1, 4, 4, 1})};
    for (size_t i = 0; i < spec.tensors.size(); ++i)
    {
        spec.tensors[i].name = "t" + std::to_string(i);
    }
    OpSpec deconv = op({1, 2, 2});
    deconv.inputs = {0, 2, 3};
    deconv.outputs = {4};
    spec.ops = {Op(tfl::BuiltinOperator_DEQUANTIZE, {1}, {2}), deconv};
    spec.inputs = {0};
    spec.outputs = {4};
    ExpectNear(RunFloat(BuildModel(spec), {{1, 2, 3, 4}}),
               {1.5f, 1.5f, 2.5f, 2.5f, 1.5f, 1.5f, 2.5f, 2.5f, 3.5f, 3.5f, 4.5f, 4.5f, 3.5f, 3.5f, 4.5f, 4.5f});
    // Malformed options: too short, unknown padding.
    EXPECT_THROW(armnnTfLiteParser::ITfLiteParser::Create()->CreateNetworkFromBinary(
                     SingleOpModel(tensors, op({2, 1}))), ParseException);
    EXPECT_THROW(armnnTfLiteParser::ITfLiteParser::Create()->CreateNetworkFromBinary(
                     SingleOpModel(tensors, op({7, 1, 1}))), ParseException);
}

namespace
{

// DENSIFY(sparse constant [2, 4]) + input: the sparse constant's dense value is the output for a zero input.
std::vector<uint8_t> DensifyModel(SparsitySpec sparsity, std::vector<float> values)
{
    ModelSpec spec;
    TensorSpec sparse = F32({2, 4}, std::move(values));
    sparse.sparsity = {std::move(sparsity)};
    spec.tensors = {F32({2, 4}), sparse, F32({2, 4}), F32({2, 4})};
    for (size_t i = 0; i < spec.tensors.size(); ++i)
    {
        spec.tensors[i].name = "t" + std::to_string(i);
    }
    spec.ops = {Op(static_cast<tfl::BuiltinOperator>(124), {1}, {2}), Op(tfl::BuiltinOperator_ADD, {0, 2}, {3})};
    spec.inputs = {0};
    spec.outputs = {3};
    return BuildModel(spec);
}

SparsitySpec::Dim Dense(int32_t size)
{
    SparsitySpec::Dim d;
    d.denseSize = size;
    return d;
}

SparsitySpec::Dim Csr(std::vector<int32_t> segments, std::vector<int32_t> indices)
{
    SparsitySpec::Dim d;
    d.dense = false;
    d.segments = std::move(segments);
    d.indices = std::move(indices);
    return d;
}

} // namespace

TEST(TfLiteParser, DensifySparseConstants)
{
    // CSR: [[1, 0, 0, 2], [0, 0, 3, 0]].
    SparsitySpec csr{{0, 1}, {}, {Dense(2), Csr({0, 2, 3}, {0, 3, 2})}};
    ExpectNear(RunFloat(DensifyModel(csr, {1, 2, 3}), {std::vector<float>(8, 0.0f)}), {1, 0, 0, 2, 0, 0, 3, 0});
    // Blocks of 2 along dimension 1: row 0 keeps block 1, row 1 block 0: [[0, 0, 5, 6], [7, 8, 0, 0]].
    SparsitySpec blocked{{0, 1, 2}, {1}, {Dense(2), Csr({0, 1, 2}, {1, 0}), Dense(2)}};
    ExpectNear(RunFloat(DensifyModel(blocked, {5, 6, 7, 8}), {std::vector<float>(8, 1.0f)}), {1, 1, 6, 7, 8, 9, 1, 1});

    // Malformed metadata is a ParseException, never an out-of-range access.
    auto rejects = [](SparsitySpec sp, std::vector<float> values, const char* what) {
        try
        {
            armnnTfLiteParser::ITfLiteParser::Create()->CreateNetworkFromBinary(DensifyModel(sp, values));
            ADD_FAILURE() << "accepted: " << what;
        }
        catch (const ParseException& e)
        {
            EXPECT_NE(std::string(e.what()).find("sparsity"), std::string::npos) << e.what();
        }
    };
    rejects({{0, 1}, {}, {Dense(2), Csr({0, 2, 3}, {0, 4, 2})}}, {1, 2, 3}, "index out of range");
    rejects({{0, 1}, {}, {Dense(2), Csr({0, 2, 3}, {0, 3, 2})}}, {1, 2}, "too few values");
    rejects({{0, 1}, {}, {Dense(2), Csr({0, 2, 3}, {0, 3, 2})}}, {1, 2, 3, 4}, "too many values");
    rejects({{0, 1}, {}, {Dense(2), Csr({0, 3, 2}, {0, 3, 2})}}, {1, 2, 3}, "decreasing segments");
    rejects({{1, 0}, {}, {Dense(2), Dense(4)}}, std::vector<float>(8), "dense_size against the shape");
    rejects({{0, 0}, {}, {Dense(2), Dense(4)}}, std::vector<float>(8), "traversal order not a permutation");
    rejects({{0, 1, 2}, {1}, {Dense(2), Dense(4), Dense(3)}}, std::vector<float>(8), "block size not dividing");
    rejects({{0, 1}, {}, {Dense(2)}}, std::vector<float>(8), "missing metadata");
}

TEST(TfLiteParser, ArgMaxComparisonAndLogical)
{
    // ArgMax over axis 1 of [[1, 5, 2], [7, 0, 3]] -> [1, 0]; output shape [2].
    auto argmaxModel = SingleOpModel({F32({2, 3}), I32({1}, {1}), I32({2})}, Op(tfl::BuiltinOperator_ARG_MAX, {0, 1}, {2}));
    EXPECT_EQ(FromBytes<int32_t>(RunModel(argmaxModel, {Bytes(std::vector<float>{1, 5, 2, 7, 0, 3})})[0]),
              (std::vector<int32_t>{1, 0}));

    auto less = SingleOpModel({F32({3}), F32({3}), Bool({3})}, Op(tfl::BuiltinOperator_LESS, {0, 1}, {2}));
    EXPECT_EQ(RunModel(less, {Bytes(std::vector<float>{1, 5, 3}), Bytes(std::vector<float>{2, 2, 3})})[0],
              (std::vector<uint8_t>{1, 0, 0}));
    auto logicalAnd = SingleOpModel({Bool({2}), Bool({2}), Bool({2})}, Op(tfl::BuiltinOperator_LOGICAL_AND, {0, 1}, {2}));
    EXPECT_EQ(RunModel(logicalAnd, {{1, 1}, {0, 1}})[0], (std::vector<uint8_t>{0, 1}));
}

TEST(TfLiteParser, ShapeAndFill)
{
    auto shape = SingleOpModel({F32({2, 3}), I32({2})}, Op(tfl::BuiltinOperator_SHAPE, {0}, {1}));
    EXPECT_EQ(FromBytes<int32_t>(RunModel(shape, {Bytes(std::vector<float>(6))})[0]), (std::vector<int32_t>{2, 3}));
    ModelSpec spec;
    spec.tensors = {F32({2}), I32({2}, {1, 2}), F32({}, {7.0f}), F32({1, 2}), F32({1, 2})};
    spec.tensors[0].name = "in";
    spec.ops = {Op(tfl::BuiltinOperator_FILL, {1, 2}, {3}), Op(tfl::BuiltinOperator_ADD, {0, 3}, {4})};
    spec.inputs = {0};
    spec.outputs = {4};
    ExpectNear(RunFloat(BuildModel(spec), {{1, 2}}), {8, 9});
}

TEST(TfLiteParser, NormalizationsAndLogSoftmax)
{
    auto l2 = SingleOpModel({F32({1, 2}), F32({1, 2})}, Op(tfl::BuiltinOperator_L2_NORMALIZATION, {0}, {1}));
    ExpectNear(RunFloat(l2, {{3, 4}}), {0.6f, 0.8f});
    auto lrnOpts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateLocalResponseNormalizationOptions(b, 1, 1.0f, 1.0f, 1.0f).Union();
    };
    auto lrn = SingleOpModel({F32({1, 1, 1, 2}), F32({1, 1, 1, 2})},
                             Op(tfl::BuiltinOperator_LOCAL_RESPONSE_NORMALIZATION, {0}, {1},
                                tfl::BuiltinOptions_LocalResponseNormalizationOptions, lrnOpts));
    // sum of squares over the window = 1 + 4 = 5: y = x / (1 + 5).
    ExpectNear(RunFloat(lrn, {{1, 2}}), {1.0f / 6, 2.0f / 6});
    auto logSoftmax = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_LOG_SOFTMAX, {0}, {1}));
    const float l = std::log(1 + std::exp(1.0f));
    ExpectNear(RunFloat(logSoftmax, {{0, 1}}), {-l, 1 - l});
}

TEST(TfLiteParser, ReduceAndPadVariants)
{
    auto keep = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateReducerOptions(b, false).Union(); };
    for (auto c : {std::make_pair(tfl::BuiltinOperator_SUM, std::vector<float>{3, 7}),
                   std::make_pair(tfl::BuiltinOperator_REDUCE_MAX, std::vector<float>{2, 4}),
                   std::make_pair(tfl::BuiltinOperator_REDUCE_MIN, std::vector<float>{1, 3}),
                   std::make_pair(tfl::BuiltinOperator_REDUCE_PROD, std::vector<float>{2, 12})})
    {
        SCOPED_TRACE(tfl::EnumNameBuiltinOperator(c.first));
        auto model = SingleOpModel({F32({2, 2}), I32({1}, {1}), F32({2})},
                                   Op(c.first, {0, 1}, {2}, tfl::BuiltinOptions_ReducerOptions, keep));
        ExpectNear(RunFloat(model, {{1, 2, 3, 4}}), c.second);
    }
    auto padv2 = SingleOpModel({F32({2}), I32({1, 2}, {1, 1}), F32({}, {-1.0f}), F32({4})},
                               Op(tfl::BuiltinOperator_PADV2, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(padv2, {{5, 6}}), {-1, 5, 6, -1});
    auto mirrorOpts = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreateMirrorPadOptions(b, tfl::MirrorPadMode_REFLECT).Union();
    };
    auto mirror = SingleOpModel({F32({3}), I32({1, 2}, {1, 1}), F32({5})},
                                Op(tfl::BuiltinOperator_MIRROR_PAD, {0, 1}, {2}, tfl::BuiltinOptions_MirrorPadOptions, mirrorOpts));
    ExpectNear(RunFloat(mirror, {{1, 2, 3}}), {2, 1, 2, 3, 2});
}

TEST(TfLiteParser, QuantizeCastAndBatchSpace)
{
    auto quantize = SingleOpModel({F32({3}), Quant(tfl::TensorType_INT8, {3}, 0.5f, 1)},
                                  Op(tfl::BuiltinOperator_QUANTIZE, {0}, {1}));
    EXPECT_EQ(FromBytes<int8_t>(RunModel(quantize, {Bytes(std::vector<float>{0, 1, -2})})[0]),
              (std::vector<int8_t>{1, 3, -3}));
    auto cast = SingleOpModel({F32({2}), I32({2})}, Op(tfl::BuiltinOperator_CAST, {0}, {1}));
    EXPECT_EQ(FromBytes<int32_t>(RunModel(cast, {Bytes(std::vector<float>{3.7f, -2.2f})})[0]),
              (std::vector<int32_t>{3, -2}));
    auto s2b = SingleOpModel({F32({1, 2, 2, 1}), I32({2}, {2, 2}), I32({2, 2}, {0, 0, 0, 0}), F32({4, 1, 1, 1})},
                             Op(tfl::BuiltinOperator_SPACE_TO_BATCH_ND, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(s2b, {{1, 2, 3, 4}}), {1, 2, 3, 4});
    auto b2s = SingleOpModel({F32({4, 1, 1, 1}), I32({2}, {2, 2}), I32({2, 2}, {0, 0, 0, 0}), F32({1, 2, 2, 1})},
                             Op(tfl::BuiltinOperator_BATCH_TO_SPACE_ND, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(b2s, {{1, 2, 3, 4}}), {1, 2, 3, 4});
}

TEST(TfLiteParser, GeluExactAndApproximateRejected)
{
    auto exact = SingleOpModel({F32({2}), F32({2})}, Op(tfl::BuiltinOperator_GELU, {0}, {1}));
    ExpectNear(RunFloat(exact, {{0, 1}}), {0, 0.5f * (1 + std::erf(1 / std::sqrt(2.0f)))});
    auto opts = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateGeluOptions(b, true).Union(); };
    auto approx = SingleOpModel({F32({2}), F32({2})},
                                Op(tfl::BuiltinOperator_GELU, {0}, {1}, tfl::BuiltinOptions_GeluOptions, opts));
    ExpectParseError(approx, {"operator 0 (GELU)", "approximate"});
}

TEST(TfLiteParser, GatherNdAndScatterNd)
{
    // Rows (1, 0) and (0, 1) of [[1, 2], [3, 4]].
    auto gather = SingleOpModel({F32({2, 2}), I32({2, 2}, {1, 0, 0, 1}), F32({2})},
                                Op(tfl::BuiltinOperator_GATHER_ND, {0, 1}, {2}));
    ExpectNear(RunFloat(gather, {{1, 2, 3, 4}}), {3, 2});
    // Updates 1, 2, 3 at 0, 2, 0 of zeros [3]: TFLite adds repeated indices, 1 + 3 = 4.
    auto scatter = SingleOpModel({I32({3, 1}, {0, 2, 0}), F32({3}), I32({1}, {3}), F32({3})},
                                 Op(tfl::BuiltinOperator_SCATTER_ND, {0, 1, 2}, {3}));
    ExpectNear(RunFloat(scatter, {{1, 2, 3}}), {4, 0, 2});
}

TEST(TfLiteParser, ScatterNdNeedsConstantShapeAndGatherNdIntegerIndices)
{
    auto scatter = SingleOpModel({I32({1, 1}, {0}), F32({1}), I32({1}), F32({3})},
                                 Op(tfl::BuiltinOperator_SCATTER_ND, {0, 1, 2}, {3}));
    ExpectParseError(scatter, {"operator 0 (SCATTER_ND)", "shape", "must be a constant tensor"});
    auto gather = SingleOpModel({F32({2, 2}), F32({1, 2}, {1, 0}), F32({1})},
                                Op(tfl::BuiltinOperator_GATHER_ND, {0, 1}, {2}));
    ExpectParseError(gather, {"operator 0 (GATHER_ND)", "indices", "must be INT32"});
    auto arity = SingleOpModel({F32({2, 2}), F32({2})}, Op(tfl::BuiltinOperator_GATHER_ND, {0}, {1}));
    ExpectParseError(arity, {"operator 0 (GATHER_ND)", "has 1 inputs, expected 2"});
}

TEST(TfLiteParser, BroadcastToReverseV2AndSquare)
{
    auto broadcast = SingleOpModel({F32({2}), I32({2}, {2, 2}), F32({2, 2})},
                                   Op(tfl::BuiltinOperator_BROADCAST_TO, {0, 1}, {2}));
    ExpectNear(RunFloat(broadcast, {{1, 2}}), {1, 2, 1, 2});
    auto reverse = SingleOpModel({F32({2, 2}), I32({1}, {1}), F32({2, 2})},
                                 Op(tfl::BuiltinOperator_REVERSE_V2, {0, 1}, {2}));
    ExpectNear(RunFloat(reverse, {{1, 2, 3, 4}}), {2, 1, 4, 3});
    auto square = SingleOpModel({F32({3}), F32({3})}, Op(tfl::BuiltinOperator_SQUARE, {0}, {1}));
    ExpectNear(RunFloat(square, {{-2, 0.5f, 3}}), {4, 0.25f, 9});
}

TEST(TfLiteParser, DetectionPostProcessCustomOperator)
{
    flexbuffers::Builder fbx;
    fbx.Map([&]() {
        fbx.Int("max_detections", 1);
        fbx.Int("max_classes_per_detection", 1);
        fbx.Int("detections_per_class", 1);
        fbx.Float("nms_score_threshold", 0.0f);
        fbx.Float("nms_iou_threshold", 0.5f);
        fbx.Int("num_classes", 1);
        fbx.Bool("use_regular_nms", false);
        fbx.Float("y_scale", 10.0f);
        fbx.Float("x_scale", 10.0f);
        fbx.Float("h_scale", 5.0f);
        fbx.Float("w_scale", 5.0f);
    });
    fbx.Finish();
    OpSpec op;
    op.builtinCode = tfl::BuiltinOperator_CUSTOM;
    op.customCode = "TFLite_Detection_PostProcess";
    op.inputs = {0, 1, 2};
    op.outputs = {3, 4, 5, 6};
    op.customOptions = fbx.GetBuffer();
    // One anchor at (0.5, 0.5) of size 1x1, zero box encoding: the box is the anchor.
    auto model = SingleOpModel({F32({1, 1, 4}), F32({1, 1, 2}), F32({1, 4}, {0.5f, 0.5f, 1.0f, 1.0f}), F32({1, 1, 4}),
                                F32({1, 1}), F32({1, 1}), F32({1})},
                               op);
    auto out = RunModel(model, {Bytes(std::vector<float>{0, 0, 0, 0}), Bytes(std::vector<float>{0.1f, 0.9f})});
    ExpectNear(FromBytes<float>(out[0]), {0, 0, 1, 1});
    ExpectNear(FromBytes<float>(out[2]), {0.9f});
    ExpectNear(FromBytes<float>(out[3]), {1});
}

TEST(TfLiteParserMalformed, RandomByteMutationsNeverCrash)
{
    // A conv + pool + reshape + softmax model; each mutation flips bytes and must parse or give an armnn exception.
    ModelSpec spec;
    spec.tensors = {F32({1, 4, 4, 1}), F32({2, 3, 3, 1}, std::vector<float>(18, 0.5f)), F32({2}, {1, 2}),
                    F32({1, 4, 4, 2}), F32({1, 2, 2, 2}), I32({2}, {1, 8}), F32({1, 8}), F32({1, 8})};
    for (size_t i = 0; i < spec.tensors.size(); ++i)
    {
        spec.tensors[i].name = "t" + std::to_string(i);
    }
    auto pool = [](flatbuffers::FlatBufferBuilder& b) {
        return tfl::CreatePool2DOptions(b, tfl::Padding_VALID, 2, 2, 2, 2).Union();
    };
    auto softmax = [](flatbuffers::FlatBufferBuilder& b) { return tfl::CreateSoftmaxOptions(b, 1.0f).Union(); };
    spec.ops = {Op(tfl::BuiltinOperator_CONV_2D, {0, 1, 2}, {3}, tfl::BuiltinOptions_Conv2DOptions,
                   Conv2DOpts(tfl::Padding_SAME, 1, tfl::ActivationFunctionType_RELU6)),
                Op(tfl::BuiltinOperator_MAX_POOL_2D, {3}, {4}, tfl::BuiltinOptions_Pool2DOptions, pool),
                Op(tfl::BuiltinOperator_RESHAPE, {4, 5}, {6}),
                Op(tfl::BuiltinOperator_SOFTMAX, {6}, {7}, tfl::BuiltinOptions_SoftmaxOptions, softmax)};
    spec.inputs = {0};
    spec.outputs = {7};
    const std::vector<uint8_t> original = BuildModel(spec);
    RunFloat(original, {std::vector<float>(16, 1.0f)}); // the unmutated model is valid

    uint32_t state = 12345u;
    auto next = [&]() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    size_t parsed = 0, rejected = 0;
    for (int iteration = 0; iteration < 3000; ++iteration)
    {
        std::vector<uint8_t> model = original;
        const uint32_t flips = 1 + next() % 4;
        for (uint32_t f = 0; f < flips; ++f)
        {
            model[next() % model.size()] = static_cast<uint8_t>(next());
        }
        if (iteration % 10 == 0)
        {
            model.resize(next() % model.size()); // truncations too
        }
        auto parser = armnnTfLiteParser::ITfLiteParser::Create();
        try
        {
            parser->CreateNetworkFromBinary(model);
            ++parsed;
        }
        catch (const armnn::Exception&)
        {
            ++rejected;
        }
    }
    EXPECT_GT(rejected, 0u);
    EXPECT_EQ(parsed + rejected, 3000u);
}

TEST(TfLiteParserMalformed, FuzzerFindingsStayFixed)
{
    // Each file in parsers/tflite/fuzz/regressions once made the fuzzer report a bug (see its README.md). Parsing,
    // optimizing and loading must succeed or throw an armnn exception; the sanitizer build checks the rest.
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(ARMNN_TFLITE_FUZZ_REGRESSIONS))
    {
        if (entry.path().extension() != ".tflite")
        {
            continue;
        }
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        const std::vector<uint8_t> model((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        SCOPED_TRACE(entry.path().filename().string());
        try
        {
            auto parser = armnnTfLiteParser::ITfLiteParser::Create();
            armnn::INetworkPtr network = parser->CreateNetworkFromBinary(model);
            armnn::IRuntimePtr runtime = armnn::IRuntime::Create(armnn::IRuntime::CreationOptions());
            armnn::IOptimizedNetworkPtr optimized = armnn::Optimize(
                *network, {armnn::BackendId("CpuRef")}, runtime->GetDeviceSpec(), armnn::OptimizerOptionsOpaque());
            armnn::NetworkId id = 0;
            std::string error;
            runtime->LoadNetwork(id, std::move(optimized), error);
        }
        catch (const armnn::Exception&)
        {
        }
    }
    EXPECT_GT(files, 0u);
}

//
// CpuAcc's 8-bit table layers (Activation, Quantize 8 -> 8, Dequantize) and 8-bit Mean against CpuRef, on the
// AVX-512 path (where the CPU has it: VBMI for the byte tables) and on the scalar path
// (ARMNN_CPUACC_DISABLE_AVX512). Lengths around the 64-byte vector (1, 63, 64, 65, 1007) and one large enough to
// be split over threads; inputs cycle through all 256 stored values. Outputs must be identical byte for byte,
// Dequantize's floats included.
//
#include "ChainRunner.hpp"
#include "LayerTestUtils.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

using namespace armnn;
using namespace armnn::test;

namespace
{

/// 65613 elements: at least 64k (CpuAcc's bound for more than one thread) and 2 x 32768 (the table kernels' bound
/// per thread), not a multiple of 64.
const std::vector<unsigned> kLengths = {1, 63, 64, 65, 1007, 65613};

/// `length` stored values cycling through all 256 (from `start`), as a [1, length] tensor.
TestTensor Bytes(unsigned length, DataType type, float scale, int32_t offset, unsigned start)
{
    std::vector<uint8_t> data(length);
    for (unsigned i = 0; i < length; ++i)
    {
        data[i] = static_cast<uint8_t>(start + i * 7);
    }
    return TestTensor::Of<uint8_t>(TensorInfo({1, length}, type, scale, offset), data);
}

/// Runs the layer on CpuAcc (which must take it) and CpuRef; the output bytes must be identical.
void ExpectIdentical(const AddLayerFn& addLayer, const TestTensor& input, const TensorInfo& output)
{
    std::string unsupported;
    const auto acc = TryRunLayer("CpuAcc", addLayer, {input}, {output}, unsupported);
    ASSERT_TRUE(acc.has_value()) << "CpuAcc does not take the layer: " << unsupported;
    const auto ref = TryRunLayer("CpuRef", addLayer, {input}, {output}, unsupported);
    ASSERT_TRUE(ref.has_value()) << unsupported;
    const std::vector<uint8_t>& a = (*acc)[0].m_Data;
    const std::vector<uint8_t>& r = (*ref)[0].m_Data;
    ASSERT_EQ(a.size(), r.size());
    const size_t elementSize = GetDataTypeSize(output.GetDataType());
    for (size_t i = 0; i < a.size(); i += elementSize)
    {
        ASSERT_TRUE(std::equal(a.begin() + i, a.begin() + i + elementSize, r.begin() + i))
            << "element " << i / elementSize << " (input byte " << int(input.m_Data[i / elementSize]) << ")";
    }
}

AddLayerFn ActivationLayer(ActivationFunction function)
{
    return [function](INetwork& net) {
        ActivationDescriptor desc;
        desc.m_Function = function;
        desc.m_A = 1.0f;
        desc.m_B = 1.0f;
        return net.AddActivationLayer(desc, "activation");
    };
}

class CpuAccLookup : public ::testing::TestWithParam<bool>
{};

std::string PathName(const ::testing::TestParamInfo<bool>& info)
{
    return info.param ? "Scalar" : "Avx512";
}

TEST_P(CpuAccLookup, ActivationTables)
{
    const Avx512Disabled avx512(GetParam());
    struct Case
    {
        ActivationFunction m_Function;
        DataType m_Type;
        float m_InScale;
        int32_t m_InOffset;
        float m_OutScale;
        int32_t m_OutOffset;
    };
    const std::vector<Case> cases = {
        {ActivationFunction::Sigmoid, DataType::QAsymmS8, 0.08f, 5, 1.0f / 256, -128}, // SSD's logistic
        {ActivationFunction::Sigmoid, DataType::QAsymmU8, 0.1f, 128, 1.0f / 256, 0},
        {ActivationFunction::TanH, DataType::QAsymmS8, 0.03f, -10, 1.0f / 128, 0},
        {ActivationFunction::HardSwish, DataType::QAsymmU8, 0.1f, 120, 0.07f, 20}, // CpuRef's integer form
    };
    unsigned start = 0;
    for (const Case& c : cases)
    {
        for (unsigned length : kLengths)
        {
            SCOPED_TRACE("function " + std::to_string(static_cast<int>(c.m_Function)) + ", " +
                         GetDataTypeName(c.m_Type) + ", length " + std::to_string(length));
            const TestTensor input = Bytes(length, c.m_Type, c.m_InScale, c.m_InOffset, start += 37);
            ExpectIdentical(ActivationLayer(c.m_Function), input,
                            TensorInfo({1, length}, c.m_Type, c.m_OutScale, c.m_OutOffset));
        }
    }
}

TEST_P(CpuAccLookup, QuantizeBetween8BitTypes)
{
    const Avx512Disabled avx512(GetParam());
    const auto quantize = [](INetwork& net) { return net.AddQuantizeLayer("quantize"); };
    for (unsigned length : kLengths)
    {
        SCOPED_TRACE("length " + std::to_string(length));
        ExpectIdentical(quantize, Bytes(length, DataType::QAsymmU8, 0.02f, 128, 3),
                        TensorInfo({1, length}, DataType::QAsymmS8, 0.02f, 0));
        ExpectIdentical(quantize, Bytes(length, DataType::QAsymmS8, 0.03f, -5, 200),
                        TensorInfo({1, length}, DataType::QAsymmU8, 0.07f, 100));
    }
}

TEST_P(CpuAccLookup, DequantizeIsBitIdentical)
{
    const Avx512Disabled avx512(GetParam());
    const auto dequantize = [](INetwork& net) { return net.AddDequantizeLayer("dequantize"); };
    struct Case
    {
        DataType m_Type;
        float m_Scale;
        int32_t m_Offset;
    };
    // Scales whose products round (not powers of two), SSD's box and class scales, extreme zero points.
    const std::vector<Case> cases = {
        {DataType::QAsymmS8, 0.0372f, -5}, {DataType::QAsymmS8, 0.00390625f, -128}, {DataType::QAsymmS8, 1.7e-3f, 127},
        {DataType::QAsymmU8, 0.1f, 128},   {DataType::QAsymmU8, 3.3e4f, 0},          {DataType::QAsymmU8, 7e-7f, 255},
    };
    unsigned start = 0;
    for (const Case& c : cases)
    {
        for (unsigned length : kLengths)
        {
            SCOPED_TRACE(std::string(GetDataTypeName(c.m_Type)) + " scale " + std::to_string(c.m_Scale) +
                         ", length " + std::to_string(length));
            ExpectIdentical(dequantize, Bytes(length, c.m_Type, c.m_Scale, c.m_Offset, start += 91),
                            TensorInfo({1, length}, DataType::Float32));
        }
    }
}

// 8-bit Mean over adjacent axes: channel counts around the 16-lane vector and the 64-channel pass (1, 15, 16, 17,
// 100, 520, MobileNet v2's 1280, 1283), 300 reduced rows, a last-axis mean (one channel), random stored values.
TEST_P(CpuAccLookup, Mean)
{
    const Avx512Disabled avx512(GetParam());
    struct Case
    {
        DataType m_Type;
        TensorShape m_Input;
        std::vector<unsigned> m_Axes;
        TensorShape m_Output;
    };
    const DataType s8 = DataType::QAsymmS8;
    const DataType u8 = DataType::QAsymmU8;
    const std::vector<Case> cases = {
        {s8, {1, 3, 3, 1280}, {1, 2}, {1, 1, 1, 1280}}, {u8, {1, 3, 3, 1280}, {1, 2}, {1, 1, 1, 1280}},
        {s8, {2, 7, 7, 1283}, {1, 2}, {2, 1, 1, 1283}}, {u8, {1, 2, 5, 17}, {1, 2}, {1, 1, 1, 17}},
        {s8, {1, 4, 4, 16}, {1, 2}, {1, 1, 1, 16}},     {u8, {3, 5, 15}, {1}, {3, 1, 15}},
        {s8, {1, 3, 2, 100}, {1, 2}, {1, 1, 1, 100}},   {u8, {2, 300, 1, 520}, {1}, {2, 1, 1, 520}},
        {s8, {1, 9, 1}, {1}, {1, 1, 1}},                {u8, {2, 3, 40}, {2}, {2, 3, 1}},
    };
    std::mt19937 generator(5);
    std::uniform_int_distribution<int> bytes(0, 255);
    for (const Case& c : cases)
    {
        SCOPED_TRACE(std::string(GetDataTypeName(c.m_Type)) + " " + std::to_string(c.m_Input.GetNumElements()));
        const bool isU8 = c.m_Type == u8;
        const TensorInfo inputInfo(c.m_Input, c.m_Type, 0.07f, isU8 ? 131 : -9);
        std::vector<uint8_t> data(inputInfo.GetNumElements());
        std::generate(data.begin(), data.end(), [&] { return static_cast<uint8_t>(bytes(generator)); });
        MeanDescriptor desc;
        desc.m_Axis = c.m_Axes;
        desc.m_KeepDims = true;
        ExpectIdentical([desc](INetwork& net) { return net.AddMeanLayer(desc); },
                        TestTensor::Of<uint8_t>(inputInfo, data), TensorInfo(c.m_Output, c.m_Type, 0.03f, isU8 ? 120 : 5));
    }
}

INSTANTIATE_TEST_SUITE_P(Paths, CpuAccLookup, ::testing::Values(false, true), PathName);

} // namespace

//
// The shared per-layer test suite's harness. A test builds one layer with given inputs, runs it on the backend
// under test (the test parameter), and compares the outputs with hand-computed or peer-computed values.
// Every backend's test binary instantiates the suite: INSTANTIATE_TEST_SUITE_P(Name, LayerTest, Values("Id")).
//
#pragma once

#include <armnn/ArmNN.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace armnn
{
namespace test
{

/// A tensor with its data, for test inputs and outputs.
struct TestTensor
{
    TensorInfo m_Info;
    std::vector<uint8_t> m_Data;
    /// Inputs only: connect through a Constant layer instead of an Input layer.
    bool m_Constant = false;

    static TestTensor Float(const TensorShape& shape, const std::vector<float>& values, bool constant = false);
    /// Quantizes `realValues` with the given parameters.
    static TestTensor Quantized(const TensorShape& shape, DataType type, float scale, int32_t offset,
                                const std::vector<float>& realValues, bool constant = false);
    /// Raw typed values, e.g. Of<int32_t>(info, {...}).
    template <typename T>
    static TestTensor Of(const TensorInfo& info, const std::vector<T>& values, bool constant = false)
    {
        TestTensor t;
        t.m_Info = info;
        t.m_Constant = constant;
        if (values.size() != info.GetNumElements() || sizeof(T) != GetDataTypeSize(info.GetDataType()))
        {
            throw InvalidArgumentException("TestTensor::Of: values do not match the tensor info");
        }
        t.m_Data.resize(info.GetNumBytes());
        std::memcpy(t.m_Data.data(), values.data(), t.m_Data.size());
        return t;
    }

    /// Decoded (dequantized) values.
    std::vector<float> AsFloat() const;

    template <typename T>
    std::vector<T> As() const
    {
        std::vector<T> values(m_Data.size() / sizeof(T));
        std::memcpy(values.data(), m_Data.data(), values.size() * sizeof(T));
        return values;
    }
};

using AddLayerFn = std::function<IConnectableLayer*(INetwork& network)>;

/// Builds Input/Constant -> layer -> Output, optimizes it for {backend} only, runs it once and returns the outputs.
/// Returns nullopt (with the reason in `unsupported`) when the backend does not support the layer.
/// Other failures (validation, loading, execution) throw.
std::optional<std::vector<TestTensor>> TryRunLayer(const BackendId& backend, const AddLayerFn& addLayer,
                                                   const std::vector<TestTensor>& inputs,
                                                   const std::vector<TensorInfo>& outputInfos,
                                                   std::string& unsupported);

/// The runtime shared by the tests of one binary (plugins loaded once).
IRuntime& SharedRuntime();

/// gtest assertion: element-wise |actual - expected| <= atol + rtol * |expected|.
::testing::AssertionResult AllClose(const std::vector<float>& actual, const std::vector<float>& expected,
                                    float rtol = 1e-5f, float atol = 1e-6f);

/// The per-layer suite's fixture: GetParam() is the backend id.
class LayerTest : public ::testing::TestWithParam<std::string>
{
protected:
    BackendId Backend() const { return BackendId(GetParam()); }
};

} // namespace test
} // namespace armnn

/// Runs a layer on the fixture's backend into `var` (std::vector<TestTensor>), or skips the test when the
/// backend does not support it.
/// Usage: ARMNN_RUN_LAYER(out, addLayer, {inputs...}, {outputInfos...});
#define ARMNN_RUN_LAYER(var, ...) \
    std::string var##_unsupported; \
    auto var##_result = ::armnn::test::TryRunLayer(Backend(), __VA_ARGS__, var##_unsupported); \
    if (!var##_result) \
    { \
        GTEST_SKIP() << var##_unsupported; \
    } \
    const std::vector<::armnn::test::TestTensor>& var = *var##_result

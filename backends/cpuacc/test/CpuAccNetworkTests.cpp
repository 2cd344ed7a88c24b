//
// Whole networks (the generated .tflite test models, tests/models/generate_models.py) through {CpuAcc, CpuRef}
// against CpuRef alone on the same input: the outputs of int8 models must be identical, Float32 outputs within
// max |CpuAcc - CpuRef| <= 1e-5 x max |CpuRef|, the per-layer bound (observed: below 1e-6 on all three).
// Skipped when the model cache has no such model.
//
#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace
{

std::filesystem::path ModelCache()
{
    if (const char* dir = std::getenv("ARMNN_TEST_MODELS"))
    {
        return dir;
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : "/") / ".cache" / "armnn-test-models";
}

struct Outcome
{
    std::vector<std::vector<uint8_t>> m_Outputs;
    std::vector<armnn::TensorInfo> m_Infos;
    unsigned m_CpuAccLayers = 0;
};

Outcome RunModel(const std::string& path, const std::vector<armnn::BackendId>& backends)
{
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    armnn::INetworkPtr network = parser->CreateNetworkFromBinaryFile(path.c_str());
    armnn::IRuntime::CreationOptions options;
    static armnn::IRuntimePtr runtime = armnn::IRuntime::Create(options);
    armnn::IOptimizedNetworkPtr optimized = armnn::Optimize(*network, backends, runtime->GetDeviceSpec());
    Outcome outcome;
    std::stringstream dot;
    optimized->SerializeToDot(dot);
    for (std::string line; std::getline(dot, line);)
    {
        outcome.m_CpuAccLayers += line.find("BackendID: CpuAcc") != std::string::npos ? 1 : 0;
    }
    armnn::NetworkId id = 0;
    std::string error;
    EXPECT_EQ(runtime->LoadNetwork(id, std::move(optimized), error,
                                   armnn::INetworkProperties(false, armnn::MemorySource::Undefined,
                                                             armnn::MemorySource::Undefined)),
              armnn::Status::Success)
        << error;

    // The same pseudo-random bytes for both runs: any value is a valid quantized input; floats in [-1, 1).
    armnn::InputTensors inputs;
    std::vector<std::vector<uint8_t>> inputData;
    std::mt19937 generator(7);
    for (const std::string& name : parser->GetSubgraphInputTensorNames(0))
    {
        armnn::BindingPointInfo binding = parser->GetNetworkInputBindingInfo(0, name);
        inputData.emplace_back(binding.second.GetNumBytes());
        if (binding.second.GetDataType() == armnn::DataType::Float32)
        {
            std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
            auto* values = reinterpret_cast<float*>(inputData.back().data());
            std::generate(values, values + binding.second.GetNumElements(), [&] { return uniform(generator); });
        }
        else
        {
            std::generate(inputData.back().begin(), inputData.back().end(),
                          [&] { return static_cast<uint8_t>(generator()); });
        }
        binding.second.SetConstant(true);
        inputs.emplace_back(binding.first, armnn::ConstTensor(binding.second, inputData.back().data()));
    }
    armnn::OutputTensors outputs;
    for (const std::string& name : parser->GetSubgraphOutputTensorNames(0))
    {
        const armnn::BindingPointInfo binding = parser->GetNetworkOutputBindingInfo(0, name);
        outcome.m_Outputs.emplace_back(binding.second.GetNumBytes());
        outcome.m_Infos.push_back(binding.second);
    }
    for (size_t i = 0; i < outcome.m_Outputs.size(); ++i)
    {
        const auto binding = parser->GetNetworkOutputBindingInfo(0, parser->GetSubgraphOutputTensorNames(0)[i]);
        outputs.emplace_back(binding.first, armnn::Tensor(binding.second, outcome.m_Outputs[i].data()));
    }
    EXPECT_EQ(runtime->EnqueueWorkload(id, inputs, outputs), armnn::Status::Success);
    runtime->UnloadNetwork(id);
    return outcome;
}

class CpuAccNetwork : public ::testing::TestWithParam<std::string>
{};

TEST_P(CpuAccNetwork, MatchesCpuRef)
{
    const std::filesystem::path path = ModelCache() / (GetParam() + ".tflite");
    if (!std::filesystem::exists(path))
    {
        GTEST_SKIP() << path << " is missing (tests/models/generate_models.py)";
    }
#if defined(ARMNN_SANITIZED_BUILD)
    if (GetParam().rfind("mobilenet", 0) != 0)
    {
        GTEST_SKIP() << "too slow on CpuRef under the sanitizers; run in the ordinary build";
    }
#endif
    const Outcome ref = RunModel(path.string(), {"CpuRef"});
    const Outcome acc = RunModel(path.string(), {"CpuAcc", "CpuRef"});
    EXPECT_GT(acc.m_CpuAccLayers, 10u) << "the network should run mostly on CpuAcc";
    ASSERT_EQ(ref.m_Outputs.size(), acc.m_Outputs.size());
    for (size_t o = 0; o < ref.m_Outputs.size(); ++o)
    {
        // An int8 model's outputs are identical even where they are Float32 (SSD's detection post-processing
        // reads identical 8-bit inputs on CpuRef in both runs).
        if (ref.m_Infos[o].GetDataType() != armnn::DataType::Float32 || GetParam().find(".int8") != std::string::npos)
        {
            EXPECT_EQ(acc.m_Outputs[o], ref.m_Outputs[o]) << "output " << o << " differs";
            std::cout << "    output " << o << ": identical, " << acc.m_CpuAccLayers << " layers on CpuAcc\n";
            continue;
        }
        const auto* r = reinterpret_cast<const float*>(ref.m_Outputs[o].data());
        const auto* a = reinterpret_cast<const float*>(acc.m_Outputs[o].data());
        const size_t count = ref.m_Infos[o].GetNumElements();
        float maxRef = 0.0f;
        float maxDiff = 0.0f;
        for (size_t i = 0; i < count; ++i)
        {
            maxRef = std::max(maxRef, std::fabs(r[i]));
            maxDiff = std::max(maxDiff, std::fabs(a[i] - r[i]));
        }
        EXPECT_LE(maxDiff, 1e-5f * maxRef) << "output " << o << ": max |diff| " << maxDiff << ", max |ref| " << maxRef;
        std::cout << "    output " << o << ": max |CpuAcc - CpuRef| = " << maxDiff << " (" << maxDiff / maxRef
                  << " of max |CpuRef|), " << acc.m_CpuAccLayers << " layers on CpuAcc\n";
    }
}

INSTANTIATE_TEST_SUITE_P(Generated, CpuAccNetwork,
                         ::testing::Values("mobilenet_v1_0.25_128.int8", "mobilenet_v2_0.35_96.int8",
                                           "resnet50_128.int8", "ssd_mobilenet_v2.int8", "mobilenet_v1_0.25_128.fp32",
                                           "mobilenet_v2_0.35_96.fp32", "resnet50_128.fp32"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
                             return name;
                         });

} // namespace

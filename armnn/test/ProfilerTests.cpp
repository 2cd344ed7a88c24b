//
// The profiler: Arm NN's JSON layout, one event per workload with its layer and backend, one measurement per
// inference; the Chrome trace.
//
#include "ProfilerImpl.hpp"
#include "TestNetworks.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

using namespace armnn;
using namespace armnn::test;


TEST(Profiler, JsonHasOneEventPerWorkloadAndOneMeasurementPerInference)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = MakeMlpNetwork();
    NetworkId id;
    std::string error;
    INetworkProperties properties(false, MemorySource::Undefined, MemorySource::Undefined, true);
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()), error, properties),
              Status::Success);
    const std::vector<float> input(16, 0.5f);
    for (int i = 0; i < 3; ++i)
    {
        RunOnce(*runtime, id, input);
    }
    std::shared_ptr<IProfiler> profiler = runtime->GetProfiler(id);
    ASSERT_TRUE(profiler);
    EXPECT_TRUE(profiler->IsProfilingEnabled());
    std::ostringstream json;
    profiler->Print(json);
    const std::string text = json.str();

    EXPECT_EQ(text.find("{\n    \"ArmNN\": {"), 0u) << text;
    EXPECT_EQ(Count(text, "\"inference_measurements_#"), 1u);
    // fc1 (the relu is fused into it), fc2, softmax: one event each, named after backend and layer type.
    EXPECT_EQ(Count(text, "Workload_Execute_#"), 3u) << text;
    EXPECT_EQ(Count(text, "\"CpuRefFullyConnectedWorkload_Execute_#"), 2u);
    EXPECT_NE(text.find("\"layer_name\": \"softmax\""), std::string::npos);
    EXPECT_EQ(Count(text, "\"backend\": \"CpuRef\""), 3u);
    // Four "Wall clock time" measurements (the inference and three workloads), each with three raw values in us.
    EXPECT_EQ(Count(text, "\"Wall clock time_#"), 4u);
    EXPECT_EQ(Count(text, "\"unit\": \"us\""), 4u);
    const std::regex threeValues("\"raw\": \\[[0-9.]+, [0-9.]+, [0-9.]+\\]");
    EXPECT_EQ(std::distance(std::sregex_iterator(text.begin(), text.end(), threeValues), std::sregex_iterator()), 4)
        << text;

    std::ostringstream trace;
    profiler->GetImpl().WriteChromeTrace(trace);
    EXPECT_EQ(Count(trace.str(), "\"ph\": \"X\""), 3u + 3u * 3u);
}

TEST(Profiler, OffByDefaultRecordsNothing)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = MakeMlpNetwork();
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec())), Status::Success);
    RunOnce(*runtime, id, std::vector<float>(16, 0.5f));
    EXPECT_FALSE(runtime->GetProfiler(id)->IsProfilingEnabled());
    EXPECT_EQ(runtime->GetProfiler(id)->GetImpl().GetNumInferences(), 0u);
}

TEST(Profiler, EnabledThroughOptimizerOptions)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = MakeMlpNetwork();
    OptimizerOptionsOpaque options;
    options.SetProfilingEnabled(true);
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), options)),
              Status::Success);
    RunOnce(*runtime, id, std::vector<float>(16, 0.5f));
    EXPECT_EQ(runtime->GetProfiler(id)->GetImpl().GetNumInferences(), 1u);
}

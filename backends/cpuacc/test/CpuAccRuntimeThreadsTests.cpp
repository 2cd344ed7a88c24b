//
// NumberOfThreads given to IRuntime::Create is that runtime's own: two runtimes of one process with different
// counts each run their CpuAcc workloads with their count, also when both execute at once, and a network's model
// option overrides its runtime's. The count in force is read through the plugin's test hook
// CpuAccThreadsInLastScope (the calling thread's OpenMP thread count inside the last CpuAcc workload).
//
#include "ChainRunner.hpp"

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <link.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>

using namespace armnn;
using namespace armnn::test;

namespace
{

using ThreadsHook = int (*)();

/// The hook of the CpuAcc plugin the runtimes loaded; null when it is not loaded.
ThreadsHook FindThreadsHook()
{
    std::string path;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            if (info->dlpi_name != nullptr && std::strstr(info->dlpi_name, "Arm_CpuAcc_backend") != nullptr)
            {
                *static_cast<std::string*>(data) = info->dlpi_name;
                return 1;
            }
            return 0;
        },
        &path);
    if (path.empty())
    {
        return nullptr;
    }
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (handle == nullptr)
    {
        return nullptr;
    }
    auto hook = reinterpret_cast<ThreadsHook>(dlsym(handle, "CpuAccThreadsInLastScope"));
    dlclose(handle); // drops the reference NOLOAD took; the runtimes keep the plugin loaded
    return hook;
}

IRuntimePtr RuntimeWithThreads(unsigned threads)
{
    IRuntime::CreationOptions options;
    options.m_BackendOptions.emplace_back("CpuAcc", std::initializer_list<BackendOptions::BackendOption>{
                                                        {"NumberOfThreads", threads}});
    return IRuntime::Create(options);
}

const TensorInfo kInput({1, 12, 12, 8}, DataType::Float32);
const std::vector<float> kWeights = RandomValues(16 * 3 * 3 * 8, 2);

IConnectableLayer* Conv(INetwork& net, IOutputSlot& input)
{
    Convolution2dDescriptor conv;
    conv.m_PadTop = conv.m_PadLeft = conv.m_PadBottom = conv.m_PadRight = 1;
    conv.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* c = net.AddConvolution2dLayer(conv, "conv");
    input.Connect(c->GetInputSlot(0));
    ConnectConstant(net, *c, 1, TensorShape({16, 3, 3, 8}), kWeights);
    c->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 12, 12, 16}, DataType::Float32));
    return c;
}

void ExpectClose(const std::vector<float>& actual, const std::vector<float>& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
    {
        ASSERT_NEAR(actual[i], expected[i], 1e-5f * (1.0f + std::fabs(expected[i]))) << "element " << i;
    }
}

TEST(CpuAccRuntimeThreads, EachRuntimeUsesItsOwnCount)
{
    // 1 and 3: neither is OpenMP's default on a machine of 2 cores, nor the other's count.
    IRuntimePtr one = RuntimeWithThreads(1);
    IRuntimePtr three = RuntimeWithThreads(3);
    const LoadedChain a("CpuAcc", kInput, Conv, {}, one.get());
    const LoadedChain b("CpuAcc", kInput, Conv, {}, three.get());
    // The network's model option wins over its runtime's.
    const LoadedChain c("CpuAcc", kInput, Conv, {BackendOptions("CpuAcc", {{"NumberOfThreads", 2u}})}, three.get());
    const ThreadsHook threadsInLastScope = FindThreadsHook();
    ASSERT_NE(threadsInLastScope, nullptr) << "the CpuAcc plugin or its test hook was not found";

    const std::vector<float> input = RandomValues(kInput.GetNumElements(), 1);
    const LoadedChain ref("CpuRef", kInput, Conv);
    const std::vector<float> expected = ref.Run(input);

    ExpectClose(a.Run(input), expected);
    EXPECT_EQ(threadsInLastScope(), 1);
    ExpectClose(b.Run(input), expected);
    EXPECT_EQ(threadsInLastScope(), 3);
    ExpectClose(c.Run(input), expected);
    EXPECT_EQ(threadsInLastScope(), 2);
    ExpectClose(a.Run(input), expected); // loading b and c changed nothing for a
    EXPECT_EQ(threadsInLastScope(), 1);

    // Both runtimes at once, each from its own thread.
    std::atomic<int> wrongCount{0};
    std::atomic<int> wrongResult{0};
    const auto loop = [&](const LoadedChain& chain, int count) {
        for (int run = 0; run < 20; ++run)
        {
            const std::vector<float> out = chain.Run(input);
            wrongCount += threadsInLastScope() != count;
            for (size_t i = 0; i < out.size(); ++i)
            {
                if (!(std::fabs(out[i] - expected[i]) <= 1e-5f * (1.0f + std::fabs(expected[i]))))
                {
                    ++wrongResult;
                    break;
                }
            }
        }
    };
    std::thread first(loop, std::cref(a), 1);
    std::thread second(loop, std::cref(b), 3);
    first.join();
    second.join();
    EXPECT_EQ(wrongCount.load(), 0);
    EXPECT_EQ(wrongResult.load(), 0);
}

} // namespace

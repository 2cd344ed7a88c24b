//
// EnqueueWorkload from several threads at once, on one network and on several. Run under ThreadSanitizer in CI.
//
#include "TestNetworks.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

using namespace armnn;
using namespace armnn::test;

namespace
{
std::vector<float> ThreadInput(size_t thread)
{
    std::vector<float> input(16);
    for (size_t i = 0; i < input.size(); ++i)
    {
        input[i] = static_cast<float>((i + thread * 3) % 9) * 0.25f - 1.0f;
    }
    return input;
}

int Iterations()
{
    // ThreadSanitizer slows execution about tenfold; ARMNN_TEST_ITERATIONS lets CI keep the run short.
    const char* env = std::getenv("ARMNN_TEST_ITERATIONS");
    return env ? std::atoi(env) : 1000;
}
} // namespace

TEST(Concurrency, EightThreadsOnOneNetworkGiveIdenticalOutputs)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = MakeMlpNetwork();
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec())), Status::Success);

    constexpr size_t numThreads = 8;
    // Expected outputs, computed one at a time before any concurrency.
    std::vector<std::vector<float>> expected;
    for (size_t t = 0; t < numThreads; ++t)
    {
        expected.push_back(RunOnce(*runtime, id, ThreadInput(t)));
    }
    // Distinct inputs give distinct outputs, so a thread reading another's buffer would be caught.
    ASSERT_NE(expected[0], expected[1]);

    const int iterations = Iterations();
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (size_t t = 0; t < numThreads; ++t)
    {
        threads.emplace_back([&, t] {
            const std::vector<float> input = ThreadInput(t);
            for (int i = 0; i < iterations; ++i)
            {
                if (RunOnce(*runtime, id, input) != expected[t])
                {
                    ++mismatches;
                }
            }
        });
    }
    for (auto& thread : threads)
    {
        thread.join();
    }
    EXPECT_EQ(mismatches.load(), 0);
}

TEST(Concurrency, ThreadsOnSeveralNetworks)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    std::vector<NetworkId> ids(3);
    for (NetworkId& id : ids)
    {
        INetworkPtr net = MakeMlpNetwork();
        ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec())), Status::Success);
    }
    const std::vector<float> input = ThreadInput(1);
    const std::vector<float> expected = RunOnce(*runtime, ids[0], input);
    const int iterations = Iterations() / 4;
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 6; ++t)
    {
        threads.emplace_back([&, t] {
            for (int i = 0; i < iterations; ++i)
            {
                if (RunOnce(*runtime, ids[(t + static_cast<size_t>(i)) % ids.size()], input) != expected)
                {
                    ++mismatches;
                }
            }
        });
    }
    for (auto& thread : threads)
    {
        thread.join();
    }
    EXPECT_EQ(mismatches.load(), 0);
}

//
// One CpuAcc network executed from several threads at once: every call must give the single-threaded result,
// bit for bit (each call has its own oneDNN memory objects and scratchpad; the primitives are shared).
// Also checks that the NumberOfThreads option is accepted and does not change results beyond rounding.
//
#include "ChainRunner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <mutex>
#include <string>
#include <thread>

using namespace armnn;
using namespace armnn::test;

namespace
{

/// conv 3x3 + ReLu6 -> depthwise 3x3 stride 2 -> max pool -> fully connected: a small MobileNet-like chain whose
/// layers all need scratch memory or packed weights.
struct SmallNet
{
    std::vector<float> m_ConvWeights = RandomValues(24 * 3 * 3 * 13, 2);
    std::vector<float> m_DwWeights = RandomValues(3 * 3 * 24, 3);
    std::vector<float> m_FcWeights = RandomValues(10 * 4 * 4 * 24, 4);

    IConnectableLayer* Build(INetwork& net, IOutputSlot& input) const
    {
        Convolution2dDescriptor conv;
        conv.m_PadTop = conv.m_PadLeft = conv.m_PadBottom = conv.m_PadRight = 1;
        conv.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* c = net.AddConvolution2dLayer(conv, "conv");
        input.Connect(c->GetInputSlot(0));
        ConnectConstant(net, *c, 1, TensorShape({24, 3, 3, 13}), m_ConvWeights);
        c->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 16, 16, 24}, DataType::Float32));

        ActivationDescriptor relu6;
        relu6.m_Function = ActivationFunction::BoundedReLu;
        relu6.m_A = 6.0f;
        IConnectableLayer* a = net.AddActivationLayer(relu6, "relu6");
        c->GetOutputSlot(0).Connect(a->GetInputSlot(0));
        a->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 16, 16, 24}, DataType::Float32));

        DepthwiseConvolution2dDescriptor dw;
        dw.m_StrideX = dw.m_StrideY = 2;
        dw.m_PadBottom = dw.m_PadRight = 1;
        dw.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* d = net.AddDepthwiseConvolution2dLayer(dw, "dw");
        a->GetOutputSlot(0).Connect(d->GetInputSlot(0));
        ConnectConstant(net, *d, 1, TensorShape({1, 3, 3, 24}), m_DwWeights);
        d->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 8, 8, 24}, DataType::Float32));

        Pooling2dDescriptor pool;
        pool.m_PoolType = PoolingAlgorithm::Max;
        pool.m_PoolHeight = pool.m_PoolWidth = pool.m_StrideX = pool.m_StrideY = 2;
        pool.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* p = net.AddPooling2dLayer(pool, "pool");
        d->GetOutputSlot(0).Connect(p->GetInputSlot(0));
        p->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4, 4, 24}, DataType::Float32));

        FullyConnectedDescriptor fc;
        fc.m_TransposeWeightMatrix = true;
        IConnectableLayer* f = net.AddFullyConnectedLayer(fc, "fc");
        p->GetOutputSlot(0).Connect(f->GetInputSlot(0));
        ConnectConstant(net, *f, 1, TensorShape({10, 4 * 4 * 24}), m_FcWeights);
        f->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 10}, DataType::Float32));
        return f;
    }
};

const TensorInfo kInput({1, 16, 16, 13}, DataType::Float32);

TEST(CpuAccConcurrency, SeveralThreadsOneNetworkIdenticalOutputs)
{
    SmallNet net;
    const LoadedChain chain("CpuAcc", kInput, [&](INetwork& n, IOutputSlot& in) { return net.Build(n, in); });
    const std::vector<float> input = RandomValues(kInput.GetNumElements(), 1);
    const std::vector<float> expected = chain.Run(input);

    constexpr int kThreads = 4;
    constexpr int kRuns = 25;
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
    {
        threads.emplace_back([&] {
            for (int r = 0; r < kRuns; ++r)
            {
                if (chain.Run(input) != expected)
                {
                    ++mismatches;
                }
            }
        });
    }
    for (std::thread& thread : threads)
    {
        thread.join();
    }
    EXPECT_EQ(mismatches.load(), 0);

    const LoadedChain ref("CpuRef", kInput, [&](INetwork& n, IOutputSlot& in) { return net.Build(n, in); });
    const std::vector<float> reference = ref.Run(input);
    for (size_t i = 0; i < reference.size(); ++i)
    {
        EXPECT_NEAR(expected[i], reference[i], 1e-4f * (1.0f + std::fabs(reference[i])));
    }
}

TEST(CpuAccConcurrency, NumberOfThreadsModelOption)
{
    SmallNet net;
    const std::vector<float> input = RandomValues(kInput.GetNumElements(), 1);
    const auto build = [&](INetwork& n, IOutputSlot& in) { return net.Build(n, in); };
    const LoadedChain one("CpuAcc", kInput, build, {BackendOptions("CpuAcc", {{"NumberOfThreads", 1u}})});
    const LoadedChain two("CpuAcc", kInput, build, {BackendOptions("CpuAcc", {{"NumberOfThreads", 2u}})});
    const std::vector<float> a = one.Run(input);
    const std::vector<float> b = two.Run(input);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i)
    {
        EXPECT_NEAR(a[i], b[i], 1e-5f * (1.0f + std::fabs(a[i])));
    }
}

} // namespace

// LoadNetwork releases a constant once every consumer packed it (IWorkload::PackedConstantInputs): the three
// weight tensors of SmallNet (11232 + 864 + 15360 bytes) on CpuAcc, nothing on CpuRef, whose kernels read their
// constants; the CpuAcc results still match CpuRef's.
TEST(CpuAccConcurrency, PackedWeightsAreReleasedAtLoad)
{
    std::mutex mutex;
    std::vector<std::string> lines;
    ConfigureLogging(false, false, LogSeverity::Info);
    SetLogSink([&](LogSeverity, const std::string& message) {
        std::lock_guard<std::mutex> lock(mutex);
        lines.push_back(message);
    });
    SmallNet net;
    const LoadedChain acc("CpuAcc", kInput, [&](INetwork& n, IOutputSlot& in) { return net.Build(n, in); });
    const LoadedChain ref("CpuRef", kInput, [&](INetwork& n, IOutputSlot& in) { return net.Build(n, in); });
    SetLogSink({});
    ConfigureLogging(true, false, LogSeverity::Warning);

    std::vector<std::string> released;
    for (const std::string& line : lines)
    {
        if (line.find("LoadNetwork:") != std::string::npos)
        {
            released.push_back(line.substr(line.find("; ") + 2));
        }
    }
    ASSERT_EQ(released.size(), 2u);
    EXPECT_EQ(released[0], "27456 bytes of constants released once packed");
    EXPECT_EQ(released[1], "0 bytes of constants released once packed");

    const std::vector<float> input = RandomValues(kInput.GetNumElements(), 5);
    const std::vector<float> fromAcc = acc.Run(input);
    const std::vector<float> fromRef = ref.Run(input);
    for (size_t i = 0; i < fromRef.size(); ++i)
    {
        EXPECT_NEAR(fromAcc[i], fromRef[i], 1e-4f * (1.0f + std::fabs(fromRef[i])));
    }
}

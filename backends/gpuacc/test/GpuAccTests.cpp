//
// GpuAcc beyond single layers: networks against CpuRef (with and without fallback), availability, backend
// options, the program-binary cache and the tuner. Run on PoCL in CI.
//
// Bound for networks: max |GpuAcc - CpuRef| <= 1e-5 * max |CpuRef| over the output (CpuRef accumulates in
// double, our kernels in float; see backends/cpuacc/test/CpuAccVsRefTests.cpp for why a tensor-relative bound).
//
#include <armnn/ArmNN.hpp>
#include <armnn/Logging.hpp>

#if defined(GPUACC_TEST_HAS_TFLITE)
#include <armnnTfLiteParser/ITfLiteParser.hpp>
#endif

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

using namespace armnn;
namespace fs = std::filesystem;

namespace
{

/// Captures the log lines written while it lives, at every severity.
class LogCapture
{
public:
    LogCapture()
    {
        ConfigureLogging(false, false, LogSeverity::Debug);
        SetLogSink([this](LogSeverity, const std::string& message) {
            std::lock_guard<std::mutex> lock(m_Mutex);
            m_Lines.push_back(message);
        });
    }
    ~LogCapture()
    {
        SetLogSink({});
        ConfigureLogging(true, false, LogSeverity::Warning);
    }

    size_t Count(const std::string& fragment) const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        return static_cast<size_t>(std::count_if(m_Lines.begin(), m_Lines.end(), [&](const std::string& line) {
            return line.find(fragment) != std::string::npos;
        }));
    }
    std::string All() const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        std::string text;
        for (const std::string& line : m_Lines)
        {
            text += line + "\n";
        }
        return text;
    }

private:
    mutable std::mutex m_Mutex;
    std::vector<std::string> m_Lines;
};

IRuntimePtr MakeRuntime(const std::vector<BackendOptions>& options = {})
{
    IRuntime::CreationOptions creation;
    creation.m_BackendOptions = options;
    return IRuntime::Create(creation);
}

bool HasBackend(IRuntime& runtime, const char* id)
{
    return runtime.GetDeviceSpec().GetSupportedBackends().count(BackendId(id)) != 0;
}

std::vector<float> RandomValues(size_t count, uint32_t seed)
{
    std::mt19937 generator(seed);
    std::uniform_real_distribution<float> distribution(-1.0f, 1.0f);
    std::vector<float> values(count);
    for (float& v : values)
    {
        v = distribution(generator);
    }
    return values;
}

/// Keeps constant data alive while the network is built.
struct Constants
{
    std::vector<std::vector<float>> m_Data;

    IConnectableLayer* Add(INetwork& net, const TensorShape& shape, uint32_t seed)
    {
        m_Data.push_back(RandomValues(shape.GetNumElements(), seed));
        TensorInfo info(shape, DataType::Float32);
        info.SetConstant(true);
        IConnectableLayer* layer = net.AddConstantLayer(ConstTensor(info, m_Data.back().data()));
        layer->GetOutputSlot(0).SetTensorInfo(info);
        return layer;
    }
};

IConnectableLayer* Chain(IConnectableLayer* from, IConnectableLayer* to, const TensorShape& shape, unsigned slot = 0)
{
    from->GetOutputSlot(0).Connect(to->GetInputSlot(slot));
    to->GetOutputSlot(0).SetTensorInfo(TensorInfo(shape, DataType::Float32));
    return to;
}

/// A small MobileNet-like network with every GpuAcc kernel: conv 3x3 (+ReLu6), depthwise (+ReLu), pointwise
/// conv, residual add (+LeakyReLu), pad, max pool, concat, mean, fully connected, reshape, sigmoid, softmax. With
/// `fallback`, an L2 pooling (not a GpuAcc kernel) sits in the middle so that GpuAcc -> CpuRef -> GpuAcc copies are
/// exercised.
INetworkPtr SmallNetwork(Constants& constants, bool fallback)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 12, 12, 3}, DataType::Float32));

    Convolution2dDescriptor conv;
    conv.m_StrideX = conv.m_StrideY = 2;
    conv.m_PadLeft = conv.m_PadTop = 1;
    conv.m_PadRight = conv.m_PadBottom = 0;
    conv.m_BiasEnabled = true;
    conv.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* c1 = Chain(input, net->AddConvolution2dLayer(conv, "conv3x3"), {1, 6, 6, 10});
    constants.Add(*net, {10, 3, 3, 3}, 2)->GetOutputSlot(0).Connect(c1->GetInputSlot(1));
    constants.Add(*net, {10}, 3)->GetOutputSlot(0).Connect(c1->GetInputSlot(2));
    IConnectableLayer* relu6 = Chain(c1, net->AddActivationLayer(ActivationDescriptor(ActivationFunction::BoundedReLu,
                                                                                      6.0f, 0.0f), "relu6"),
                                     {1, 6, 6, 10});

    DepthwiseConvolution2dDescriptor dw;
    dw.m_PadLeft = dw.m_PadTop = dw.m_PadRight = dw.m_PadBottom = 1;
    dw.m_BiasEnabled = true;
    dw.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* d1 = Chain(relu6, net->AddDepthwiseConvolution2dLayer(dw, "depthwise"), {1, 6, 6, 10});
    constants.Add(*net, {1, 3, 3, 10}, 4)->GetOutputSlot(0).Connect(d1->GetInputSlot(1));
    constants.Add(*net, {10}, 5)->GetOutputSlot(0).Connect(d1->GetInputSlot(2));
    IConnectableLayer* relu =
        Chain(d1, net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu"), {1, 6, 6, 10});

    Convolution2dDescriptor pw;
    pw.m_BiasEnabled = false;
    pw.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* p1 = Chain(relu, net->AddConvolution2dLayer(pw, "pointwise"), {1, 6, 6, 10});
    constants.Add(*net, {10, 1, 1, 10}, 6)->GetOutputSlot(0).Connect(p1->GetInputSlot(1));
    IConnectableLayer* add = Chain(p1, net->AddElementwiseBinaryLayer(BinaryOperation::Add, "residual"), {1, 6, 6, 10});
    relu6->GetOutputSlot(0).Connect(add->GetInputSlot(1));

    // Fused into the addition by Optimize.
    IConnectableLayer* last = Chain(add, net->AddActivationLayer(ActivationDescriptor(ActivationFunction::LeakyReLu,
                                                                                     0.2f), "leaky"),
                                    {1, 6, 6, 10});
    if (fallback)
    {
        Pooling2dDescriptor l2;
        l2.m_PoolType = PoolingAlgorithm::L2;
        l2.m_PoolWidth = l2.m_PoolHeight = 1;
        l2.m_StrideX = l2.m_StrideY = 1;
        l2.m_DataLayout = DataLayout::NHWC;
        last = Chain(last, net->AddPooling2dLayer(l2, "l2pool_on_cpuref"), {1, 6, 6, 10});
    }
    PadDescriptor padDesc({{0, 0}, {1, 1}, {1, 1}, {0, 0}}, 0.5f);
    IConnectableLayer* padded = Chain(last, net->AddPadLayer(padDesc, "pad"), {1, 8, 8, 10});
    Pooling2dDescriptor pool;
    pool.m_PoolType = PoolingAlgorithm::Max;
    pool.m_PoolWidth = pool.m_PoolHeight = 2;
    pool.m_StrideX = pool.m_StrideY = 2;
    pool.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* pooled = Chain(padded, net->AddPooling2dLayer(pool, "maxpool"), {1, 4, 4, 10});
    IConnectableLayer* sigmoid =
        Chain(pooled, net->AddActivationLayer(ActivationDescriptor(ActivationFunction::Sigmoid), "sigmoid"),
              {1, 4, 4, 10});
    const std::vector<TensorShape> parts = {TensorShape({1, 4, 4, 10}), TensorShape({1, 4, 4, 10})};
    OriginsDescriptor origins = CreateDescriptorForConcatenation(parts.begin(), parts.end(), 3);
    IConnectableLayer* concat = Chain(pooled, net->AddConcatLayer(origins, "concat"), {1, 4, 4, 20});
    sigmoid->GetOutputSlot(0).Connect(concat->GetInputSlot(1));
    IConnectableLayer* mean = Chain(concat, net->AddMeanLayer(MeanDescriptor({1, 2}, true), "mean"), {1, 1, 1, 20});
    IConnectableLayer* reshape =
        Chain(mean, net->AddReshapeLayer(ReshapeDescriptor(TensorShape({1, 20})), "reshape"), {1, 20});
    FullyConnectedDescriptor fc;
    fc.m_BiasEnabled = true;
    fc.m_TransposeWeightMatrix = true;
    IConnectableLayer* dense = Chain(reshape, net->AddFullyConnectedLayer(fc, "fc"), {1, 7});
    constants.Add(*net, {7, 20}, 7)->GetOutputSlot(0).Connect(dense->GetInputSlot(1));
    constants.Add(*net, {7}, 8)->GetOutputSlot(0).Connect(dense->GetInputSlot(2));
    IConnectableLayer* softmax = Chain(dense, net->AddSoftmaxLayer(SoftmaxDescriptor(), "softmax"), {1, 7});
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    softmax->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    return net;
}

/// An optimized and loaded network with one input and one output.
class Loaded
{
public:
    Loaded(IRuntime& runtime, const INetwork& network, const std::vector<BackendId>& backends,
           const std::vector<BackendOptions>& modelOptions = {}, LayerBindingId inputId = 0,
           LayerBindingId outputId = 0)
        : m_Runtime(runtime), m_InputId(inputId), m_OutputId(outputId)
    {
        OptimizerOptionsOpaque options;
        for (const BackendOptions& option : modelOptions)
        {
            options.AddModelOption(option);
        }
        IOptimizedNetworkPtr optimized = Optimize(network, backends, runtime.GetDeviceSpec(), options);
        std::ostringstream dot;
        optimized->SerializeToDot(dot);
        m_Dot = dot.str();
        std::string error;
        if (runtime.LoadNetwork(m_Id, std::move(optimized), error) != Status::Success)
        {
            throw RuntimeException("LoadNetwork: " + error);
        }
        m_InputInfo = runtime.GetInputTensorInfo(m_Id, inputId);
        m_OutputInfo = runtime.GetOutputTensorInfo(m_Id, outputId);
    }
    ~Loaded() { m_Runtime.UnloadNetwork(m_Id); }

    std::vector<float> Run(const std::vector<float>& input) const
    {
        TensorInfo inputInfo = m_InputInfo;
        inputInfo.SetConstant(true);
        std::vector<float> result(m_OutputInfo.GetNumElements(), -12345.0f);
        if (m_Runtime.EnqueueWorkload(m_Id, {{m_InputId, ConstTensor(inputInfo, input.data())}},
                                      {{m_OutputId, Tensor(m_OutputInfo, result.data())}}) != Status::Success)
        {
            throw RuntimeException("EnqueueWorkload failed");
        }
        return result;
    }

    /// How many layers of the optimized graph sit on the backend.
    size_t LayersOn(const std::string& backend) const
    {
        size_t count = 0;
        for (size_t at = m_Dot.find(backend); at != std::string::npos; at = m_Dot.find(backend, at + 1))
        {
            ++count;
        }
        return count;
    }
    const TensorInfo& InputInfo() const { return m_InputInfo; }

private:
    IRuntime& m_Runtime;
    LayerBindingId m_InputId;
    LayerBindingId m_OutputId;
    NetworkId m_Id = 0;
    TensorInfo m_InputInfo;
    TensorInfo m_OutputInfo;
    std::string m_Dot;
};

::testing::AssertionResult CloseToRef(const std::vector<float>& actual, const std::vector<float>& ref,
                                      float bound = 1e-5f)
{
    if (actual.size() != ref.size())
    {
        return ::testing::AssertionFailure() << "sizes differ";
    }
    float maxRef = 0.0f;
    float maxError = 0.0f;
    size_t worst = 0;
    for (size_t i = 0; i < ref.size(); ++i)
    {
        maxRef = std::max(maxRef, std::fabs(ref[i]));
        const float error = std::fabs(actual[i] - ref[i]);
        if (!(error <= maxError))
        {
            maxError = error;
            worst = i;
        }
    }
    if (maxError <= bound * std::max(maxRef, 1e-30f))
    {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "element " << worst << ": " << actual[worst] << " vs CpuRef "
                                         << ref[worst] << " (max |CpuRef| " << maxRef << ")";
}

/// A fresh empty directory under the system's temporary directory.
fs::path TempDirectory(const std::string& name)
{
    const fs::path dir = fs::temp_directory_path() / ("gpuacc-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<fs::path> FilesIn(const fs::path& dir, const std::string& extension)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
    {
        if (entry.path().extension() == extension)
        {
            files.push_back(entry.path());
        }
    }
    return files;
}

#define REQUIRE_GPUACC(runtime) \
    if (!HasBackend(runtime, "GpuAcc")) \
    { \
        GTEST_SKIP() << "no OpenCL device: GpuAcc is not loaded"; \
    }

} // namespace

TEST(GpuAccNetwork, SmallNetworkRunsEntirelyOnGpuAccAndMatchesCpuRef)
{
    IRuntimePtr runtime = MakeRuntime();
    REQUIRE_GPUACC(*runtime);
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    Loaded gpu(*runtime, *net, {"GpuAcc", "CpuRef"});
    Loaded ref(*runtime, *net, {"CpuRef"});
    EXPECT_EQ(gpu.LayersOn("CpuRef"), 0u) << "every layer of this network has a GpuAcc kernel";
    const std::vector<float> input = RandomValues(gpu.InputInfo().GetNumElements(), 1);
    EXPECT_TRUE(CloseToRef(gpu.Run(input), ref.Run(input)));
}

TEST(GpuAccNetwork, FallbackToCpuRefCopiesBetweenDeviceAndHost)
{
    IRuntimePtr runtime = MakeRuntime();
    REQUIRE_GPUACC(*runtime);
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, true);
    Loaded gpu(*runtime, *net, {"GpuAcc", "CpuRef"});
    Loaded ref(*runtime, *net, {"CpuRef"});
    EXPECT_GT(gpu.LayersOn("CpuRef"), 0u);
    EXPECT_GT(gpu.LayersOn("GpuAcc"), 5u);
    const std::vector<float> input = RandomValues(gpu.InputInfo().GetNumElements(), 2);
    EXPECT_TRUE(CloseToRef(gpu.Run(input), ref.Run(input)));
}

TEST(GpuAccNetwork, ConcurrentExecutionsMatchCpuRef)
{
    IRuntimePtr runtime = MakeRuntime();
    REQUIRE_GPUACC(*runtime);
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, true);
    Loaded gpu(*runtime, *net, {"GpuAcc", "CpuRef"});
    Loaded ref(*runtime, *net, {"CpuRef"});
    std::vector<std::vector<float>> inputs;
    std::vector<std::vector<float>> expected;
    for (uint32_t i = 0; i < 4; ++i)
    {
        inputs.push_back(RandomValues(gpu.InputInfo().GetNumElements(), 10 + i));
        expected.push_back(ref.Run(inputs.back()));
    }
    std::vector<std::vector<float>> results(inputs.size());
    std::vector<std::thread> threads;
    for (size_t t = 0; t < inputs.size(); ++t)
    {
        threads.emplace_back([&, t] {
            for (int repeat = 0; repeat < 5; ++repeat)
            {
                results[t] = gpu.Run(inputs[t]);
            }
        });
    }
    for (std::thread& thread : threads)
    {
        thread.join();
    }
    for (size_t t = 0; t < inputs.size(); ++t)
    {
        EXPECT_TRUE(CloseToRef(results[t], expected[t])) << "thread " << t;
    }
}

// FastMathEnabled builds the fp16 program only on devices with cl_khr_fp16 (PoCL has none: there the results must
// be bit-identical to fp32; on an fp16 device they must stay within half precision of CpuRef).
TEST(GpuAccNetwork, FastMathUsesFp16OnlyWhereTheDeviceHasIt)
{
    std::unique_ptr<LogCapture> log = std::make_unique<LogCapture>();
    IRuntimePtr runtime = MakeRuntime();
    REQUIRE_GPUACC(*runtime);
    const bool fp16 = log->Count("cl_khr_fp16)") == 1;
    log.reset();
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    Loaded plain(*runtime, *net, {"GpuAcc"});
    Loaded fast(*runtime, *net, {"GpuAcc"}, {BackendOptions("GpuAcc", {{"FastMathEnabled", true}})});
    Loaded ref(*runtime, *net, {"CpuRef"});
    const std::vector<float> input = RandomValues(plain.InputInfo().GetNumElements(), 6);
    if (fp16)
    {
        EXPECT_TRUE(CloseToRef(fast.Run(input), ref.Run(input), 1e-2f));
    }
    else
    {
        EXPECT_EQ(fast.Run(input), plain.Run(input));
    }
}

struct ConvCase
{
    const char* m_Name;
    bool m_Depthwise;
    unsigned m_H, m_W, m_Cin, m_Cout, m_K, m_Stride, m_Dilation, m_Pad;
};

std::ostream& operator<<(std::ostream& os, const ConvCase& c)
{
    return os << c.m_Name;
}

class GpuAccConvolutionVsRef : public ::testing::TestWithParam<ConvCase>
{};

// The tiled kernels' edges: output widths and channel counts that are not multiples of 4, strides, dilation,
// padding, the 1x1 path, the vector depthwise path (C % 4 == 0) and the general one (multiplier 2), a fused ReLu6.
TEST_P(GpuAccConvolutionVsRef, MatchesCpuRef)
{
    const ConvCase c = GetParam();
    static IRuntimePtr runtime = MakeRuntime(); // one program build for all cases
    REQUIRE_GPUACC(*runtime);
    const unsigned span = (c.m_K - 1) * c.m_Dilation + 1;
    const unsigned outH = (c.m_H + 2 * c.m_Pad - span) / c.m_Stride + 1;
    const unsigned outW = (c.m_W + 2 * c.m_Pad - span) / c.m_Stride + 1;
    Constants constants;
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({2, c.m_H, c.m_W, c.m_Cin}, DataType::Float32));
    IConnectableLayer* layer = nullptr;
    if (c.m_Depthwise)
    {
        DepthwiseConvolution2dDescriptor desc;
        desc.m_PadLeft = desc.m_PadTop = desc.m_PadRight = desc.m_PadBottom = c.m_Pad;
        desc.m_StrideX = desc.m_StrideY = c.m_Stride;
        desc.m_DilationX = desc.m_DilationY = c.m_Dilation;
        desc.m_BiasEnabled = true;
        desc.m_DataLayout = DataLayout::NHWC;
        layer = net->AddDepthwiseConvolution2dLayer(desc, "depthwise");
        constants.Add(*net, {1, c.m_K, c.m_K, c.m_Cout}, 2)->GetOutputSlot(0).Connect(layer->GetInputSlot(1));
    }
    else
    {
        Convolution2dDescriptor desc;
        desc.m_PadLeft = desc.m_PadTop = desc.m_PadRight = desc.m_PadBottom = c.m_Pad;
        desc.m_StrideX = desc.m_StrideY = c.m_Stride;
        desc.m_DilationX = desc.m_DilationY = c.m_Dilation;
        desc.m_BiasEnabled = true;
        desc.m_DataLayout = DataLayout::NHWC;
        layer = net->AddConvolution2dLayer(desc, "conv");
        constants.Add(*net, {c.m_Cout, c.m_K, c.m_K, c.m_Cin}, 2)->GetOutputSlot(0).Connect(layer->GetInputSlot(1));
    }
    constants.Add(*net, {c.m_Cout}, 3)->GetOutputSlot(0).Connect(layer->GetInputSlot(2));
    Chain(input, layer, {2, outH, outW, c.m_Cout});
    const ActivationDescriptor relu6Desc(ActivationFunction::BoundedReLu, 6.0f, 0.0f);
    IConnectableLayer* relu6 =
        Chain(layer, net->AddActivationLayer(relu6Desc, "relu6"), {2, outH, outW, c.m_Cout});
    relu6->GetOutputSlot(0).Connect(net->AddOutputLayer(0, "output")->GetInputSlot(0));
    Loaded gpu(*runtime, *net, {"GpuAcc"});
    Loaded ref(*runtime, *net, {"CpuRef"});
    std::vector<float> input0 = RandomValues(gpu.InputInfo().GetNumElements(), 9);
    for (float& v : input0)
    {
        v *= 4.0f; // so that ReLu6 clips some outputs
    }
    EXPECT_TRUE(CloseToRef(gpu.Run(input0), ref.Run(input0)));
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, GpuAccConvolutionVsRef,
    ::testing::Values(ConvCase{"conv3x3_pad1_out7_cout5", false, 7, 7, 3, 5, 3, 1, 1, 1},
                      ConvCase{"conv3x3_stride2_cout8", false, 9, 10, 6, 8, 3, 2, 1, 1},
                      ConvCase{"conv3x3_dilation2_cout13", false, 11, 9, 4, 13, 3, 1, 2, 2},
                      ConvCase{"conv5x5_valid_cout3", false, 8, 13, 2, 3, 5, 1, 1, 0},
                      ConvCase{"pointwise_p_not_multiple_of_4", false, 5, 3, 7, 9, 1, 1, 1, 0},
                      ConvCase{"depthwise_c4_pad1", true, 7, 9, 8, 8, 3, 1, 1, 1},
                      ConvCase{"depthwise_c4_stride2", true, 10, 11, 12, 12, 3, 2, 1, 1},
                      ConvCase{"depthwise_c4_dilation2", true, 9, 9, 4, 4, 3, 1, 2, 2},
                      ConvCase{"depthwise_multiplier2", true, 6, 7, 3, 6, 3, 1, 1, 1}),
    [](const ::testing::TestParamInfo<ConvCase>& info) { return std::string(info.param.m_Name); });

// The ctest GpuAccNoDevice runs this with OCL_ICD_VENDORS naming an empty directory: ocl-icd then finds no platform.
TEST(GpuAccAvailability, NoPlatformMakesGpuAccUnavailableWithReason)
{
    if (std::getenv("OCL_ICD_VENDORS") == nullptr)
    {
        GTEST_SKIP() << "run by the ctest GpuAccNoDevice, with OCL_ICD_VENDORS set to an empty directory";
    }
    LogCapture log;
    IRuntimePtr runtime = MakeRuntime();
    EXPECT_FALSE(HasBackend(*runtime, "GpuAcc"));
    EXPECT_TRUE(HasBackend(*runtime, "CpuRef"));
    EXPECT_EQ(log.Count("GpuAcc is unavailable: no OpenCL platform found"), 1u) << log.All();
    // Optimize falls back to the other preferences.
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    std::vector<std::string> messages;
    IOptimizedNetworkPtr optimized = Optimize(*net, {"GpuAcc", "CpuRef"}, runtime->GetDeviceSpec(),
                                              OptimizerOptionsOpaque(), messages);
    ASSERT_NE(optimized, nullptr);
    EXPECT_NE(std::find(messages.begin(), messages.end(), "WARNING: requested backend GpuAcc is not loaded"),
              messages.end());
}

TEST(GpuAccAvailability, NoPlatformIsAskedOnlyWhenGpuAccIsWanted)
{
    if (std::getenv("OCL_ICD_VENDORS") == nullptr)
    {
        GTEST_SKIP() << "run by the ctest GpuAccNoDevice, with OCL_ICD_VENDORS set to an empty directory";
    }
    LogCapture log;
    IRuntimePtr runtime = MakeRuntime();
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    // A network that does not name GpuAcc never opens OpenCL (nor maps the driver, when one is installed).
    ASSERT_NE(Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()), nullptr);
    EXPECT_EQ(log.Count("GpuAcc is unavailable"), 0u) << log.All();
    // Naming it, or listing every backend, asks once.
    ASSERT_NE(Optimize(*net, {"GpuAcc", "CpuRef"}, runtime->GetDeviceSpec()), nullptr);
    EXPECT_FALSE(HasBackend(*runtime, "GpuAcc"));
    EXPECT_EQ(log.Count("GpuAcc is unavailable: no OpenCL platform found"), 1u) << log.All();
}

TEST(GpuAccAvailability, OutOfRangeIndicesAndBadOptionsAreReported)
{
    REQUIRE_GPUACC(*MakeRuntime());
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime({BackendOptions("GpuAcc", {{"PlatformIndex", 7u}})});
        EXPECT_FALSE(HasBackend(*runtime, "GpuAcc"));
        EXPECT_EQ(log.Count("PlatformIndex 7 is out of range"), 1u) << log.All();
    }
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime({BackendOptions("GpuAcc", {{"DeviceIndex", 5}})});
        EXPECT_FALSE(HasBackend(*runtime, "GpuAcc"));
        EXPECT_EQ(log.Count("DeviceIndex 5 is out of range"), 1u) << log.All();
    }
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime({BackendOptions("GpuAcc", {{"TuningLevel", 9u}})});
        EXPECT_FALSE(HasBackend(*runtime, "GpuAcc"));
        EXPECT_EQ(log.Count("TuningLevel must be 0"), 1u) << log.All();
    }
}

TEST(GpuAccAvailability, ExplicitFirstPlatformAndDeviceLoad)
{
    IRuntimePtr runtime = MakeRuntime({BackendOptions("GpuAcc", {{"PlatformIndex", 0u}, {"DeviceIndex", 0u}})});
    REQUIRE_GPUACC(*runtime);
    SUCCEED();
}

TEST(GpuAccProgramCache, SecondLoadSkipsCompilationAndCorruptFileIsRebuilt)
{
    const fs::path dir = TempDirectory("cache");
    const std::vector<BackendOptions> options = {
        BackendOptions("GpuAcc", {{"CachedNetworkFilePath", dir.string()}, {"SaveCachedNetwork", true}})};
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    std::vector<float> first;
    const std::vector<float> input = RandomValues(12 * 12 * 3, 3);
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime(options);
        REQUIRE_GPUACC(*runtime);
        first = Loaded(*runtime, *net, {"GpuAcc"}).Run(input);
        EXPECT_EQ(log.Count("GpuAcc: compiled the kernels from source"), 1u) << log.All();
        EXPECT_EQ(log.Count("GpuAcc: loaded the program binary"), 0u) << log.All();
        // A second network in the same runtime reuses the compiled program.
        Loaded(*runtime, *net, {"GpuAcc"});
        EXPECT_EQ(log.Count("GpuAcc: compiled the kernels from source"), 1u) << log.All();
    }
    const std::vector<fs::path> files = FilesIn(dir, ".clbin");
    ASSERT_EQ(files.size(), 1u);
    {
        // A new runtime (as a second process would) loads the binary instead of compiling.
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime(options);
        EXPECT_EQ(Loaded(*runtime, *net, {"GpuAcc"}).Run(input), first);
        EXPECT_EQ(log.Count("GpuAcc: compiled the kernels from source"), 0u) << log.All();
        EXPECT_EQ(log.Count("GpuAcc: loaded the program binary from " + files[0].string()), 1u) << log.All();
    }
    {
        // Flip a byte in the middle of the binary: detected, reported, compiled again and the file rewritten.
        std::fstream file(files[0], std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(static_cast<std::streamoff>(fs::file_size(files[0]) / 2));
        const char byte = static_cast<char>(file.get());
        file.seekp(static_cast<std::streamoff>(fs::file_size(files[0]) / 2));
        file.put(static_cast<char>(byte ^ 0x5a));
    }
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime(options);
        EXPECT_EQ(Loaded(*runtime, *net, {"GpuAcc"}).Run(input), first);
        EXPECT_EQ(log.Count("is unusable (truncated or corrupted"), 1u) << log.All();
        EXPECT_EQ(log.Count("GpuAcc: compiled the kernels from source"), 1u) << log.All();
    }
    {
        // Truncated to a few bytes: the same.
        std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "GPUA";
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime(options);
        Loaded(*runtime, *net, {"GpuAcc"});
        EXPECT_EQ(log.Count("is unusable (not a GpuAcc program binary)"), 1u) << log.All();
    }
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime(options);
        Loaded(*runtime, *net, {"GpuAcc"});
        EXPECT_EQ(log.Count("GpuAcc: loaded the program binary"), 1u) << log.All();
    }
    {
        // Model options name the cache for one network; without SaveCachedNetwork nothing is written.
        const fs::path other = TempDirectory("cache-model-option");
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime();
        Loaded(*runtime, *net, {"GpuAcc"}, {BackendOptions("GpuAcc", {{"CachedNetworkFilePath", other.string()}})});
        EXPECT_TRUE(FilesIn(other, ".clbin").empty());
        fs::remove_all(other);
    }
    fs::remove_all(dir);
}

TEST(GpuAccTuner, TuningFileRoundTripsAndTunedValuesAreUsed)
{
    const fs::path dir = TempDirectory("tuner");
    const std::string tuningFile = (dir / "tuning.txt").string();
    Constants constants;
    INetworkPtr net = SmallNetwork(constants, false);
    const std::vector<float> input = RandomValues(12 * 12 * 3, 4);
    std::vector<float> untuned;
    {
        IRuntimePtr runtime = MakeRuntime();
        REQUIRE_GPUACC(*runtime);
        untuned = Loaded(*runtime, *net, {"GpuAcc"}).Run(input);
    }
    {
        IRuntimePtr runtime = MakeRuntime(
            {BackendOptions("GpuAcc", {{"TuningLevel", 1u}, {"TuningFile", tuningFile}})});
        EXPECT_TRUE(CloseToRef(Loaded(*runtime, *net, {"GpuAcc"}).Run(input), untuned));
    } // the runtime writes the file when it goes
    std::ifstream file(tuningFile);
    ASSERT_TRUE(file.good());
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);)
    {
        lines.push_back(line);
    }
    ASSERT_GE(lines.size(), 10u) << "one entry per kernel launch of the network";
    const auto conv = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.rfind("conv2d:", 0) == 0; });
    ASSERT_NE(conv, lines.end());
    // Force a local size for the 3x3 convolution, add a malformed line, and read the file back with tuning off.
    const std::string convKey = conv->substr(0, conv->find('\t'));
    *conv = convKey + "\t2 3 1";
    // A size no device allows (from another device's file, say) is ignored with a warning.
    const auto other = std::find_if(lines.begin(), lines.end(),
                                    [](const std::string& l) { return l.rfind("depthwise_conv2d:", 0) == 0; });
    ASSERT_NE(other, lines.end());
    const std::string otherKey = other->substr(0, other->find('\t'));
    *other = otherKey + "\t65536 65536 1";
    lines.push_back("malformed line");
    {
        std::ofstream out(tuningFile, std::ios::trunc);
        for (const std::string& line : lines)
        {
            out << line << '\n';
        }
    }
    {
        LogCapture log;
        IRuntimePtr runtime = MakeRuntime({BackendOptions("GpuAcc", {{"TuningFile", tuningFile}})});
        EXPECT_TRUE(CloseToRef(Loaded(*runtime, *net, {"GpuAcc"}).Run(input), untuned));
        EXPECT_EQ(log.Count("GpuAcc: read " + std::to_string(lines.size() - 1) + " tuned local work sizes"), 1u)
            << log.All();
        EXPECT_EQ(log.Count("ignoring line " + std::to_string(lines.size())), 1u) << log.All();
        EXPECT_EQ(log.Count("GpuAcc: tuned local work size for " + convKey), 1u) << log.All();
        EXPECT_EQ(log.Count("ignoring the tuned local work size 65536x65536x1 for " + otherKey), 1u) << log.All();
    }
    {
        // Tuning level 0 never writes: the file is as we left it.
        std::ifstream again(tuningFile);
        std::string text((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
        EXPECT_NE(text.find(convKey + "\t2 3 1\n"), std::string::npos);
        EXPECT_NE(text.find("malformed line"), std::string::npos);
    }
    fs::remove_all(dir);
}

#if defined(GPUACC_TEST_HAS_TFLITE)
namespace
{
fs::path ModelPath(const std::string& name)
{
    const char* env = std::getenv("ARMNN_TEST_MODELS");
    const char* home = std::getenv("HOME");
    const fs::path dir =
        env != nullptr ? fs::path(env) : fs::path(home != nullptr ? home : "/") / ".cache/armnn-test-models";
    return dir / name;
}

// A generated model through {GpuAcc, CpuRef} against CpuRef alone. The first and second load with a program cache
// directory are timed (the figures docs/gpuacc.md quotes).
void ExpectModelMatchesCpuRef(const std::string& name)
{
    const fs::path model = ModelPath(name);
    if (!fs::exists(model))
    {
        GTEST_SKIP() << model << " is absent (scripts/test.sh --models generates it)";
    }
    auto parser = armnnTfLiteParser::ITfLiteParser::Create();
    INetworkPtr net = parser->CreateNetworkFromBinaryFile(model.string().c_str());
    const LayerBindingId inputId =
        parser->GetNetworkInputBindingInfo(0, parser->GetSubgraphInputTensorNames(0)[0]).first;
    const LayerBindingId outputId =
        parser->GetNetworkOutputBindingInfo(0, parser->GetSubgraphOutputTensorNames(0)[0]).first;
    const fs::path dir = TempDirectory("model-cache");
    const std::vector<BackendOptions> options = {
        BackendOptions("GpuAcc", {{"CachedNetworkFilePath", dir.string()}, {"SaveCachedNetwork", true}})};
    std::vector<float> expected;
    std::vector<float> input;
    {
        IRuntimePtr runtime = MakeRuntime();
        REQUIRE_GPUACC(*runtime);
        Loaded ref(*runtime, *net, {"CpuRef"}, {}, inputId, outputId);
        input = RandomValues(ref.InputInfo().GetNumElements(), 5);
        expected = ref.Run(input);
    }
    for (const char* pass : {"first load (compiles)", "second load (program cache)"})
    {
        IRuntimePtr runtime = MakeRuntime(options);
        const auto start = std::chrono::steady_clock::now();
        Loaded gpu(*runtime, *net, {"GpuAcc", "CpuRef"}, {}, inputId, outputId);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        std::cout << name << " on GpuAcc, " << pass << ": Optimize + LoadNetwork " << ms << " ms" << std::endl;
        EXPECT_EQ(gpu.LayersOn("CpuRef"), 0u) << "every layer of " << name << " has a GpuAcc kernel";
        EXPECT_TRUE(CloseToRef(gpu.Run(input), expected));
    }
    fs::remove_all(dir);
}
} // namespace

TEST(GpuAccModels, MobileNetV2MatchesCpuRef)
{
    ExpectModelMatchesCpuRef("mobilenet_v2_0.35_96.fp32.tflite");
}

TEST(GpuAccModels, MobileNetV1MatchesCpuRef)
{
    ExpectModelMatchesCpuRef("mobilenet_v1_0.25_128.fp32.tflite");
}
#endif

//
// The plugin registry with broken plugins, plugin directories and the trust rule; hybrid execution with Sample.
// Each test builds its own plugin directory (mkdtemp) from the Sample plugin and the fixture plugins, creates a
// runtime on it, and checks what was loaded, what was skipped and the reason logged.
//
#include <armnn/ArmNN.hpp>
#include <armnn/Logging.hpp>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace armnn;
namespace fs = std::filesystem;

namespace
{

const std::string kSamplePlugin = SAMPLE_PLUGIN;
const std::string kFixtureDir = PLUGIN_FIXTURE_DIR;

std::string Fixture(const std::string& name)
{
    return kFixtureDir + "/Test_" + name + "_backend.so";
}

/// A fresh directory under the system temporary directory, removed with everything in it at the end.
class TempDir
{
public:
    TempDir()
    {
        std::string pattern = (fs::temp_directory_path() / "armnn-plugins-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
        {
            throw std::runtime_error("mkdtemp failed");
        }
        m_Path = pattern;
        fs::permissions(m_Path, fs::perms(0755));
    }
    ~TempDir()
    {
        std::error_code ignored;
        fs::permissions(m_Path, fs::perms(0755), ignored);
        fs::remove_all(m_Path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& Path() const { return m_Path; }

    /// Copies a file in (under `name`, or its own name) with the given permissions; returns the new path.
    std::string Add(const std::string& source, const std::string& name = "", fs::perms mode = fs::perms(0755)) const
    {
        const std::string target = m_Path + "/" + (name.empty() ? fs::path(source).filename().string() : name);
        fs::copy_file(source, target, fs::copy_options::overwrite_existing);
        fs::permissions(target, mode);
        return target;
    }

private:
    std::string m_Path;
};

/// Captures the log lines written while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        SetLogSink([this](LogSeverity, const std::string& message) {
            std::lock_guard<std::mutex> lock(m_Mutex);
            m_Lines.push_back(message);
        });
    }
    ~LogCapture() { SetLogSink({}); }

    /// The first line that contains every one of the fragments, or "" when none does.
    std::string Find(std::initializer_list<std::string> fragments) const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        for (const std::string& line : m_Lines)
        {
            bool all = true;
            for (const std::string& fragment : fragments)
            {
                all = all && line.find(fragment) != std::string::npos;
            }
            if (all)
            {
                return line;
            }
        }
        return "";
    }

    std::string All() const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        std::string all;
        for (const std::string& line : m_Lines)
        {
            all += line + "\n";
        }
        return all;
    }

private:
    mutable std::mutex m_Mutex;
    std::vector<std::string> m_Lines;
};

IRuntimePtr CreateRuntime(const std::string& paths)
{
    IRuntime::CreationOptions options;
    options.m_DynamicBackendsPath = paths;
    return IRuntime::Create(options);
}

/// The backends of the default plugin directory (CpuRef, and CpuAcc where it is built) plus `extra`.
BackendIdSet DefaultBackendsAnd(BackendIdSet extra)
{
    static const BackendIdSet defaults = [] {
        const char* env = std::getenv("ARMNN_DYNAMIC_BACKEND_PATHS");
        const std::string saved = env != nullptr ? env : "";
        ::unsetenv("ARMNN_DYNAMIC_BACKEND_PATHS");
        BackendIdSet ids = CreateRuntime("")->GetDeviceSpec().GetSupportedBackends();
        if (env != nullptr)
        {
            ::setenv("ARMNN_DYNAMIC_BACKEND_PATHS", saved.c_str(), 1);
        }
        return ids;
    }();
    extra.insert(defaults.begin(), defaults.end());
    return extra;
}

bool Has(const IRuntime& runtime, const char* id)
{
    return runtime.GetDeviceSpec().GetSupportedBackends().count(BackendId(id)) != 0;
}

/// The network of DynamicSample: input -> Add(addend) -> Mul(factor) -> ReLu -> Add(bias) -> output, [1, 4].
struct HybridNetwork
{
    std::vector<float> m_Addend{1.0f, 2.0f, 3.0f, 4.0f};
    std::vector<float> m_Factor{2.0f, -1.0f, 0.5f, 3.0f};
    std::vector<float> m_Bias{0.5f, 0.5f, 0.5f, 0.5f};
    INetworkPtr m_Network = INetwork::Create();

    HybridNetwork()
    {
        const TensorInfo info({1, 4}, DataType::Float32);
        TensorInfo constInfo = info;
        constInfo.SetConstant(true);
        INetwork& net = *m_Network;
        IConnectableLayer* input = net.AddInputLayer(0, "input");
        IConnectableLayer* addend = net.AddConstantLayer(ConstTensor(constInfo, m_Addend.data()), "addend");
        IConnectableLayer* factor = net.AddConstantLayer(ConstTensor(constInfo, m_Factor.data()), "factor");
        IConnectableLayer* bias = net.AddConstantLayer(ConstTensor(constInfo, m_Bias.data()), "bias");
        IConnectableLayer* add = net.AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
        IConnectableLayer* mul = net.AddElementwiseBinaryLayer(BinaryOperation::Mul, "mul");
        IConnectableLayer* relu = net.AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
        IConnectableLayer* addBias = net.AddElementwiseBinaryLayer(BinaryOperation::Add, "add bias");
        IConnectableLayer* output = net.AddOutputLayer(0, "output");
        input->GetOutputSlot(0).Connect(add->GetInputSlot(0));
        addend->GetOutputSlot(0).Connect(add->GetInputSlot(1));
        add->GetOutputSlot(0).Connect(mul->GetInputSlot(0));
        factor->GetOutputSlot(0).Connect(mul->GetInputSlot(1));
        mul->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
        relu->GetOutputSlot(0).Connect(addBias->GetInputSlot(0));
        bias->GetOutputSlot(0).Connect(addBias->GetInputSlot(1));
        addBias->GetOutputSlot(0).Connect(output->GetInputSlot(0));
        for (IConnectableLayer* layer : {input, add, mul, relu, addBias})
        {
            layer->GetOutputSlot(0).SetTensorInfo(info);
        }
    }
};

/// Loads, runs once on `in` and returns output 0.
std::vector<float> RunOnce(IRuntime& runtime, IOptimizedNetworkPtr optimized, const std::vector<float>& in)
{
    NetworkId id = 0;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(optimized), error) != Status::Success)
    {
        throw RuntimeException("LoadNetwork failed: " + error);
    }
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, 0);
    inputInfo.SetConstant(true);
    const TensorInfo outputInfo = runtime.GetOutputTensorInfo(id, 0);
    std::vector<float> out(outputInfo.GetNumElements(), -99.0f);
    InputTensors inputs{{0, ConstTensor(inputInfo, in.data())}};
    OutputTensors outputs{{0, Tensor(outputInfo, out.data())}};
    if (runtime.EnqueueWorkload(id, inputs, outputs) != Status::Success)
    {
        throw RuntimeException("EnqueueWorkload failed");
    }
    runtime.UnloadNetwork(id);
    return out;
}

/// Proves the runtime still works after a broken plugin: a Sample Add runs and gives the right sum.
void ExpectSampleRuns(IRuntime& runtime)
{
    INetworkPtr net = INetwork::Create();
    const TensorInfo info({2}, DataType::Float32);
    TensorInfo constInfo = info;
    constInfo.SetConstant(true);
    const std::vector<float> two{2.0f, 2.0f};
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* constant = net->AddConstantLayer(ConstTensor(constInfo, two.data()), "two");
    IConnectableLayer* add = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(add->GetInputSlot(0));
    constant->GetOutputSlot(0).Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(info);
    add->GetOutputSlot(0).SetTensorInfo(info);
    const std::vector<float> out = RunOnce(runtime, Optimize(*net, {"Sample"}, runtime.GetDeviceSpec()), {1.0f, 3.0f});
    EXPECT_EQ(out, (std::vector<float>{3.0f, 5.0f}));
}

class PluginTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ::unsetenv("ARMNN_NO_DEFAULT_BACKENDS");
        ::unsetenv("ARMNN_DYNAMIC_BACKEND_PATHS");
    }
    void TearDown() override
    {
        ::unsetenv("ARMNN_NO_DEFAULT_BACKENDS");
        ::unsetenv("ARMNN_DYNAMIC_BACKEND_PATHS");
    }

    /// A directory with the good Sample plugin and `brokenFile` (a fixture name, copied under its own name);
    /// creates a runtime on it and checks: Sample and CpuRef loaded, `brokenId` not, Sample still runs, and a
    /// logged line names the file and contains `problem`.
    void ExpectSkipped(const std::string& brokenFile, const char* brokenId, const std::string& problem)
    {
        TempDir dir;
        dir.Add(kSamplePlugin);
        const std::string brokenPath = dir.Add(brokenFile);
        LogCapture log;
        IRuntimePtr runtime = CreateRuntime(dir.Path());
        EXPECT_TRUE(Has(*runtime, "Sample"));
        EXPECT_TRUE(Has(*runtime, "CpuRef"));
        EXPECT_FALSE(Has(*runtime, brokenId));
        EXPECT_NE(log.Find({brokenPath, problem}), "") << "log was:\n" << log.All();
        ExpectSampleRuns(*runtime);
    }
};

} // namespace

TEST_F(PluginTest, SampleAndDefaultCpuRefLoad)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    EXPECT_EQ(runtime->GetDeviceSpec().GetSupportedBackends(), DefaultBackendsAnd({"CpuRef", "Sample"}));
    ExpectSampleRuns(*runtime);
}

TEST_F(PluginTest, MissingFactorySymbolIsSkipped)
{
    ExpectSkipped(Fixture("NoFactory"), "TestNoFactory", "missing entry point BackendFactory");
}

TEST_F(PluginTest, WrongMajorVersionIsSkipped)
{
    ExpectSkipped(Fixture("WrongMajor"), "TestWrongMajor", "major version differs");
}

TEST_F(PluginTest, NewerMinorVersionIsSkipped)
{
    ExpectSkipped(Fixture("NewerMinor"), "TestNewerMinor", "newer than this library's");
}

TEST_F(PluginTest, DuplicateIdIsSkippedAndFirstWins)
{
    // Files load in name order: Arm_Sample_backend.so comes before Test_DuplicateSample_backend.so.
    ExpectSkipped(Fixture("DuplicateSample"), "TestNone", "duplicate backend id Sample");
}

TEST_F(PluginTest, ThrowingFactoryIsSkipped)
{
    ExpectSkipped(Fixture("Throws"), "TestThrows", "BackendFactory of TestThrows threw: fixture factory failure");
}

TEST_F(PluginTest, NullFactoryIsSkipped)
{
    ExpectSkipped(Fixture("Null"), "TestNull", "BackendFactory of TestNull returned null");
}

TEST_F(PluginTest, UnavailableBackendIsSkipped)
{
    ExpectSkipped(Fixture("Unavailable"), "TestUnavailable", "unavailable: fixture device not present");
}

TEST_F(PluginTest, TextFileIsSkipped)
{
    TempDir source;
    const std::string text = source.Path() + "/Bad_Text_backend.so";
    std::ofstream(text) << "this is not a shared object\n";
    ExpectSkipped(text, "Text", "not a loadable shared object");
}

TEST_F(PluginTest, WorldWritablePluginIsSkipped)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    const std::string path = dir.Add(Fixture("Good"), "", fs::perms(0777));
    LogCapture log;
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    EXPECT_TRUE(Has(*runtime, "Sample"));
    EXPECT_FALSE(Has(*runtime, "TestGood"));
    EXPECT_NE(log.Find({path, "trust rule", "world-writable"}), "") << log.All();
    ExpectSampleRuns(*runtime);
}

TEST_F(PluginTest, PluginInWorldWritableDirectoryIsSkipped)
{
    TempDir dir;
    const std::string path = dir.Add(kSamplePlugin);
    fs::permissions(dir.Path(), fs::perms(0777));
    LogCapture log;
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    EXPECT_FALSE(Has(*runtime, "Sample"));
    EXPECT_TRUE(Has(*runtime, "CpuRef"));
    EXPECT_NE(log.Find({path, "directory", "world-writable"}), "") << log.All();
}

TEST_F(PluginTest, ColonSeparatedPathsLoadFromEveryDirectory)
{
    TempDir first;
    TempDir second;
    first.Add(kSamplePlugin);
    second.Add(Fixture("Good"));
    IRuntimePtr runtime = CreateRuntime(first.Path() + ":" + second.Path());
    EXPECT_EQ(runtime->GetDeviceSpec().GetSupportedBackends(), DefaultBackendsAnd({"CpuRef", "Sample", "TestGood"}));
}

TEST_F(PluginTest, EnvironmentVariableAddsDirectories)
{
    TempDir first;
    TempDir second;
    first.Add(kSamplePlugin);
    second.Add(Fixture("Good"));
    ::setenv("ARMNN_DYNAMIC_BACKEND_PATHS", (first.Path() + ":" + second.Path()).c_str(), 1);
    IRuntimePtr runtime = CreateRuntime("");
    EXPECT_EQ(runtime->GetDeviceSpec().GetSupportedBackends(), DefaultBackendsAnd({"CpuRef", "Sample", "TestGood"}));
    ExpectSampleRuns(*runtime);
}

TEST_F(PluginTest, OptionPathsComeBeforeTheEnvironmentVariable)
{
    // The same id in both: the option's directory is searched first, so its plugin wins.
    TempDir fromOption;
    TempDir fromEnv;
    fromOption.Add(kSamplePlugin);
    const std::string late = fromEnv.Add(Fixture("DuplicateSample"));
    ::setenv("ARMNN_DYNAMIC_BACKEND_PATHS", fromEnv.Path().c_str(), 1);
    LogCapture log;
    IRuntimePtr runtime = CreateRuntime(fromOption.Path());
    EXPECT_NE(log.Find({late, "duplicate backend id Sample"}), "") << log.All();
    ExpectSampleRuns(*runtime);
}

TEST_F(PluginTest, MissingDirectoryIsHarmless)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime("/nonexistent/armnn-plugins:" + dir.Path() + "::");
    EXPECT_TRUE(Has(*runtime, "Sample"));
    EXPECT_TRUE(Has(*runtime, "CpuRef"));
    ExpectSampleRuns(*runtime);
}

TEST_F(PluginTest, NoPluginsMeansNoBackendsAndAClearOptimizeError)
{
    ::setenv("ARMNN_NO_DEFAULT_BACKENDS", "1", 1);
    IRuntimePtr runtime = CreateRuntime("");
    EXPECT_TRUE(runtime->GetDeviceSpec().GetSupportedBackends().empty());
    HybridNetwork net;
    try
    {
        Optimize(*net.m_Network, {"Sample", "CpuRef"}, runtime->GetDeviceSpec());
        FAIL() << "Optimize should throw";
    }
    catch (const InvalidArgumentException& e)
    {
        EXPECT_NE(std::string(e.what()).find("no backend plugin was loaded"), std::string::npos) << e.what();
    }
}

TEST_F(PluginTest, HybridSampleAndCpuRefMatchesCpuRef)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    HybridNetwork net;

    IOptimizedNetworkPtr hybrid = Optimize(*net.m_Network, {"Sample", "CpuRef"}, runtime->GetDeviceSpec());
    std::ostringstream dot;
    hybrid->SerializeToDot(dot);
    const std::string graph = dot.str();
    EXPECT_NE(graph.find("MemCopy"), std::string::npos) << graph;
    EXPECT_NE(graph.find("{PreCompiled|Name: Sample chain: add mul|BackendID: Sample}"), std::string::npos) << graph;
    EXPECT_NE(graph.find("{PreCompiled|Name: Sample chain: add bias|BackendID: Sample}"), std::string::npos) << graph;
    EXPECT_NE(graph.find("{Activation|Name: relu|BackendID: CpuRef}"), std::string::npos) << graph;
    EXPECT_EQ(graph.find("ElementwiseBinary"), std::string::npos) << "every Add and Mul is in a chain:\n" << graph;

    const std::vector<float> in{-3.0f, -1.0f, 0.5f, 2.0f};
    const std::vector<float> got = RunOnce(*runtime, std::move(hybrid), in);
    const std::vector<float> want =
        RunOnce(*runtime, Optimize(*net.m_Network, {"CpuRef"}, runtime->GetDeviceSpec()), in);
    EXPECT_EQ(got, want);
    // By hand: element 3 is max(0, (2 + 4) * 3) + 0.5; element 0 is max(0, (-3 + 1) * 2) + 0.5.
    EXPECT_FLOAT_EQ(got[3], 18.5f);
    EXPECT_FLOAT_EQ(got[0], 0.5f);
}

TEST_F(PluginTest, SampleRefusalsFallBackToCpuRefWithReasons)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());

    // Div is not a Sample operation; Add with a broadcast [1] operand needs identical shapes.
    INetworkPtr net = INetwork::Create();
    const TensorInfo info({1, 4}, DataType::Float32);
    TensorInfo scalar({1}, DataType::Float32);
    scalar.SetConstant(true);
    const float two = 2.0f;
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* div = net->AddElementwiseBinaryLayer(BinaryOperation::Div, "div");
    IConnectableLayer* constant = net->AddConstantLayer(ConstTensor(scalar, &two), "two");
    IConnectableLayer* add = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "broadcast add");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(div->GetInputSlot(0));
    input->GetOutputSlot(0).Connect(div->GetInputSlot(1));
    div->GetOutputSlot(0).Connect(add->GetInputSlot(0));
    constant->GetOutputSlot(0).Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(info);
    div->GetOutputSlot(0).SetTensorInfo(info);
    add->GetOutputSlot(0).SetTensorInfo(info);

    std::vector<std::string> messages;
    IOptimizedNetworkPtr optimized = Optimize(*net, {"Sample", "CpuRef"}, runtime->GetDeviceSpec(),
                                              OptimizerOptionsOpaque(), Optional<std::vector<std::string>&>(messages));
    std::string all;
    for (const std::string& m : messages)
    {
        all += m + "\n";
    }
    EXPECT_NE(all.find("operation Div is not supported"), std::string::npos) << all;
    EXPECT_NE(all.find("Sample does not broadcast"), std::string::npos) << all;
    EXPECT_EQ(RunOnce(*runtime, std::move(optimized), {1.0f, 2.0f, 4.0f, 8.0f}),
              (std::vector<float>{3.0f, 3.0f, 3.0f, 3.0f}));
}

TEST_F(PluginTest, ChainWithASideBranchThroughCpuRef)
{
    // add1 feeds both relu (CpuRef) and add2 (Sample), and relu feeds add2: add1 and add2 are connected on Sample
    // but a path between them leaves Sample. Merging them into one layer would make a cycle.
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    INetworkPtr net = INetwork::Create();
    const TensorInfo info({4}, DataType::Float32);
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* add1 = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "add1");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* add2 = net->AddElementwiseBinaryLayer(BinaryOperation::Sub, "sub2");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(add1->GetInputSlot(0));
    input->GetOutputSlot(0).Connect(add1->GetInputSlot(1));
    add1->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    add1->GetOutputSlot(0).Connect(add2->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(add2->GetInputSlot(1));
    add2->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    for (IConnectableLayer* layer : {input, add1, relu, add2})
    {
        layer->GetOutputSlot(0).SetTensorInfo(info);
    }
    const std::vector<float> in{-2.0f, -0.5f, 1.0f, 3.0f};
    IOptimizedNetworkPtr optimized = Optimize(*net, {"Sample", "CpuRef"}, runtime->GetDeviceSpec());
    std::ostringstream dot;
    optimized->SerializeToDot(dot);
    EXPECT_NE(dot.str().find("Name: Sample chain: add1|"), std::string::npos) << dot.str();
    EXPECT_NE(dot.str().find("Name: Sample chain: sub2|"), std::string::npos) << dot.str();
    // 2x - relu(2x) = min(2x, 0)
    const std::vector<float> want{-4.0f, -1.0f, 0.0f, 0.0f};
    EXPECT_EQ(RunOnce(*runtime, std::move(optimized), in), want);
}

TEST_F(PluginTest, BackendThatLosesLayersInItsOptimizationViewsIsRefused)
{
    TempDir dir;
    dir.Add(Fixture("BadViews"));
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    ASSERT_TRUE(Has(*runtime, "BadViews"));
    HybridNetwork net;
    try
    {
        Optimize(*net.m_Network, {"BadViews", "CpuRef"}, runtime->GetDeviceSpec());
        FAIL() << "expected an exception";
    }
    catch (const InvalidArgumentException& e)
    {
        EXPECT_NE(std::string(e.what()).find("Backend BadViews put layer"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("in 0 of its optimization lists"), std::string::npos) << e.what();
    }
}

TEST_F(PluginTest, BackendSelectionHintOverridesThePreferenceOrder)
{
    // input -> add(constant) -> output: Sample comes first in the preferences, but the hint asks for CpuRef.
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    INetworkPtr net = INetwork::Create();
    const TensorInfo info({2}, DataType::Float32);
    TensorInfo constInfo = info;
    constInfo.SetConstant(true);
    const std::vector<float> addend{1.0f, -1.0f};
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* add = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(add->GetInputSlot(0));
    net->AddConstantLayer(ConstTensor(constInfo, addend.data()), "addend")->GetOutputSlot(0).Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(info);
    add->GetOutputSlot(0).SetTensorInfo(info);

    auto dotOf = [&]() {
        std::ostringstream dot;
        Optimize(*net, {"Sample", "CpuRef"}, runtime->GetDeviceSpec())->SerializeToDot(dot);
        return dot.str();
    };
    EXPECT_NE(dotOf().find("BackendID: Sample"), std::string::npos);
    add->BackendSelectionHint(Optional<BackendId>("CpuRef"));
    const std::string hinted = dotOf();
    EXPECT_NE(hinted.find("{ElementwiseBinary|Name: add|BackendID: CpuRef}"), std::string::npos) << hinted;
    EXPECT_EQ(hinted.find("BackendID: Sample"), std::string::npos) << hinted;
}

TEST_F(PluginTest, ImportEnabledUsesZeroCopyImportsBetweenHostBackends)
{
    TempDir dir;
    dir.Add(kSamplePlugin);
    IRuntimePtr runtime = CreateRuntime(dir.Path());
    HybridNetwork net;
    OptimizerOptionsOpaque options;
    options.SetImportEnabled(true);
    IOptimizedNetworkPtr optimized = Optimize(*net.m_Network, {"Sample", "CpuRef"}, runtime->GetDeviceSpec(), options);
    std::ostringstream dot;
    optimized->SerializeToDot(dot);
    EXPECT_NE(dot.str().find("{MemImport"), std::string::npos) << dot.str();
    EXPECT_EQ(dot.str().find("{MemCopy"), std::string::npos) << dot.str();
    const std::vector<float> in{-3.0f, -1.0f, 0.5f, 2.0f};
    const std::vector<float> got = RunOnce(*runtime, std::move(optimized), in);
    const std::vector<float> want = RunOnce(*runtime, Optimize(*net.m_Network, {"CpuRef"}, runtime->GetDeviceSpec()), in);
    EXPECT_EQ(got, want);
}

//
// GpuAcc figures: single layers of MobileNet v2 and ResNet-50 (batch 1, NHWC, fp32, bias and fused ReLu6) on GpuAcc
// with the driver's local work sizes and with tuned ones (TuningLevel 2); then whole models from the
// generated model cache (when present) on {GpuAcc, CpuRef}, CpuAcc and CpuRef. Median ms per EnqueueWorkload,
// which for GpuAcc includes the copies to and from the device. CpuAcc's single layers are left to LayerBenchmark:
// measured in this process, right after PoCL's worker threads ran, they read 20-40 ms instead of under 1 ms.
// Usage: GpuAccBenchmark [runs (default 20)]
//
#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace armnn;

namespace
{

struct LayerCase
{
    const char* m_Name;
    bool m_Depthwise;
    unsigned m_H, m_W, m_Cin, m_Cout, m_K, m_Stride;

    unsigned Pad() const { return m_K / 2; }
    unsigned OutH() const { return (m_H + 2 * Pad() - m_K) / m_Stride + 1; }
    unsigned OutW() const { return (m_W + 2 * Pad() - m_K) / m_Stride + 1; }
    double Flop() const
    {
        return 2.0 * OutH() * OutW() * m_Cout * m_K * m_K * (m_Depthwise ? 1 : m_Cin);
    }
};

std::vector<float> Random(size_t count)
{
    std::mt19937 generator(7);
    std::uniform_real_distribution<float> distribution(-1.0f, 1.0f);
    std::vector<float> values(count);
    for (float& v : values)
    {
        v = distribution(generator);
    }
    return values;
}

void AddConstant(INetwork& net, IConnectableLayer* layer, unsigned slot, const TensorShape& shape)
{
    TensorInfo info(shape, DataType::Float32, 0.0f, 0, true);
    const std::vector<float> values = Random(info.GetNumElements());
    net.AddConstantLayer(ConstTensor(info, values.data()))->GetOutputSlot(0).Connect(layer->GetInputSlot(slot));
}

INetworkPtr Build(const LayerCase& c)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0);
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, c.m_H, c.m_W, c.m_Cin}, DataType::Float32));
    IConnectableLayer* layer = nullptr;
    if (c.m_Depthwise)
    {
        DepthwiseConvolution2dDescriptor desc;
        desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = c.Pad();
        desc.m_StrideX = desc.m_StrideY = c.m_Stride;
        desc.m_BiasEnabled = true;
        desc.m_DataLayout = DataLayout::NHWC;
        layer = net->AddDepthwiseConvolution2dLayer(desc);
        AddConstant(*net, layer, 1, {1, c.m_K, c.m_K, c.m_Cout});
    }
    else
    {
        Convolution2dDescriptor desc;
        desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = c.Pad();
        desc.m_StrideX = desc.m_StrideY = c.m_Stride;
        desc.m_BiasEnabled = true;
        desc.m_DataLayout = DataLayout::NHWC;
        layer = net->AddConvolution2dLayer(desc);
        AddConstant(*net, layer, 1, {c.m_Cout, c.m_K, c.m_K, c.m_Cin});
    }
    AddConstant(*net, layer, 2, {c.m_Cout});
    const TensorInfo outInfo({1, c.OutH(), c.OutW(), c.m_Cout}, DataType::Float32);
    input->GetOutputSlot(0).Connect(layer->GetInputSlot(0));
    layer->GetOutputSlot(0).SetTensorInfo(outInfo);
    IConnectableLayer* relu6 = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::BoundedReLu, 6.0f));
    layer->GetOutputSlot(0).Connect(relu6->GetInputSlot(0));
    relu6->GetOutputSlot(0).SetTensorInfo(outInfo);
    relu6->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));
    return net;
}

/// Median ms per EnqueueWorkload after warm-up; negative when the network cannot be loaded.
double MedianMs(IRuntime& runtime, const INetwork& net, const std::vector<BackendId>& backends, int runs,
                LayerBindingId inputId = 0, LayerBindingId outputId = 0)
{
    NetworkId id;
    std::string error;
    if (runtime.LoadNetwork(id, Optimize(net, backends, runtime.GetDeviceSpec()), error) != Status::Success)
    {
        std::fprintf(stderr, "LoadNetwork failed: %s\n", error.c_str());
        return -1.0;
    }
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, inputId);
    inputInfo.SetConstant(true);
    const std::vector<float> input = Random(inputInfo.GetNumElements());
    std::vector<float> output(runtime.GetOutputTensorInfo(id, outputId).GetNumElements());
    InputTensors inputs{{inputId, ConstTensor(inputInfo, input.data())}};
    OutputTensors outputs{{outputId, Tensor(runtime.GetOutputTensorInfo(id, outputId), output.data())}};
    for (int i = 0; i < std::max(1, runs / 10); ++i)
    {
        runtime.EnqueueWorkload(id, inputs, outputs);
    }
    std::vector<double> ms(static_cast<size_t>(runs));
    for (double& t : ms)
    {
        const auto start = std::chrono::steady_clock::now();
        runtime.EnqueueWorkload(id, inputs, outputs);
        t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    runtime.UnloadNetwork(id);
    std::nth_element(ms.begin(), ms.begin() + runs / 2, ms.end());
    return ms[static_cast<size_t>(runs / 2)];
}

IRuntimePtr Runtime(unsigned tuningLevel)
{
    IRuntime::CreationOptions options;
    options.m_BackendOptions = {BackendOptions("GpuAcc", {{"TuningLevel", tuningLevel}})};
    return IRuntime::Create(options);
}

} // namespace

int main(int argc, char** argv)
{
    const int runs = std::max(1, argc > 1 ? std::atoi(argv[1]) : 20);
    IRuntimePtr plain = Runtime(0);
    IRuntimePtr tuned = Runtime(2);
    if (plain->GetDeviceSpec().GetSupportedBackends().count("GpuAcc") == 0)
    {
        std::printf("GpuAcc is not available (no OpenCL device)\n");
        return 0;
    }
    const std::vector<LayerCase> cases = {
        {"mnv2 conv3x3 s2 96x96x3->16", false, 96, 96, 3, 16, 3, 2},
        {"mnv2 pw 24x24x16->48", false, 24, 24, 16, 48, 1, 1},
        {"mnv2 dw3x3 24x24x48", true, 24, 24, 48, 48, 3, 1},
        {"mnv2 pw 56x56x24->144", false, 56, 56, 24, 144, 1, 1},
        {"mnv2 dw3x3 56x56x144", true, 56, 56, 144, 144, 3, 1},
        {"rn50 3x3 56x56x64->64", false, 56, 56, 64, 64, 3, 1},
        {"rn50 1x1 7x7x2048->512", false, 7, 7, 2048, 512, 1, 1},
    };
    std::printf("median of %d runs; GFLOP/s = 2 x MACs / time (GpuAcc times include host<->device copies)\n", runs);
    std::printf("| %-29s | %7s | %9s | %7s | %9s | %7s |\n", "layer", "MFLOP", "GpuAcc ms", "GFLOP/s", "tuned ms",
                "GFLOP/s");
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    for (const LayerCase& c : cases)
    {
        INetworkPtr net = Build(c);
        const double gpu = MedianMs(*plain, *net, {"GpuAcc"}, runs);
        const double gpuTuned = MedianMs(*tuned, *net, {"GpuAcc"}, runs);
        std::printf("| %-29s | %7.1f | %9.3f | %7.2f | %9.3f | %7.2f |\n", c.m_Name, c.Flop() * 1e-6, gpu,
                    c.Flop() / gpu * 1e-6, gpuTuned, c.Flop() / gpuTuned * 1e-6);
        std::fflush(stdout);
    }

    const char* env = std::getenv("ARMNN_TEST_MODELS");
    const char* home = std::getenv("HOME");
    const std::filesystem::path dir = env != nullptr ? std::filesystem::path(env)
                                                     : std::filesystem::path(home ? home : "/") /
                                                           ".cache/armnn-test-models";
    std::printf("\n| %-32s | %14s | %14s | %9s | %9s |\n", "model", "GpuAcc,CpuRef", "tuned (lvl 2)", "CpuAcc",
                "CpuRef");
    std::printf("|---|---:|---:|---:|---:|\n");
    for (const char* name : {"mobilenet_v1_0.25_128.fp32.tflite", "mobilenet_v2_0.35_96.fp32.tflite",
                             "resnet50_128.fp32.tflite"})
    {
        const std::filesystem::path model = dir / name;
        if (!std::filesystem::exists(model))
        {
            std::printf("| %-32s | (absent: scripts/test.sh --models generates it) |\n", name);
            continue;
        }
        auto parser = armnnTfLiteParser::ITfLiteParser::Create();
        INetworkPtr net = parser->CreateNetworkFromBinaryFile(model.string().c_str());
        const LayerBindingId in =
            parser->GetNetworkInputBindingInfo(0, parser->GetSubgraphInputTensorNames(0)[0]).first;
        const LayerBindingId out =
            parser->GetNetworkOutputBindingInfo(0, parser->GetSubgraphOutputTensorNames(0)[0]).first;
        const double gpu = MedianMs(*plain, *net, {"GpuAcc", "CpuRef"}, runs, in, out);
        const double gpuTuned = MedianMs(*tuned, *net, {"GpuAcc", "CpuRef"}, runs, in, out);
        const double cpu = MedianMs(*plain, *net, {"CpuAcc", "CpuRef"}, runs, in, out);
        const double ref = MedianMs(*plain, *net, {"CpuRef"}, std::max(1, runs / 4), in, out);
        std::printf("| %-32s | %14.2f | %14.2f | %9.2f | %9.2f |\n", name, gpu, gpuTuned, cpu, ref);
        std::fflush(stdout);
    }
    return 0;
}

//
// Single layers of MobileNet v2 and ResNet-50 (batch 1, NHWC, fp32) on CpuAcc at 1 and 2 threads and on CpuRef:
// median time per EnqueueWorkload, GFLOP/s (2 x MACs) and the fraction of the machine's FMA peak
// (about 101 GFLOP/s per core, docs/cpuacc.md). The time includes the runtime's per-call cost (a few us).
// Usage: LayerBenchmark [runs (default 50)] [CpuRef runs (default 3; it is ~1000x slower, 0 skips it)]
//
#include <armnn/ArmNN.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace armnn;

namespace
{

constexpr double kPeakPerCore = 101.0; // GFLOP/s, PERFORMANCE.md

enum class Kind
{
    Conv,
    Depthwise,
    FullyConnected
};

struct LayerCase
{
    const char* m_Name;
    Kind m_Kind;
    unsigned m_H, m_W, m_Cin, m_Cout, m_K, m_Stride;

    unsigned Pad() const { return m_K / 2; }
    unsigned OutH() const { return (m_H + 2 * Pad() - m_K) / m_Stride + 1; }
    unsigned OutW() const { return (m_W + 2 * Pad() - m_K) / m_Stride + 1; }
    double Macs() const
    {
        switch (m_Kind)
        {
            case Kind::Conv: return double(OutH()) * OutW() * m_Cout * m_K * m_K * m_Cin;
            case Kind::Depthwise: return double(OutH()) * OutW() * m_Cout * m_K * m_K;
            case Kind::FullyConnected: return double(m_Cin) * m_Cout;
        }
        return 0;
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

/// Input -> layer (with bias and a fused ReLu6, as in MobileNet) -> Output.
INetworkPtr Build(const LayerCase& c)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0);
    IConnectableLayer* layer = nullptr;
    TensorShape outShape;
    if (c.m_Kind == Kind::FullyConnected)
    {
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, c.m_Cin}, DataType::Float32));
        FullyConnectedDescriptor desc;
        desc.m_BiasEnabled = true;
        desc.m_TransposeWeightMatrix = true;
        layer = net->AddFullyConnectedLayer(desc);
        AddConstant(*net, layer, 1, {c.m_Cout, c.m_Cin});
        outShape = TensorShape({1, c.m_Cout});
    }
    else
    {
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, c.m_H, c.m_W, c.m_Cin}, DataType::Float32));
        if (c.m_Kind == Kind::Conv)
        {
            Convolution2dDescriptor desc;
            desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = c.Pad();
            desc.m_StrideX = desc.m_StrideY = c.m_Stride;
            desc.m_BiasEnabled = true;
            desc.m_DataLayout = DataLayout::NHWC;
            layer = net->AddConvolution2dLayer(desc);
            AddConstant(*net, layer, 1, {c.m_Cout, c.m_K, c.m_K, c.m_Cin});
        }
        else
        {
            DepthwiseConvolution2dDescriptor desc;
            desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = c.Pad();
            desc.m_StrideX = desc.m_StrideY = c.m_Stride;
            desc.m_BiasEnabled = true;
            desc.m_DataLayout = DataLayout::NHWC;
            layer = net->AddDepthwiseConvolution2dLayer(desc);
            AddConstant(*net, layer, 1, {1, c.m_K, c.m_K, c.m_Cout});
        }
        outShape = TensorShape({1, c.OutH(), c.OutW(), c.m_Cout});
    }
    AddConstant(*net, layer, 2, {c.m_Cout});
    input->GetOutputSlot(0).Connect(layer->GetInputSlot(0));
    layer->GetOutputSlot(0).SetTensorInfo(TensorInfo(outShape, DataType::Float32));
    ActivationDescriptor relu6(ActivationFunction::BoundedReLu, 6.0f, 0.0f);
    IConnectableLayer* activation = net->AddActivationLayer(relu6);
    layer->GetOutputSlot(0).Connect(activation->GetInputSlot(0));
    activation->GetOutputSlot(0).SetTensorInfo(TensorInfo(outShape, DataType::Float32));
    activation->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));
    return net;
}

/// Median milliseconds per run after warm-up; 0 when runs is 0.
double MedianMs(IRuntime& runtime, const LayerCase& c, const BackendId& backend, unsigned threads, int runs)
{
    if (runs == 0)
    {
        return 0.0;
    }
    INetworkPtr net = Build(c);
    OptimizerOptionsOpaque options;
    options.AddModelOption(BackendOptions("CpuAcc", {{"NumberOfThreads", threads}}));
    NetworkId id;
    if (runtime.LoadNetwork(id, Optimize(*net, {backend}, runtime.GetDeviceSpec(), options)) != Status::Success)
    {
        std::fprintf(stderr, "LoadNetwork failed\n");
        std::exit(1);
    }
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, 0);
    inputInfo.SetConstant(true);
    const std::vector<float> input = Random(inputInfo.GetNumElements());
    std::vector<float> output(runtime.GetOutputTensorInfo(id, 0).GetNumElements());
    InputTensors inputs{{0, ConstTensor(inputInfo, input.data())}};
    OutputTensors outputs{{0, Tensor(runtime.GetOutputTensorInfo(id, 0), output.data())}};
    const int warmup = std::max(1, runs / 10);
    for (int i = 0; i < warmup; ++i)
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

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::atoi(argv[1]) : 50;
    const int refRuns = argc > 2 ? std::atoi(argv[2]) : 3;
    const std::vector<LayerCase> cases = {
        {"mnv2 conv3x3 s2 224x224x3->32", Kind::Conv, 224, 224, 3, 32, 3, 2},
        {"mnv2 pw 56x56x24->144", Kind::Conv, 56, 56, 24, 144, 1, 1},
        {"mnv2 dw3x3 56x56x144", Kind::Depthwise, 56, 56, 144, 144, 3, 1},
        {"mnv2 dw3x3 s2 112x112x96", Kind::Depthwise, 112, 112, 96, 96, 3, 2},
        {"mnv2 dw3x3 14x14x576", Kind::Depthwise, 14, 14, 576, 576, 3, 1},
        {"mnv2 pw 14x14x384->64", Kind::Conv, 14, 14, 384, 64, 1, 1},
        {"mnv2 pw 7x7x320->1280", Kind::Conv, 7, 7, 320, 1280, 1, 1},
        {"mnv2 fc 1280->1001", Kind::FullyConnected, 1, 1, 1280, 1001, 1, 1},
        {"rn50 conv7x7 s2 224x224x3->64", Kind::Conv, 224, 224, 3, 64, 7, 2},
        {"rn50 1x1 56x56x64->256", Kind::Conv, 56, 56, 64, 256, 1, 1},
        {"rn50 3x3 56x56x64->64", Kind::Conv, 56, 56, 64, 64, 3, 1},
        {"rn50 3x3 14x14x256->256", Kind::Conv, 14, 14, 256, 256, 3, 1},
        {"rn50 1x1 7x7x2048->512", Kind::Conv, 7, 7, 2048, 512, 1, 1},
        {"rn50 fc 2048->1000", Kind::FullyConnected, 1, 1, 2048, 1000, 1, 1},
    };
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    std::printf("median of %d runs (CpuRef: %d); GFLOP/s = 2 x MACs / time; peak %.0f GFLOP/s per core\n", runs,
                refRuns, kPeakPerCore);
    std::printf("| %-31s | %8s | %9s | %9s | %7s | %5s | %9s | %7s | %5s | %8s |\n", "layer", "MFLOP", "CpuRef ms",
                "Acc1T ms", "GFLOP/s", "peak", "Acc2T ms", "GFLOP/s", "peak", "Acc1T/Ref");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const LayerCase& c : cases)
    {
        const double flop = 2.0 * c.Macs();
        const double ref = MedianMs(*runtime, c, "CpuRef", 1, refRuns);
        const double one = MedianMs(*runtime, c, "CpuAcc", 1, runs);
        const double two = MedianMs(*runtime, c, "CpuAcc", 2, runs);
        const double gflops1 = flop / one * 1e-6;
        const double gflops2 = flop / two * 1e-6;
        std::printf("| %-31s | %8.1f | %9.2f | %9.3f | %7.1f | %4.0f%% | %9.3f | %7.1f | %4.0f%% | %8.0fx |\n", c.m_Name,
                    flop * 1e-6, ref, one, gflops1, 100.0 * gflops1 / kPeakPerCore, two, gflops2,
                    100.0 * gflops2 / (2 * kPeakPerCore), ref > 0 ? ref / one : 0.0);
        std::fflush(stdout);
    }
    return 0;
}

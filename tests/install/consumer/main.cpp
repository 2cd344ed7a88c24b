//
// A program written against Arm NN's public API only. It builds
//   input [1,6,6,2] NHWC -> Convolution2d (3 filters 3x3, pad 1, bias) -> Add (constant) -> ReLu
//   -> DepthwiseConvolution2d (3x3, stride 2, pad 1, bias) -> Pooling2d (max 2x2, stride 2)
//   -> FullyConnected (12 -> 4) -> Softmax -> output [1,4]
// runs it, and compares with its own straightforward computation of the same network.
// Usage: consumer [pluginDir]   With pluginDir: loads plugins from there too, checks the Sample backend is
// present, runs with {"Sample", "CpuRef"}, and checks that copy layers appear in the optimized graph.
//
#include <armnn/ArmNN.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>
#include <vector>

using namespace armnn;

namespace
{
std::vector<float> Pattern(size_t n, float scale, int modulo)
{
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i)
    {
        v[i] = scale * static_cast<float>(static_cast<int>((i * 37 + 11) % static_cast<size_t>(modulo)) - modulo / 2);
    }
    return v;
}

// Independent computation, NHWC, plain loops.
std::vector<float> Conv(const std::vector<float>& in, int h, int w, int c, const std::vector<float>& wt,
                        const std::vector<float>& bias, int o, int k, int stride, int pad, bool depthwise, int& oh,
                        int& ow)
{
    oh = (h + 2 * pad - k) / stride + 1;
    ow = (w + 2 * pad - k) / stride + 1;
    std::vector<float> out(static_cast<size_t>(oh * ow * o));
    for (int y = 0; y < oh; ++y)
        for (int x = 0; x < ow; ++x)
            for (int f = 0; f < o; ++f)
            {
                double s = bias[static_cast<size_t>(f)];
                for (int ky = 0; ky < k; ++ky)
                    for (int kx = 0; kx < k; ++kx)
                    {
                        const int iy = y * stride - pad + ky, ix = x * stride - pad + kx;
                        if (iy < 0 || iy >= h || ix < 0 || ix >= w)
                            continue;
                        if (depthwise) // weights [1, k, k, c]
                            s += in[static_cast<size_t>((iy * w + ix) * c + f)] *
                                 wt[static_cast<size_t>((ky * k + kx) * c + f)];
                        else // weights [o, k, k, c]
                            for (int ch = 0; ch < c; ++ch)
                                s += in[static_cast<size_t>((iy * w + ix) * c + ch)] *
                                     wt[static_cast<size_t>(((f * k + ky) * k + kx) * c + ch)];
                    }
                out[static_cast<size_t>((y * ow + x) * o + f)] = static_cast<float>(s);
            }
    return out;
}

IConnectableLayer* Constant(INetwork& net, const TensorShape& shape, const std::vector<float>& values,
                            const char* name)
{
    return net.AddConstantLayer(ConstTensor(TensorInfo(shape, DataType::Float32, 0.0f, 0, true), values), name);
}
} // namespace

int main(int argc, char* argv[])
{
    const bool withPlugins = argc > 1;
    try
    {
        const std::vector<float> input = Pattern(6 * 6 * 2, 0.25f, 9);
        const std::vector<float> convW = Pattern(3 * 3 * 3 * 2, 0.1f, 7), convB = {0.1f, -0.2f, 0.05f};
        const std::vector<float> addC = Pattern(6 * 6 * 3, 0.05f, 5);
        const std::vector<float> dwW = Pattern(3 * 3 * 3, 0.2f, 5), dwB = {0.0f, 0.1f, -0.1f};
        const std::vector<float> fcW = Pattern(4 * 12, 0.15f, 11), fcB = {0.0f, 0.5f, -0.5f, 0.25f};

        // Independent computation.
        int h = 0, w = 0;
        std::vector<float> x = Conv(input, 6, 6, 2, convW, convB, 3, 3, 1, 1, false, h, w);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = std::max(0.0f, x[i] + addC[i]);
        int h2 = 0, w2 = 0;
        x = Conv(x, h, w, 3, dwW, dwB, 3, 3, 2, 1, true, h2, w2); // 3x3x3
        std::vector<float> pooled(2 * 2 * 3, -1e30f);
        for (int y = 0; y < 2; ++y)
            for (int xx = 0; xx < 2; ++xx)
                for (int c = 0; c < 3; ++c)
                    for (int ky = 0; ky < 2; ++ky)
                        for (int kx = 0; kx < 2; ++kx)
                        {
                            const int iy = y * 2 + ky, ix = xx * 2 + kx;
                            if (iy < h2 && ix < w2)
                            {
                                float& p = pooled[static_cast<size_t>((y * 2 + xx) * 3 + c)];
                                p = std::max(p, x[static_cast<size_t>((iy * w2 + ix) * 3 + c)]);
                            }
                        }
        std::vector<float> expected(4);
        float maxLogit = -1e30f;
        for (int o = 0; o < 4; ++o)
        {
            double s = fcB[static_cast<size_t>(o)];
            for (int i = 0; i < 12; ++i)
                s += pooled[static_cast<size_t>(i)] * fcW[static_cast<size_t>(o * 12 + i)];
            expected[static_cast<size_t>(o)] = static_cast<float>(s);
            maxLogit = std::max(maxLogit, expected[static_cast<size_t>(o)]);
        }
        double sum = 0;
        for (float& e : expected)
            sum += (e = std::exp(e - maxLogit));
        for (float& e : expected)
            e = static_cast<float>(e / sum);

        // The same network through the library.
        INetworkPtr net = INetwork::Create();
        IConnectableLayer* in = net->AddInputLayer(0, "input");
        Convolution2dDescriptor convDesc;
        convDesc.m_PadLeft = convDesc.m_PadRight = convDesc.m_PadTop = convDesc.m_PadBottom = 1;
        convDesc.m_BiasEnabled = true;
        convDesc.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* conv = net->AddConvolution2dLayer(convDesc, "conv");
        IConnectableLayer* add = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
        IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
        DepthwiseConvolution2dDescriptor dwDesc;
        dwDesc.m_PadLeft = dwDesc.m_PadRight = dwDesc.m_PadTop = dwDesc.m_PadBottom = 1;
        dwDesc.m_StrideX = dwDesc.m_StrideY = 2;
        dwDesc.m_BiasEnabled = true;
        dwDesc.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* dw = net->AddDepthwiseConvolution2dLayer(dwDesc, "depthwise");
        Pooling2dDescriptor poolDesc;
        poolDesc.m_PoolType = PoolingAlgorithm::Max;
        poolDesc.m_PoolWidth = poolDesc.m_PoolHeight = 2;
        poolDesc.m_StrideX = poolDesc.m_StrideY = 2;
        poolDesc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
        poolDesc.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* pool = net->AddPooling2dLayer(poolDesc, "pool");
        FullyConnectedDescriptor fcDesc;
        fcDesc.m_BiasEnabled = true;
        fcDesc.m_TransposeWeightMatrix = true;
        IConnectableLayer* fc = net->AddFullyConnectedLayer(fcDesc, "fc");
        IConnectableLayer* softmax = net->AddSoftmaxLayer(SoftmaxDescriptor(), "softmax");
        IConnectableLayer* out = net->AddOutputLayer(0, "output");

        in->GetOutputSlot(0).Connect(conv->GetInputSlot(0));
        Constant(*net, {3, 3, 3, 2}, convW, "convW")->GetOutputSlot(0).Connect(conv->GetInputSlot(1));
        Constant(*net, {3}, convB, "convB")->GetOutputSlot(0).Connect(conv->GetInputSlot(2));
        conv->GetOutputSlot(0).Connect(add->GetInputSlot(0));
        Constant(*net, {1, 6, 6, 3}, addC, "addC")->GetOutputSlot(0).Connect(add->GetInputSlot(1));
        add->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
        relu->GetOutputSlot(0).Connect(dw->GetInputSlot(0));
        Constant(*net, {1, 3, 3, 3}, dwW, "dwW")->GetOutputSlot(0).Connect(dw->GetInputSlot(1));
        Constant(*net, {3}, dwB, "dwB")->GetOutputSlot(0).Connect(dw->GetInputSlot(2));
        dw->GetOutputSlot(0).Connect(pool->GetInputSlot(0));
        pool->GetOutputSlot(0).Connect(fc->GetInputSlot(0));
        Constant(*net, {4, 12}, fcW, "fcW")->GetOutputSlot(0).Connect(fc->GetInputSlot(1));
        Constant(*net, {4}, fcB, "fcB")->GetOutputSlot(0).Connect(fc->GetInputSlot(2));
        fc->GetOutputSlot(0).Connect(softmax->GetInputSlot(0));
        softmax->GetOutputSlot(0).Connect(out->GetInputSlot(0));

        in->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 6, 6, 2}, DataType::Float32));
        conv->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 6, 6, 3}, DataType::Float32));
        add->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 6, 6, 3}, DataType::Float32));
        relu->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 6, 6, 3}, DataType::Float32));
        dw->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 3, 3, 3}, DataType::Float32));
        pool->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2, 2, 3}, DataType::Float32));
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4}, DataType::Float32));
        softmax->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4}, DataType::Float32));

        IRuntime::CreationOptions options;
        if (withPlugins)
        {
            options.m_DynamicBackendsPath = argv[1];
        }
        IRuntimePtr runtime = IRuntime::Create(options);
        const BackendIdSet& backends = runtime->GetDeviceSpec().GetSupportedBackends();
        std::cout << "Backends:";
        for (const BackendId& b : backends)
            std::cout << " " << b;
        std::cout << std::endl;

        std::vector<BackendId> preferences{"CpuRef"};
        if (withPlugins)
        {
            if (backends.count("Sample") == 0)
            {
                std::cerr << "FAIL: the Sample backend was not loaded from " << argv[1] << std::endl;
                return 1;
            }
            preferences = {"Sample", "CpuRef"};
        }
        IOptimizedNetworkPtr optimized = Optimize(*net, preferences, runtime->GetDeviceSpec());
        std::ostringstream dot;
        optimized->SerializeToDot(dot);
        if (withPlugins &&
            (dot.str().find("MemCopy") == std::string::npos || dot.str().find("BackendID: Sample") == std::string::npos))
        {
            std::cerr << "FAIL: expected a Sample layer and copy layers in the optimized graph:\n" << dot.str();
            return 1;
        }

        NetworkId id;
        std::string error;
        if (runtime->LoadNetwork(id, std::move(optimized), error) != Status::Success)
        {
            std::cerr << "FAIL: LoadNetwork: " << error << std::endl;
            return 1;
        }
        std::vector<float> result(4);
        TensorInfo inputInfo = runtime->GetInputTensorInfo(id, 0);
        inputInfo.SetConstant(true);
        InputTensors inputs{{0, ConstTensor(inputInfo, input.data())}};
        OutputTensors outputs{{0, Tensor(runtime->GetOutputTensorInfo(id, 0), result.data())}};
        if (runtime->EnqueueWorkload(id, inputs, outputs) != Status::Success)
        {
            std::cerr << "FAIL: EnqueueWorkload" << std::endl;
            return 1;
        }
        for (size_t i = 0; i < 4; ++i)
        {
            std::cout << "output[" << i << "] = " << result[i] << " (expected " << expected[i] << ")" << std::endl;
            if (std::fabs(result[i] - expected[i]) > 1e-5f + 1e-4f * std::fabs(expected[i]))
            {
                std::cerr << "FAIL: output " << i << " differs" << std::endl;
                return 1;
            }
        }
        std::cout << "PASS" << std::endl;
    }
    catch (const Exception& e)
    {
        std::cerr << "FAIL: " << e.what() << std::endl;
        return 1;
    }
    return 0;
}

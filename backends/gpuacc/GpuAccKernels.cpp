#include "GpuAccKernels.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <algorithm>
#include <mutex>
#include <sstream>
#include <vector>

namespace armnn
{
namespace gpuacc
{

namespace
{
thread_local std::shared_ptr<ClRuntime> t_Runtime;

std::shared_ptr<ClRuntime> CurrentRuntime(const LayerInfo& layer)
{
    if (!t_Runtime)
    {
        throw RuntimeException("GpuAcc: " + layer.Describe() +
                               ": no OpenCL runtime (the backend has no context from this IRuntime)");
    }
    return t_Runtime;
}

/// Program options: the runtime's cache options, then the network's model options for GpuAcc.
ProgramOptions ProgramOptionsOf(const LayerInfo& layer, const ClRuntime& runtime)
{
    ProgramOptions options;
    options.m_CacheDirectory = runtime.Options().m_CacheDirectory;
    options.m_SaveCache = runtime.Options().m_SaveCache;
    bool fastMath = false;
    if (layer.m_ModelOptions != nullptr)
    {
        ParseOptions(*layer.m_ModelOptions, "GpuAcc", [&](const std::string& name, const BackendOptions::Var& v) {
            if (name == "FastMathEnabled" && v.IsBool())
            {
                fastMath = v.AsBool();
            }
            else if (name == "CachedNetworkFilePath" && v.IsString())
            {
                options.m_CacheDirectory = v.AsString();
            }
            else if (name == "SaveCachedNetwork" && v.IsBool())
            {
                options.m_SaveCache = v.AsBool();
            }
        });
    }
    options.m_Fp16 = fastMath && runtime.HasFp16();
    return options;
}

/// A 4-D view of a shape of rank <= 4 (leading 1s).
std::array<int, 4> Dims4(const TensorShape& shape)
{
    std::array<int, 4> dims{1, 1, 1, 1};
    const unsigned rank = shape.GetNumDimensions();
    for (unsigned i = 0; i < rank; ++i)
    {
        dims[4 - rank + i] = static_cast<int>(shape[i]);
    }
    return dims;
}

cl_int4 Int4(const std::array<int, 4>& v)
{
    cl_int4 result;
    for (int i = 0; i < 4; ++i)
    {
        result.s[i] = v[static_cast<size_t>(i)];
    }
    return result;
}

/// The activation kernels apply: ActivationFunction's value, or -1 for none.
struct Act
{
    cl_int m_Function = -1;
    float m_A = 0.0f;
    float m_B = 0.0f;
};

Act ActOf(const Optional<ActivationDescriptor>& activation)
{
    Act act;
    if (activation.has_value())
    {
        act.m_Function = static_cast<cl_int>(activation.value().m_Function);
        act.m_A = activation.value().m_A;
        act.m_B = activation.value().m_B;
    }
    return act;
}

/// The kernels' activate() knows every ActivationFunction up to Gelu.
bool IsKernelActivation(ActivationFunction f)
{
    return static_cast<int>(f) >= static_cast<int>(ActivationFunction::Sigmoid) &&
           static_cast<int>(f) <= static_cast<int>(ActivationFunction::Gelu);
}

bool CheckFused(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_FusedActivation.has_value() && !IsKernelActivation(layer.m_FusedActivation.value().m_Function))
    {
        reason = std::string("fused activation ") +
                 GetActivationFunctionAsCString(layer.m_FusedActivation.value().m_Function) + " is not supported";
        return false;
    }
    return true;
}

bool CheckMaxRank(const LayerInfo& layer, unsigned maxRank, std::string& reason)
{
    for (const TensorInfo& info : layer.m_Inputs)
    {
        if (info.GetNumDimensions() > maxRank)
        {
            reason = "tensors of rank " + std::to_string(info.GetNumDimensions()) + " are not supported (at most " +
                     std::to_string(maxRank) + ")";
            return false;
        }
    }
    return true;
}

bool CheckNhwc(DataLayout layout, std::string& reason)
{
    if (layout != DataLayout::NHWC)
    {
        reason = std::string("data layout ") + GetDataLayoutName(layout) + " is not supported (NHWC only)";
        return false;
    }
    return true;
}

/// Float32 input and output, constant Float32 or Float16 weights and bias (decoded to float at load).
bool CheckWeighted(const LayerInfo& layer, bool biasEnabled, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Float32)
    {
        reason = std::string("output data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 " is not Float32";
        return false;
    }
    const size_t parameters = biasEnabled ? 3 : 2;
    if (layer.m_Inputs.size() < parameters)
    {
        reason = "the weights or bias input is missing";
        return false;
    }
    for (size_t i = 1; i < parameters; ++i)
    {
        const DataType type = layer.m_Inputs[i].GetDataType();
        if (type != DataType::Float32 && type != DataType::Float16)
        {
            reason = std::string(i == 1 ? "weights" : "bias") + " of data type " + GetDataTypeName(type) +
                     " are not supported";
            return false;
        }
    }
    const bool constant = biasEnabled ? CheckConstantInputs(layer, {1, 2}, reason)
                                      : CheckConstantInputs(layer, {1}, reason);
    if (!constant)
    {
        reason += " (GpuAcc uploads weights and bias once, at load)";
        return false;
    }
    return CheckFused(layer, reason);
}

/// One kernel launch of a workload: which kernel arguments are the execution's tensors, and the NDRange.
struct Launch
{
    std::string m_Name;
    KernelPtr m_Kernel;
    /// (argument index, is output, tensor index)
    std::vector<std::tuple<cl_uint, bool, size_t>> m_Tensors;
    std::array<size_t, 3> m_Global{1, 1, 1};
    cl_uint m_Dims = 1;
    std::array<size_t, 3> m_Local{0, 0, 0};
};

cl_mem BufferOf(const ITensorHandle* handle, const std::string& layer)
{
    const auto* cl = dynamic_cast<const ClTensorHandle*>(handle);
    if (cl == nullptr)
    {
        throw RuntimeException("GpuAcc: " + layer + ": a tensor is not in GpuAcc memory");
    }
    return cl->Buffer();
}

/// A workload of one or more kernel launches. Scalar arguments and constants are bound at creation; tensors at
/// each execution. Kernel arguments are shared state, so executions of one workload are serialised.
class KernelWorkload final : public IWorkload
{
public:
    explicit KernelWorkload(const LayerInfo& layer)
        : m_Runtime(CurrentRuntime(layer)), m_Layer(layer.Describe()), m_Inputs(layer.m_Inputs),
          m_Outputs(layer.m_Outputs)
    {
        m_Program = m_Runtime->GetProgram(ProgramOptionsOf(layer, *m_Runtime));
        for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
        {
            m_ConstantInputs.push_back(layer.IsConstantInput(i) ? Upload(DecodeToFloat(layer.m_Inputs[i],
                                                                                       layer.m_ConstantInputs[i]))
                                                                : nullptr);
        }
    }

    Launch& Add(const char* kernel, cl_uint dims, std::array<size_t, 3> global)
    {
        Launch launch;
        launch.m_Name = kernel;
        launch.m_Kernel = m_Runtime->CreateKernel(m_Program, kernel);
        launch.m_Dims = dims;
        launch.m_Global = global;
        m_Launches.push_back(std::move(launch));
        m_NextArg = 0;
        return m_Launches.back();
    }

    template <typename T>
    KernelWorkload& Arg(const T& value)
    {
        Check(clSetKernelArg(m_Launches.back().m_Kernel.get(), m_NextArg++, sizeof(T), &value), "clSetKernelArg");
        return *this;
    }
    KernelWorkload& Args(const Act& act) { return Arg(act.m_Function).Arg(act.m_A).Arg(act.m_B); }
    KernelWorkload& Buffer(const MemPtr& buffer)
    {
        cl_mem mem = buffer.get();
        return Arg(mem);
    }
    KernelWorkload& Input(size_t index)
    {
        if (m_ConstantInputs[index])
        {
            return Buffer(m_ConstantInputs[index]);
        }
        m_Launches.back().m_Tensors.emplace_back(m_NextArg++, false, index);
        return *this;
    }
    KernelWorkload& Output(size_t index)
    {
        m_Launches.back().m_Tensors.emplace_back(m_NextArg++, true, index);
        return *this;
    }

    MemPtr Upload(const std::vector<float>& values)
    {
        MemPtr buffer = m_Runtime->CreateBuffer(values.size() * sizeof(float), values.data());
        m_Constants.push_back(buffer);
        return buffer;
    }

    /// Chooses each launch's local size (from the tuning table, or by timing candidates on scratch tensors) and
    /// runs each launch once on scratch tensors.
    void Finish(const LayerInfo& layer)
    {
        std::vector<MemPtr> scratch;
        for (Launch& launch : m_Launches)
        {
            std::ostringstream key;
            key << launch.m_Name << ':';
            for (const TensorInfo& info : layer.m_Inputs)
            {
                key << info.GetShape() << ';';
            }
            key << "->" << layer.m_Outputs[0].GetShape() << ':' << launch.m_Global[0] << ',' << launch.m_Global[1]
                << ',' << launch.m_Global[2];
            std::string text = key.str();
            text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
            auto run = [&](const std::array<size_t, 3>& local) {
                for (const auto& [arg, output, index] : launch.m_Tensors)
                {
                    const TensorInfo& info = output ? m_Outputs[index] : m_Inputs[index];
                    scratch.push_back(m_Runtime->CreateBuffer(info.GetNumBytes()));
                    cl_mem mem = scratch.back().get();
                    Check(clSetKernelArg(launch.m_Kernel.get(), arg, sizeof(mem), &mem), "clSetKernelArg");
                }
                Enqueue(launch, local);
            };
            launch.m_Local = m_Runtime->LocalSize(text, launch.m_Kernel.get(), launch.m_Global, launch.m_Dims, run);
            // One launch now: drivers that specialise kernels for the launch (PoCL does, per local size) do so
            // at load rather than in the first inference.
            run(launch.m_Local);
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        for (const Launch& launch : m_Launches)
        {
            for (const auto& [arg, output, index] : launch.m_Tensors)
            {
                cl_mem mem = BufferOf(output ? tensors.m_Outputs[index] : tensors.m_Inputs[index], m_Layer);
                Check(clSetKernelArg(launch.m_Kernel.get(), arg, sizeof(mem), &mem), "clSetKernelArg");
            }
            Enqueue(launch, launch.m_Local);
        }
    }

private:
    void Enqueue(const Launch& launch, const std::array<size_t, 3>& local) const
    {
        std::array<size_t, 3> global = launch.m_Global;
        for (cl_uint d = 0; d < launch.m_Dims; ++d)
        {
            if (global[d] == 0)
            {
                return; // an empty tensor: nothing to compute
            }
            if (local[0] != 0)
            {
                global[d] = (global[d] + local[d] - 1) / local[d] * local[d];
            }
        }
        Check(clEnqueueNDRangeKernel(m_Runtime->Queue(), launch.m_Kernel.get(), launch.m_Dims, nullptr, global.data(),
                                     local[0] != 0 ? local.data() : nullptr, 0, nullptr, nullptr),
              ("clEnqueueNDRangeKernel(" + launch.m_Name + ") for " + m_Layer).c_str());
    }

    std::shared_ptr<ClRuntime> m_Runtime;
    std::string m_Layer;
    std::vector<TensorInfo> m_Inputs;
    std::vector<TensorInfo> m_Outputs;
    cl_program m_Program = nullptr;
    std::vector<MemPtr> m_ConstantInputs;
    std::vector<MemPtr> m_Constants;
    std::vector<Launch> m_Launches;
    cl_uint m_NextArg = 0;
    mutable std::mutex m_Mutex;
};

/// The decoded bias (zeros when the layer has none), zero-padded to `padded` elements.
std::vector<float> BiasOf(const LayerInfo& layer, bool enabled, unsigned count, unsigned padded)
{
    std::vector<float> bias =
        enabled ? DecodeToFloat(layer.m_Inputs[2], layer.m_ConstantInputs[2]) : std::vector<float>(count, 0.0f);
    bias.resize(padded, 0.0f);
    return bias;
}

unsigned RoundUp4(unsigned value)
{
    return (value + 3) / 4 * 4;
}

cl_int I(unsigned value)
{
    return static_cast<cl_int>(value);
}

template <typename Descriptor>
bool CheckConvolution(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<Descriptor>();
    if (!CheckWeighted(layer, desc.m_BiasEnabled, reason) || !CheckNhwc(desc.m_DataLayout, reason))
    {
        return false;
    }
    if (layer.m_Inputs[0].GetNumDimensions() != 4 || layer.m_Inputs[1].GetNumDimensions() != 4)
    {
        reason = "input and weights must be 4-D";
        return false;
    }
    return true;
}
} // namespace

RuntimeScope::RuntimeScope(std::shared_ptr<ClRuntime> runtime) : m_Previous(std::move(t_Runtime))
{
    t_Runtime = std::move(runtime);
}

RuntimeScope::~RuntimeScope()
{
    t_Runtime = std::move(m_Previous);
}

bool CheckActivation(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<ActivationDescriptor>();
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    if (!IsKernelActivation(desc.m_Function))
    {
        reason = std::string("activation function ") + GetActivationFunctionAsCString(desc.m_Function) +
                 " is not supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ActivationDescriptor>();
    const unsigned n = layer.m_Inputs[0].GetNumElements();
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("activation", 1, {n, 1, 1});
    w->Input(0).Output(0).Arg(I(n)).Args(ActOf(ActivationDescriptor(desc)));
    w->Finish(layer);
    return w;
}

bool CheckConvolution2d(const LayerInfo& layer, std::string& reason)
{
    return CheckConvolution<Convolution2dDescriptor>(layer, reason);
}

std::unique_ptr<IWorkload> CreateConvolution2d(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& ws = layer.m_Inputs[1].GetShape();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    const unsigned N = in[0], H = in[1], W = in[2], C = in[3];
    const unsigned OH = out[1], OW = out[2], O = out[3], KH = ws[1], KW = ws[2];
    // [O, KH, KW, C] -> [KH, KW, C, OP]: a work-item's 4 output channels are one vector load.
    const unsigned OP = RoundUp4(O);
    const std::vector<float> weights = DecodeToFloat(layer.m_Inputs[1], layer.m_ConstantInputs[1]);
    std::vector<float> packed(static_cast<size_t>(KH) * KW * C * OP, 0.0f);
    for (unsigned o = 0; o < O; ++o)
    {
        for (unsigned k = 0; k < KH * KW * C; ++k)
        {
            packed[k * OP + o] = weights[o * KH * KW * C + k];
        }
    }
    auto w = std::make_unique<KernelWorkload>(layer);
    const MemPtr weightBuffer = w->Upload(packed);
    const MemPtr biasBuffer = w->Upload(BiasOf(layer, desc.m_BiasEnabled, O, OP));
    const bool pointwise = KH == 1 && KW == 1 && desc.m_StrideX == 1 && desc.m_StrideY == 1 && desc.m_PadTop == 0 &&
                           desc.m_PadLeft == 0 && OH == H && OW == W;
    if (pointwise)
    {
        const unsigned P = N * H * W;
        w->Add("matmul", 2, {OP / 4, (P + 3) / 4, 1});
        w->Input(0).Buffer(weightBuffer).Buffer(biasBuffer).Output(0).Arg(I(P)).Arg(I(C)).Arg(I(O)).Arg(I(OP));
    }
    else
    {
        w->Add("conv2d", 3, {OP / 4, (OW + 3) / 4 * OH, N});
        w->Input(0).Buffer(weightBuffer).Buffer(biasBuffer).Output(0);
        w->Arg(I(H)).Arg(I(W)).Arg(I(C)).Arg(I(OH)).Arg(I(OW)).Arg(I(O)).Arg(I(OP)).Arg(I(KH)).Arg(I(KW));
        w->Arg(I(desc.m_StrideY)).Arg(I(desc.m_StrideX)).Arg(I(desc.m_DilationY)).Arg(I(desc.m_DilationX));
        w->Arg(I(desc.m_PadTop)).Arg(I(desc.m_PadLeft));
    }
    w->Args(ActOf(layer.m_FusedActivation));
    w->Finish(layer);
    return w;
}

bool CheckDepthwiseConvolution2d(const LayerInfo& layer, std::string& reason)
{
    if (!CheckConvolution<DepthwiseConvolution2dDescriptor>(layer, reason))
    {
        return false;
    }
    if (layer.m_Inputs[1].GetShape()[0] != 1 || layer.m_Outputs[0].GetShape()[3] % layer.m_Inputs[0].GetShape()[3] != 0)
    {
        reason = "weights must be [1, H, W, C * M]";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateDepthwiseConvolution2d(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& ws = layer.m_Inputs[1].GetShape();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    const unsigned N = in[0], H = in[1], W = in[2], C = in[3];
    const unsigned OH = out[1], OW = out[2], O = out[3], KH = ws[1], KW = ws[2];
    auto w = std::make_unique<KernelWorkload>(layer);
    const MemPtr weightBuffer = w->Upload(DecodeToFloat(layer.m_Inputs[1], layer.m_ConstantInputs[1]));
    const MemPtr biasBuffer = w->Upload(BiasOf(layer, desc.m_BiasEnabled, O, O));
    if (O == C && C % 4 == 0)
    {
        w->Add("depthwise_conv2d_c4", 3, {C / 4, (OW + 3) / 4 * OH, N});
        w->Input(0).Buffer(weightBuffer).Buffer(biasBuffer).Output(0);
        w->Arg(I(H)).Arg(I(W)).Arg(I(C)).Arg(I(OH)).Arg(I(OW)).Arg(I(KH)).Arg(I(KW));
    }
    else
    {
        w->Add("depthwise_conv2d", 3, {O, OH * OW, N});
        w->Input(0).Buffer(weightBuffer).Buffer(biasBuffer).Output(0);
        w->Arg(I(H)).Arg(I(W)).Arg(I(C)).Arg(I(OH)).Arg(I(OW)).Arg(I(O / C)).Arg(I(KH)).Arg(I(KW));
    }
    w->Arg(I(desc.m_StrideY)).Arg(I(desc.m_StrideX)).Arg(I(desc.m_DilationY)).Arg(I(desc.m_DilationX));
    w->Arg(I(desc.m_PadTop)).Arg(I(desc.m_PadLeft)).Args(ActOf(layer.m_FusedActivation));
    w->Finish(layer);
    return w;
}

bool CheckFullyConnected(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    if (!CheckWeighted(layer, desc.m_BiasEnabled, reason))
    {
        return false;
    }
    if (layer.m_Inputs[1].GetNumDimensions() != 2)
    {
        reason = "weights must be 2-D";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateFullyConnected(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    const TensorShape& ws = layer.m_Inputs[1].GetShape();
    const unsigned K = desc.m_TransposeWeightMatrix ? ws[1] : ws[0];
    const unsigned O = desc.m_TransposeWeightMatrix ? ws[0] : ws[1];
    const unsigned B = layer.m_Inputs[0].GetNumElements() / std::max(K, 1u);
    // [O, K] or [K, O] -> [K, OP]
    const unsigned OP = RoundUp4(O);
    const std::vector<float> weights = DecodeToFloat(layer.m_Inputs[1], layer.m_ConstantInputs[1]);
    std::vector<float> packed(static_cast<size_t>(K) * OP, 0.0f);
    for (unsigned o = 0; o < O; ++o)
    {
        for (unsigned k = 0; k < K; ++k)
        {
            packed[k * OP + o] = desc.m_TransposeWeightMatrix ? weights[o * K + k] : weights[k * O + o];
        }
    }
    auto w = std::make_unique<KernelWorkload>(layer);
    const MemPtr weightBuffer = w->Upload(packed);
    const MemPtr biasBuffer = w->Upload(BiasOf(layer, desc.m_BiasEnabled, O, OP));
    w->Add("matmul", 2, {OP / 4, (B + 3) / 4, 1});
    w->Input(0).Buffer(weightBuffer).Buffer(biasBuffer).Output(0).Arg(I(B)).Arg(I(K)).Arg(I(O)).Arg(I(OP));
    w->Args(ActOf(layer.m_FusedActivation));
    w->Finish(layer);
    return w;
}

bool CheckPooling2d(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    if (!CheckAllSameDataType(layer, reason) || !CheckNhwc(desc.m_DataLayout, reason) || !CheckFused(layer, reason))
    {
        return false;
    }
    if (desc.m_PoolType != PoolingAlgorithm::Max && desc.m_PoolType != PoolingAlgorithm::Average)
    {
        reason = "only Max and Average pooling are supported";
        return false;
    }
    if (layer.m_Inputs[0].GetNumDimensions() != 4)
    {
        reason = "the input must be 4-D";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreatePooling2d(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("pool2d", 3, {in[3], out[1] * out[2], in[0]});
    w->Input(0).Output(0).Arg(I(in[1])).Arg(I(in[2])).Arg(I(in[3])).Arg(I(out[1])).Arg(I(out[2]));
    w->Arg(I(desc.m_PoolHeight)).Arg(I(desc.m_PoolWidth)).Arg(I(desc.m_StrideY)).Arg(I(desc.m_StrideX));
    w->Arg(I(desc.m_PadTop)).Arg(I(desc.m_PadLeft)).Arg(I(desc.m_PadBottom)).Arg(I(desc.m_PadRight));
    w->Arg(cl_int(desc.m_PoolType == PoolingAlgorithm::Max));
    w->Arg(cl_int(desc.m_PaddingMethod == PaddingMethod::Exclude)).Args(ActOf(layer.m_FusedActivation));
    w->Finish(layer);
    return w;
}

bool CheckElementwiseBinary(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<ElementwiseBinaryDescriptor>();
    if (!CheckAllSameDataType(layer, reason) || !CheckMaxRank(layer, 4, reason) || !CheckFused(layer, reason))
    {
        return false;
    }
    if (static_cast<int>(desc.m_Operation) > static_cast<int>(BinaryOperation::SqDiff))
    {
        reason = std::string("operation ") + GetBinaryOperationAsCString(desc.m_Operation) + " is not supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateElementwiseBinary(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ElementwiseBinaryDescriptor>();
    const std::array<int, 4> out = Dims4(layer.m_Outputs[0].GetShape());
    auto strides = [&out](const TensorShape& shape) {
        const std::array<int, 4> dims = Dims4(shape);
        std::array<int, 4> s{};
        int stride = 1;
        for (size_t d = 4; d-- > 0;)
        {
            s[d] = dims[d] == 1 && out[d] != 1 ? 0 : stride;
            stride *= dims[d];
        }
        return s;
    };
    const unsigned n = layer.m_Outputs[0].GetNumElements();
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("binary", 1, {n, 1, 1});
    w->Input(0).Input(1).Output(0).Arg(I(n)).Arg(Int4(out));
    w->Arg(Int4(strides(layer.m_Inputs[0].GetShape()))).Arg(Int4(strides(layer.m_Inputs[1].GetShape())));
    w->Arg(static_cast<cl_int>(desc.m_Operation)).Args(ActOf(layer.m_FusedActivation));
    w->Finish(layer);
    return w;
}

bool CheckSoftmax(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<SoftmaxDescriptor>();
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    const int rank = static_cast<int>(layer.m_Inputs[0].GetNumDimensions());
    if (desc.m_Axis != -1 && desc.m_Axis != rank - 1)
    {
        reason = "only the last axis is supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateSoftmax(const LayerInfo& layer)
{
    const TensorShape& shape = layer.m_Inputs[0].GetShape();
    const unsigned L = shape.GetNumDimensions() == 0 ? 1 : shape[shape.GetNumDimensions() - 1];
    const unsigned rows = layer.m_Inputs[0].GetNumElements() / std::max(L, 1u);
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("softmax", 1, {rows, 1, 1});
    w->Input(0).Output(0).Arg(I(rows)).Arg(I(L)).Arg(layer.GetDescriptor<SoftmaxDescriptor>().m_Beta);
    w->Finish(layer);
    return w;
}

bool CheckConcat(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    // Each view is a slab along the axis: its other coordinates start at 0.
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    for (uint32_t view = 0; view < desc.GetNumViews(); ++view)
    {
        for (uint32_t d = 0; d < desc.GetNumDimensions(); ++d)
        {
            if (d != desc.GetConcatAxis() && desc.GetViewOrigin(view)[d] != 0)
            {
                reason = "view " + std::to_string(view) + " is offset along a dimension other than the axis";
                return false;
            }
        }
    }
    return true;
}

std::unique_ptr<IWorkload> CreateConcat(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    const unsigned axis = desc.GetConcatAxis();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    unsigned outer = 1;
    unsigned outInner = 1;
    unsigned below = 1; // elements per step along the axis
    for (unsigned d = 0; d < out.GetNumDimensions(); ++d)
    {
        (d < axis ? outer : outInner) *= out[d];
        below *= d > axis ? out[d] : 1;
    }
    auto w = std::make_unique<KernelWorkload>(layer);
    for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
    {
        const unsigned inInner = layer.m_Inputs[i].GetNumElements() / std::max(outer, 1u);
        w->Add("concat_slab", 2, {inInner, outer, 1});
        w->Input(i).Output(0).Arg(I(outer)).Arg(I(inInner)).Arg(I(outInner));
        w->Arg(I(desc.GetViewOrigin(static_cast<uint32_t>(i))[axis] * below));
    }
    w->Finish(layer);
    return w;
}

bool CheckMean(const LayerInfo& layer, std::string& reason)
{
    return CheckAllSameDataType(layer, reason) && CheckMaxRank(layer, 4, reason);
}

std::unique_ptr<IWorkload> CreateMean(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<MeanDescriptor>();
    const unsigned rank = layer.m_Inputs[0].GetNumDimensions();
    std::array<int, 4> reduce{0, 0, 0, 0};
    for (unsigned d = 0; d < rank; ++d)
    {
        const bool reduced =
            desc.m_Axis.empty() || std::find(desc.m_Axis.begin(), desc.m_Axis.end(), d) != desc.m_Axis.end();
        reduce[4 - rank + d] = reduced ? 1 : 0;
    }
    const unsigned n = layer.m_Outputs[0].GetNumElements();
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("mean", 1, {n, 1, 1});
    w->Input(0).Output(0).Arg(I(n)).Arg(Int4(Dims4(layer.m_Inputs[0].GetShape()))).Arg(Int4(reduce));
    w->Finish(layer);
    return w;
}

bool CheckPad(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason) || !CheckMaxRank(layer, 4, reason))
    {
        return false;
    }
    if (layer.GetDescriptor<PadDescriptor>().m_PaddingMode != PaddingMode::Constant)
    {
        reason = "only constant padding is supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreatePad(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<PadDescriptor>();
    const unsigned rank = layer.m_Inputs[0].GetNumDimensions();
    std::array<int, 4> before{0, 0, 0, 0};
    for (unsigned d = 0; d < rank && d < desc.m_PadList.size(); ++d)
    {
        before[4 - rank + d] = static_cast<int>(desc.m_PadList[d].first);
    }
    const unsigned n = layer.m_Outputs[0].GetNumElements();
    auto w = std::make_unique<KernelWorkload>(layer);
    w->Add("pad", 1, {n, 1, 1});
    w->Input(0).Output(0).Arg(I(n)).Arg(Int4(Dims4(layer.m_Inputs[0].GetShape())));
    w->Arg(Int4(Dims4(layer.m_Outputs[0].GetShape()))).Arg(Int4(before)).Arg(desc.m_PadValue);
    w->Finish(layer);
    return w;
}

bool CheckReshape(const LayerInfo& layer, std::string& reason)
{
    if (layer.IsConstantInput(0))
    {
        reason = "a constant input is not supported";
        return false;
    }
    return CheckAllSameDataType(layer, reason);
}

std::unique_ptr<IWorkload> CreateReshape(const LayerInfo& layer)
{
    // A reshape copies the buffer as it is: the same bytes in row-major order.
    class ReshapeWorkload final : public IWorkload
    {
    public:
        ReshapeWorkload(std::shared_ptr<ClRuntime> runtime, const LayerInfo& layer)
            : m_Runtime(std::move(runtime)), m_Layer(layer.Describe()), m_Bytes(layer.m_Outputs[0].GetNumBytes())
        {}
        void Execute(const ExecutionTensors& tensors) const override
        {
            if (m_Bytes == 0)
            {
                return;
            }
            Check(clEnqueueCopyBuffer(m_Runtime->Queue(), BufferOf(tensors.m_Inputs[0], m_Layer),
                                      BufferOf(tensors.m_Outputs[0], m_Layer), 0, 0, m_Bytes, 0, nullptr, nullptr),
                  "clEnqueueCopyBuffer");
        }

    private:
        std::shared_ptr<ClRuntime> m_Runtime;
        std::string m_Layer;
        size_t m_Bytes;
    };
    return std::make_unique<ReshapeWorkload>(CurrentRuntime(layer), layer);
}

} // namespace gpuacc
} // namespace armnn

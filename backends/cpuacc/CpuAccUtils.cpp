#include "CpuAccUtils.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <omp.h>
#include <sys/mman.h>

#include <algorithm>
#include <atomic>

namespace armnn
{
namespace cpuacc
{

namespace
{
/// The OpenMP thread count the calling thread's last ThreadScope left in force (CpuAccThreadsInLastScope).
thread_local int t_ThreadsInLastScope = 0;

/// NumberOfThreads as an unsigned count; 0 when the value is not a non-negative integer.
unsigned AsThreadCount(const BackendOptions::Var& value)
{
    if (value.IsUnsignedInt())
    {
        return value.AsUnsignedInt();
    }
    if (value.IsInt() && value.AsInt() > 0)
    {
        return static_cast<unsigned>(value.AsInt());
    }
    return 0;
}

/// Below these sizes a layer runs on the calling thread alone: starting and joining an OpenMP team (about 1 us on
/// 2 vCPUs with the team's threads still spinning, more when the other vCPU is busy) costs more than the second
/// thread saves. Element-wise layers of a few thousand values were faster on one thread (MobileNet v2 0.35/96, per
/// layer, minimum of 1000 runs). The weighted-layer bound was 256k multiply-adds while oneDNN ran them; with our
/// 8-bit kernels and the batch-1 GEMV, 64k measured best on whole networks at 2 threads (median of 300 runs,
/// three rounds; 256k -> 64k: MobileNet v1 0.25/128 int8 0.166 -> 0.149 ms, MobileNet v2 0.35/96 int8
/// 0.232 -> 0.200, fp32 0.244 -> 0.219 and ~0.30 -> 0.27; 16k was no better).
constexpr size_t kParallelMultiplyAdds = 64 * 1024;
constexpr size_t kParallelElements = 64 * 1024;

/// Multiply-adds of a weighted layer (output pixels x weights), or 0 for the other layers.
size_t MultiplyAdds(const LayerInfo& layer)
{
    if (layer.m_Inputs.size() < 2 || layer.m_Outputs.empty())
    {
        return 0;
    }
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    size_t channels = 0;
    switch (layer.m_Type)
    {
        case LayerType::Convolution2d: channels = w[0]; break; // [O, H, W, I] or [O, I, H, W]
        case LayerType::DepthwiseConvolution2d:
            if (layer.m_Inputs[0].GetDataType() == DataType::QAsymmS8 ||
                layer.m_Inputs[0].GetDataType() == DataType::QAsymmU8)
            {
                // kernels/QuantizedDepthwise.cpp: each output's requantization costs about 16 multiply-adds on top
                // of its taps (measured: MobileNet v2 0.35/96's 24x24x48 layer, 249k multiply-adds, 18.6 us on
                // one thread, 10.1 on two).
                return layer.m_Outputs[0].GetNumElements() * (w[1] * w[2] + 16);
            }
            channels = w[3]; // [1, H, W, C * M]
            break;
        case LayerType::FullyConnected:
            channels = layer.GetDescriptor<FullyConnectedDescriptor>().m_TransposeWeightMatrix ? w[0] : w[1];
            break;
        default: return 0;
    }
    return channels == 0 ? 0 : layer.m_Outputs[0].GetNumElements() / channels * w.GetNumElements();
}

bool IsSmallLayer(const LayerInfo& layer)
{
    const size_t macs = MultiplyAdds(layer);
    if (macs != 0)
    {
        return macs < kParallelMultiplyAdds;
    }
    size_t elements = 0;
    for (const TensorInfo& info : layer.m_Inputs)
    {
        elements = std::max<size_t>(elements, info.GetNumElements());
    }
    for (const TensorInfo& info : layer.m_Outputs)
    {
        elements = std::max<size_t>(elements, info.GetNumElements());
    }
    return elements < kParallelElements;
}
} // namespace

const dnnl::engine& Engine()
{
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

unsigned NumThreads(const LayerInfo& layer)
{
    if (IsSmallLayer(layer))
    {
        return 1;
    }
    unsigned threads = 0;
    if (layer.m_ModelOptions != nullptr)
    {
        ParseOptions(*layer.m_ModelOptions, "CpuAcc", [&threads](const std::string& name, const BackendOptions::Var& v) {
            if (name == "NumberOfThreads")
            {
                threads = AsThreadCount(v);
            }
        });
    }
    return threads;
}

ThreadScope::ThreadScope(unsigned numThreads) : m_Previous(omp_get_max_threads())
{
    if (numThreads != 0 && static_cast<int>(numThreads) != m_Previous)
    {
        omp_set_num_threads(static_cast<int>(numThreads));
    }
    t_ThreadsInLastScope = omp_get_max_threads();
}

ThreadScope::~ThreadScope()
{
    if (omp_get_max_threads() != m_Previous)
    {
        omp_set_num_threads(m_Previous);
    }
}

dnnl::memory::dims ToDims(const TensorShape& shape)
{
    dnnl::memory::dims dims;
    for (unsigned i = 0; i < shape.GetNumDimensions(); ++i)
    {
        dims.push_back(static_cast<dnnl::memory::dim>(shape[i]));
    }
    if (dims.empty())
    {
        dims.push_back(1); // a scalar is one element
    }
    return dims;
}

dnnl::memory::desc RowMajor(const dnnl::memory::dims& dims)
{
    dnnl::memory::dims strides(dims.size(), 1);
    for (size_t i = dims.size() - 1; i > 0; --i)
    {
        strides[i - 1] = strides[i] * dims[i];
    }
    return dnnl::memory::desc(dims, dnnl::memory::data_type::f32, strides);
}

dnnl::memory::desc Image(const TensorShape& shape, DataLayout layout, dnnl::memory::data_type type)
{
    using tag = dnnl::memory::format_tag;
    const dnnl::memory::dim n = shape[0];
    if (layout == DataLayout::NHWC)
    {
        return dnnl::memory::desc({n, shape[3], shape[1], shape[2]}, type, tag::nhwc);
    }
    return dnnl::memory::desc({n, shape[1], shape[2], shape[3]}, type, tag::nchw);
}

bool ToEltwise(const ActivationDescriptor& activation, dnnl::algorithm& algorithm, float& alpha, float& beta,
               std::string& reason)
{
    using alg = dnnl::algorithm;
    alpha = 0.0f;
    beta = 0.0f;
    switch (activation.m_Function)
    {
        case ActivationFunction::Sigmoid: algorithm = alg::eltwise_logistic; return true;
        case ActivationFunction::TanH:
            // a * tanh(b * x): oneDNN's tanh has neither factor; TensorFlow Lite uses a = b = 1.
            if (activation.m_A != 1.0f || activation.m_B != 1.0f)
            {
                reason = "TanH with a or b other than 1 is not supported";
                return false;
            }
            algorithm = alg::eltwise_tanh;
            return true;
        case ActivationFunction::Linear:
            algorithm = alg::eltwise_linear;
            alpha = activation.m_A;
            beta = activation.m_B;
            return true;
        case ActivationFunction::ReLu: algorithm = alg::eltwise_relu; return true;
        case ActivationFunction::BoundedReLu:
            // min(a, max(b, x)): clip to [b, a].
            algorithm = alg::eltwise_clip_v2;
            alpha = activation.m_B;
            beta = activation.m_A;
            return true;
        case ActivationFunction::SoftReLu: algorithm = alg::eltwise_soft_relu; return true;
        case ActivationFunction::LeakyReLu:
            algorithm = alg::eltwise_relu;
            alpha = activation.m_A;
            return true;
        case ActivationFunction::Abs: algorithm = alg::eltwise_abs; return true;
        case ActivationFunction::Sqrt: algorithm = alg::eltwise_sqrt; return true;
        case ActivationFunction::Square: algorithm = alg::eltwise_square; return true;
        case ActivationFunction::Elu:
            algorithm = alg::eltwise_elu;
            alpha = activation.m_A;
            return true;
        case ActivationFunction::HardSwish: algorithm = alg::eltwise_hardswish; return true;
        case ActivationFunction::Gelu: algorithm = alg::eltwise_gelu_erf; return true;
    }
    reason = "activation function " + std::to_string(static_cast<int>(activation.m_Function)) + " is not supported";
    return false;
}

void AppendActivation(dnnl::post_ops& ops, const ActivationDescriptor& activation, const LayerInfo& layer)
{
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    float alpha = 0.0f;
    float beta = 0.0f;
    std::string reason;
    if (!ToEltwise(activation, algorithm, alpha, beta, reason))
    {
        throw InvalidArgumentException("CpuAcc: fused activation of " + layer.Describe() + ": " + reason);
    }
    ops.append_eltwise(1.0f, algorithm, alpha, beta);
}

dnnl::primitive_attr MakeAttr(const LayerInfo& layer)
{
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    if (layer.m_FusedActivation.has_value())
    {
        dnnl::post_ops ops;
        AppendActivation(ops, layer.m_FusedActivation.value(), layer);
        attr.set_post_ops(ops);
    }
    return attr;
}

bool CheckFusedActivation(const LayerInfo& layer, std::string& reason)
{
    if (!layer.m_FusedActivation.has_value())
    {
        return true;
    }
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    float alpha = 0.0f;
    float beta = 0.0f;
    if (!ToEltwise(layer.m_FusedActivation.value(), algorithm, alpha, beta, reason))
    {
        reason = "fused activation: " + reason;
        return false;
    }
    return true;
}

const float* ConstantAsFloat(const LayerInfo& layer, size_t index, std::vector<float>& decoded)
{
    if (layer.m_Inputs[index].GetDataType() == DataType::Float32)
    {
        return static_cast<const float*>(layer.m_ConstantInputs[index]);
    }
    decoded = DecodeToFloat(layer.m_Inputs[index], layer.m_ConstantInputs[index]);
    return decoded.data();
}

void AdviseHugePages(void* data, size_t bytes)
{
    constexpr uintptr_t huge = 2u << 20;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + huge - 1) / huge * huge;
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) / huge * huge;
    if (end > begin)
    {
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    }
}

dnnl::memory Reordered(const dnnl::memory::desc& from, const void* data, const dnnl::memory::desc& to)
{
    dnnl::memory source(from, Engine(), const_cast<void*>(data));
    dnnl::memory result(to, Engine());
    AdviseHugePages(result.get_data_handle(), to.get_size());
    dnnl::stream stream(Engine());
    dnnl::reorder(source, result).execute(stream, source, result);
    stream.wait();
    return result;
}

BoundArguments::BoundArguments(const std::vector<std::pair<int, dnnl::memory::desc>>& slots,
                               const std::vector<std::pair<int, dnnl::memory>>& constants)
    : m_Stream(Engine())
{
    for (const auto& slot : slots)
    {
        m_Memories.emplace_back(slot.second, Engine(), nullptr); // bound per call
        m_Args.push_back({slot.first, m_Memories.back().get()});
    }
    for (const auto& constant : constants)
    {
        m_Memories.push_back(constant.second);
        m_Args.push_back({constant.first, constant.second.get()});
    }
}

void BoundArguments::Bind(size_t slot, const void* data)
{
    // oneDNN takes a non-const handle for every memory; it only reads sources.
    m_Memories[slot].set_data_handle(const_cast<void*>(data));
}

void BoundArguments::Execute(const dnnl::primitive& primitive)
{
    dnnl::error::wrap_c_api(dnnl_primitive_execute(primitive.get(), m_Stream.get(), static_cast<int>(m_Args.size()),
                                                   m_Args.data()),
                            "could not execute a primitive");
    m_Stream.wait();
}

ArgumentPool::ArgumentPool(std::vector<std::pair<int, dnnl::memory::desc>> slots,
                           std::vector<std::pair<int, dnnl::memory>> constants)
    : m_Slots(std::move(slots)), m_Constants(std::move(constants))
{
    m_Free.push_back(std::make_unique<BoundArguments>(m_Slots, m_Constants)); // the one a lone caller uses
}

ArgumentPool::Lease ArgumentPool::Take() const
{
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        if (!m_Free.empty())
        {
            std::unique_ptr<BoundArguments> arguments = std::move(m_Free.back());
            m_Free.pop_back();
            return Lease(*this, std::move(arguments));
        }
    }
    return Lease(*this, std::make_unique<BoundArguments>(m_Slots, m_Constants));
}

ArgumentPool::Lease::~Lease()
{
    std::lock_guard<std::mutex> lock(m_Pool.m_Mutex);
    m_Pool.m_Free.push_back(std::move(m_Arguments));
}

namespace
{
std::vector<std::pair<int, dnnl::memory::desc>> Slots(const std::vector<TensorArg>& args,
                                                      const dnnl::memory::desc& scratchpad)
{
    std::vector<std::pair<int, dnnl::memory::desc>> slots;
    for (const TensorArg& arg : args)
    {
        slots.emplace_back(arg.m_Arg, arg.m_Desc);
    }
    if (scratchpad.get_size() != 0)
    {
        slots.emplace_back(DNNL_ARG_SCRATCHPAD, scratchpad);
    }
    return slots;
}
} // namespace

PrimitiveWorkload::PrimitiveWorkload(dnnl::primitive primitive, const dnnl::memory::desc& scratchpad,
                                     std::vector<TensorArg> args, std::vector<std::pair<int, dnnl::memory>> constants,
                                     unsigned numThreads, bool packedConstants)
    : m_Primitive(std::move(primitive)), m_ScratchBytes(scratchpad.get_size()), m_Args(std::move(args)),
      m_Pool(Slots(m_Args, scratchpad), std::move(constants)), m_NumThreads(numThreads),
      m_PackedConstants(packedConstants)
{}

void PrimitiveWorkload::Execute(const ExecutionTensors& tensors) const
{
    ThreadScope threads(m_NumThreads);
    const ArgumentPool::Lease arguments = m_Pool.Take();
    for (size_t i = 0; i < m_Args.size(); ++i)
    {
        const TensorArg& arg = m_Args[i];
        arguments->Bind(i, arg.m_IsOutput ? tensors.Output(arg.m_Index) : tensors.Input(arg.m_Index));
    }
    if (m_ScratchBytes != 0)
    {
        arguments->Bind(m_Args.size(), tensors.m_Scratch);
    }
    arguments->Execute(m_Primitive);
}

} // namespace cpuacc
} // namespace armnn

/// Test hook (found with dlsym): the OpenMP thread count in force inside the calling thread's last CpuAcc
/// ThreadScope, i.e. what the last CpuAcc workload executed on this thread ran with.
extern "C" __attribute__((visibility("default"))) int CpuAccThreadsInLastScope()
{
    return armnn::cpuacc::t_ThreadsInLastScope;
}

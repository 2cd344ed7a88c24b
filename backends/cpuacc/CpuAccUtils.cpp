#include "CpuAccUtils.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <omp.h>


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
} // namespace

const dnnl::engine& Engine()
{
    static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

unsigned NumThreads(const LayerInfo& layer)
{
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

dnnl::primitive_attr MakeAttr(const LayerInfo& layer)
{
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    if (layer.m_FusedActivation.has_value())
    {
        dnnl::algorithm algorithm = dnnl::algorithm::undef;
        float alpha = 0.0f;
        float beta = 0.0f;
        std::string reason;
        if (!ToEltwise(layer.m_FusedActivation.value(), algorithm, alpha, beta, reason))
        {
            throw InvalidArgumentException("CpuAcc: fused activation of " + layer.Describe() + ": " + reason);
        }
        dnnl::post_ops ops;
        ops.append_eltwise(1.0f, algorithm, alpha, beta);
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

std::vector<float> ConstantAsFloat(const LayerInfo& layer, size_t index)
{
    return DecodeToFloat(layer.m_Inputs[index], layer.m_ConstantInputs[index]);
}

dnnl::memory Reordered(const dnnl::memory::desc& from, const void* data, const dnnl::memory::desc& to)
{
    dnnl::memory source(from, Engine(), const_cast<void*>(data));
    dnnl::memory result(to, Engine());
    dnnl::stream stream(Engine());
    dnnl::reorder(source, result).execute(stream, source, result);
    stream.wait();
    return result;
}

PrimitiveWorkload::PrimitiveWorkload(dnnl::primitive primitive, const dnnl::memory::desc& scratchpad,
                                     std::vector<TensorArg> args, std::vector<std::pair<int, dnnl::memory>> constants,
                                     unsigned numThreads)
    : m_Primitive(std::move(primitive)), m_Scratchpad(scratchpad), m_Args(std::move(args)),
      m_Constants(std::move(constants)), m_NumThreads(numThreads)
{}

void PrimitiveWorkload::Execute(const ExecutionTensors& tensors) const
{
    ThreadScope threads(m_NumThreads);
    std::unordered_map<int, dnnl::memory> args;
    for (const TensorArg& arg : m_Args)
    {
        // oneDNN takes a non-const handle for every memory; it only reads sources.
        void* data = arg.m_IsOutput ? tensors.Output(arg.m_Index) : const_cast<void*>(tensors.Input(arg.m_Index));
        args.emplace(arg.m_Arg, dnnl::memory(arg.m_Desc, Engine(), data));
    }
    for (const auto& constant : m_Constants)
    {
        args.emplace(constant.first, constant.second);
    }
    if (m_Scratchpad.get_size() != 0)
    {
        args.emplace(DNNL_ARG_SCRATCHPAD, dnnl::memory(m_Scratchpad, Engine(), tensors.m_Scratch));
    }
    dnnl::stream stream(Engine());
    m_Primitive.execute(stream, args);
    stream.wait();
}

} // namespace cpuacc
} // namespace armnn

/// Test hook (found with dlsym): the OpenMP thread count in force inside the calling thread's last CpuAcc
/// ThreadScope, i.e. what the last CpuAcc workload executed on this thread ran with.
extern "C" __attribute__((visibility("default"))) int CpuAccThreadsInLastScope()
{
    return armnn::cpuacc::t_ThreadsInLastScope;
}

//
// Building blocks of the CpuAcc kernels: the one oneDNN engine, the thread count, tensor descriptions and the
// workload that runs one oneDNN primitive. Kernels build a primitive once (weights reordered into the layout
// it wants) and execute it with memory objects made once and rebound to each call's tensors and the
// runtime-planned scratch memory, so concurrent Execute calls share nothing mutable.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <oneapi/dnnl/dnnl.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace armnn
{
namespace cpuacc
{

/// The process's CPU engine (oneDNN's primitives and memory bind to one).
const dnnl::engine& Engine();

/// NumberOfThreads from the layer's model options (CpuAccBackend puts its runtime's options first, so the
/// network's win); 0, or none given, means OpenMP's default. Small layers get 1 whatever the option (an OpenMP
/// team costs more than it saves there; see CpuAccUtils.cpp).
unsigned NumThreads(const LayerInfo& layer);

/// While alive, the calling thread's OpenMP regions (oneDNN's and ours) use numThreads threads (0: unchanged).
/// OpenMP keeps the setting per calling thread, so concurrent callers do not disturb each other. oneDNN fixes a
/// primitive's thread count when it is created, so primitives are created and executed under the same scope.
class ThreadScope
{
public:
    explicit ThreadScope(unsigned numThreads);
    ~ThreadScope();
    ThreadScope(const ThreadScope&) = delete;
    ThreadScope& operator=(const ThreadScope&) = delete;

private:
    int m_Previous = 0;
};

/// Runs `body` in an OpenMP parallel region of `teams` threads, or on the calling thread alone when teams <= 1:
/// GNU OpenMP's GOMP_parallel allocates and frees its team even where an if clause keeps it to one thread (about
/// 1% of MobileNet v2 int8 on one thread). Inside `body`, omp_get_thread_num() and orphaned `omp for` loops work
/// either way.
template <typename Body>
void RunInTeam(int teams, const Body& body)
{
    if (teams <= 1)
    {
        body();
        return;
    }
#pragma omp parallel num_threads(teams)
    body();
}

/// A shape as oneDNN dims.
dnnl::memory::dims ToDims(const TensorShape& shape);

/// A dense row-major Float32 tensor of these dims.
dnnl::memory::desc RowMajor(const dnnl::memory::dims& dims);

/// An image tensor as oneDNN sees it: dims {N, C, H, W} whatever the layout, laid out as NHWC or NCHW.
dnnl::memory::desc Image(const TensorShape& shape, DataLayout layout,
                         dnnl::memory::data_type type = dnnl::memory::data_type::f32);

/// Maps an Arm NN activation to a oneDNN eltwise algorithm; false with a reason when oneDNN has none.
bool ToEltwise(const ActivationDescriptor& activation, dnnl::algorithm& algorithm, float& alpha, float& beta,
               std::string& reason);

/// Appends an activation to a post-op chain.
/// @throws InvalidArgumentException naming `layer` when the activation has no oneDNN equivalent.
void AppendActivation(dnnl::post_ops& ops, const ActivationDescriptor& activation, const LayerInfo& layer);

/// The layer's fused activation (if any) as a post-op, with the user-managed scratchpad every kernel uses.
/// @throws InvalidArgumentException when the activation has no oneDNN equivalent (checks refuse it first).
dnnl::primitive_attr MakeAttr(const LayerInfo& layer);

/// Check helper: the fused activation, if any, has a oneDNN equivalent.
bool CheckFusedActivation(const LayerInfo& layer, std::string& reason);

/// Runs a check that builds a primitive descriptor: oneDNN's refusal (no implementation, inconsistent shapes)
/// becomes the reason.
template <typename Fn>
bool CheckBuilds(std::string& reason, Fn build)
{
    try
    {
        build();
        return true;
    }
    catch (const dnnl::error& e)
    {
        reason = std::string("oneDNN cannot build it: ") + e.what();
        return false;
    }
}

/// The constant float data of input `index`: the layer's own data when it is Float32 (no copy: a transient copy of
/// ResNet-50's weights cost load time and left the heap fragmented), else decoded into `decoded` (Float16).
const float* ConstantAsFloat(const LayerInfo& layer, size_t index, std::vector<float>& decoded);

/// Asks the kernel for 2 MiB pages on the whole 2 MiB blocks of [data, data + bytes), before they are first written.
/// Batch-1 inference reads every weight from memory once per run (ResNet-50's 100 MB cannot stay in the caches);
/// with 4 KiB pages each page costs a TLB miss, and a nested page walk under a hypervisor. Measured on ResNet-50/128
/// fp32 (sum of the layers' medians, loaded machine): 2-3% less on 1 and 2 threads, the fully connected layer's
/// 8 MB of weights about 25% faster. No effect where transparent huge pages are off.
void AdviseHugePages(void* data, size_t bytes);

/// Reorders `data` (described by `from`) into a new library-owned memory of layout `to`, once, at load (on huge
/// pages where it spans them).
dnnl::memory Reordered(const dnnl::memory::desc& from, const void* data, const dnnl::memory::desc& to);

/// One argument of a primitive bound to a tensor of the execution: input or output `index`.
struct TensorArg
{
    int m_Arg;
    bool m_IsOutput;
    size_t m_Index;
    dnnl::memory::desc m_Desc;
};

/// A primitive's arguments for one execution at a time: a stream and memory objects made once, pointed at each
/// call's buffers with set_data_handle, so a call creates no oneDNN object. Slots are the arguments bound per call
/// (in the order given), constants the fixed ones (packed weights).
class BoundArguments
{
public:
    BoundArguments(const std::vector<std::pair<int, dnnl::memory::desc>>& slots,
                   const std::vector<std::pair<int, dnnl::memory>>& constants);

    void Bind(size_t slot, const void* data);
    /// Executes `primitive` on the bound buffers and waits for it.
    void Execute(const dnnl::primitive& primitive);

private:
    dnnl::stream m_Stream;
    std::vector<dnnl::memory> m_Memories; // the slots, then the constants
    std::vector<dnnl_exec_arg_t> m_Args;
};

/// The BoundArguments of one workload. Execute takes a set and gives it back when done; calls that overlap each
/// get their own (the pool grows to the most calls at once), so no call rebinds memory another call is using.
class ArgumentPool
{
public:
    ArgumentPool(std::vector<std::pair<int, dnnl::memory::desc>> slots,
                 std::vector<std::pair<int, dnnl::memory>> constants);

    class Lease
    {
    public:
        Lease(const ArgumentPool& pool, std::unique_ptr<BoundArguments> arguments)
            : m_Pool(pool), m_Arguments(std::move(arguments)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        BoundArguments* operator->() const { return m_Arguments.get(); }

    private:
        const ArgumentPool& m_Pool;
        std::unique_ptr<BoundArguments> m_Arguments;
    };

    Lease Take() const;

private:
    std::vector<std::pair<int, dnnl::memory::desc>> m_Slots;
    std::vector<std::pair<int, dnnl::memory>> m_Constants;
    mutable std::mutex m_Mutex;
    mutable std::vector<std::unique_ptr<BoundArguments>> m_Free;
};

/// A workload that executes one oneDNN primitive. Constant arguments (packed weights, bias) are memories owned
/// by the workload; tensor arguments and the scratchpad (the execution's scratch memory) are bound per call
/// through an ArgumentPool, so the primitive is executed concurrently without sharing anything mutable.
class PrimitiveWorkload final : public IWorkload
{
public:
    /// packedConstants: `constants` hold everything the primitive needs of the layer's constant inputs and no
    /// TensorArg reads one (IWorkload::PackedConstantInputs).
    PrimitiveWorkload(dnnl::primitive primitive, const dnnl::memory::desc& scratchpad, std::vector<TensorArg> args,
                      std::vector<std::pair<int, dnnl::memory>> constants, unsigned numThreads,
                      bool packedConstants = false);

    void Execute(const ExecutionTensors& tensors) const override;
    size_t GetScratchBytes() const override { return m_ScratchBytes; }
    bool PackedConstantInputs() const override { return m_PackedConstants; }

private:
    dnnl::primitive m_Primitive;
    size_t m_ScratchBytes;
    std::vector<TensorArg> m_Args;
    ArgumentPool m_Pool;
    unsigned m_NumThreads;
    bool m_PackedConstants;
};

/// Builds a PrimitiveWorkload from a primitive descriptor (its scratchpad is user-managed, see MakeAttr).
/// Call it inside the ThreadScope the descriptor was created in.
template <typename PrimitiveDesc>
std::unique_ptr<IWorkload> MakePrimitiveWorkload(const PrimitiveDesc& pd, std::vector<TensorArg> args,
                                                 std::vector<std::pair<int, dnnl::memory>> constants,
                                                 unsigned numThreads, bool packedConstants = false)
{
    return std::make_unique<PrimitiveWorkload>(dnnl::primitive(pd.get()), pd.scratchpad_desc(), std::move(args),
                                               std::move(constants), numThreads, packedConstants);
}

/// The workload of a primitive with one source and one destination and no constants (activation, pooling, mean,
/// softmax): describe(layer) is called inside the layer's ThreadScope.
template <typename DescribeFn>
std::unique_ptr<IWorkload> MakeSingleInputWorkload(const LayerInfo& layer, DescribeFn describe)
{
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    const auto pd = describe(layer);
    return MakePrimitiveWorkload(pd, {{DNNL_ARG_SRC, false, 0, pd.src_desc()}, {DNNL_ARG_DST, true, 0, pd.dst_desc()}},
                                 {}, threads);
}

/// The oneDNN convolution of a Convolution2d or DepthwiseConvolution2d descriptor (strides, dilations, pads),
/// with attr's post-ops (MakeAttr(layer) for the layer's fused activation).
template <typename ConvolutionDescriptor>
dnnl::convolution_forward::primitive_desc ConvolutionPrimitive(const dnnl::primitive_attr& attr,
                                                               const ConvolutionDescriptor& desc,
                                                               const dnnl::memory::desc& src,
                                                               const dnnl::memory::desc& weights,
                                                               const dnnl::memory::desc& bias,
                                                               const dnnl::memory::desc& dst)
{
    // oneDNN counts dilation from 0 (no dilation).
    const dnnl::convolution_forward::desc conv(
        dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, src, weights, bias, dst,
        {desc.m_StrideY, desc.m_StrideX}, {desc.m_DilationY - 1, desc.m_DilationX - 1},
        {desc.m_PadTop, desc.m_PadLeft}, {desc.m_PadBottom, desc.m_PadRight});
    return dnnl::convolution_forward::primitive_desc(conv, attr, Engine());
}

} // namespace cpuacc
} // namespace armnn

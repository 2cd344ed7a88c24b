#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/LayerAccess.hpp>

#include <set>

namespace armnn
{
namespace cpuacc
{

namespace
{
// oneDNN's direct convolution on the plain NHWC (or NCHW) tensors: the activations stay in the runtime's layout,
// so no reorder runs per call; only the weights go to the blocked layout oneDNN picks (format any), once.
dnnl::convolution_forward::primitive_desc Describe(const LayerInfo& layer, const dnnl::primitive_attr& attr)
{
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const dnnl::memory::desc src = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc dst = Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc weightsUser = Image(layer.m_Inputs[1].GetShape(), desc.m_DataLayout); // [O,H,W,I]
    const dnnl::memory::desc weights(weightsUser.dims(), dnnl::memory::data_type::f32, dnnl::memory::format_tag::any);
    const dnnl::memory::desc bias = desc.m_BiasEnabled
        ? dnnl::memory::desc({weightsUser.dims()[0]}, dnnl::memory::data_type::f32, dnnl::memory::format_tag::a)
        : dnnl::memory::desc();
    return ConvolutionPrimitive(attr, desc, src, weights, bias, dst);
}

/// The workload of a float convolution described by pd; `extra` are tensor arguments besides source and
/// destination (a residual addend).
std::unique_ptr<IWorkload> CreateFloat(const LayerInfo& layer, const dnnl::convolution_forward::primitive_desc& pd,
                                       unsigned threads, std::vector<TensorArg> extra)
{
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    std::vector<float> decoded;
    const float* weights = ConstantAsFloat(layer, 1, decoded);
    std::vector<std::pair<int, dnnl::memory>> constants = {
        {DNNL_ARG_WEIGHTS,
         Reordered(Image(layer.m_Inputs[1].GetShape(), desc.m_DataLayout), weights, pd.weights_desc())}};
    if (desc.m_BiasEnabled)
    {
        const float* bias = ConstantAsFloat(layer, 2, decoded);
        constants.push_back({DNNL_ARG_BIAS, Reordered(pd.bias_desc(), bias, pd.bias_desc())});
    }
    std::vector<TensorArg> args = {{DNNL_ARG_SRC, false, 0, pd.src_desc()}, {DNNL_ARG_DST, true, 0, pd.dst_desc()}};
    args.insert(args.end(), extra.begin(), extra.end());
    return MakePrimitiveWorkload(pd, std::move(args), std::move(constants), threads, true);
}

/// The blob of CpuAcc's PreCompiled layer for a Convolution2d whose only reader is an Add of another tensor of the
/// same shape (ResNet's and the MobileNets' residual connections). The layer's inputs are the convolution's (data,
/// weights, bias if enabled), then the addend; its output is the Add's.
struct ConvolutionAdd
{
    Convolution2dDescriptor m_Convolution;
    std::string m_ConvolutionName;
    TensorInfo m_ConvolutionOutput; // its quantization is the Add's first input's in 8-bit layers
    Optional<ActivationDescriptor> m_ConvolutionActivation;
    Optional<ActivationDescriptor> m_AddActivation;
};

/// The convolution's post-ops: its own activation, the addend (a full tensor, so the sum is made while the
/// convolution's output is still in registers instead of in a second pass over memory), the Add's activation.
dnnl::primitive_attr ConvolutionAddAttr(const LayerInfo& convolution, const TensorInfo& addend,
                                        const Optional<ActivationDescriptor>& addActivation, int& addendArg)
{
    dnnl::primitive_attr attr = MakeAttr(convolution);
    dnnl::post_ops ops = attr.get_post_ops();
    addendArg = DNNL_ARG_ATTR_MULTIPLE_POST_OP(ops.len()) | DNNL_ARG_SRC_1;
    const auto layout = convolution.GetDescriptor<Convolution2dDescriptor>().m_DataLayout;
    ops.append_binary(dnnl::algorithm::binary_add, Image(addend.GetShape(), layout));
    if (addActivation.has_value())
    {
        AppendActivation(ops, addActivation.value(), convolution);
    }
    attr.set_post_ops(ops);
    return attr;
}

/// Whether oneDNN runs the convolution with the Add as post-ops with the implementation it runs without them, or
/// with another JIT kernel. oneDNN 2.6's brgconv takes no full-tensor binary post-op, so 1x1 convolutions go from
/// brgconv_1x1 to jit_1x1; measured on ResNet-50/128, jit_1x1 with the Add fused takes no more time than
/// brgconv_1x1 alone. A fallback to a reference kernel would cost more than the Add's pass saves.
bool FusesWell(const LayerInfo& convolution, const TensorInfo& addend, const Optional<ActivationDescriptor>& activation)
{
    try
    {
        int addendArg = 0;
        const std::string fused =
            Describe(convolution, ConvolutionAddAttr(convolution, addend, activation, addendArg)).impl_info_str();
        return fused == Describe(convolution, MakeAttr(convolution)).impl_info_str() || fused.rfind("jit", 0) == 0 ||
               fused.rfind("brg", 0) == 0;
    }
    catch (const dnnl::error&)
    {
        return false;
    }
    catch (const InvalidArgumentException&) // an activation oneDNN has no post-op for
    {
        return false;
    }
}

/// The Convolution2d to fuse into `add` through input `slot`, or null: a convolution of the subgraph, read by
/// nothing else, whose output has the Add's shape; Float32 where oneDNN keeps a fast kernel with the post-ops, 8-bit
/// where the GEMM runs it and can take the Add (CanFuseQuantizedGemmAdd, which the workload's creation checks again).
IConnectableLayer* FusableConvolution(IConnectableLayer& add, unsigned int slot,
                                      const std::set<const IConnectableLayer*>& members)
{
    IConnectableLayer& producer = add.GetInputSlot(slot).GetConnection()->GetOwningIConnectableLayer();
    if (producer.GetType() != LayerType::Convolution2d || members.count(&producer) == 0 ||
        producer.GetOutputSlot(0).GetNumConnections() != 1)
    {
        return nullptr;
    }
    const LayerInfo convolution = GetLayerInfo(producer);
    const LayerInfo addInfo = GetLayerInfo(add);
    if (convolution.m_Outputs[0].GetDataType() != addInfo.m_Outputs[0].GetDataType() ||
        convolution.m_Outputs[0].GetShape() != addInfo.m_Outputs[0].GetShape())
    {
        return nullptr;
    }
    if (IsQuantizedLayer(convolution))
    {
        const QuantizedResidualAdd fused{addInfo.m_Inputs[1 - slot], addInfo.m_Outputs[0], addInfo.m_FusedActivation};
        return CanFuseQuantizedGemmAdd(convolution, fused) ? &producer : nullptr;
    }
    return FusesWell(convolution, addInfo.m_Inputs[1 - slot], addInfo.m_FusedActivation) ? &producer : nullptr;
}

/// Whether `layer` is an Add of two tensors of its output's shape and data type (no broadcast), Float32 or 8-bit.
bool IsFullAdd(const IConnectableLayer& layer)
{
    if (layer.GetType() != LayerType::ElementwiseBinary ||
        static_cast<const ElementwiseBinaryDescriptor&>(layer.GetParameters()).m_Operation != BinaryOperation::Add)
    {
        return false;
    }
    const LayerInfo info = GetLayerInfo(layer);
    const DataType type = info.m_Outputs[0].GetDataType();
    for (const TensorInfo& input : info.m_Inputs)
    {
        if (input.GetDataType() != type || input.GetShape() != info.m_Outputs[0].GetShape())
        {
            return false;
        }
    }
    return type == DataType::Float32 || type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
}
} // namespace

bool CheckConvolution2d(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedWeightedLayer(layer, reason);
    }
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    return CheckFloatWeightedLayer(layer, desc.m_BiasEnabled, reason) &&
           CheckBuilds(reason, [&layer] { Describe(layer, MakeAttr(layer)); });
}

std::unique_ptr<IWorkload> CreateConvolution2d(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedWeightedLayer(layer);
    }
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    return CreateFloat(layer, Describe(layer, MakeAttr(layer)), threads, {});
}

OptimizationViews FuseConvolutionAdds(const SubgraphView& subgraph, const BackendId& backend)
{
    OptimizationViews views;
    const std::set<const IConnectableLayer*> members(subgraph.begin(), subgraph.end());
    std::set<const IConnectableLayer*> fused;
    for (IConnectableLayer* add : subgraph)
    {
        if (!IsFullAdd(*add))
        {
            continue;
        }
        for (unsigned int slot = 0; slot < 2; ++slot)
        {
            IConnectableLayer* convolution = FusableConvolution(*add, slot, members);
            if (convolution == nullptr)
            {
                continue;
            }
            SubgraphView::IInputSlots inputs;
            for (unsigned int i = 0; i < convolution->GetNumInputSlots(); ++i)
            {
                inputs.push_back(&convolution->GetInputSlot(i));
            }
            inputs.push_back(&add->GetInputSlot(1 - slot));

            const LayerInfo convolutionInfo = GetLayerInfo(*convolution);
            auto blob = std::make_unique<ConvolutionAdd>();
            blob->m_Convolution = convolutionInfo.GetDescriptor<Convolution2dDescriptor>();
            blob->m_ConvolutionName = convolution->GetName();
            blob->m_ConvolutionOutput = convolutionInfo.m_Outputs[0];
            blob->m_ConvolutionActivation = convolutionInfo.m_FusedActivation;
            blob->m_AddActivation = GetLayerInfo(*add).m_FusedActivation;
            // The layer owns the blob; the deleter is our code, which stays loaded for the life of the process.
            CompiledBlobPtr compiled(blob.release(), [](const void* p) { delete static_cast<const ConvolutionAdd*>(p); });
            IConnectableLayer* replacement = views.GetINetwork()->AddPrecompiledLayer(
                PreCompiledDescriptor(static_cast<unsigned int>(inputs.size()), 1), std::move(compiled), backend,
                add->GetName());
            views.AddSubstitution({SubgraphView({convolution, add}, std::move(inputs), {&add->GetOutputSlot(0)}),
                                   SubgraphView(replacement)});
            fused.insert(convolution);
            fused.insert(add);
            break;
        }
    }
    for (IConnectableLayer* layer : subgraph)
    {
        if (fused.count(layer) == 0)
        {
            views.AddUntouchedSubgraph(SubgraphView(layer));
        }
    }
    return views;
}

std::unique_ptr<IWorkload> CreateConvolutionAdd(const LayerInfo& layer)
{
    if (layer.m_PreCompiledBlob == nullptr)
    {
        throw InvalidArgumentException("CpuAcc: " + layer.Describe() +
                                       " has no compiled blob (CpuAcc runs only the PreCompiled layers it makes)");
    }
    const auto& blob = *static_cast<const ConvolutionAdd*>(layer.m_PreCompiledBlob);
    LayerInfo convolution = layer;
    convolution.m_Type = LayerType::Convolution2d;
    convolution.m_Descriptor = &blob.m_Convolution;
    convolution.m_Name = blob.m_ConvolutionName;
    convolution.m_FusedActivation = blob.m_ConvolutionActivation;
    convolution.m_Outputs[0] = blob.m_ConvolutionOutput;
    const TensorInfo addend = convolution.m_Inputs.back();
    convolution.m_Inputs.pop_back();
    convolution.m_ConstantInputs.pop_back();
    if (IsQuantizedLayer(convolution))
    {
        const QuantizedResidualAdd add{addend, layer.m_Outputs[0], blob.m_AddActivation, convolution.m_Inputs.size()};
        return CreateQuantizedGemm(convolution, &add);
    }

    const unsigned threads = NumThreads(convolution);
    ThreadScope scope(threads);
    int addendArg = 0;
    const auto pd = Describe(convolution, ConvolutionAddAttr(convolution, addend, blob.m_AddActivation, addendArg));
    const TensorArg addendTensor{addendArg, false, convolution.m_Inputs.size(),
                                 Image(addend.GetShape(), blob.m_Convolution.m_DataLayout)};
    return CreateFloat(convolution, pd, threads, {addendTensor});
}

} // namespace cpuacc
} // namespace armnn

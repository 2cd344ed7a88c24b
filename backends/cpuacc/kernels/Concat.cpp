#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
dnnl::concat::primitive_desc Describe(const LayerInfo& layer)
{
    std::vector<dnnl::memory::desc> sources;
    for (const TensorInfo& input : layer.m_Inputs)
    {
        sources.push_back(RowMajor(ToDims(input.GetShape())));
    }
    const int axis = static_cast<int>(layer.GetDescriptor<OriginsDescriptor>().GetConcatAxis());
    return dnnl::concat::primitive_desc(RowMajor(ToDims(layer.m_Outputs[0].GetShape())), axis, sources, Engine(),
                                        MakeAttr(layer));
}
} // namespace

bool CheckConcat(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    // oneDNN places the inputs one after the other along the axis, in order: the views must say the same.
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    const unsigned axis = desc.GetConcatAxis();
    unsigned offset = 0;
    for (uint32_t view = 0; view < desc.GetNumViews(); ++view)
    {
        const uint32_t* origin = desc.GetViewOrigin(view);
        for (uint32_t d = 0; d < desc.GetNumDimensions(); ++d)
        {
            if (origin[d] != (d == axis ? offset : 0u))
            {
                reason = "view " + std::to_string(view) + " is not placed after the previous view along the axis";
                return false;
            }
        }
        offset += layer.m_Inputs[view].GetShape()[axis];
    }
    if (IsQuantizedLayer(layer))
    {
        return CheckNoPerAxisQuantization(layer, reason);
    }
    return CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateConcat(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedConcat(layer);
    }
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    const auto pd = Describe(layer);
    std::vector<TensorArg> args;
    for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
    {
        args.push_back({DNNL_ARG_MULTIPLE_SRC + static_cast<int>(i), false, i, pd.src_desc(static_cast<int>(i))});
    }
    args.push_back({DNNL_ARG_DST, true, 0, pd.dst_desc()});
    return MakePrimitiveWorkload(pd, std::move(args), {}, threads);
}

} // namespace cpuacc
} // namespace armnn

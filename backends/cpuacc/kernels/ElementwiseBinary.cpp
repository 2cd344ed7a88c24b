#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
bool ToAlgorithm(BinaryOperation operation, dnnl::algorithm& algorithm)
{
    switch (operation)
    {
        case BinaryOperation::Add: algorithm = dnnl::algorithm::binary_add; return true;
        case BinaryOperation::Sub: algorithm = dnnl::algorithm::binary_sub; return true;
        case BinaryOperation::Mul: algorithm = dnnl::algorithm::binary_mul; return true;
        case BinaryOperation::Div: algorithm = dnnl::algorithm::binary_div; return true;
        case BinaryOperation::Maximum: algorithm = dnnl::algorithm::binary_max; return true;
        case BinaryOperation::Minimum: algorithm = dnnl::algorithm::binary_min; return true;
        default: return false;
    }
}

bool IsCommutative(BinaryOperation operation)
{
    return operation == BinaryOperation::Add || operation == BinaryOperation::Mul ||
           operation == BinaryOperation::Maximum || operation == BinaryOperation::Minimum;
}

/// Input `index`'s dims right-aligned against the output's rank (NumPy broadcasting).
dnnl::memory::dims Aligned(const LayerInfo& layer, size_t index)
{
    const dnnl::memory::dims out = ToDims(layer.m_Outputs[0].GetShape());
    const dnnl::memory::dims in = ToDims(layer.m_Inputs[index].GetShape());
    dnnl::memory::dims dims(out.size(), 1);
    if (layer.m_Inputs[index].GetNumDimensions() != 0)
    {
        std::copy(in.begin(), in.end(), dims.end() - static_cast<ptrdiff_t>(in.size()));
    }
    return dims;
}

/// oneDNN broadcasts its second source only: which input goes first (0 or 1), or -1 when neither can.
int FirstSource(const LayerInfo& layer)
{
    const dnnl::memory::dims out = ToDims(layer.m_Outputs[0].GetShape());
    if (Aligned(layer, 0) == out)
    {
        return 0;
    }
    const auto operation = layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation;
    if (Aligned(layer, 1) == out && IsCommutative(operation))
    {
        return 1;
    }
    return -1;
}

dnnl::binary::primitive_desc Describe(const LayerInfo& layer)
{
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    ToAlgorithm(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation, algorithm);
    const size_t first = static_cast<size_t>(FirstSource(layer));
    const dnnl::binary::desc binary(algorithm, RowMajor(Aligned(layer, first)), RowMajor(Aligned(layer, 1 - first)),
                                    RowMajor(ToDims(layer.m_Outputs[0].GetShape())));
    return dnnl::binary::primitive_desc(binary, MakeAttr(layer), Engine());
}
} // namespace

bool CheckElementwiseBinary(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedElementwiseBinary(layer, reason);
    }
    const BinaryOperation operation = layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation;
    dnnl::algorithm algorithm = dnnl::algorithm::undef;
    if (!ToAlgorithm(operation, algorithm))
    {
        reason = std::string("operation ") + GetBinaryOperationAsCString(operation) +
                 " is not supported (CpuAcc runs Add, Sub, Mul, Div, Maximum and Minimum)";
        return false;
    }
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    if (FirstSource(layer) < 0)
    {
        reason = "input 0 is broadcast (oneDNN broadcasts only its second source, and the operation does not "
                 "commute or both inputs are broadcast)";
        return false;
    }
    return CheckFusedActivation(layer, reason) && CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateElementwiseBinary(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedElementwiseBinary(layer);
    }
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    const auto pd = Describe(layer);
    const size_t first = static_cast<size_t>(FirstSource(layer));
    return MakePrimitiveWorkload(pd,
                                 {{DNNL_ARG_SRC_0, false, first, pd.src_desc(0)},
                                  {DNNL_ARG_SRC_1, false, 1 - first, pd.src_desc(1)},
                                  {DNNL_ARG_DST, true, 0, pd.dst_desc()}},
                                 {}, threads);
}

} // namespace cpuacc
} // namespace armnn

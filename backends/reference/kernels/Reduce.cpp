//
// Reduce (Sum, Mean, Max, Min, Prod over m_vAxis; empty = all axes) and Mean (MeanDescriptor), in float.
// Each input element is accumulated into the output element whose coordinates equal its own except on the
// reduced axes; keeping or dropping the reduced axes does not change the output's element order.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <limits>

namespace armnn
{
namespace ref
{

namespace
{
std::unique_ptr<IWorkload> CreateReduction(const LayerInfo& layer, std::vector<uint32_t> axes, ReduceOperation op)
{
    const TensorShape& inShape = layer.m_Inputs[0].GetShape();
    const unsigned int rank = inShape.GetNumDimensions();
    std::vector<bool> reduced(rank, axes.empty());
    for (uint32_t a : axes)
    {
        reduced[a] = true;
    }
    // Strides of the output with the reduced axes kept as size 1, stride 0.
    TensorShape kept = inShape;
    for (unsigned int d = 0; d < rank; ++d)
    {
        kept[d] = reduced[d] ? 1 : inShape[d];
    }
    std::vector<size_t> outStrides = RowMajorStrides(kept);
    for (unsigned int d = 0; d < rank; ++d)
    {
        outStrides[d] = reduced[d] ? 0 : outStrides[d];
    }
    const size_t inCount = inShape.GetNumElements();
    const size_t outCount = layer.m_Outputs[0].GetNumElements();
    std::vector<size_t> target(inCount);
    std::vector<unsigned int> coord(rank, 0);
    for (size_t e = 0; e < inCount; ++e)
    {
        size_t o = 0;
        for (unsigned int d = 0; d < rank; ++d)
        {
            o += coord[d] * outStrides[d];
        }
        target[e] = o;
        for (unsigned int d = rank; d-- > 0;)
        {
            if (++coord[d] < inShape[d])
            {
                break;
            }
            coord[d] = 0;
        }
    }

    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        double init = 0.0;
        switch (op)
        {
            case ReduceOperation::Prod: init = 1.0; break;
            case ReduceOperation::Max: init = -std::numeric_limits<double>::infinity(); break;
            case ReduceOperation::Min: init = std::numeric_limits<double>::infinity(); break;
            default: break;
        }
        std::vector<double> acc(outCount, init);
        for (size_t e = 0; e < inCount; ++e)
        {
            double& a = acc[target[e]];
            const double x = in[0][e];
            switch (op)
            {
                case ReduceOperation::Prod: a *= x; break;
                case ReduceOperation::Max: a = x > a ? x : a; break;
                case ReduceOperation::Min: a = x < a ? x : a; break;
                default: a += x; break;
            }
        }
        const double count = static_cast<double>(inCount / outCount);
        for (size_t o = 0; o < outCount; ++o)
        {
            out[0][o] = static_cast<float>(op == ReduceOperation::Mean ? acc[o] / count : acc[o]);
        }
    });
}
} // namespace

std::unique_ptr<IWorkload> CreateReduce(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ReduceDescriptor>();
    return CreateReduction(layer, desc.m_vAxis, desc.m_ReduceOperation);
}

std::unique_ptr<IWorkload> CreateMean(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<MeanDescriptor>();
    return CreateReduction(layer, std::vector<uint32_t>(desc.m_Axis.begin(), desc.m_Axis.end()),
                           ReduceOperation::Mean);
}

} // namespace ref
} // namespace armnn

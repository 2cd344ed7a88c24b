//
// Reduce (Sum, Mean, Max, Min, Prod over m_vAxis; empty = all axes) and Mean (MeanDescriptor), in float;
// the mean and the product of 8-bit asymmetric tensors in integers, as TensorFlow Lite computes them.
// Each input element is accumulated into the output element whose coordinates equal its own except on the
// reduced axes; keeping or dropping the reduced axes does not change the output's element order.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <cmath>
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

    if (op == ReduceOperation::Mean && IsQuantized8BitAsymmetric(layer.m_Inputs[0].GetDataType()) &&
        IsQuantized8BitAsymmetric(layer.m_Outputs[0].GetDataType()))
    {
        // TensorFlow Lite's integer mean: the sum of (input - input zero point) times the fixed-point multiplier
        // input scale / output scale with 1 / count folded in (DivideMultiplierByCount), plus the output zero point.
        const TensorInfo inInfo = layer.m_Inputs[0];
        const TensorInfo outInfo = layer.m_Outputs[0];
        const int64_t count = static_cast<int64_t>(outCount == 0 ? 0 : inCount / outCount);
        const QuantizedMultiplier multiplier = DivideMultiplierByCount(
            QuantizeMultiplier(static_cast<double>(inInfo.GetQuantizationScale()) /
                               static_cast<double>(outInfo.GetQuantizationScale())),
            count);
        const QuantizedRange range = GetQuantizedRange(outInfo.GetDataType());
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const std::vector<int32_t> values = ReadQuantized(inInfo, t.Input(0), inInfo.GetQuantizationOffset());
            std::vector<int64_t> sums(outCount, 0);
            for (size_t e = 0; e < inCount; ++e)
            {
                sums[target[e]] += values[e];
            }
            std::vector<int32_t> result(outCount);
            for (size_t o = 0; o < outCount; ++o)
            {
                result[o] = range.Clamp(MultiplyByQuantizedMultiplier(SaturateToInt32(sums[o]), multiplier) +
                                        outInfo.GetQuantizationOffset());
            }
            WriteQuantized(outInfo, result.data(), t.Output(0));
        });
    }
    const int64_t count = static_cast<int64_t>(outCount == 0 ? 0 : inCount / outCount);
    if (op == ReduceOperation::Prod && count > 0 && IsQuantized8BitAsymmetric(layer.m_Inputs[0].GetDataType()) &&
        IsQuantized8BitAsymmetric(layer.m_Outputs[0].GetDataType()))
    {
        // TensorFlow Lite's integer product: the first value (less the zero point) of each output, then each
        // further value multiplied in and the product rescaled by s = input scale / output scale^(1 / count), and a
        // last rescale by s: count rescales in all, input scale^count / output scale overall. The rescales use
        // TFLite's int64 form (MultiplyByQuantizedMultiplier16).
        const TensorInfo inInfo = layer.m_Inputs[0];
        const TensorInfo outInfo = layer.m_Outputs[0];
        const QuantizedMultiplier multiplier =
            QuantizeMultiplier(static_cast<double>(inInfo.GetQuantizationScale()) /
                               std::pow(static_cast<double>(outInfo.GetQuantizationScale()),
                                        1.0 / static_cast<double>(count)));
        if (multiplier.m_Shift <= 14)
        {
            const QuantizedRange range = GetQuantizedRange(outInfo.GetDataType());
            return MakeTensorWorkload([=](const ExecutionTensors& t) {
                const std::vector<int32_t> values =
                    ReadQuantized(inInfo, t.Input(0), inInfo.GetQuantizationOffset());
                std::vector<int32_t> products(outCount, 0);
                std::vector<bool> started(outCount, false);
                for (size_t e = 0; e < inCount; ++e)
                {
                    int32_t& p = products[target[e]];
                    p = started[target[e]] ? MultiplyByQuantizedMultiplier16(int64_t{p} * values[e], multiplier)
                                           : values[e];
                    started[target[e]] = true;
                }
                std::vector<int32_t> result(outCount);
                for (size_t o = 0; o < outCount; ++o)
                {
                    result[o] = range.Clamp(MultiplyByQuantizedMultiplier16(products[o], multiplier) +
                                            outInfo.GetQuantizationOffset());
                }
                WriteQuantized(outInfo, result.data(), t.Output(0));
            });
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

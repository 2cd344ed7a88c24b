//
// Building blocks of the reference kernels. Most reference kernels are written once, in float: quantized and half
// inputs are decoded to float, the kernel computes, and outputs are encoded back (TensorFlow Lite's rounding).
// Constant inputs (weights) are decoded once, when the workload is created. The kernels whose 8-bit quantized
// results must match TensorFlow Lite bit for bit (convolutions, fully connected, add/sub/mul, mean) compute in
// integers instead, with TFLite's fixed-point requantization (docs/quantization.md).
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <armnn/Exceptions.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{
namespace ref
{

using FloatInputs = std::vector<const float*>;
using FloatOutputs = std::vector<float*>;

/// Runs fn(inputs as float, outputs as float) with decoding and encoding around it.
template <typename Fn>
class FloatWorkload final : public IWorkload
{
public:
    FloatWorkload(const LayerInfo& layer, Fn fn)
        : m_Inputs(layer.m_Inputs), m_Outputs(layer.m_Outputs), m_FusedActivation(layer.m_FusedActivation), m_Fn(fn)
    {
        m_Constants.resize(layer.m_Inputs.size());
        for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
        {
            if (layer.IsConstantInput(i))
            {
                m_Constants[i] = DecodeToFloat(layer.m_Inputs[i], layer.m_ConstantInputs[i]);
            }
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        std::vector<std::vector<float>> decoded(m_Inputs.size());
        FloatInputs inputs(m_Inputs.size());
        for (size_t i = 0; i < m_Inputs.size(); ++i)
        {
            if (!m_Constants[i].empty() || m_Inputs[i].GetNumElements() == 0)
            {
                inputs[i] = m_Constants[i].data();
            }
            else if (m_Inputs[i].GetDataType() == DataType::Float32)
            {
                inputs[i] = tensors.Input<float>(i);
            }
            else
            {
                decoded[i] = DecodeToFloat(m_Inputs[i], tensors.Input(i));
                inputs[i] = decoded[i].data();
            }
        }
        std::vector<std::vector<float>> results(m_Outputs.size());
        FloatOutputs outputs(m_Outputs.size());
        for (size_t o = 0; o < m_Outputs.size(); ++o)
        {
            if (m_Outputs[o].GetDataType() == DataType::Float32)
            {
                outputs[o] = tensors.Output<float>(o);
            }
            else
            {
                results[o].resize(m_Outputs[o].GetNumElements());
                outputs[o] = results[o].data();
            }
        }
        m_Fn(inputs, outputs);
        if (m_FusedActivation.has_value())
        {
            const ActivationDescriptor& activation = m_FusedActivation.value();
            for (size_t o = 0; o < m_Outputs.size(); ++o)
            {
                for (size_t i = 0; i < m_Outputs[o].GetNumElements(); ++i)
                {
                    outputs[o][i] = Activate(outputs[o][i], activation);
                }
            }
        }
        for (size_t o = 0; o < m_Outputs.size(); ++o)
        {
            if (m_Outputs[o].GetDataType() != DataType::Float32)
            {
                EncodeFromFloat(m_Outputs[o], outputs[o], tensors.Output(o));
            }
        }
    }

private:
    std::vector<TensorInfo> m_Inputs;
    std::vector<TensorInfo> m_Outputs;
    std::vector<std::vector<float>> m_Constants;
    Optional<ActivationDescriptor> m_FusedActivation;
    Fn m_Fn;
};

template <typename Fn>
std::unique_ptr<IWorkload> MakeFloatWorkload(const LayerInfo& layer, Fn fn)
{
    return std::make_unique<FloatWorkload<Fn>>(layer, fn);
}

/// A workload that works on the raw tensors (data movement, integer kernels).
template <typename Fn>
class TensorWorkload final : public IWorkload
{
public:
    explicit TensorWorkload(Fn fn) : m_Fn(fn) {}
    void Execute(const ExecutionTensors& tensors) const override { m_Fn(tensors); }

private:
    Fn m_Fn;
};

template <typename Fn>
std::unique_ptr<IWorkload> MakeTensorWorkload(Fn fn)
{
    return std::make_unique<TensorWorkload<Fn>>(fn);
}

/// Where the output channel sits in a weighted layer's output: element i is in channel (i / m_Stride) % m_Count.
struct ChannelAxis
{
    size_t m_Stride = 1;
    size_t m_Count = 1;
    size_t Of(size_t index) const { return (index / m_Stride) % m_Count; }
};

/// The integer form of a layer that takes (input, weights, optional bias) with 8-bit asymmetric input and output,
/// as TensorFlow Lite computes it: the kernel's loop accumulates (input - input zero point) * (weights - weights
/// zero point) plus the bias into int64 sums; each sum, saturated to int32, is scaled by the fixed-point
/// multiplier of its output channel (input scale * weights scale[channel] / output scale, in double), offset by
/// the output zero point and clamped to the fused activation's range. With QSymmS16 input and output (TFLite's 16x8)
/// the int64 sum is rescaled as LiteRT's 16x8 kernels do, by MultiplyByQuantizedMultiplier16, without saturating.
template <typename Loop>
class QuantizedWeightedWorkload final : public IWorkload
{
public:
    QuantizedWeightedWorkload(const LayerInfo& layer, ChannelAxis channels, QuantizedRange range, Loop loop,
                              bool singleRounding)
        : m_Inputs(layer.m_Inputs), m_Output(layer.m_Outputs[0]), m_Channels(channels), m_Range(range), m_Loop(loop),
          m_SingleRounding(singleRounding), m_Wide(m_Output.GetDataType() == DataType::QSymmS16)
    {
        if (layer.IsConstantInput(1))
        {
            m_Weights = ReadWeights(layer.m_ConstantInputs[1]);
        }
        if (layer.m_Inputs.size() > 2 && layer.IsConstantInput(2))
        {
            m_Bias = ReadBias(layer.m_ConstantInputs[2]);
        }
        const double inputScale = m_Inputs[0].GetQuantizationScale();
        const double outputScale = m_Output.GetQuantizationScale();
        const std::vector<float> weightScales = m_Inputs[1].GetQuantizationScales();
        for (size_t c = 0; c < channels.m_Count; ++c)
        {
            const double weightScale = weightScales.size() > 1 ? weightScales[c] : weightScales[0];
            m_Multipliers.push_back(QuantizeMultiplier(inputScale * weightScale / outputScale));
            if (m_Wide && m_Multipliers.back().m_Shift > 14)
            {
                throw InvalidArgumentException(layer.m_Name + ": the rescaling multiplier input scale x weights "
                                               "scale / output scale is 2^15 or more, too large for 16-bit "
                                               "activations");
            }
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        const std::vector<int32_t> input = ReadQuantized(m_Inputs[0], tensors.Input(0),
                                                         m_Inputs[0].GetQuantizationOffset());
        const std::vector<int32_t> weights = m_Weights.empty() ? ReadWeights(tensors.Input(1)) : m_Weights;
        std::vector<int64_t> bias = m_Bias;
        if (bias.empty() && m_Inputs.size() > 2)
        {
            bias = ReadBias(tensors.Input(2));
        }
        std::vector<int64_t> sums(m_Output.GetNumElements(), 0);
        m_Loop(input.data(), weights.data(), bias.empty() ? nullptr : bias.data(), sums.data());
        std::vector<int32_t> result(sums.size());
        const int32_t outputZeroPoint = m_Output.GetQuantizationOffset();
        for (size_t i = 0; i < sums.size(); ++i)
        {
            const int32_t sum = SaturateToInt32(sums[i]);
            const QuantizedMultiplier& multiplier = m_Multipliers[m_Channels.Of(i)];
            // 16-bit activations (TFLite's 16x8): the int64 sum, kept within the 48 bits the rescaling allows,
            // goes through the int64 form of the multiplication.
            const int32_t scaled = m_Wide ? MultiplyByQuantizedMultiplier16(std::clamp(sums[i], -kWideLimit,
                                                                                       kWideLimit), multiplier)
                                   : m_SingleRounding ? MultiplyByQuantizedMultiplierSingleRounding(sum, multiplier)
                                                      : MultiplyByQuantizedMultiplier(sum, multiplier);
            result[i] = m_Range.Clamp(scaled + outputZeroPoint);
        }
        WriteQuantized(m_Output, result.data(), tensors.Output(0));
    }

private:
    /// Signed32, or Signed64 (16x8), kept within the 48 bits of the 16x8 rescaling so the sums cannot overflow.
    std::vector<int64_t> ReadBias(const void* data) const
    {
        std::vector<int64_t> bias = DecodeToInt64(m_Inputs[2], data);
        for (int64_t& b : bias)
        {
            b = std::clamp(b, -kWideLimit, kWideLimit);
        }
        return bias;
    }

    std::vector<int32_t> ReadWeights(const void* data) const
    {
        // Per-axis weights are symmetric (zero point 0); per-tensor ones may have a zero point (uint8).
        return ReadQuantized(m_Inputs[1], data, m_Inputs[1].GetQuantizationOffset());
    }

    std::vector<TensorInfo> m_Inputs;
    TensorInfo m_Output;
    ChannelAxis m_Channels;
    QuantizedRange m_Range;
    std::vector<QuantizedMultiplier> m_Multipliers;
    std::vector<int32_t> m_Weights;
    std::vector<int64_t> m_Bias;
    Loop m_Loop;
    bool m_SingleRounding;
    bool m_Wide;
    static constexpr int64_t kWideLimit = (int64_t{1} << 47) - 1;
};

/// The workload of a layer that takes (input, weights, optional bias), or multiplies two operands (BatchMatMul:
/// the second operand plays the weights, with one channel). `loop(input, weights, bias, sums)` is the
/// kernel, written once for both arithmetics: it adds the bias (when not null) and the products of inputs and
/// weights into `sums`, one per output element, which start at zero. With 8-bit asymmetric (or QSymmS16) input
/// and output and a fused activation that is a clamp, it runs on integers (QuantizedWeightedWorkload; the inputs and
/// weights have their zero points subtracted, sums are int64); otherwise on floats (doubles for the sums).
/// `singleRounding` rescales the integer sums with MultiplyByQuantizedMultiplierSingleRounding (LiteRT's
/// per-channel FullyConnected) instead of the usual two roundings.
template <typename Loop>
std::unique_ptr<IWorkload> MakeWeightedWorkload(const LayerInfo& layer, ChannelAxis channels, Loop loop,
                                                bool singleRounding = false)
{
    QuantizedRange range;
    const DataType in = layer.m_Inputs[0].GetDataType();
    const DataType out = layer.m_Outputs[0].GetDataType();
    const bool integer = (IsQuantized8BitAsymmetric(in) && IsQuantized8BitAsymmetric(out)) ||
                         (in == DataType::QSymmS16 && out == DataType::QSymmS16);
    if (integer &&
        GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, range))
    {
        return std::make_unique<QuantizedWeightedWorkload<Loop>>(layer, channels, range, loop, singleRounding);
    }
    const bool hasBias = layer.m_Inputs.size() > 2;
    const size_t count = layer.m_Outputs[0].GetNumElements();
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        std::vector<double> sums(count, 0.0);
        loop(in[0], in[1], hasBias ? in[2] : nullptr, sums.data());
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = static_cast<float>(sums[i]);
        }
    });
}

/// Strides of a row-major shape (elements).
std::vector<size_t> RowMajorStrides(const TensorShape& shape);

/// For each element of `outShape`, the index of the element of `inShape` it reads under NumPy broadcasting
/// (inShape right-aligned against outShape, size-1 dimensions repeated).
std::vector<size_t> BroadcastIndices(const TensorShape& inShape, const TensorShape& outShape);

/// Copies a tensor to another of the same shape, converting data type and quantization when they differ.
void CopyConverting(const TensorInfo& fromInfo, const void* from, const TensorInfo& toInfo, void* to);

/// `data`, a tensor of `info`, in the data type and quantization of `target` (whose shape is ignored): `data`
/// itself when they already match, else a converted copy kept in `buffer`.
const void* ConvertedTo(const TensorInfo& info, const void* data, const TensorInfo& target,
                        std::vector<uint8_t>& buffer);

/// GatherNd's and ScatterNd's index rows: `rows` rows of `depth` indices, each row indexing the first `depth`
/// dimensions of a tensor of `shape`. Returns each row's slice offset (in elements) in that tensor.
/// @throws Exception naming `layerName`, the row and the index when an index is outside its dimension; indices come
/// from the network's data, so this is checked at run time, before anything is written.
std::vector<size_t> IndexRowOffsets(const int32_t* indices, size_t rows, unsigned int depth, const TensorShape& shape,
                                    const std::string& layerName);

/// An element mapping between two tensors for data-movement kernels: for every coordinate c of an iteration
/// space of shape m_Shape, the element at m_FromOffset + sum(c[d] * m_FromStride[d]) of the source goes to
/// m_ToOffset + sum(c[d] * m_ToStride[d]) of the destination (offsets and strides in elements; strides may be
/// negative or zero). The iteration space may have any rank, so one plan can express transposes, slices with
/// strides, concatenation views, block rearrangements (depth/space) and tiling (zero strides).
/// Plans are built when a workload is created; executing one only moves bytes.
struct StridedCopyPlan
{
    std::vector<size_t> m_Shape;
    std::vector<ptrdiff_t> m_FromStride;
    std::vector<ptrdiff_t> m_ToStride;
    ptrdiff_t m_FromOffset = 0;
    ptrdiff_t m_ToOffset = 0;

    /// Appends an iteration dimension.
    void AddDim(size_t size, ptrdiff_t fromStride, ptrdiff_t toStride);
    size_t GetNumElements() const;
};

/// Row-major strides as signed element counts, for building plans.
std::vector<ptrdiff_t> SignedStrides(const TensorShape& shape);

/// Moves the plan's elements of elementSize bytes each.
void StridedCopy(const StridedCopyPlan& plan, size_t elementSize, const void* from, void* to);

/// StridedCopy between tensors of one data type that may differ in (per-tensor) quantization: when they
/// differ, the moved elements are requantized from fromInfo's parameters to toInfo's.
void StridedCopyConverting(const StridedCopyPlan& plan, const TensorInfo& fromInfo, const void* from,
                           const TensorInfo& toInfo, void* to);

/// The support rule of data-movement kernels: every input and output has input 0's data type, and where
/// their quantization differs (so elements are requantized) it is per tensor.
bool CheckDataMovement(const LayerInfo& layer, std::string& reason);

/// CheckDataMovement for layers whose input 1 is a Signed32 index or axis tensor (`role` names it in the reason),
/// the data moving from input 0 to the outputs.
bool CheckDataMovementWithSigned32Input1(const LayerInfo& layer, const char* role, std::string& reason);

/// The workload of a one-input, one-output data-movement layer: output 0 is filled from input 0 by `plan`,
/// which must write every element of the output.
std::unique_ptr<IWorkload> MakeStridedCopyWorkload(const LayerInfo& layer, StridedCopyPlan plan);

} // namespace ref
} // namespace armnn

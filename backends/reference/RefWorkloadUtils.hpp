//
// Building blocks of the reference kernels. Reference kernels are written once, in float: quantized and half
// inputs are decoded to float, the kernel computes, and outputs are encoded back (TensorFlow Lite's rounding).
// Constant inputs (weights) are decoded once, when the workload is created.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{
namespace ref
{

/// One activation function on one value (kernels/Activation.cpp).
float Activate(float x, const ActivationDescriptor& desc);

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

/// Strides of a row-major shape (elements).
std::vector<size_t> RowMajorStrides(const TensorShape& shape);

/// For each element of `outShape`, the index of the element of `inShape` it reads under NumPy broadcasting
/// (inShape right-aligned against outShape, size-1 dimensions repeated).
std::vector<size_t> BroadcastIndices(const TensorShape& inShape, const TensorShape& outShape);

/// Copies a tensor to another of the same shape, converting data type and quantization when they differ.
void CopyConverting(const TensorInfo& fromInfo, const void* from, const TensorInfo& toInfo, void* to);

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

/// The workload of a one-input, one-output data-movement layer: output 0 is filled from input 0 by `plan`,
/// which must write every element of the output.
std::unique_ptr<IWorkload> MakeStridedCopyWorkload(const LayerInfo& layer, StridedCopyPlan plan);

} // namespace ref
} // namespace armnn

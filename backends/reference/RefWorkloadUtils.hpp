//
// Building blocks of the reference kernels. Reference kernels are written once, in float: quantized and half
// inputs are decoded to float, the kernel computes, and outputs are encoded back (TensorFlow Lite's rounding).
// Constant inputs (weights) are decoded once, when the workload is created.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>
#include <armnn/backends/TensorConversion.hpp>

#include <functional>
#include <memory>
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

} // namespace ref
} // namespace armnn

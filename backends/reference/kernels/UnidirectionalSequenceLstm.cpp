//
// UnidirectionalSequenceLstm in float, step by step as TensorFlow Lite's float kernel computes it (lstm_eval):
// each gate is W_x x + W_h h (+ peephole w_c * c), layer-normalized and scaled when enabled, plus its bias; the
// input, forget and output gates go through a sigmoid, the cell gate through the descriptor's activation. Then
// c = f * c + i * g (i = 1 - f with CIFG), clipped; the output gate's peephole reads the new c; h = o * act(c),
// projected and clipped when enabled.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/LstmInputs.hpp>

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

namespace
{

constexpr float kLayerNormEpsilon = 1e-8f; // TensorFlow Lite's

float Sigmoid(float x)
{
    return 1.0f / (1.0f + std::exp(-x));
}

/// TensorFlow Lite's fused activation codes (LstmDescriptor::m_ActivationFunc); validated by the layer traits.
float ApplyActivation(float x, uint32_t function)
{
    switch (function)
    {
        case 1: return std::max(0.0f, x);
        case 2: return std::min(1.0f, std::max(-1.0f, x));
        case 3: return std::min(6.0f, std::max(0.0f, x));
        case 4: return std::tanh(x);
        case 6: return Sigmoid(x);
        default: return x;
    }
}

float Clip(float x, float threshold)
{
    return threshold > 0.0f ? std::min(threshold, std::max(-threshold, x)) : x;
}

struct LstmPlan
{
    LstmDescriptor m_Desc;
    LstmInputSlots m_Slots;
    unsigned int m_Batch;
    unsigned int m_Time;
    unsigned int m_InputSize;
    unsigned int m_NumUnits;
    unsigned int m_OutputSize;

    const float* Param(const FloatInputs& in, LstmParam p) const
    {
        return m_Slots.Has(p) ? in[m_Slots.Of(p)] : nullptr;
    }
};

/// gate[u] = sum_k w[u, k] * v[k] added to gate, for `rows` units.
void AddMatVec(const float* w, const float* v, unsigned int rows, unsigned int cols, float* gate)
{
    for (unsigned int u = 0; u < rows; ++u)
    {
        double sum = 0.0;
        for (unsigned int k = 0; k < cols; ++k)
        {
            sum += static_cast<double>(w[u * cols + k]) * v[k];
        }
        gate[u] += static_cast<float>(sum);
    }
}

/// One gate's pre-activation: W_x x + W_h h (+ peephole), then layer norm and the bias.
/// `peephole` is the gate's cell-to-gate weights (null without peephole or for the cell gate).
void ComputeGate(const LstmPlan& p, const FloatInputs& in, LstmParam inputWeights, LstmParam recurrentWeights,
                 const float* peephole, LstmParam layerNorm, LstmParam bias, const float* x, const float* h,
                 const float* c, float* gate)
{
    const unsigned int n = p.m_NumUnits;
    std::fill(gate, gate + n, 0.0f);
    AddMatVec(p.Param(in, inputWeights), x, n, p.m_InputSize, gate);
    AddMatVec(p.Param(in, recurrentWeights), h, n, p.m_OutputSize, gate);
    if (peephole != nullptr)
    {
        for (unsigned int u = 0; u < n; ++u)
        {
            gate[u] += peephole[u] * c[u];
        }
    }
    const float* normWeights = p.Param(in, layerNorm);
    if (normWeights != nullptr && n > 0)
    {
        double sum = 0.0, sumSq = 0.0;
        for (unsigned int u = 0; u < n; ++u)
        {
            sum += gate[u];
            sumSq += static_cast<double>(gate[u]) * gate[u];
        }
        const double mean = sum / n;
        const double variance = sumSq / n - mean * mean;
        const float invStddev = static_cast<float>(1.0 / std::sqrt(variance + kLayerNormEpsilon));
        for (unsigned int u = 0; u < n; ++u)
        {
            gate[u] = (gate[u] - static_cast<float>(mean)) * invStddev * normWeights[u];
        }
    }
    const float* b = p.Param(in, bias);
    for (unsigned int u = 0; u < n; ++u)
    {
        gate[u] += b[u];
    }
}

void RunLstm(const LstmPlan& p, const FloatInputs& in, const FloatOutputs& out)
{
    const unsigned int n = p.m_NumUnits;
    const unsigned int outSize = p.m_OutputSize;
    std::vector<float> inputGate(n), forgetGate(n), cellGate(n), outputGate(n), hidden(n);
    for (unsigned int b = 0; b < p.m_Batch; ++b)
    {
        // The states of this batch entry live in the state outputs from the first step on.
        float* h = out[0] + b * outSize;
        float* c = out[1] + b * n;
        std::copy(in[1] + b * outSize, in[1] + (b + 1) * outSize, h);
        std::copy(in[2] + b * n, in[2] + (b + 1) * n, c);
        for (unsigned int t = 0; t < p.m_Time; ++t)
        {
            const size_t row = p.m_Desc.m_TimeMajor ? size_t{t} * p.m_Batch + b : size_t{b} * p.m_Time + t;
            const float* x = in[0] + row * p.m_InputSize;
            ComputeGate(p, in, LstmParam::InputToForgetWeights, LstmParam::RecurrentToForgetWeights,
                        p.Param(in, LstmParam::CellToForgetWeights), LstmParam::ForgetLayerNormWeights,
                        LstmParam::ForgetGateBias, x, h, c, forgetGate.data());
            if (!p.m_Desc.m_CifgEnabled)
            {
                ComputeGate(p, in, LstmParam::InputToInputWeights, LstmParam::RecurrentToInputWeights,
                            p.Param(in, LstmParam::CellToInputWeights), LstmParam::InputLayerNormWeights,
                            LstmParam::InputGateBias, x, h, c, inputGate.data());
            }
            ComputeGate(p, in, LstmParam::InputToCellWeights, LstmParam::RecurrentToCellWeights, nullptr,
                        LstmParam::CellLayerNormWeights, LstmParam::CellBias, x, h, nullptr, cellGate.data());
            for (unsigned int u = 0; u < n; ++u)
            {
                const float f = Sigmoid(forgetGate[u]);
                const float i = p.m_Desc.m_CifgEnabled ? 1.0f - f : Sigmoid(inputGate[u]);
                const float g = ApplyActivation(cellGate[u], p.m_Desc.m_ActivationFunc);
                c[u] = Clip(f * c[u] + i * g, p.m_Desc.m_ClippingThresCell);
            }
            ComputeGate(p, in, LstmParam::InputToOutputWeights, LstmParam::RecurrentToOutputWeights,
                        p.Param(in, LstmParam::CellToOutputWeights), LstmParam::OutputLayerNormWeights,
                        LstmParam::OutputGateBias, x, h, c, outputGate.data());
            for (unsigned int u = 0; u < n; ++u)
            {
                hidden[u] = Sigmoid(outputGate[u]) * ApplyActivation(c[u], p.m_Desc.m_ActivationFunc);
            }
            if (p.m_Desc.m_ProjectionEnabled)
            {
                std::copy(p.Param(in, LstmParam::ProjectionBias), p.Param(in, LstmParam::ProjectionBias) + outSize,
                          h);
                AddMatVec(p.Param(in, LstmParam::ProjectionWeights), hidden.data(), outSize, n, h);
                for (unsigned int k = 0; k < outSize; ++k)
                {
                    h[k] = Clip(h[k], p.m_Desc.m_ClippingThresProj);
                }
            }
            else
            {
                std::copy(hidden.begin(), hidden.end(), h);
            }
            std::copy(h, h + outSize, out[2] + row * outSize);
        }
    }
}

} // namespace

std::unique_ptr<IWorkload> CreateUnidirectionalSequenceLstm(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<LstmDescriptor>();
    LstmPlan plan{desc, LstmInputSlots(desc), 0, 0, 0, 0, 0};
    const TensorShape& input = layer.m_Inputs[0].GetShape();
    plan.m_Time = desc.m_TimeMajor ? input[0] : input[1];
    plan.m_Batch = desc.m_TimeMajor ? input[1] : input[0];
    plan.m_InputSize = input[2];
    plan.m_NumUnits = layer.m_Inputs[plan.m_Slots.Of(LstmParam::InputToForgetWeights)].GetShape()[0];
    plan.m_OutputSize = layer.m_Inputs[1].GetShape()[1];
    return MakeFloatWorkload(layer, [plan](const FloatInputs& in, const FloatOutputs& out) { RunLstm(plan, in, out); });
}

} // namespace ref
} // namespace armnn

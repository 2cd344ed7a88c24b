//
// Where each weight tensor of an LSTM layer is connected: the one mapping between LstmInputParams, the layer's
// input slots, shape validation and the kernels.
//
#pragma once

#include <armnn/Descriptors.hpp>

#include <array>

namespace armnn
{

/// The weight tensors of an LSTM, in LstmInputParams' order.
enum class LstmParam
{
    InputToInputWeights,
    InputToForgetWeights,
    InputToCellWeights,
    InputToOutputWeights,
    RecurrentToInputWeights,
    RecurrentToForgetWeights,
    RecurrentToCellWeights,
    RecurrentToOutputWeights,
    CellToInputWeights,
    CellToForgetWeights,
    CellToOutputWeights,
    InputGateBias,
    ForgetGateBias,
    CellBias,
    OutputGateBias,
    ProjectionWeights,
    ProjectionBias,
    InputLayerNormWeights,
    ForgetLayerNormWeights,
    CellLayerNormWeights,
    OutputLayerNormWeights,
};

constexpr unsigned int kNumLstmParams = 21;
/// Input slots 0..2 are the sequence, the output state and the cell state; the weights follow.
constexpr unsigned int kLstmFirstParamSlot = 3;

inline const char* GetLstmParamName(LstmParam p)
{
    static const char* const names[kNumLstmParams] = {
        "input-to-input weights", "input-to-forget weights", "input-to-cell weights", "input-to-output weights",
        "recurrent-to-input weights", "recurrent-to-forget weights", "recurrent-to-cell weights",
        "recurrent-to-output weights", "cell-to-input weights", "cell-to-forget weights",
        "cell-to-output weights", "input gate bias", "forget gate bias", "cell bias", "output gate bias",
        "projection weights", "projection bias", "input layer-norm weights", "forget layer-norm weights",
        "cell layer-norm weights", "output layer-norm weights"};
    return names[static_cast<unsigned int>(p)];
}

/// Whether an LSTM with this descriptor takes the tensor. The projection bias is always taken with projection
/// (INetwork adds a zero one when none is given).
inline bool LstmUsesParam(const LstmDescriptor& desc, LstmParam p)
{
    switch (p)
    {
        case LstmParam::InputToInputWeights:
        case LstmParam::RecurrentToInputWeights:
        case LstmParam::InputGateBias: return !desc.m_CifgEnabled;
        case LstmParam::CellToInputWeights: return desc.m_PeepholeEnabled && !desc.m_CifgEnabled;
        case LstmParam::CellToForgetWeights:
        case LstmParam::CellToOutputWeights: return desc.m_PeepholeEnabled;
        case LstmParam::ProjectionWeights:
        case LstmParam::ProjectionBias: return desc.m_ProjectionEnabled;
        case LstmParam::InputLayerNormWeights: return desc.m_LayerNormEnabled && !desc.m_CifgEnabled;
        case LstmParam::ForgetLayerNormWeights:
        case LstmParam::CellLayerNormWeights:
        case LstmParam::OutputLayerNormWeights: return desc.m_LayerNormEnabled;
        default: return true;
    }
}

/// The input slot of each weight tensor for a descriptor: the used tensors in LstmInputParams' order from slot 3.
class LstmInputSlots
{
public:
    explicit LstmInputSlots(const LstmDescriptor& desc)
    {
        unsigned int slot = kLstmFirstParamSlot;
        for (unsigned int i = 0; i < kNumLstmParams; ++i)
        {
            m_Slots[i] = LstmUsesParam(desc, static_cast<LstmParam>(i)) ? static_cast<int>(slot++) : -1;
        }
        m_NumInputs = slot;
    }

    bool Has(LstmParam p) const { return m_Slots[static_cast<unsigned int>(p)] >= 0; }
    /// The slot of a tensor the descriptor uses (Has(p) must be true).
    unsigned int Of(LstmParam p) const { return static_cast<unsigned int>(m_Slots[static_cast<unsigned int>(p)]); }
    unsigned int NumInputs() const { return m_NumInputs; }

private:
    std::array<int, kNumLstmParams> m_Slots{};
    unsigned int m_NumInputs = kLstmFirstParamSlot;
};

} // namespace armnn

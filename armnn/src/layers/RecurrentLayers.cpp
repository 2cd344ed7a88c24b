//
// Recurrent layers: UnidirectionalSequenceLstm.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <armnn/backends/LstmInputs.hpp>

#include <cmath>
#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

unsigned int LstmNumInputs(const BaseDescriptor& d)
{
    return LstmInputSlots(static_cast<const LstmDescriptor&>(d)).NumInputs();
}

void CheckShape(const LayerInfo& layer, unsigned int slot, const char* what, const TensorShape& expected)
{
    const TensorShape& shape = layer.m_Inputs[slot].GetShape();
    if (shape != expected)
    {
        std::ostringstream ss;
        ss << what << " (input " << slot << ") has shape " << shape << "; expected " << expected;
        ThrowInvalid(layer, ss.str());
    }
}

/// Inputs: sequence, output state, cell state, then the weights of LstmInputSlots. Outputs: output state out,
/// cell state out, output sequence (Arm NN's order).
std::vector<TensorShape> UnidirectionalSequenceLstmShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<LstmDescriptor>();
    const LstmInputSlots slots(desc);
    switch (desc.m_ActivationFunc)
    {
        case 0: case 1: case 2: case 3: case 4: case 6: break;
        default:
            ThrowInvalid(layer, "activation function " + std::to_string(desc.m_ActivationFunc) +
                                    " is not one of 0 (none), 1 (ReLu), 2 (ReLu1), 3 (ReLu6), 4 (TanH), 6 (Sigmoid)");
    }
    if (!(desc.m_ClippingThresCell >= 0.0f) || !(desc.m_ClippingThresProj >= 0.0f))
    {
        ThrowInvalid(layer, "clipping thresholds (cell " + std::to_string(desc.m_ClippingThresCell) +
                                ", projection " + std::to_string(desc.m_ClippingThresProj) +
                                ") must not be negative (0 means no clipping)");
    }
    CheckInputRank(layer, 0, 3, 3);
    CheckInputRank(layer, 1, 2, 2);
    CheckInputRank(layer, 2, 2, 2);
    for (unsigned int p = 0; p < kNumLstmParams; ++p)
    {
        const auto param = static_cast<LstmParam>(p);
        const bool matrix = param <= LstmParam::RecurrentToOutputWeights || param == LstmParam::ProjectionWeights;
        if (slots.Has(param))
        {
            CheckInputRank(layer, slots.Of(param), matrix ? 2 : 1, matrix ? 2 : 1);
        }
    }

    const TensorShape& input = layer.m_Inputs[0].GetShape();
    const unsigned int time = desc.m_TimeMajor ? input[0] : input[1];
    const unsigned int batch = desc.m_TimeMajor ? input[1] : input[0];
    const unsigned int inputSize = input[2];
    const unsigned int numUnits = layer.m_Inputs[slots.Of(LstmParam::InputToForgetWeights)].GetShape()[0];
    const unsigned int outputSize = desc.m_ProjectionEnabled
                                        ? layer.m_Inputs[slots.Of(LstmParam::ProjectionWeights)].GetShape()[0]
                                        : numUnits;

    CheckShape(layer, 1, "output state in", TensorShape({batch, outputSize}));
    CheckShape(layer, 2, "cell state in", TensorShape({batch, numUnits}));
    for (unsigned int p = 0; p < kNumLstmParams; ++p)
    {
        const auto param = static_cast<LstmParam>(p);
        if (!slots.Has(param))
        {
            continue;
        }
        TensorShape expected({numUnits});
        if (param <= LstmParam::InputToOutputWeights)
        {
            expected = TensorShape({numUnits, inputSize});
        }
        else if (param <= LstmParam::RecurrentToOutputWeights)
        {
            expected = TensorShape({numUnits, outputSize});
        }
        else if (param == LstmParam::ProjectionWeights)
        {
            expected = TensorShape({outputSize, numUnits});
        }
        else if (param == LstmParam::ProjectionBias)
        {
            expected = TensorShape({outputSize});
        }
        CheckShape(layer, slots.Of(param), GetLstmParamName(param), expected);
    }

    const TensorShape sequence = desc.m_TimeMajor ? TensorShape({time, batch, outputSize})
                                                  : TensorShape({batch, time, outputSize});
    return {TensorShape({batch, outputSize}), TensorShape({batch, numUnits}), sequence};
}

const LayerTraits kUnidirectionalSequenceLstm{LstmNumInputs, Fixed<3>, UnidirectionalSequenceLstmShapes};

} // namespace
} // namespace layers

void RegisterRecurrentLayers(LayerTraitsTable& table)
{
    table[static_cast<size_t>(LayerType::UnidirectionalSequenceLstm)] = &layers::kUnidirectionalSequenceLstm;
}

} // namespace armnn

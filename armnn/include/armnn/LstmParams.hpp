//
// LstmInputParams: the weight tensors of an LSTM layer (INetwork::AddUnidirectionalSequenceLstmLayer).
//
#pragma once

#include "NetworkFwd.hpp"
#include "TensorFwd.hpp"

namespace armnn
{

/// Pointers to the weights of an LSTM layer, with `num_units` cells, `input_size` input features and `output_size`
/// outputs (num_units, or the projection's size). The caller owns the tensors; they are copied when the layer is
/// added. Which pointers must be set follows from the LstmDescriptor:
/// - always: input-to-{forget, cell, output} weights [num_units, input_size], recurrent-to-{forget, cell, output}
///   weights [num_units, output_size], forget gate, cell and output gate biases [num_units];
/// - without CIFG (m_CifgEnabled false): input-to-input and recurrent-to-input weights, input gate bias;
/// - peephole: cell-to-forget and cell-to-output weights [num_units], and cell-to-input without CIFG;
/// - projection: projection weights [output_size, num_units]; the projection bias [output_size] is optional;
/// - layer normalization: forget, cell and output layer-norm weights [num_units], and input without CIFG.
/// Any other pointer must be null.
struct LstmInputParams
{
    const ConstTensor* m_InputToInputWeights = nullptr;
    const ConstTensor* m_InputToForgetWeights = nullptr;
    const ConstTensor* m_InputToCellWeights = nullptr;
    const ConstTensor* m_InputToOutputWeights = nullptr;
    const ConstTensor* m_RecurrentToInputWeights = nullptr;
    const ConstTensor* m_RecurrentToForgetWeights = nullptr;
    const ConstTensor* m_RecurrentToCellWeights = nullptr;
    const ConstTensor* m_RecurrentToOutputWeights = nullptr;
    const ConstTensor* m_CellToInputWeights = nullptr;
    const ConstTensor* m_CellToForgetWeights = nullptr;
    const ConstTensor* m_CellToOutputWeights = nullptr;
    const ConstTensor* m_InputGateBias = nullptr;
    const ConstTensor* m_ForgetGateBias = nullptr;
    const ConstTensor* m_CellBias = nullptr;
    const ConstTensor* m_OutputGateBias = nullptr;
    const ConstTensor* m_ProjectionWeights = nullptr;
    const ConstTensor* m_ProjectionBias = nullptr;
    const ConstTensor* m_InputLayerNormWeights = nullptr;
    const ConstTensor* m_ForgetLayerNormWeights = nullptr;
    const ConstTensor* m_CellLayerNormWeights = nullptr;
    const ConstTensor* m_OutputLayerNormWeights = nullptr;
};

} // namespace armnn

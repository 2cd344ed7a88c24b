//
// Layers that combine an input with weights: convolutions, fully connected, matrix multiply, pooling,
// normalizations, detection post-processing.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

unsigned int FullyConnectedInputs(const BaseDescriptor& d)
{
    return static_cast<const FullyConnectedDescriptor&>(d).GetNumInputs();
}

std::vector<TensorShape> FullyConnectedShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckInputRank(layer, 1, 2, 2);
    const TensorShape& input = layer.m_Inputs[0].GetShape();
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    const unsigned int inputSize = desc.m_TransposeWeightMatrix ? weights[1] : weights[0];
    const unsigned int outputSize = desc.m_TransposeWeightMatrix ? weights[0] : weights[1];
    const unsigned int numElements = input.GetNumElements();
    if (inputSize == 0 || numElements % inputSize != 0)
    {
        std::ostringstream ss;
        ss << "input shape " << input << " cannot be flattened to rows of " << inputSize
           << " (the weights' input size, weights shape " << weights << ")";
        ThrowInvalid(layer, ss.str());
    }
    if (desc.m_BiasEnabled && layer.m_Inputs[2].GetNumElements() != outputSize)
    {
        std::ostringstream ss;
        ss << "bias shape " << layer.m_Inputs[2].GetShape() << " does not have " << outputSize << " elements";
        ThrowInvalid(layer, ss.str());
    }
    return {TensorShape({numElements / inputSize, outputSize})};
}

const LayerTraits kFullyConnected{FullyConnectedInputs, Fixed<1>, FullyConnectedShapes};

} // namespace
} // namespace layers

void RegisterConvolutionLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::FullyConnected, layers::kFullyConnected);
}

} // namespace armnn

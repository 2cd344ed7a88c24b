//
// Element-wise layers: binary arithmetic with broadcasting, unary functions, comparisons, logical operations.
//
#include "LayerTraitsHelpers.hpp"

namespace armnn
{
namespace layers
{
namespace
{

std::vector<TensorShape> BroadcastBinaryShapes(const LayerInfo& layer)
{
    return {BroadcastShapes(layer, layer.m_Inputs[0].GetShape(), layer.m_Inputs[1].GetShape())};
}

const LayerTraits kBinary{Fixed<2>, Fixed<1>, BroadcastBinaryShapes};

} // namespace
} // namespace layers

void RegisterElementwiseLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::ElementwiseBinary, layers::kBinary);
}

} // namespace armnn

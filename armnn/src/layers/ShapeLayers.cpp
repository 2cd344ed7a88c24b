//
// Layers that move data without arithmetic: reshape, transpose, concatenation, splitting, slicing, padding,
// gathering, resizing, reductions.
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

std::vector<TensorShape> ReshapeShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ReshapeDescriptor>();
    if (desc.m_TargetShape.GetNumElements() != layer.m_Inputs[0].GetNumElements())
    {
        std::ostringstream ss;
        ss << "target shape " << desc.m_TargetShape << " has " << desc.m_TargetShape.GetNumElements()
           << " elements but the input " << layer.m_Inputs[0].GetShape() << " has "
           << layer.m_Inputs[0].GetNumElements();
        ThrowInvalid(layer, ss.str());
    }
    return {desc.m_TargetShape};
}

const LayerTraits kReshape{Fixed<1>, Fixed<1>, ReshapeShapes};

} // namespace
} // namespace layers

void RegisterShapeLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::Reshape, layers::kReshape);
}

} // namespace armnn

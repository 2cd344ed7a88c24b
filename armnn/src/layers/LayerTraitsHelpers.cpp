#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <sstream>

namespace armnn
{
namespace layers
{

void ThrowInvalid(const LayerInfo& layer, const std::string& what)
{
    throw LayerValidationException(layer.Describe() + ": " + what);
}

void CheckInputRank(const LayerInfo& layer, size_t index, unsigned int minRank, unsigned int maxRank)
{
    const unsigned int rank = layer.m_Inputs.at(index).GetNumDimensions();
    if (rank < minRank || rank > maxRank)
    {
        std::ostringstream ss;
        ss << "input " << index << " has rank " << rank << " (shape " << layer.m_Inputs[index].GetShape()
           << "); expected ";
        if (minRank == maxRank)
        {
            ss << minRank;
        }
        else
        {
            ss << minRank << " to " << maxRank;
        }
        ThrowInvalid(layer, ss.str());
    }
}

std::vector<TensorShape> SameShapeAsInput0(const LayerInfo& layer)
{
    return {layer.m_Inputs.at(0).GetShape()};
}

TensorShape BroadcastShapes(const LayerInfo& layer, const TensorShape& a, const TensorShape& b)
{
    const unsigned int rank = std::max(a.GetNumDimensions(), b.GetNumDimensions());
    TensorShape out(rank);
    for (unsigned int i = 0; i < rank; ++i)
    {
        const int ia = static_cast<int>(i) - static_cast<int>(rank - a.GetNumDimensions());
        const int ib = static_cast<int>(i) - static_cast<int>(rank - b.GetNumDimensions());
        const unsigned int da = ia >= 0 ? a[static_cast<unsigned int>(ia)] : 1;
        const unsigned int db = ib >= 0 ? b[static_cast<unsigned int>(ib)] : 1;
        if (da != db && da != 1 && db != 1)
        {
            std::ostringstream ss;
            ss << "shapes " << a << " and " << b << " cannot be broadcast together (dimension " << i << ")";
            ThrowInvalid(layer, ss.str());
        }
        out[i] = da == 1 ? db : da;
    }
    return out;
}

unsigned int ResolveAxis(const LayerInfo& layer, int axis, unsigned int rank)
{
    const int r = static_cast<int>(rank);
    if (axis < -r || axis >= r)
    {
        ThrowInvalid(layer, "axis " + std::to_string(axis) + " is out of range for rank " + std::to_string(rank));
    }
    return static_cast<unsigned int>(axis < 0 ? axis + r : axis);
}

LayoutIndices::LayoutIndices(DataLayout layout)
{
    switch (layout)
    {
        case DataLayout::NHWC: m_Channels = 3; m_Height = 1; m_Width = 2; m_Depth = 0; break;
        case DataLayout::NCHW: m_Channels = 1; m_Height = 2; m_Width = 3; m_Depth = 0; break;
        case DataLayout::NDHWC: m_Channels = 4; m_Depth = 1; m_Height = 2; m_Width = 3; break;
        case DataLayout::NCDHW: m_Channels = 1; m_Depth = 2; m_Height = 3; m_Width = 4; break;
        default: throw InvalidArgumentException("Unknown DataLayout");
    }
}

} // namespace layers
} // namespace armnn

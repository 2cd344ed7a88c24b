//
// Small pieces shared by the layer-family files: slot counts, validation errors, common shape rules.
//
#pragma once

#include "../LayerTraits.hpp"

#include <armnn/Exceptions.hpp>

#include <string>
#include <vector>

namespace armnn
{
namespace layers
{

template <unsigned int N>
unsigned int Fixed(const BaseDescriptor&)
{
    return N;
}

/// @throws LayerValidationException "<LayerType> '<name>': <what>".
[[noreturn]] void ThrowInvalid(const LayerInfo& layer, const std::string& what);

/// Throws unless input `index` has a rank in [minRank, maxRank].
void CheckInputRank(const LayerInfo& layer, size_t index, unsigned int minRank, unsigned int maxRank);

/// Output 0 has the shape of input 0.
std::vector<TensorShape> SameShapeAsInput0(const LayerInfo& layer);

/// NumPy-style broadcast of two shapes (ranks aligned at the right).
/// @throws LayerValidationException naming both shapes when they do not broadcast.
TensorShape BroadcastShapes(const LayerInfo& layer, const TensorShape& a, const TensorShape& b);

/// Resolves a possibly negative axis against a rank.
/// @throws LayerValidationException when out of [-rank, rank).
unsigned int ResolveAxis(const LayerInfo& layer, int axis, unsigned int rank);

/// Indices of N, C, H, W (or N, C, D, H, W) in a shape of the given layout.
struct LayoutIndices
{
    explicit LayoutIndices(DataLayout layout);
    unsigned int m_Channels;
    unsigned int m_Height;
    unsigned int m_Width;
    unsigned int m_Depth; // only for 5-D layouts
};

} // namespace layers
} // namespace armnn

//
// Normalization layers: batch, L2, instance and local response normalization.
//
#include "LayerTraitsHelpers.hpp"

namespace armnn
{

void RegisterNormalizationLayers(LayerTraitsTable& table)
{
    (void)table;
}

} // namespace armnn

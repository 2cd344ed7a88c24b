//
// Detection post-processing (SSD box decoding and non-maximum suppression).
//
#include "LayerTraitsHelpers.hpp"

namespace armnn
{

void RegisterDetectionLayers(LayerTraitsTable& table)
{
    (void)table;
}

} // namespace armnn

//
// What a backend may read of the layers it is offered in OptimizeSubgraphView: the same LayerInfo that support
// queries get, and the data of Constant layers (so an accelerator can compile weights into its blob).
//
#pragma once

#include "LayerInfo.hpp"

#include <armnn/INetwork.hpp>
#include <armnn/Optional.hpp>
#include <armnn/Tensor.hpp>

namespace armnn
{

/// The description of a layer of the graph being optimized, with its output infos.
/// @throws InvalidArgumentException for layers that do not belong to a graph being optimized or built.
LayerInfo GetLayerInfo(const IConnectableLayer& layer);

/// The tensor a Constant layer holds; empty for other layers. The data stays valid while the layer exists.
Optional<ConstTensor> GetConstantTensor(const IConnectableLayer& layer);

} // namespace armnn

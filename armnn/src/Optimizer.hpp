#pragma once

#include "DeviceSpec.hpp"
#include "Graph.hpp"

#include <armnn/INetwork.hpp>

#include <string>
#include <vector>

namespace armnn
{

/// Checks every layer's inputs and output shapes; fills missing output infos when method is InferAndValidate.
/// With allowExpandedDims, an output shape set on a slot may differ from the one the layer produces by dimensions
/// of size 1 (Arm NN's AllowExpandedDims): the slot gets the produced shape and a Reshape to the set shape feeds
/// its consumers, so kernels only ever see the shapes their layers infer.
/// @throws LayerValidationException / GraphValidationException naming the layer.
void InferAndValidateShapes(Graph& graph, ShapeInferenceMethod method, bool allowExpandedDims = false);

/// Graph rewrites that do not depend on backends (optimizations/GraphPasses.cpp).
void RunGraphPasses(Graph& graph, const DeviceSpec& deviceSpec, const std::vector<BackendId>& preferences);

} // namespace armnn

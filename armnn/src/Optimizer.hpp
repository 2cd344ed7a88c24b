#pragma once

#include "DeviceSpec.hpp"
#include "Graph.hpp"

#include <armnn/INetwork.hpp>

#include <string>
#include <vector>

namespace armnn
{

/// Checks every layer's inputs and output shapes; fills missing output infos when method is InferAndValidate.
/// @throws LayerValidationException / GraphValidationException naming the layer.
void InferAndValidateShapes(Graph& graph, ShapeInferenceMethod method);

/// Graph rewrites that do not depend on backends (optimizations/GraphPasses.cpp).
void RunGraphPasses(Graph& graph, const DeviceSpec& deviceSpec, const std::vector<BackendId>& preferences);

} // namespace armnn

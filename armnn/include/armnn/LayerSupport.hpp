//
// Asks a loaded backend whether it supports a layer, without building a network.
//
#pragma once

#include "BackendId.hpp"
#include "Descriptors.hpp"
#include "Optional.hpp"
#include "Tensor.hpp"
#include "Types.hpp"

#include <string>
#include <vector>

namespace armnn
{

/// True when the backend (loaded by a runtime created earlier in this process) supports a layer of this type
/// with these input and output infos. The reason is filled when it does not.
bool IsLayerSupported(const BackendId& backend, LayerType type, const std::vector<TensorInfo>& inputInfos,
                      const std::vector<TensorInfo>& outputInfos, const BaseDescriptor& descriptor,
                      Optional<std::string&> reasonIfUnsupported = EmptyOptional());

} // namespace armnn

//
// The public API in one include.
//
#pragma once

#include "BackendId.hpp"
#include "BackendOptions.hpp"
#include "Descriptors.hpp"
#include "Exceptions.hpp"
#include "INetwork.hpp"
#include "IProfiler.hpp"
#include "IRuntime.hpp"
#include "LayerSupport.hpp"
#include "Logging.hpp"
#include "LstmParams.hpp"
#include "Optional.hpp"
#include "Tensor.hpp"
#include "Types.hpp"
#include "TypesUtils.hpp"
#include "Utils.hpp"
#include "Version.hpp"

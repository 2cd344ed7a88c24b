#pragma once

namespace armnn
{
struct LstmInputParams;
class INetwork;
class IOptimizedNetwork;
class Graph;
class IInputSlot;
class IOutputSlot;
class IConnectableLayer;
class IDeviceSpec;
class OptimizerOptionsOpaque;
struct OptimizerOptions;
} // namespace armnn

//
// The GpuAcc kernels: one Check and one Create function per layer type (GpuAccKernels.cpp), listed with their data
// types in GpuAccBackend.cpp's one kernel table.
//
#pragma once

#include "GpuAccRuntime.hpp"

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <string>

namespace armnn
{
namespace gpuacc
{

/// The kernel table's factories take only the layer: the backend names the runtime they build on for the
/// duration of its CreateWorkload call.
class RuntimeScope
{
public:
    explicit RuntimeScope(std::shared_ptr<ClRuntime> runtime);
    ~RuntimeScope();
    RuntimeScope(const RuntimeScope&) = delete;
    RuntimeScope& operator=(const RuntimeScope&) = delete;

private:
    std::shared_ptr<ClRuntime> m_Previous;
};

#define GPUACC_KERNEL(Name) \
    std::unique_ptr<IWorkload> Create##Name(const LayerInfo& layer); \
    bool Check##Name(const LayerInfo& layer, std::string& reason);

GPUACC_KERNEL(Activation)
GPUACC_KERNEL(Concat)
GPUACC_KERNEL(Convolution2d)
GPUACC_KERNEL(DepthwiseConvolution2d)
GPUACC_KERNEL(ElementwiseBinary)
GPUACC_KERNEL(FullyConnected)
GPUACC_KERNEL(Mean)
GPUACC_KERNEL(Pad)
GPUACC_KERNEL(Pooling2d)
GPUACC_KERNEL(Reshape)
GPUACC_KERNEL(Softmax)

#undef GPUACC_KERNEL

} // namespace gpuacc
} // namespace armnn

//
// The reference kernels, one Create (and where needed one Check) function per kernel file under kernels/.
// RefKernelTable.cpp lists them with their data types.
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <string>

namespace armnn
{
namespace ref
{

#define REF_KERNEL(Name) std::unique_ptr<IWorkload> Create##Name(const LayerInfo& layer);
#define REF_CHECK(Name) bool Check##Name(const LayerInfo& layer, std::string& reason);

REF_KERNEL(Activation)
REF_KERNEL(BatchMatMul)
REF_KERNEL(Convolution2d)
REF_KERNEL(DepthwiseConvolution2d)
REF_KERNEL(Pooling2d)
REF_KERNEL(TransposeConvolution2d)
/// Data types of (input, weights, optional bias) layers: convolutions (kernels/WeightedLayerCheck.cpp).
REF_CHECK(WeightedLayer)
REF_KERNEL(ElementwiseBinary)
REF_CHECK(ElementwiseBinary)
REF_KERNEL(FullyConnected)
REF_KERNEL(Reshape)
REF_KERNEL(Softmax)
REF_KERNEL(LogSoftmax)

#undef REF_KERNEL
#undef REF_CHECK

} // namespace ref
} // namespace armnn

//
// The reference kernels, one Create (and where needed one Check) function per kernel file under kernels/.
// RefKernelTable.cpp lists them with their data types. They build into the static library armnnRefKernels, linked
// by the CpuRef plugin and by the emulated accelerators (which run their claimed subgraphs with these kernels).
//
#pragma once

#include <armnn/backends/IWorkload.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <string>
#include <vector>

namespace armnn
{
namespace ref
{

#define REF_KERNEL(Name) std::unique_ptr<IWorkload> Create##Name(const LayerInfo& layer);
#define REF_CHECK(Name) bool Check##Name(const LayerInfo& layer, std::string& reason);

REF_KERNEL(Activation)
REF_KERNEL(BatchMatMul)
REF_KERNEL(Convolution2d)
REF_KERNEL(Convolution3d)
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
REF_KERNEL(Transpose)
REF_KERNEL(Permute)
REF_KERNEL(Concat)
REF_KERNEL(Splitter)
REF_KERNEL(Stack)
REF_KERNEL(Pad)
REF_KERNEL(Tile)
REF_KERNEL(Slice)
REF_KERNEL(StridedSlice)
REF_KERNEL(Gather)
/// Indices Signed32, params and output moved as data (GatherNd shares the rule).
REF_CHECK(Gather)
REF_KERNEL(GatherNd)
REF_KERNEL(ScatterNd)
REF_CHECK(ScatterNd)
REF_KERNEL(ReverseV2)
REF_CHECK(ReverseV2)
REF_KERNEL(BroadcastTo)
REF_KERNEL(ArgMinMax)
REF_CHECK(ArgMinMax)
REF_KERNEL(TopK)
REF_CHECK(TopK)
REF_KERNEL(RoiAlign)
REF_CHECK(RoiAlign)
REF_KERNEL(Reduce)
REF_KERNEL(Mean)
REF_KERNEL(Resize)
REF_KERNEL(DepthToSpace)
REF_KERNEL(SpaceToDepth)
REF_KERNEL(ChannelShuffle)
REF_KERNEL(SpaceToBatchNd)
REF_KERNEL(BatchToSpaceNd)

REF_KERNEL(ElementwiseUnary)
REF_CHECK(ElementwiseUnary)
REF_KERNEL(Comparison)
REF_CHECK(Comparison)
REF_KERNEL(LogicalBinary)
REF_KERNEL(Prelu)
REF_CHECK(Prelu)
REF_KERNEL(Floor)
REF_KERNEL(Quantize)
REF_CHECK(Quantize)
REF_KERNEL(Dequantize)
REF_CHECK(Dequantize)
REF_KERNEL(Cast)
REF_CHECK(Cast)
REF_KERNEL(Fill)
REF_CHECK(Fill)
REF_KERNEL(Shape)
REF_CHECK(Shape)
REF_KERNEL(Rank)
REF_CHECK(Rank)
REF_KERNEL(BatchNormalization)
REF_KERNEL(L2Normalization)
REF_KERNEL(InstanceNormalization)
REF_KERNEL(Normalization)
REF_CHECK(Normalization)
REF_KERNEL(DetectionPostProcess)
REF_CHECK(DetectionPostProcess)
REF_KERNEL(UnidirectionalSequenceLstm)

/// The one table of CpuRef kernels: layer support is derived from it and workloads are created from it.
std::vector<KernelEntry> RefKernelTable();

#undef REF_KERNEL
#undef REF_CHECK

} // namespace ref
} // namespace armnn

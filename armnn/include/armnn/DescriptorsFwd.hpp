#pragma once

namespace armnn
{
struct BaseDescriptor;
struct NullDescriptor;
struct ActivationDescriptor;
struct ArgMinMaxDescriptor;
struct BatchMatMulDescriptor;
struct BatchNormalizationDescriptor;
struct BatchToSpaceNdDescriptor;
struct BroadcastToDescriptor;
struct ChannelShuffleDescriptor;
struct ComparisonDescriptor;
struct Convolution2dDescriptor;
struct Convolution3dDescriptor;
struct DepthwiseConvolution2dDescriptor;
struct DetectionPostProcessDescriptor;
struct ElementwiseBinaryDescriptor;
struct ElementwiseUnaryDescriptor;
struct FakeQuantizationDescriptor;
struct FillDescriptor;
struct FullyConnectedDescriptor;
struct GatherDescriptor;
struct GatherNdDescriptor;
struct InstanceNormalizationDescriptor;
struct L2NormalizationDescriptor;
struct LogicalBinaryDescriptor;
struct LstmDescriptor;
struct MeanDescriptor;
struct NormalizationDescriptor;
struct OriginsDescriptor;
struct PadDescriptor;
struct PermuteDescriptor;
struct Pooling2dDescriptor;
struct PreCompiledDescriptor;
struct ReduceDescriptor;
struct ReshapeDescriptor;
struct ResizeDescriptor;
struct ReverseV2Descriptor;
struct ScatterNdDescriptor;
struct SliceDescriptor;
struct SoftmaxDescriptor;
struct SpaceToBatchNdDescriptor;
struct SpaceToDepthDescriptor;
struct StackDescriptor;
struct StandInDescriptor;
struct StridedSliceDescriptor;
struct TileDescriptor;
struct TransposeConvolution2dDescriptor;
struct TransposeDescriptor;
struct ViewsDescriptor;
struct TopKDescriptor;
struct RoiAlignDescriptor;

using ConcatDescriptor = OriginsDescriptor;
using DepthToSpaceDescriptor = SpaceToDepthDescriptor;
using LogSoftmaxDescriptor = SoftmaxDescriptor;
using UnidirectionalSequenceLstmDescriptor = LstmDescriptor;
using SplitterDescriptor = ViewsDescriptor;
} // namespace armnn

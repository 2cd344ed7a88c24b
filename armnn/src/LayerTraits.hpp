//
// The layer-type table: for each layer type, its descriptor type, its slot counts and its shape inference.
// Built from LIST_OF_LAYER_TYPE (Types.hpp) and ARMNN_LAYER_DESCRIPTORS below; each family of layers
// fills its entries in its own file under layers/.
//
#pragma once

#include <armnn/Descriptors.hpp>
#include <armnn/Types.hpp>
#include <armnn/backends/LayerInfo.hpp>

#include <memory>
#include <vector>

namespace armnn
{

/// Descriptor type of each layer type that has one; the others use NullDescriptor.
#define ARMNN_LAYER_DESCRIPTORS \
    D(Activation, ActivationDescriptor) \
    D(ArgMinMax, ArgMinMaxDescriptor) \
    D(BatchMatMul, BatchMatMulDescriptor) \
    D(BatchNormalization, BatchNormalizationDescriptor) \
    D(BatchToSpaceNd, BatchToSpaceNdDescriptor) \
    D(BroadcastTo, BroadcastToDescriptor) \
    D(ChannelShuffle, ChannelShuffleDescriptor) \
    D(Comparison, ComparisonDescriptor) \
    D(Concat, OriginsDescriptor) \
    D(Convolution2d, Convolution2dDescriptor) \
    D(Convolution3d, Convolution3dDescriptor) \
    D(DepthToSpace, SpaceToDepthDescriptor) \
    D(DepthwiseConvolution2d, DepthwiseConvolution2dDescriptor) \
    D(DetectionPostProcess, DetectionPostProcessDescriptor) \
    D(ElementwiseBinary, ElementwiseBinaryDescriptor) \
    D(ElementwiseUnary, ElementwiseUnaryDescriptor) \
    D(FakeQuantization, FakeQuantizationDescriptor) \
    D(Fill, FillDescriptor) \
    D(FullyConnected, FullyConnectedDescriptor) \
    D(Gather, GatherDescriptor) \
    D(InstanceNormalization, InstanceNormalizationDescriptor) \
    D(L2Normalization, L2NormalizationDescriptor) \
    D(LogicalBinary, LogicalBinaryDescriptor) \
    D(LogSoftmax, SoftmaxDescriptor) \
    D(Mean, MeanDescriptor) \
    D(Normalization, NormalizationDescriptor) \
    D(Pad, PadDescriptor) \
    D(Permute, PermuteDescriptor) \
    D(Pooling2d, Pooling2dDescriptor) \
    D(PreCompiled, PreCompiledDescriptor) \
    D(Reduce, ReduceDescriptor) \
    D(Reshape, ReshapeDescriptor) \
    D(Resize, ResizeDescriptor) \
    D(ScatterNd, ScatterNdDescriptor) \
    D(Slice, SliceDescriptor) \
    D(Softmax, SoftmaxDescriptor) \
    D(SpaceToBatchNd, SpaceToBatchNdDescriptor) \
    D(SpaceToDepth, SpaceToDepthDescriptor) \
    D(Splitter, ViewsDescriptor) \
    D(Stack, StackDescriptor) \
    D(StandIn, StandInDescriptor) \
    D(StridedSlice, StridedSliceDescriptor) \
    D(Tile, TileDescriptor) \
    D(Transpose, TransposeDescriptor) \
    D(TransposeConvolution2d, TransposeConvolution2dDescriptor) \
    D(UnidirectionalSequenceLstm, LstmDescriptor) \
    D(TopK, TopKDescriptor) \
    D(RoiAlign, RoiAlignDescriptor)

template <LayerType Type>
struct LayerDescriptorOf
{
    using DescriptorType = NullDescriptor;
};
#define D(type, desc) \
    template <> \
    struct LayerDescriptorOf<LayerType::type> \
    { \
        using DescriptorType = desc; \
    };
ARMNN_LAYER_DESCRIPTORS
#undef D

/// A copy of descriptor, which must be of the type LayerDescriptorOf<type> names.
std::unique_ptr<BaseDescriptor> CloneDescriptor(LayerType type, const BaseDescriptor& descriptor);

/// Whether two descriptors of layers of this type are equal.
bool DescriptorsEqual(LayerType type, const BaseDescriptor& a, const BaseDescriptor& b);

struct LayerTraits
{
    /// Slot counts, from the descriptor.
    unsigned int (*m_NumInputs)(const BaseDescriptor& descriptor);
    unsigned int (*m_NumOutputs)(const BaseDescriptor& descriptor);
    /// Output shapes from input infos (and constant input data where the shape depends on it).
    /// @throws LayerValidationException naming what is wrong when the inputs do not fit the layer.
    std::vector<TensorShape> (*m_InferShapes)(const LayerInfo& layer);
};

/// The entry of a layer type; null for types this library does not implement.
const LayerTraits* GetLayerTraits(LayerType type);

/// Filled by each family file under layers/.
using LayerTraitsTable = std::vector<const LayerTraits*>;
void RegisterBasicLayers(LayerTraitsTable& table);
void RegisterConvolutionLayers(LayerTraitsTable& table);
void RegisterElementwiseLayers(LayerTraitsTable& table);
void RegisterShapeLayers(LayerTraitsTable& table);
void RegisterNormalizationLayers(LayerTraitsTable& table);
void RegisterDetectionLayers(LayerTraitsTable& table);
void RegisterRecurrentLayers(LayerTraitsTable& table);

} // namespace armnn

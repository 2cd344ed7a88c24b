//
// The one table of CpuRef kernels, in the kernels library (armnnRefKernels) that the CpuRef plugin and the emulated
// accelerators (backends/emulated) both link.
//
#include "RefKernels.hpp"
#include "RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

namespace
{
using DT = DataType;

const std::vector<DataType> kFloatAndQuantized = {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8,
                                                  DT::QSymmS8, DT::QSymmS16};
const std::vector<DataType> kArithmetic = {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8,
                                           DT::QSymmS8, DT::QSymmS16, DT::Signed32, DT::Signed64};
const std::vector<DataType> kAllTypes = {DT::Float32, DT::Float16, DT::BFloat16, DT::QAsymmS8, DT::QAsymmU8,
                                         DT::QSymmS8, DT::QSymmS16, DT::Signed32, DT::Signed64, DT::Boolean};
/// Input types of the convolutions; CheckWeightedLayer says which weights and bias go with each.
const std::vector<DataType> kConvolutionTypes = {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8};
/// Convolution, depthwise convolution and fully connected also take TFLite's 16x8 (QSymmS16 activations).
const std::vector<DataType> kWeightedTypes = {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS16};

const std::vector<DataType> kQuantized = {DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS8, DT::QSymmS16};
const std::vector<DataType> kCastTypes = {DT::Float32, DT::Float16, DT::Signed32, DT::Signed64,
                                          DT::QAsymmS8, DT::QAsymmU8, DT::Boolean};

bool SameType(const LayerInfo& layer, std::string& reason)
{
    return CheckAllSameDataType(layer, reason);
}

/// Input and output types are the same; the parameter inputs (mean, variance, beta, gamma) may be any decodable
/// type, they are decoded once at load.
bool SameInputOutputType(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != layer.m_Inputs[0].GetDataType())
    {
        reason = "output data type differs from the input's";
        return false;
    }
    return true;
}

} // namespace

std::vector<KernelEntry> RefKernelTable()
{
    return {
        {LayerType::Activation, kFloatAndQuantized, SameType, CreateActivation},
        {LayerType::ArgMinMax, kArithmetic, CheckArgMinMax, CreateArgMinMax},
        {LayerType::BatchMatMul, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS16}, SameType,
         CreateBatchMatMul, true},
        {LayerType::BatchNormalization, kFloatAndQuantized, SameInputOutputType, CreateBatchNormalization},
        {LayerType::BatchToSpaceNd, kAllTypes, CheckDataMovement, CreateBatchToSpaceNd},
        {LayerType::BroadcastTo, kAllTypes, CheckDataMovement, CreateBroadcastTo},
        {LayerType::Cast, kCastTypes, CheckCast, CreateCast},
        {LayerType::ChannelShuffle, kAllTypes, CheckDataMovement, CreateChannelShuffle},
        {LayerType::Comparison, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS8, DT::QSymmS16,
                                 DT::Signed32, DT::Signed64, DT::Boolean}, CheckComparison, CreateComparison},
        {LayerType::Concat, kAllTypes, CheckDataMovement, CreateConcat},
        {LayerType::Convolution2d, kWeightedTypes, CheckWeightedLayer, CreateConvolution2d, true},
        {LayerType::Convolution3d, kConvolutionTypes, CheckWeightedLayer, CreateConvolution3d, true},
        {LayerType::DepthToSpace, kAllTypes, CheckDataMovement, CreateDepthToSpace},
        {LayerType::DepthwiseConvolution2d, kWeightedTypes, CheckWeightedLayer, CreateDepthwiseConvolution2d,
         true},
        {LayerType::Dequantize, kQuantized, CheckDequantize, CreateDequantize},
        {LayerType::DetectionPostProcess, {DT::Float32, DT::QAsymmU8, DT::QAsymmS8}, CheckDetectionPostProcess,
         CreateDetectionPostProcess},
        {LayerType::ElementwiseBinary, kArithmetic, CheckElementwiseBinary, CreateElementwiseBinary},
        {LayerType::ElementwiseUnary, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS8, DT::QSymmS16,
                                       DT::Signed32, DT::Signed64, DT::Boolean}, CheckElementwiseUnary,
         CreateElementwiseUnary},
        {LayerType::Fill, {DT::Signed32}, CheckFill, CreateFill},
        {LayerType::Floor, kFloatAndQuantized, SameType, CreateFloor},
        {LayerType::FullyConnected, kWeightedTypes, CheckWeightedLayer, CreateFullyConnected, true},
        {LayerType::Gather, kAllTypes, CheckGather, CreateGather},
        {LayerType::GatherNd, kAllTypes, CheckGather, CreateGatherNd},
        {LayerType::InstanceNormalization, kFloatAndQuantized, SameType, CreateInstanceNormalization},
        {LayerType::L2Normalization, kFloatAndQuantized, SameType, CreateL2Normalization},
        {LayerType::LogSoftmax, kFloatAndQuantized, SameType, CreateLogSoftmax},
        {LayerType::LogicalBinary, {DT::Boolean}, SameType, CreateLogicalBinary},
        {LayerType::Mean, kArithmetic, SameType, CreateMean},
        {LayerType::Normalization, kFloatAndQuantized, CheckNormalization, CreateNormalization},
        {LayerType::Pad, kAllTypes, CheckDataMovement, CreatePad},
        {LayerType::Permute, kAllTypes, CheckDataMovement, CreatePermute},
        {LayerType::Pooling2d, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS16}, SameType,
         CreatePooling2d, true},
        {LayerType::Prelu, kFloatAndQuantized, CheckPrelu, CreatePrelu},
        {LayerType::Quantize, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::QSymmS8, DT::QSymmS16},
         CheckQuantize, CreateQuantize},
        {LayerType::Rank, kAllTypes, CheckRank, CreateRank},
        {LayerType::RoiAlign, {DT::Float32, DT::Float16}, CheckRoiAlign, CreateRoiAlign},
        {LayerType::Reduce, kArithmetic, SameType, CreateReduce},
        {LayerType::Reshape, kAllTypes, SameType, CreateReshape},
        {LayerType::Resize, kFloatAndQuantized, SameType, CreateResize},
        {LayerType::ReverseV2, kAllTypes, CheckReverseV2, CreateReverseV2},
        {LayerType::ScatterNd, kAllTypes, CheckScatterNd, CreateScatterNd},
        {LayerType::Shape, kAllTypes, CheckShape, CreateShape},
        {LayerType::Slice, kAllTypes, CheckDataMovement, CreateSlice},
        {LayerType::Softmax, kFloatAndQuantized, SameType, CreateSoftmax},
        {LayerType::SpaceToBatchNd, kAllTypes, CheckDataMovement, CreateSpaceToBatchNd},
        {LayerType::SpaceToDepth, kAllTypes, CheckDataMovement, CreateSpaceToDepth},
        {LayerType::Splitter, kAllTypes, CheckDataMovement, CreateSplitter},
        {LayerType::Stack, kAllTypes, CheckDataMovement, CreateStack},
        {LayerType::StridedSlice, kAllTypes, CheckDataMovement, CreateStridedSlice},
        {LayerType::Tile, kAllTypes, CheckDataMovement, CreateTile},
        {LayerType::TopK, {DT::Float32, DT::Float16, DT::QAsymmS8, DT::QAsymmU8, DT::Signed32, DT::Signed64}, CheckTopK,
         CreateTopK},
        {LayerType::Transpose, kAllTypes, CheckDataMovement, CreateTranspose},
        {LayerType::TransposeConvolution2d, kConvolutionTypes, CheckWeightedLayer, CreateTransposeConvolution2d,
         true},
        // Float only: TensorFlow Lite's quantized LSTMs have integer arithmetic of their own.
        {LayerType::UnidirectionalSequenceLstm, {DT::Float32}, SameType, CreateUnidirectionalSequenceLstm},
    };
}

} // namespace ref
} // namespace armnn

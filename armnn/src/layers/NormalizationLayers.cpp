//
// Normalization layers: batch, L2, instance and local response normalization.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <cmath>
#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

bool IsKnownLayout(DataLayout layout)
{
    return layout == DataLayout::NCHW || layout == DataLayout::NHWC || layout == DataLayout::NDHWC ||
           layout == DataLayout::NCDHW;
}

/// Checks that input 0 has the rank its layout names (4 for NCHW/NHWC, 5 for NCDHW/NDHWC) and returns the
/// index of the channel dimension.
unsigned int CheckLayoutAndGetChannelAxis(const LayerInfo& layer, DataLayout layout, bool allowFiveD = true)
{
    if (!IsKnownLayout(layout) || (!allowFiveD && (layout == DataLayout::NDHWC || layout == DataLayout::NCDHW)))
    {
        ThrowInvalid(layer, "unsupported data layout " + std::to_string(static_cast<int>(layout)));
    }
    const unsigned int rank = (layout == DataLayout::NCHW || layout == DataLayout::NHWC) ? 4 : 5;
    CheckInputRank(layer, 0, rank, rank);
    return LayoutIndices(layout).m_Channels;
}

void CheckEpsilon(const LayerInfo& layer, float eps)
{
    if (!(eps >= 0.0f) || std::isinf(eps))
    {
        ThrowInvalid(layer, "epsilon " + std::to_string(eps) + " must be finite and not negative");
    }
}

std::vector<TensorShape> BatchNormalizationShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<BatchNormalizationDescriptor>();
    const unsigned int channelAxis = CheckLayoutAndGetChannelAxis(layer, desc.m_DataLayout);
    CheckEpsilon(layer, desc.m_Eps);
    const unsigned int channels = layer.m_Inputs[0].GetShape()[channelAxis];
    static const char* const names[] = {"input", "mean", "variance", "beta", "gamma"};
    for (size_t i = 1; i < 5; ++i)
    {
        const TensorShape& shape = layer.m_Inputs[i].GetShape();
        if (shape.GetNumDimensions() != 1 || shape[0] != channels)
        {
            std::ostringstream ss;
            ss << names[i] << " (input " << i << ") has shape " << shape << "; expected [" << channels
               << "], the input's channel count";
            ThrowInvalid(layer, ss.str());
        }
    }
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> L2NormalizationShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<L2NormalizationDescriptor>();
    if (!IsKnownLayout(desc.m_DataLayout))
    {
        ThrowInvalid(layer, "unsupported data layout " + std::to_string(static_cast<int>(desc.m_DataLayout)));
    }
    // Any rank: the channel dimension is the last one for channels-last layouts, dimension 1 otherwise.
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckEpsilon(layer, desc.m_Eps);
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> InstanceNormalizationShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<InstanceNormalizationDescriptor>();
    CheckLayoutAndGetChannelAxis(layer, desc.m_DataLayout);
    CheckEpsilon(layer, desc.m_Eps);
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> NormalizationShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<NormalizationDescriptor>();
    CheckLayoutAndGetChannelAxis(layer, desc.m_DataLayout, false);
    const int channelType = static_cast<int>(desc.m_NormChannelType);
    const int methodType = static_cast<int>(desc.m_NormMethodType);
    if (channelType < 0 || channelType > static_cast<int>(NormalizationAlgorithmChannel::Within))
    {
        ThrowInvalid(layer, "unknown normalization channel type " + std::to_string(channelType));
    }
    if (methodType < 0 || methodType > static_cast<int>(NormalizationAlgorithmMethod::LocalContrast))
    {
        ThrowInvalid(layer, "unknown normalization method " + std::to_string(methodType));
    }
    if (desc.m_NormSize == 0)
    {
        ThrowInvalid(layer, "normalization window size (m_NormSize) is 0");
    }
    return SameShapeAsInput0(layer);
}

// BatchNormalization: inputs (input, mean, variance, beta, gamma), see INetwork::AddBatchNormalizationLayer.
const LayerTraits kBatchNormalization{Fixed<5>, Fixed<1>, BatchNormalizationShapes};
const LayerTraits kL2Normalization{Fixed<1>, Fixed<1>, L2NormalizationShapes};
const LayerTraits kInstanceNormalization{Fixed<1>, Fixed<1>, InstanceNormalizationShapes};
const LayerTraits kNormalization{Fixed<1>, Fixed<1>, NormalizationShapes};

} // namespace
} // namespace layers

void RegisterNormalizationLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::BatchNormalization, layers::kBatchNormalization);
    set(LayerType::L2Normalization, layers::kL2Normalization);
    set(LayerType::InstanceNormalization, layers::kInstanceNormalization);
    set(LayerType::Normalization, layers::kNormalization);
}

} // namespace armnn

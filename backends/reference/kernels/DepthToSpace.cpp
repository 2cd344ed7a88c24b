//
// DepthToSpace and SpaceToDepth, in TensorFlow Lite's DCR order. With block size b and C = b * b * c:
//   space[n, h * b + by, w * b + bx, k] = depth[n, h, w, (by * b + bx) * c + k]
// (the same relation for NCHW, with the channel dimension second). DepthToSpace moves depth -> space and
// SpaceToDepth space -> depth; both iterate (n, h, by, w, bx, k) and only swap source and destination.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <utility>

namespace armnn
{
namespace ref
{

namespace
{
std::unique_ptr<IWorkload> CreateDepthSpaceMove(const LayerInfo& layer, bool toSpace)
{
    const auto& desc = layer.GetDescriptor<SpaceToDepthDescriptor>();
    const bool nhwc = desc.m_DataLayout == DataLayout::NHWC;
    const unsigned int cIdx = nhwc ? 3 : 1;
    const unsigned int hIdx = nhwc ? 1 : 2;
    const unsigned int wIdx = nhwc ? 2 : 3;
    const TensorShape& depthShape = toSpace ? layer.m_Inputs[0].GetShape() : layer.m_Outputs[0].GetShape();
    const TensorShape& spaceShape = toSpace ? layer.m_Outputs[0].GetShape() : layer.m_Inputs[0].GetShape();
    const std::vector<ptrdiff_t> ds = SignedStrides(depthShape);
    const std::vector<ptrdiff_t> ss = SignedStrides(spaceShape);
    const ptrdiff_t b = static_cast<ptrdiff_t>(desc.m_BlockSize);
    const size_t c = spaceShape[cIdx];

    // Strides are (depth, space) pairs; a depth-channel step of (by * b + bx) * c + k.
    StridedCopyPlan plan;
    plan.AddDim(depthShape[0], ds[0], ss[0]);
    if (!nhwc)
    {
        plan.AddDim(c, ds[cIdx], ss[cIdx]);
    }
    plan.AddDim(depthShape[hIdx], ds[hIdx], b * ss[hIdx]);
    plan.AddDim(desc.m_BlockSize, b * static_cast<ptrdiff_t>(c) * ds[cIdx], ss[hIdx]);
    plan.AddDim(depthShape[wIdx], ds[wIdx], b * ss[wIdx]);
    plan.AddDim(desc.m_BlockSize, static_cast<ptrdiff_t>(c) * ds[cIdx], ss[wIdx]);
    if (nhwc)
    {
        plan.AddDim(c, ds[cIdx], ss[cIdx]);
    }
    if (!toSpace)
    {
        std::swap(plan.m_FromStride, plan.m_ToStride);
    }
    return MakeStridedCopyWorkload(layer, plan);
}
} // namespace

std::unique_ptr<IWorkload> CreateDepthToSpace(const LayerInfo& layer)
{
    return CreateDepthSpaceMove(layer, true);
}

std::unique_ptr<IWorkload> CreateSpaceToDepth(const LayerInfo& layer)
{
    return CreateDepthSpaceMove(layer, false);
}

} // namespace ref
} // namespace armnn

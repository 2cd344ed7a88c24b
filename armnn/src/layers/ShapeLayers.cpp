//
// Layers that move data without arithmetic: reshape, transpose, concatenation, splitting, slicing, padding,
// gathering and scattering, reversing, broadcasting, resizing, reductions.
//
// Descriptors come from model files, so every parameter is checked here, in release builds too: a layer that
// passes shape inference can be run by any backend without further range checks on its parameters.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

std::string ToString(const std::vector<uint64_t>& dims)
{
    std::ostringstream ss;
    ss << "[";
    for (size_t i = 0; i < dims.size(); ++i)
    {
        ss << (i ? ", " : "") << dims[i];
    }
    ss << "]";
    return ss.str();
}

/// The shape with these dimensions, after checking that it is one a tensor can have: rank at most 5 (rank 0
/// becomes [1], Arm NN's convention for fully reduced tensors), no zero dimension, and an element count that
/// fits the 32-bit counts of TensorShape.
TensorShape MakeShape(const LayerInfo& layer, const std::vector<uint64_t>& dims)
{
    if (dims.size() > MaxNumOfTensorDimensions)
    {
        ThrowInvalid(layer, "output rank " + std::to_string(dims.size()) + " exceeds " +
                                std::to_string(MaxNumOfTensorDimensions));
    }
    if (dims.empty())
    {
        return TensorShape({1});
    }
    uint64_t count = 1;
    for (size_t i = 0; i < dims.size(); ++i)
    {
        if (dims[i] == 0)
        {
            ThrowInvalid(layer, "output shape " + ToString(dims) + " has no elements (dimension " +
                                    std::to_string(i) + " is 0)");
        }
        count *= dims[i];
        if (count > std::numeric_limits<uint32_t>::max())
        {
            ThrowInvalid(layer, "output shape " + ToString(dims) + " has too many elements");
        }
    }
    TensorShape shape(static_cast<unsigned int>(dims.size()));
    for (unsigned int i = 0; i < dims.size(); ++i)
    {
        shape[i] = static_cast<unsigned int>(dims[i]);
    }
    return shape;
}

std::vector<uint64_t> DimsOf(const TensorShape& shape)
{
    std::vector<uint64_t> dims(shape.GetNumDimensions());
    for (unsigned int i = 0; i < dims.size(); ++i)
    {
        dims[i] = shape[i];
    }
    return dims;
}

std::string ShapeString(const TensorShape& shape)
{
    std::ostringstream ss;
    ss << shape;
    return ss.str();
}

/// Throws unless a list given per dimension of input 0 has one entry per dimension.
void CheckPerDimension(const LayerInfo& layer, const char* what, size_t size)
{
    const unsigned int rank = layer.m_Inputs[0].GetNumDimensions();
    if (size != rank)
    {
        ThrowInvalid(layer, std::string(what) + " has " + std::to_string(size) + " entries but input 0 " +
                                ShapeString(layer.m_Inputs[0].GetShape()) + " has rank " + std::to_string(rank));
    }
}

std::vector<TensorShape> ReshapeShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ReshapeDescriptor>();
    if (desc.m_TargetShape.GetNumElements() != layer.m_Inputs[0].GetNumElements())
    {
        std::ostringstream ss;
        ss << "target shape " << desc.m_TargetShape << " has " << desc.m_TargetShape.GetNumElements()
           << " elements but the input " << layer.m_Inputs[0].GetShape() << " has "
           << layer.m_Inputs[0].GetNumElements();
        ThrowInvalid(layer, ss.str());
    }
    return {desc.m_TargetShape};
}

//
// Transpose and Permute
//

void CheckPermutation(const LayerInfo& layer, const PermutationVector& perm)
{
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckPerDimension(layer, "the permutation", perm.GetSize());
}

std::vector<TensorShape> TransposeShapes(const LayerInfo& layer)
{
    const PermutationVector& perm = layer.GetDescriptor<TransposeDescriptor>().m_DimMappings;
    CheckPermutation(layer, perm);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    std::vector<uint64_t> out(perm.GetSize());
    for (unsigned int i = 0; i < perm.GetSize(); ++i)
    {
        out[i] = in[perm[i]];
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> PermuteShapes(const LayerInfo& layer)
{
    const PermutationVector& perm = layer.GetDescriptor<PermuteDescriptor>().m_DimMappings;
    CheckPermutation(layer, perm);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    std::vector<uint64_t> out(perm.GetSize());
    for (unsigned int i = 0; i < perm.GetSize(); ++i)
    {
        out[perm[i]] = in[i];
    }
    return {MakeShape(layer, out)};
}

//
// Concat, Splitter, Stack
//

/// A box [origin, origin + size) in a tensor.
struct View
{
    std::vector<uint64_t> m_Origin;
    std::vector<uint64_t> m_Size;
};

/// Throws unless the views lie inside `extent`, do not overlap and together cover it.
void CheckTiling(const LayerInfo& layer, const std::vector<View>& views, const std::vector<uint64_t>& extent,
                 const char* whole)
{
    uint64_t covered = 0;
    for (size_t v = 0; v < views.size(); ++v)
    {
        uint64_t volume = 1;
        for (size_t d = 0; d < extent.size(); ++d)
        {
            if (views[v].m_Origin[d] + views[v].m_Size[d] > extent[d])
            {
                ThrowInvalid(layer, "view " + std::to_string(v) + " (origin " + ToString(views[v].m_Origin) +
                                        ", size " + ToString(views[v].m_Size) + ") extends beyond the " + whole +
                                        " " + ToString(extent) + " in dimension " + std::to_string(d));
            }
            volume *= views[v].m_Size[d];
        }
        covered += volume;
        for (size_t w = 0; w < v; ++w)
        {
            bool overlap = true;
            for (size_t d = 0; d < extent.size() && overlap; ++d)
            {
                overlap = views[v].m_Origin[d] < views[w].m_Origin[d] + views[w].m_Size[d] &&
                          views[w].m_Origin[d] < views[v].m_Origin[d] + views[v].m_Size[d];
            }
            if (overlap)
            {
                ThrowInvalid(layer, "views " + std::to_string(w) + " and " + std::to_string(v) + " overlap");
            }
        }
    }
    uint64_t total = 1;
    for (uint64_t dim : extent)
    {
        total *= dim;
    }
    if (covered != total)
    {
        ThrowInvalid(layer, std::string("the views do not cover the ") + whole + " " + ToString(extent));
    }
}

/// Concat's OriginsDescriptor and Splitter's ViewsDescriptor alike: at least one view, views of input 0's rank.
/// Returns that rank.
template <typename ViewsDesc>
unsigned int CheckViewsAgainstInput0(const LayerInfo& layer, const ViewsDesc& desc)
{
    if (desc.GetNumViews() == 0)
    {
        ThrowInvalid(layer, "the descriptor has no views");
    }
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const unsigned int rank = layer.m_Inputs[0].GetNumDimensions();
    if (desc.GetNumDimensions() != rank)
    {
        ThrowInvalid(layer, "the views have " + std::to_string(desc.GetNumDimensions()) +
                                " dimensions but input 0 has rank " + std::to_string(rank));
    }
    return rank;
}

unsigned int ConcatInputs(const BaseDescriptor& d)
{
    return static_cast<const OriginsDescriptor&>(d).GetNumViews();
}

std::vector<TensorShape> ConcatShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    const unsigned int rank = CheckViewsAgainstInput0(layer, desc);
    std::vector<View> views(desc.GetNumViews());
    std::vector<uint64_t> extent(rank, 0);
    for (unsigned int v = 0; v < desc.GetNumViews(); ++v)
    {
        const TensorShape& shape = layer.m_Inputs[v].GetShape();
        if (shape.GetNumDimensions() != rank)
        {
            ThrowInvalid(layer, "input " + std::to_string(v) + " " + ShapeString(shape) + " has rank " +
                                    std::to_string(shape.GetNumDimensions()) + " but input 0 has rank " +
                                    std::to_string(rank));
        }
        const uint32_t* origin = desc.GetViewOrigin(v);
        views[v].m_Origin.assign(origin, origin + rank);
        views[v].m_Size = DimsOf(shape);
        for (unsigned int d = 0; d < rank; ++d)
        {
            extent[d] = std::max(extent[d], views[v].m_Origin[d] + views[v].m_Size[d]);
        }
    }
    CheckTiling(layer, views, extent, "output");
    return {MakeShape(layer, extent)};
}

unsigned int SplitterOutputs(const BaseDescriptor& d)
{
    return static_cast<const ViewsDescriptor&>(d).GetNumViews();
}

std::vector<TensorShape> SplitterShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ViewsDescriptor>();
    const unsigned int rank = CheckViewsAgainstInput0(layer, desc);
    std::vector<View> views(desc.GetNumViews());
    std::vector<TensorShape> shapes;
    for (unsigned int v = 0; v < desc.GetNumViews(); ++v)
    {
        const uint32_t* origin = desc.GetViewOrigin(v);
        const uint32_t* sizes = desc.GetViewSizes(v);
        views[v].m_Origin.assign(origin, origin + rank);
        views[v].m_Size.assign(sizes, sizes + rank);
        if (std::find(sizes, sizes + rank, 0u) != sizes + rank)
        {
            ThrowInvalid(layer, "view " + std::to_string(v) + " has size " + ToString(views[v].m_Size) +
                                    " with a zero dimension");
        }
    }
    CheckTiling(layer, views, DimsOf(layer.m_Inputs[0].GetShape()), "input");
    for (const View& view : views)
    {
        shapes.push_back(MakeShape(layer, view.m_Size));
    }
    return shapes;
}

unsigned int StackInputs(const BaseDescriptor& d)
{
    return static_cast<const StackDescriptor&>(d).m_NumInputs;
}

std::vector<TensorShape> StackShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<StackDescriptor>();
    if (desc.m_NumInputs == 0)
    {
        ThrowInvalid(layer, "m_NumInputs is 0");
    }
    const unsigned int rank = desc.m_InputShape.GetNumDimensions();
    if (desc.m_Axis > rank)
    {
        ThrowInvalid(layer, "axis " + std::to_string(desc.m_Axis) + " is out of range for inputs of rank " +
                                std::to_string(rank));
    }
    for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
    {
        if (layer.m_Inputs[i].GetShape() != desc.m_InputShape)
        {
            ThrowInvalid(layer, "input " + std::to_string(i) + " has shape " +
                                    ShapeString(layer.m_Inputs[i].GetShape()) + " but m_InputShape is " +
                                    ShapeString(desc.m_InputShape));
        }
    }
    std::vector<uint64_t> out = DimsOf(desc.m_InputShape);
    out.insert(out.begin() + desc.m_Axis, desc.m_NumInputs);
    return {MakeShape(layer, out)};
}

//
// Pad, Tile
//

std::vector<TensorShape> PadShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<PadDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckPerDimension(layer, "the pad list", desc.m_PadList.size());
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    std::vector<uint64_t> out(in.GetNumDimensions());
    for (unsigned int d = 0; d < out.size(); ++d)
    {
        const auto& pad = desc.m_PadList[d];
        // Reflect mirrors without repeating the edge, so it can reach dim - 1 elements; Symmetric repeats it.
        const uint64_t limit = desc.m_PaddingMode == PaddingMode::Reflect     ? in[d] - 1
                               : desc.m_PaddingMode == PaddingMode::Symmetric ? in[d]
                                                                              : std::numeric_limits<uint32_t>::max();
        if (pad.first > limit || pad.second > limit)
        {
            ThrowInvalid(layer, "padding (" + std::to_string(pad.first) + ", " + std::to_string(pad.second) +
                                    ") of dimension " + std::to_string(d) + " exceeds " + std::to_string(limit) +
                                    ", the most " + GetPaddingModeAsCString(desc.m_PaddingMode) +
                                    " padding allows for size " + std::to_string(in[d]));
        }
        out[d] = uint64_t(in[d]) + pad.first + pad.second;
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> TileShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<TileDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckPerDimension(layer, "m_Multiples", desc.m_Multiples.size());
    std::vector<uint64_t> out = DimsOf(layer.m_Inputs[0].GetShape());
    for (size_t d = 0; d < out.size(); ++d)
    {
        out[d] *= desc.m_Multiples[d];
    }
    return {MakeShape(layer, out)};
}

//
// Reductions
//

std::vector<TensorShape> ReducedShapes(const LayerInfo& layer, const std::vector<uint32_t>& axes, bool keepDims)
{
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const unsigned int rank = in.GetNumDimensions();
    std::vector<bool> reduced(rank, axes.empty());
    for (uint32_t axis : axes)
    {
        if (axis >= rank)
        {
            ThrowInvalid(layer, "axis " + std::to_string(axis) + " is out of range for input 0 " +
                                    ShapeString(in));
        }
        reduced[axis] = true; // a repeated axis reduces once, as in TensorFlow
    }
    std::vector<uint64_t> out;
    for (unsigned int d = 0; d < rank; ++d)
    {
        if (!reduced[d])
        {
            out.push_back(in[d]);
        }
        else if (keepDims)
        {
            out.push_back(1);
        }
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> ReduceShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ReduceDescriptor>();
    return ReducedShapes(layer, desc.m_vAxis, desc.m_KeepDims);
}

std::vector<TensorShape> MeanShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<MeanDescriptor>();
    return ReducedShapes(layer, std::vector<uint32_t>(desc.m_Axis.begin(), desc.m_Axis.end()), desc.m_KeepDims);
}

std::vector<TensorShape> ArgMinMaxShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ArgMinMaxDescriptor>();
    if (desc.m_Output_Type != DataType::Signed32 && desc.m_Output_Type != DataType::Signed64)
    {
        ThrowInvalid(layer, std::string("output type ") + GetDataTypeName(desc.m_Output_Type) +
                                " is not Signed32 or Signed64");
    }
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const unsigned int axis = ResolveAxis(layer, desc.m_Axis, in.GetNumDimensions());
    std::vector<uint64_t> out = DimsOf(in);
    out.erase(out.begin() + axis);
    return {MakeShape(layer, out)};
}

//
// Resize and block rearrangements
//

void CheckImageLayout(const LayerInfo& layer, DataLayout layout)
{
    if (layout != DataLayout::NHWC && layout != DataLayout::NCHW)
    {
        ThrowInvalid(layer, std::string("data layout ") + GetDataLayoutName(layout) + " is not NHWC or NCHW");
    }
    CheckInputRank(layer, 0, 4, 4);
}

std::vector<TensorShape> ResizeShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ResizeDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    if (desc.m_TargetWidth == 0 || desc.m_TargetHeight == 0)
    {
        ThrowInvalid(layer, "target size " + std::to_string(desc.m_TargetHeight) + "x" +
                                std::to_string(desc.m_TargetWidth) + " has a zero dimension");
    }
    if (desc.m_AlignCorners && desc.m_HalfPixelCenters)
    {
        ThrowInvalid(layer, "m_AlignCorners and m_HalfPixelCenters cannot both be set");
    }
    const LayoutIndices idx(desc.m_DataLayout);
    std::vector<uint64_t> out = DimsOf(layer.m_Inputs[0].GetShape());
    out[idx.m_Height] = desc.m_TargetHeight;
    out[idx.m_Width] = desc.m_TargetWidth;
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> DepthSpaceShapes(const LayerInfo& layer, bool toDepth)
{
    const auto& desc = layer.GetDescriptor<SpaceToDepthDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    const uint64_t block = desc.m_BlockSize;
    if (block == 0)
    {
        ThrowInvalid(layer, "block size is 0");
    }
    const LayoutIndices idx(desc.m_DataLayout);
    std::vector<uint64_t> out = DimsOf(layer.m_Inputs[0].GetShape());
    if (toDepth)
    {
        if (out[idx.m_Height] % block != 0 || out[idx.m_Width] % block != 0)
        {
            ThrowInvalid(layer, "height and width of input 0 " + ShapeString(layer.m_Inputs[0].GetShape()) +
                                    " are not multiples of the block size " + std::to_string(block));
        }
        out[idx.m_Height] /= block;
        out[idx.m_Width] /= block;
        out[idx.m_Channels] *= block * block;
    }
    else
    {
        if (out[idx.m_Channels] % (block * block) != 0)
        {
            ThrowInvalid(layer, "channels of input 0 " + ShapeString(layer.m_Inputs[0].GetShape()) +
                                    " are not a multiple of the squared block size " +
                                    std::to_string(block * block));
        }
        out[idx.m_Height] *= block;
        out[idx.m_Width] *= block;
        out[idx.m_Channels] /= block * block;
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> SpaceToDepthShapes(const LayerInfo& layer)
{
    return DepthSpaceShapes(layer, true);
}

std::vector<TensorShape> DepthToSpaceShapes(const LayerInfo& layer)
{
    return DepthSpaceShapes(layer, false);
}

void CheckBlockShape(const LayerInfo& layer, DataLayout layout, const std::vector<unsigned int>& blockShape,
                     size_t listSize, const char* listName)
{
    CheckImageLayout(layer, layout);
    if (blockShape.size() != 2 || listSize != 2)
    {
        ThrowInvalid(layer, "the block shape and " + std::string(listName) +
                                " must have 2 entries (height, width); they have " +
                                std::to_string(blockShape.size()) + " and " + std::to_string(listSize));
    }
    if (blockShape[0] == 0 || blockShape[1] == 0)
    {
        ThrowInvalid(layer, "block shape [" + std::to_string(blockShape[0]) + ", " + std::to_string(blockShape[1]) +
                                "] has a zero entry");
    }
}

std::vector<TensorShape> SpaceToBatchNdShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<SpaceToBatchNdDescriptor>();
    CheckBlockShape(layer, desc.m_DataLayout, desc.m_BlockShape, desc.m_PadList.size(), "pad list");
    const LayoutIndices idx(desc.m_DataLayout);
    std::vector<uint64_t> out = DimsOf(layer.m_Inputs[0].GetShape());
    const unsigned int spatial[2] = {idx.m_Height, idx.m_Width};
    for (size_t i = 0; i < 2; ++i)
    {
        const uint64_t padded = out[spatial[i]] + desc.m_PadList[i].first + desc.m_PadList[i].second;
        if (padded % desc.m_BlockShape[i] != 0)
        {
            ThrowInvalid(layer, "padded spatial dimension " + std::to_string(i) + " (" + std::to_string(padded) +
                                    ") is not a multiple of the block size " +
                                    std::to_string(desc.m_BlockShape[i]));
        }
        out[spatial[i]] = padded / desc.m_BlockShape[i];
    }
    out[0] *= uint64_t(desc.m_BlockShape[0]) * desc.m_BlockShape[1];
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> BatchToSpaceNdShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<BatchToSpaceNdDescriptor>();
    CheckBlockShape(layer, desc.m_DataLayout, desc.m_BlockShape, desc.m_Crops.size(), "crops");
    const LayoutIndices idx(desc.m_DataLayout);
    std::vector<uint64_t> out = DimsOf(layer.m_Inputs[0].GetShape());
    const uint64_t blocks = uint64_t(desc.m_BlockShape[0]) * desc.m_BlockShape[1];
    if (out[0] % blocks != 0)
    {
        ThrowInvalid(layer, "batch " + std::to_string(out[0]) + " is not a multiple of the block count " +
                                std::to_string(blocks));
    }
    out[0] /= blocks;
    const unsigned int spatial[2] = {idx.m_Height, idx.m_Width};
    for (size_t i = 0; i < 2; ++i)
    {
        const uint64_t full = out[spatial[i]] * desc.m_BlockShape[i];
        const uint64_t crop = uint64_t(desc.m_Crops[i].first) + desc.m_Crops[i].second;
        if (crop >= full)
        {
            ThrowInvalid(layer, "crops of spatial dimension " + std::to_string(i) + " (" + std::to_string(crop) +
                                    ") leave nothing of its " + std::to_string(full) + " elements");
        }
        out[spatial[i]] = full - crop;
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> ChannelShuffleShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ChannelShuffleDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    if (desc.m_Axis >= in.GetNumDimensions())
    {
        ThrowInvalid(layer, "axis " + std::to_string(desc.m_Axis) + " is out of range for input 0 " +
                                ShapeString(in));
    }
    if (desc.m_NumGroups == 0 || in[desc.m_Axis] % desc.m_NumGroups != 0)
    {
        ThrowInvalid(layer, "dimension " + std::to_string(desc.m_Axis) + " of input 0 " + ShapeString(in) +
                                " cannot be split into " + std::to_string(desc.m_NumGroups) + " groups");
    }
    return SameShapeAsInput0(layer);
}

//
// Slices and gathers
//

std::vector<TensorShape> SliceShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<SliceDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckPerDimension(layer, "m_Begin", desc.m_Begin.size());
    CheckPerDimension(layer, "m_Size", desc.m_Size.size());
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    for (unsigned int d = 0; d < in.GetNumDimensions(); ++d)
    {
        if (uint64_t(desc.m_Begin[d]) + desc.m_Size[d] > in[d])
        {
            ThrowInvalid(layer, "begin " + std::to_string(desc.m_Begin[d]) + " + size " +
                                    std::to_string(desc.m_Size[d]) + " exceeds dimension " + std::to_string(d) +
                                    " of input 0 " + ShapeString(in));
        }
    }
    return {MakeShape(layer, std::vector<uint64_t>(desc.m_Size.begin(), desc.m_Size.end()))};
}

std::vector<TensorShape> StridedSliceShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<StridedSliceDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    if (desc.m_EllipsisMask != 0 || desc.m_NewAxisMask != 0)
    {
        ThrowInvalid(layer, "ellipsis and new-axis masks are not supported (m_EllipsisMask " +
                                std::to_string(desc.m_EllipsisMask) + ", m_NewAxisMask " +
                                std::to_string(desc.m_NewAxisMask) + ")");
    }
    CheckPerDimension(layer, "m_Begin", desc.m_Begin.size());
    CheckPerDimension(layer, "m_End", desc.m_End.size());
    CheckPerDimension(layer, "m_Stride", desc.m_Stride.size());
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    std::vector<uint64_t> out;
    for (unsigned int d = 0; d < in.GetNumDimensions(); ++d)
    {
        const int stride = desc.m_Stride[d];
        if (stride == 0)
        {
            ThrowInvalid(layer, "stride of dimension " + std::to_string(d) + " is 0");
        }
        const int dim = static_cast<int>(in[d]);
        if (desc.m_ShrinkAxisMask & (1 << d))
        {
            // A shrunk dimension keeps the one element at m_Begin (negative counts from the end); masks and
            // the stride do not apply to it, as in TensorFlow.
            const int64_t index = desc.m_Begin[d] < 0 ? int64_t(desc.m_Begin[d]) + dim : desc.m_Begin[d];
            if (index < 0 || index >= dim)
            {
                ThrowInvalid(layer, "shrunk dimension " + std::to_string(d) + " selects index " +
                                        std::to_string(desc.m_Begin[d]) + " outside input 0 " + ShapeString(in));
            }
            continue;
        }
        const int64_t start = desc.GetStartForAxis(in, d);
        const int64_t stop = desc.GetStopForAxis(in, d, static_cast<int>(start));
        const int64_t span = stride > 0 ? stop - start : start - stop;
        const int64_t step = stride > 0 ? stride : -int64_t(stride);
        const int64_t count = span <= 0 ? 0 : (span + step - 1) / step;
        if (count == 0)
        {
            ThrowInvalid(layer, "dimension " + std::to_string(d) + " selects no elements (begin " +
                                    std::to_string(desc.m_Begin[d]) + ", end " + std::to_string(desc.m_End[d]) +
                                    ", stride " + std::to_string(stride) + ")");
        }
        out.push_back(static_cast<uint64_t>(count));
    }
    return {MakeShape(layer, out)};
}

std::vector<TensorShape> GatherShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<GatherDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    if (layer.m_Inputs[1].GetDataType() != DataType::Signed32)
    {
        ThrowInvalid(layer, std::string("indices (input 1) have data type ") +
                                GetDataTypeName(layer.m_Inputs[1].GetDataType()) + "; expected Signed32");
    }
    const TensorShape& params = layer.m_Inputs[0].GetShape();
    const unsigned int axis = ResolveAxis(layer, desc.m_Axis, params.GetNumDimensions());
    const std::vector<uint64_t> paramDims = DimsOf(params);
    const std::vector<uint64_t> indexDims = DimsOf(layer.m_Inputs[1].GetShape());
    std::vector<uint64_t> out(paramDims.begin(), paramDims.begin() + axis);
    out.insert(out.end(), indexDims.begin(), indexDims.end());
    out.insert(out.end(), paramDims.begin() + axis + 1, paramDims.end());
    return {MakeShape(layer, out)};
}

/// Checks input `index` as the indices of GatherNd or ScatterNd: Signed32, rank at least 1, and its last
/// dimension K (the length of each index row) in [1, rank of `target`]. Returns K.
unsigned int CheckIndexRows(const LayerInfo& layer, size_t index, const TensorShape& target, const char* targetName)
{
    if (layer.m_Inputs[index].GetDataType() != DataType::Signed32)
    {
        ThrowInvalid(layer, "indices (input " + std::to_string(index) + ") have data type " +
                                GetDataTypeName(layer.m_Inputs[index].GetDataType()) + "; expected Signed32");
    }
    CheckInputRank(layer, index, 1, MaxNumOfTensorDimensions);
    const TensorShape& indices = layer.m_Inputs[index].GetShape();
    const unsigned int depth = indices[indices.GetNumDimensions() - 1];
    if (depth == 0 || depth > target.GetNumDimensions())
    {
        ThrowInvalid(layer, "index rows of length " + std::to_string(depth) + " (the last dimension of indices " +
                                ShapeString(indices) + ") cannot index " + targetName + " " + ShapeString(target) +
                                "; expected 1 to " + std::to_string(target.GetNumDimensions()));
    }
    return depth;
}

/// indices.shape[:-1] + target.shape[depth:]: the shape of GatherNd's output and of ScatterNd's updates.
std::vector<uint64_t> IndexedSliceDims(const TensorShape& indices, const TensorShape& target, unsigned int depth)
{
    std::vector<uint64_t> dims = DimsOf(indices);
    dims.pop_back();
    const std::vector<uint64_t> targetDims = DimsOf(target);
    dims.insert(dims.end(), targetDims.begin() + depth, targetDims.end());
    return dims;
}

std::vector<TensorShape> GatherNdShapes(const LayerInfo& layer)
{
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& params = layer.m_Inputs[0].GetShape();
    const unsigned int depth = CheckIndexRows(layer, 1, params, "params (input 0)");
    return {MakeShape(layer, IndexedSliceDims(layer.m_Inputs[1].GetShape(), params, depth))};
}

std::vector<TensorShape> ScatterNdShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ScatterNdDescriptor>();
    if (desc.m_AxisEnabled)
    {
        ThrowInvalid(layer, "m_AxisEnabled (scattering elements along m_Axis) is not supported");
    }
    TensorShape output;
    if (desc.m_InputEnabled)
    {
        CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
        output = layer.m_Inputs[0].GetShape();
    }
    else
    {
        // Input 0 is the output's shape: its values decide the output shape, so they must be known now.
        const TensorInfo& shape = layer.m_Inputs[0];
        if (shape.GetDataType() != DataType::Signed32 || shape.GetNumDimensions() != 1)
        {
            ThrowInvalid(layer, std::string("the shape (input 0) must be a 1-D Signed32 tensor; it is ") +
                                    GetDataTypeName(shape.GetDataType()) + " " + ShapeString(shape.GetShape()));
        }
        if (!layer.IsConstantInput(0))
        {
            ThrowInvalid(layer, "the shape (input 0) must be a constant tensor when m_InputEnabled is false");
        }
        std::vector<uint64_t> dims;
        for (unsigned int i = 0; i < shape.GetNumElements(); ++i)
        {
            int32_t value;
            std::memcpy(&value, static_cast<const uint8_t*>(layer.m_ConstantInputs[0]) + i * sizeof(value),
                        sizeof(value));
            if (value <= 0)
            {
                ThrowInvalid(layer, "the shape (input 0) has a non-positive dimension " + std::to_string(value));
            }
            dims.push_back(static_cast<uint64_t>(value));
        }
        output = MakeShape(layer, dims);
    }
    const unsigned int depth = CheckIndexRows(layer, 1, output, "the output");
    const std::vector<uint64_t> expected = IndexedSliceDims(layer.m_Inputs[1].GetShape(), output, depth);
    const TensorShape& updates = layer.m_Inputs[2].GetShape();
    // Scalar updates (one full index per row, one row) may come as rank 0 or as [1].
    const bool matches = expected.empty() ? updates.GetNumElements() == 1 : DimsOf(updates) == expected;
    if (!matches)
    {
        ThrowInvalid(layer, "updates (input 2) have shape " + ShapeString(updates) + "; indices " +
                                ShapeString(layer.m_Inputs[1].GetShape()) + " into an output of shape " +
                                ShapeString(output) + " need " + ToString(expected));
    }
    return {output};
}

//
// Reversing and broadcasting
//

std::vector<TensorShape> ReverseV2Shapes(const LayerInfo& layer)
{
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const unsigned int rank = layer.m_Inputs[0].GetNumDimensions();
    const TensorInfo& axis = layer.m_Inputs[1];
    if (axis.GetDataType() != DataType::Signed32 || axis.GetNumDimensions() > 1)
    {
        ThrowInvalid(layer, std::string("the axes (input 1) must be a 1-D Signed32 tensor; they are ") +
                                GetDataTypeName(axis.GetDataType()) + " " + ShapeString(axis.GetShape()));
    }
    if (axis.GetNumElements() > rank)
    {
        ThrowInvalid(layer, "the axes (input 1) list " + std::to_string(axis.GetNumElements()) +
                                " axes but input 0 " + ShapeString(layer.m_Inputs[0].GetShape()) + " has rank " +
                                std::to_string(rank));
    }
    // Constant axes are checked now; others when the layer runs.
    if (layer.IsConstantInput(1))
    {
        std::vector<bool> seen(rank, false);
        for (unsigned int i = 0; i < axis.GetNumElements(); ++i)
        {
            int32_t value;
            std::memcpy(&value, static_cast<const uint8_t*>(layer.m_ConstantInputs[1]) + i * sizeof(value),
                        sizeof(value));
            const unsigned int resolved = ResolveAxis(layer, value, rank);
            if (seen[resolved])
            {
                ThrowInvalid(layer, "axis " + std::to_string(value) + " is listed twice");
            }
            seen[resolved] = true;
        }
    }
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> BroadcastToShapes(const LayerInfo& layer)
{
    const TensorShape& target = layer.GetDescriptor<BroadcastToDescriptor>().m_BroadcastToShape;
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    if (target.GetNumDimensions() < in.GetNumDimensions())
    {
        ThrowInvalid(layer, "input 0 " + ShapeString(in) + " has more dimensions than the target shape " +
                                ShapeString(target));
    }
    const unsigned int lead = target.GetNumDimensions() - in.GetNumDimensions();
    for (unsigned int d = 0; d < in.GetNumDimensions(); ++d)
    {
        if (in[d] != 1 && in[d] != target[lead + d])
        {
            ThrowInvalid(layer, "input 0 " + ShapeString(in) + " cannot be broadcast to " + ShapeString(target) +
                                    " (its dimension " + std::to_string(d) + " is neither 1 nor " +
                                    std::to_string(target[lead + d]) + ")");
        }
    }
    return {MakeShape(layer, DimsOf(target))};
}

const LayerTraits kReshape{Fixed<1>, Fixed<1>, ReshapeShapes};
const LayerTraits kTranspose{Fixed<1>, Fixed<1>, TransposeShapes};
const LayerTraits kPermute{Fixed<1>, Fixed<1>, PermuteShapes};
const LayerTraits kConcat{ConcatInputs, Fixed<1>, ConcatShapes};
const LayerTraits kSplitter{Fixed<1>, SplitterOutputs, SplitterShapes};
const LayerTraits kStack{StackInputs, Fixed<1>, StackShapes};
const LayerTraits kPad{Fixed<1>, Fixed<1>, PadShapes};
const LayerTraits kTile{Fixed<1>, Fixed<1>, TileShapes};
const LayerTraits kReduce{Fixed<1>, Fixed<1>, ReduceShapes};
const LayerTraits kMean{Fixed<1>, Fixed<1>, MeanShapes};
const LayerTraits kArgMinMax{Fixed<1>, Fixed<1>, ArgMinMaxShapes};
const LayerTraits kResize{Fixed<1>, Fixed<1>, ResizeShapes};
const LayerTraits kSpaceToDepth{Fixed<1>, Fixed<1>, SpaceToDepthShapes};
const LayerTraits kDepthToSpace{Fixed<1>, Fixed<1>, DepthToSpaceShapes};
const LayerTraits kSpaceToBatchNd{Fixed<1>, Fixed<1>, SpaceToBatchNdShapes};
const LayerTraits kBatchToSpaceNd{Fixed<1>, Fixed<1>, BatchToSpaceNdShapes};
const LayerTraits kChannelShuffle{Fixed<1>, Fixed<1>, ChannelShuffleShapes};
const LayerTraits kSlice{Fixed<1>, Fixed<1>, SliceShapes};
const LayerTraits kStridedSlice{Fixed<1>, Fixed<1>, StridedSliceShapes};
const LayerTraits kGather{Fixed<2>, Fixed<1>, GatherShapes};
const LayerTraits kGatherNd{Fixed<2>, Fixed<1>, GatherNdShapes};
const LayerTraits kScatterNd{Fixed<3>, Fixed<1>, ScatterNdShapes};
const LayerTraits kReverseV2{Fixed<2>, Fixed<1>, ReverseV2Shapes};
const LayerTraits kBroadcastTo{Fixed<1>, Fixed<1>, BroadcastToShapes};

} // namespace
} // namespace layers

void RegisterShapeLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::Reshape, layers::kReshape);
    set(LayerType::Transpose, layers::kTranspose);
    set(LayerType::Permute, layers::kPermute);
    set(LayerType::Concat, layers::kConcat);
    set(LayerType::Splitter, layers::kSplitter);
    set(LayerType::Stack, layers::kStack);
    set(LayerType::Pad, layers::kPad);
    set(LayerType::Tile, layers::kTile);
    set(LayerType::Reduce, layers::kReduce);
    set(LayerType::Mean, layers::kMean);
    set(LayerType::ArgMinMax, layers::kArgMinMax);
    set(LayerType::Resize, layers::kResize);
    set(LayerType::SpaceToDepth, layers::kSpaceToDepth);
    set(LayerType::DepthToSpace, layers::kDepthToSpace);
    set(LayerType::SpaceToBatchNd, layers::kSpaceToBatchNd);
    set(LayerType::BatchToSpaceNd, layers::kBatchToSpaceNd);
    set(LayerType::ChannelShuffle, layers::kChannelShuffle);
    set(LayerType::Slice, layers::kSlice);
    set(LayerType::StridedSlice, layers::kStridedSlice);
    set(LayerType::Gather, layers::kGather);
    set(LayerType::GatherNd, layers::kGatherNd);
    set(LayerType::ScatterNd, layers::kScatterNd);
    set(LayerType::ReverseV2, layers::kReverseV2);
    set(LayerType::BroadcastTo, layers::kBroadcastTo);
}

} // namespace armnn

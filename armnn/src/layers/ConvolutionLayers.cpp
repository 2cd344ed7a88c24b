//
// Layers that combine an input with weights: convolutions, fully connected, matrix multiply, pooling,
// normalizations, detection post-processing.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstdint>
#include <limits>
#include <sstream>

namespace armnn
{
namespace layers
{
namespace
{

unsigned int FullyConnectedInputs(const BaseDescriptor& d)
{
    return static_cast<const FullyConnectedDescriptor&>(d).GetNumInputs();
}

std::vector<TensorShape> FullyConnectedShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    CheckInputRank(layer, 1, 2, 2);
    const TensorShape& input = layer.m_Inputs[0].GetShape();
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    const unsigned int inputSize = desc.m_TransposeWeightMatrix ? weights[1] : weights[0];
    const unsigned int outputSize = desc.m_TransposeWeightMatrix ? weights[0] : weights[1];
    const unsigned int numElements = input.GetNumElements();
    if (inputSize == 0 || numElements % inputSize != 0)
    {
        std::ostringstream ss;
        ss << "input shape " << input << " cannot be flattened to rows of " << inputSize
           << " (the weights' input size, weights shape " << weights << ")";
        ThrowInvalid(layer, ss.str());
    }
    if (desc.m_BiasEnabled && layer.m_Inputs[2].GetNumElements() != outputSize)
    {
        std::ostringstream ss;
        ss << "bias shape " << layer.m_Inputs[2].GetShape() << " does not have " << outputSize << " elements";
        ThrowInvalid(layer, ss.str());
    }
    return {TensorShape({numElements / inputSize, outputSize})};
}

const LayerTraits kFullyConnected{FullyConnectedInputs, Fixed<1>, FullyConnectedShapes};

// ---- Shared rules of the windowed layers (convolutions, pooling) ----

/// The shape of a 4-D image tensor, read through its data layout.
struct ImageShape
{
    unsigned int m_Batch;
    unsigned int m_Channels;
    unsigned int m_Height;
    unsigned int m_Width;
};

void CheckImageLayout(const LayerInfo& layer, DataLayout layout)
{
    if (layout != DataLayout::NHWC && layout != DataLayout::NCHW)
    {
        ThrowInvalid(layer, std::string("data layout ") + GetDataLayoutName(layout) + " is not supported; "
                            "expected NHWC or NCHW");
    }
}

ImageShape ReadImage(const LayerInfo& layer, size_t index, DataLayout layout)
{
    CheckInputRank(layer, index, 4, 4);
    const TensorShape& shape = layer.m_Inputs[index].GetShape();
    const LayoutIndices idx(layout);
    return {shape[0], shape[idx.m_Channels], shape[idx.m_Height], shape[idx.m_Width]};
}

TensorShape MakeImage(DataLayout layout, unsigned int n, unsigned int c, unsigned int h, unsigned int w)
{
    return layout == DataLayout::NHWC ? TensorShape({n, h, w, c}) : TensorShape({n, c, h, w});
}

void CheckNonZero(const LayerInfo& layer, const char* what, uint32_t value)
{
    if (value == 0)
    {
        ThrowInvalid(layer, std::string(what) + " must be at least 1");
    }
}

/// Output size of a sliding window along one spatial axis (floor rounding). 64-bit arithmetic: descriptor fields
/// come from model files and may be anything.
/// @throws LayerValidationException when the (dilated) window does not fit in the padded input.
unsigned int WindowOutputSize(const LayerInfo& layer, const char* axis, uint64_t in, uint64_t padBefore,
                              uint64_t padAfter, uint64_t kernel, uint64_t stride, uint64_t dilation)
{
    const uint64_t padded = in + padBefore + padAfter;
    const uint64_t window = (kernel - 1) * dilation + 1;
    if (window > padded)
    {
        std::ostringstream ss;
        ss << axis << ": the window (size " << kernel << ", dilation " << dilation << ", so " << window
           << " wide) is larger than the padded input (" << in << " + " << padBefore << " + " << padAfter << ")";
        ThrowInvalid(layer, ss.str());
    }
    const uint64_t out = (padded - window) / stride + 1;
    if (out > std::numeric_limits<unsigned int>::max())
    {
        ThrowInvalid(layer, std::string(axis) + ": output size " + std::to_string(out) + " is too large");
    }
    return static_cast<unsigned int>(out);
}

/// Checks that every dimension of input `index` is non-zero (a zero-sized kernel has no meaning).
void CheckNoZeroDimension(const LayerInfo& layer, size_t index, const char* name)
{
    const TensorShape& shape = layer.m_Inputs[index].GetShape();
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        if (shape[d] == 0)
        {
            std::ostringstream ss;
            ss << name << " (input " << index << ") shape " << shape << " has a zero dimension";
            ThrowInvalid(layer, ss.str());
        }
    }
}

void CheckBias(const LayerInfo& layer, bool enabled, unsigned int outputChannels)
{
    if (enabled && layer.m_Inputs.at(2).GetNumElements() != outputChannels)
    {
        std::ostringstream ss;
        ss << "bias (input 2) shape " << layer.m_Inputs[2].GetShape() << " does not have " << outputChannels
           << " elements (one per output channel)";
        ThrowInvalid(layer, ss.str());
    }
}

void CheckChannels(const LayerInfo& layer, unsigned int inputChannels, unsigned int weightChannels)
{
    if (inputChannels != weightChannels)
    {
        std::ostringstream ss;
        ss << "input (shape " << layer.m_Inputs[0].GetShape() << ") has " << inputChannels
           << " channels but the weights (shape " << layer.m_Inputs[1].GetShape() << ") expect " << weightChannels;
        ThrowInvalid(layer, ss.str());
    }
}

/// Per-axis quantized weights must have their scales along `axis` (TensorFlow Lite: one scale per output channel),
/// one scale per index.
void CheckPerAxisWeights(const LayerInfo& layer, unsigned int axis)
{
    const TensorInfo& weights = layer.m_Inputs[1];
    if (!weights.HasPerAxisQuantization())
    {
        return;
    }
    const unsigned int dim = weights.GetQuantizationDim().value_or(0);
    if (dim != axis || weights.GetQuantizationScales().size() != weights.GetShape()[axis])
    {
        std::ostringstream ss;
        ss << "per-axis quantized weights (shape " << weights.GetShape() << ") have "
           << weights.GetQuantizationScales().size() << " scales along dimension " << dim << "; expected "
           << weights.GetShape()[axis] << " along dimension " << axis;
        ThrowInvalid(layer, ss.str());
    }
}

// ---- Convolution2d ----

unsigned int BiasedInputs(bool biasEnabled)
{
    return biasEnabled ? 3u : 2u;
}

std::vector<TensorShape> Convolution2dShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    CheckNonZero(layer, "m_StrideX", desc.m_StrideX);
    CheckNonZero(layer, "m_StrideY", desc.m_StrideY);
    CheckNonZero(layer, "m_DilationX", desc.m_DilationX);
    CheckNonZero(layer, "m_DilationY", desc.m_DilationY);
    const ImageShape in = ReadImage(layer, 0, desc.m_DataLayout);
    // Weights [O, H, W, I] (NHWC) or [O, I, H, W] (NCHW) read like an image of O "batches".
    const ImageShape w = ReadImage(layer, 1, desc.m_DataLayout);
    CheckNoZeroDimension(layer, 1, "weights");
    CheckChannels(layer, in.m_Channels, w.m_Channels);
    CheckBias(layer, desc.m_BiasEnabled, w.m_Batch);
    CheckPerAxisWeights(layer, 0);
    const unsigned int outH = WindowOutputSize(layer, "height", in.m_Height, desc.m_PadTop, desc.m_PadBottom,
                                               w.m_Height, desc.m_StrideY, desc.m_DilationY);
    const unsigned int outW = WindowOutputSize(layer, "width", in.m_Width, desc.m_PadLeft, desc.m_PadRight,
                                               w.m_Width, desc.m_StrideX, desc.m_DilationX);
    return {MakeImage(desc.m_DataLayout, in.m_Batch, w.m_Batch, outH, outW)};
}

const LayerTraits kConvolution2d{
    [](const BaseDescriptor& d) { return static_cast<const Convolution2dDescriptor&>(d).GetNumInputs(); }, Fixed<1>,
    Convolution2dShapes};

// ---- Convolution3d ----

std::vector<TensorShape> Convolution3dShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Convolution3dDescriptor>();
    if (desc.m_DataLayout != DataLayout::NDHWC && desc.m_DataLayout != DataLayout::NCDHW)
    {
        ThrowInvalid(layer, std::string("data layout ") + GetDataLayoutName(desc.m_DataLayout) +
                                " is not supported; expected NDHWC or NCDHW");
    }
    CheckNonZero(layer, "m_StrideX", desc.m_StrideX);
    CheckNonZero(layer, "m_StrideY", desc.m_StrideY);
    CheckNonZero(layer, "m_StrideZ", desc.m_StrideZ);
    CheckNonZero(layer, "m_DilationX", desc.m_DilationX);
    CheckNonZero(layer, "m_DilationY", desc.m_DilationY);
    CheckNonZero(layer, "m_DilationZ", desc.m_DilationZ);
    CheckInputRank(layer, 0, 5, 5);
    // Weights are [D, H, W, I, O] whatever the data layout.
    CheckInputRank(layer, 1, 5, 5);
    CheckNoZeroDimension(layer, 1, "weights");
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    const LayoutIndices idx(desc.m_DataLayout);
    CheckChannels(layer, in[idx.m_Channels], w[3]);
    CheckBias(layer, desc.m_BiasEnabled, w[4]);
    CheckPerAxisWeights(layer, 4);
    const unsigned int outD = WindowOutputSize(layer, "depth", in[idx.m_Depth], desc.m_PadFront, desc.m_PadBack, w[0],
                                               desc.m_StrideZ, desc.m_DilationZ);
    const unsigned int outH = WindowOutputSize(layer, "height", in[idx.m_Height], desc.m_PadTop, desc.m_PadBottom,
                                               w[1], desc.m_StrideY, desc.m_DilationY);
    const unsigned int outW = WindowOutputSize(layer, "width", in[idx.m_Width], desc.m_PadLeft, desc.m_PadRight, w[2],
                                               desc.m_StrideX, desc.m_DilationX);
    return {desc.m_DataLayout == DataLayout::NDHWC ? TensorShape({in[0], outD, outH, outW, w[4]})
                                                   : TensorShape({in[0], w[4], outD, outH, outW})};
}

const LayerTraits kConvolution3d{
    [](const BaseDescriptor& d) { return static_cast<const Convolution3dDescriptor&>(d).GetNumInputs(); }, Fixed<1>,
    Convolution3dShapes};

// ---- DepthwiseConvolution2d ----

std::vector<TensorShape> DepthwiseConvolution2dShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    CheckNonZero(layer, "m_StrideX", desc.m_StrideX);
    CheckNonZero(layer, "m_StrideY", desc.m_StrideY);
    CheckNonZero(layer, "m_DilationX", desc.m_DilationX);
    CheckNonZero(layer, "m_DilationY", desc.m_DilationY);
    const ImageShape in = ReadImage(layer, 0, desc.m_DataLayout);
    // Weights are [1, H, W, I * M] whatever the data layout.
    CheckInputRank(layer, 1, 4, 4);
    CheckNoZeroDimension(layer, 1, "weights");
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    if (w[0] != 1)
    {
        std::ostringstream ss;
        ss << "weights shape " << w << " must be [1, H, W, I * M]";
        ThrowInvalid(layer, ss.str());
    }
    const unsigned int outChannels = w[3];
    if (in.m_Channels == 0 || outChannels % in.m_Channels != 0)
    {
        std::ostringstream ss;
        ss << "weights' last dimension " << outChannels << " (weights shape " << w
           << ") is not a multiple of the input's " << in.m_Channels << " channels (input shape "
           << layer.m_Inputs[0].GetShape() << ")";
        ThrowInvalid(layer, ss.str());
    }
    CheckBias(layer, desc.m_BiasEnabled, outChannels);
    CheckPerAxisWeights(layer, 3);
    const unsigned int outH = WindowOutputSize(layer, "height", in.m_Height, desc.m_PadTop, desc.m_PadBottom, w[1],
                                               desc.m_StrideY, desc.m_DilationY);
    const unsigned int outW = WindowOutputSize(layer, "width", in.m_Width, desc.m_PadLeft, desc.m_PadRight, w[2],
                                               desc.m_StrideX, desc.m_DilationX);
    return {MakeImage(desc.m_DataLayout, in.m_Batch, outChannels, outH, outW)};
}

const LayerTraits kDepthwiseConvolution2d{
    [](const BaseDescriptor& d) { return static_cast<const DepthwiseConvolution2dDescriptor&>(d).GetNumInputs(); },
    Fixed<1>, DepthwiseConvolution2dShapes};

// ---- TransposeConvolution2d ----

/// stride * (in - 1) + kernel - padBefore - padAfter, in 64 bits.
/// @throws LayerValidationException when the padding leaves no output.
int64_t TransposeOutputSize(const LayerInfo& layer, const char* axis, uint64_t in, uint64_t padBefore,
                            uint64_t padAfter, uint64_t kernel, uint64_t stride)
{
    const int64_t out = static_cast<int64_t>(stride * (in - 1) + kernel) - static_cast<int64_t>(padBefore) -
                        static_cast<int64_t>(padAfter);
    if (out <= 0)
    {
        std::ostringstream ss;
        ss << axis << ": padding " << padBefore << " + " << padAfter << " removes the whole output (stride "
           << stride << " * (input " << in << " - 1) + kernel " << kernel << ")";
        ThrowInvalid(layer, ss.str());
    }
    return out;
}

std::vector<TensorShape> TransposeConvolution2dShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<TransposeConvolution2dDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    CheckNonZero(layer, "m_StrideX", desc.m_StrideX);
    CheckNonZero(layer, "m_StrideY", desc.m_StrideY);
    const ImageShape in = ReadImage(layer, 0, desc.m_DataLayout);
    const ImageShape w = ReadImage(layer, 1, desc.m_DataLayout);
    CheckNoZeroDimension(layer, 1, "weights");
    if (in.m_Height == 0 || in.m_Width == 0)
    {
        std::ostringstream ss;
        ss << "input shape " << layer.m_Inputs[0].GetShape() << " has no spatial extent";
        ThrowInvalid(layer, ss.str());
    }
    CheckChannels(layer, in.m_Channels, w.m_Channels);
    CheckBias(layer, desc.m_BiasEnabled, w.m_Batch);
    CheckPerAxisWeights(layer, 0);
    // Every stride, padding and kernel size is below 2^32, so these fit comfortably in 64 bits.
    const int64_t outH =
        TransposeOutputSize(layer, "height", in.m_Height, desc.m_PadTop, desc.m_PadBottom, w.m_Height, desc.m_StrideY);
    const int64_t outW =
        TransposeOutputSize(layer, "width", in.m_Width, desc.m_PadLeft, desc.m_PadRight, w.m_Width, desc.m_StrideX);
    if (!desc.m_OutputShapeEnabled)
    {
        if (outH > std::numeric_limits<unsigned int>::max() || outW > std::numeric_limits<unsigned int>::max())
        {
            ThrowInvalid(layer, "output size is too large");
        }
        return {MakeImage(desc.m_DataLayout, in.m_Batch, w.m_Batch, static_cast<unsigned int>(outH),
                          static_cast<unsigned int>(outW))};
    }
    // An explicit output shape (in the data layout's order) resolves the ambiguity a stride > 1 leaves: any size
    // from the computed one up to stride - 1 more maps back onto the same input size.
    const std::vector<unsigned int>& given = desc.m_OutputShape;
    std::ostringstream shapeText;
    shapeText << "m_OutputShape [";
    for (size_t i = 0; i < given.size(); ++i)
    {
        shapeText << (i ? ", " : "") << given[i];
    }
    shapeText << "]";
    if (given.size() != 4)
    {
        ThrowInvalid(layer, shapeText.str() + " must have 4 dimensions");
    }
    const TensorShape outShape(4, given.data());
    const LayoutIndices idx(desc.m_DataLayout);
    const auto checkSpatial = [&](const char* axis, unsigned int value, int64_t computed, uint32_t stride) {
        if (value < computed || value > computed + static_cast<int64_t>(stride) - 1)
        {
            std::ostringstream ss;
            ss << shapeText.str() << ": " << axis << " " << value << " is not in [" << computed << ", "
               << computed + static_cast<int64_t>(stride) - 1 << "], the sizes the input, weights, strides "
               << "and padding allow";
            ThrowInvalid(layer, ss.str());
        }
    };
    if (outShape[0] != in.m_Batch || outShape[idx.m_Channels] != w.m_Batch)
    {
        std::ostringstream ss;
        ss << shapeText.str() << " does not match batch " << in.m_Batch << " and " << w.m_Batch
           << " output channels";
        ThrowInvalid(layer, ss.str());
    }
    checkSpatial("height", outShape[idx.m_Height], outH, desc.m_StrideY);
    checkSpatial("width", outShape[idx.m_Width], outW, desc.m_StrideX);
    return {outShape};
}

const LayerTraits kTransposeConvolution2d{
    [](const BaseDescriptor& d) {
        return BiasedInputs(static_cast<const TransposeConvolution2dDescriptor&>(d).m_BiasEnabled);
    },
    Fixed<1>, TransposeConvolution2dShapes};

// ---- Pooling2d ----

unsigned int PoolOutputSize(const LayerInfo& layer, const char* axis, uint64_t in, uint64_t padBefore,
                            uint64_t padAfter, uint64_t pool, uint64_t stride, OutputShapeRounding rounding)
{
    if (padBefore >= pool || padAfter >= pool)
    {
        // A window made only of padding would have nothing to average or take the maximum of.
        std::ostringstream ss;
        ss << axis << ": padding " << padBefore << ", " << padAfter << " must be smaller than the pool size "
           << pool;
        ThrowInvalid(layer, ss.str());
    }
    const uint64_t padded = in + padBefore + padAfter;
    if (pool > padded)
    {
        std::ostringstream ss;
        ss << axis << ": pool size " << pool << " is larger than the padded input (" << in << " + " << padBefore
           << " + " << padAfter << ")";
        ThrowInvalid(layer, ss.str());
    }
    uint64_t out = (padded - pool) / stride + 1;
    if (rounding == OutputShapeRounding::Ceiling)
    {
        out = (padded - pool + stride - 1) / stride + 1;
        // A last window that would start inside the trailing padding sees no input.
        if ((out - 1) * stride >= in + padBefore)
        {
            --out;
        }
    }
    if (out > std::numeric_limits<unsigned int>::max())
    {
        ThrowInvalid(layer, std::string(axis) + ": output size " + std::to_string(out) + " is too large");
    }
    return static_cast<unsigned int>(out);
}

std::vector<TensorShape> Pooling2dShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    CheckImageLayout(layer, desc.m_DataLayout);
    if (desc.m_PoolType != PoolingAlgorithm::Max && desc.m_PoolType != PoolingAlgorithm::Average &&
        desc.m_PoolType != PoolingAlgorithm::L2)
    {
        ThrowInvalid(layer, "unknown pooling algorithm " + std::to_string(static_cast<int>(desc.m_PoolType)));
    }
    if (desc.m_PaddingMethod != PaddingMethod::Exclude && desc.m_PaddingMethod != PaddingMethod::IgnoreValue)
    {
        ThrowInvalid(layer, "unknown padding method " + std::to_string(static_cast<int>(desc.m_PaddingMethod)));
    }
    if (desc.m_OutputShapeRounding != OutputShapeRounding::Floor &&
        desc.m_OutputShapeRounding != OutputShapeRounding::Ceiling)
    {
        ThrowInvalid(layer, "unknown output shape rounding " +
                                std::to_string(static_cast<int>(desc.m_OutputShapeRounding)));
    }
    CheckNonZero(layer, "m_PoolWidth", desc.m_PoolWidth);
    CheckNonZero(layer, "m_PoolHeight", desc.m_PoolHeight);
    CheckNonZero(layer, "m_StrideX", desc.m_StrideX);
    CheckNonZero(layer, "m_StrideY", desc.m_StrideY);
    const ImageShape in = ReadImage(layer, 0, desc.m_DataLayout);
    const unsigned int outH = PoolOutputSize(layer, "height", in.m_Height, desc.m_PadTop, desc.m_PadBottom,
                                             desc.m_PoolHeight, desc.m_StrideY, desc.m_OutputShapeRounding);
    const unsigned int outW = PoolOutputSize(layer, "width", in.m_Width, desc.m_PadLeft, desc.m_PadRight,
                                             desc.m_PoolWidth, desc.m_StrideX, desc.m_OutputShapeRounding);
    return {MakeImage(desc.m_DataLayout, in.m_Batch, in.m_Channels, outH, outW)};
}

const LayerTraits kPooling2d{Fixed<1>, Fixed<1>, Pooling2dShapes};

// ---- BatchMatMul ----

/// Whether the layout puts the matrix in the last two dimensions (NCHW, NCDHW) or the two before the last
/// (NHWC, NDHWC).
bool MatrixIsLast(const LayerInfo& layer, DataLayout layout)
{
    switch (layout)
    {
        case DataLayout::NCHW:
        case DataLayout::NCDHW: return true;
        case DataLayout::NHWC:
        case DataLayout::NDHWC: return false;
        default: ThrowInvalid(layer, "unknown data layout " + std::to_string(static_cast<int>(layout)));
    }
}

std::vector<TensorShape> BatchMatMulShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<BatchMatMulDescriptor>();
    if ((desc.m_TransposeX && desc.m_AdjointX) || (desc.m_TransposeY && desc.m_AdjointY))
    {
        ThrowInvalid(layer, "transpose and adjoint cannot both be set for one input");
    }
    const bool lastX = MatrixIsLast(layer, desc.m_DataLayoutX);
    const bool lastY = MatrixIsLast(layer, desc.m_DataLayoutY);
    if (lastX != lastY)
    {
        ThrowInvalid(layer, std::string("data layouts ") + GetDataLayoutName(desc.m_DataLayoutX) + " and " +
                                GetDataLayoutName(desc.m_DataLayoutY) +
                                " put the matrices in different dimensions");
    }
    const unsigned int minRank = lastX ? 2 : 3;
    CheckInputRank(layer, 0, minRank, MaxNumOfTensorDimensions);
    CheckInputRank(layer, 1, minRank, MaxNumOfTensorDimensions);
    const TensorShape& x = layer.m_Inputs[0].GetShape();
    const TensorShape& y = layer.m_Inputs[1].GetShape();
    // Row and column axes of each input, counted from the end.
    const unsigned int rowFromEnd = lastX ? 2 : 3;
    const unsigned int colFromEnd = rowFromEnd - 1;
    const auto dim = [](const TensorShape& s, unsigned int fromEnd) { return s[s.GetNumDimensions() - fromEnd]; };
    const bool tx = desc.m_TransposeX || desc.m_AdjointX;
    const bool ty = desc.m_TransposeY || desc.m_AdjointY;
    const unsigned int m = tx ? dim(x, colFromEnd) : dim(x, rowFromEnd);
    const unsigned int kx = tx ? dim(x, rowFromEnd) : dim(x, colFromEnd);
    const unsigned int ky = ty ? dim(y, colFromEnd) : dim(y, rowFromEnd);
    const unsigned int n = ty ? dim(y, rowFromEnd) : dim(y, colFromEnd);
    if (kx != ky)
    {
        std::ostringstream ss;
        ss << "inner dimensions do not match: X " << x << " gives " << kx << ", Y " << y << " gives " << ky;
        ThrowInvalid(layer, ss.str());
    }
    // Broadcast everything but the matrix: replace the matrix dimensions by 1 and broadcast the shapes.
    TensorShape bx = x;
    TensorShape by = y;
    bx[x.GetNumDimensions() - rowFromEnd] = 1;
    bx[x.GetNumDimensions() - colFromEnd] = 1;
    by[y.GetNumDimensions() - rowFromEnd] = 1;
    by[y.GetNumDimensions() - colFromEnd] = 1;
    TensorShape out = BroadcastShapes(layer, bx, by);
    out[out.GetNumDimensions() - rowFromEnd] = m;
    out[out.GetNumDimensions() - colFromEnd] = n;
    return {out};
}

const LayerTraits kBatchMatMul{Fixed<2>, Fixed<1>, BatchMatMulShapes};

} // namespace
} // namespace layers

void RegisterConvolutionLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::FullyConnected, layers::kFullyConnected);
    set(LayerType::Convolution2d, layers::kConvolution2d);
    set(LayerType::Convolution3d, layers::kConvolution3d);
    set(LayerType::DepthwiseConvolution2d, layers::kDepthwiseConvolution2d);
    set(LayerType::TransposeConvolution2d, layers::kTransposeConvolution2d);
    set(LayerType::Pooling2d, layers::kPooling2d);
    set(LayerType::BatchMatMul, layers::kBatchMatMul);
}

} // namespace armnn

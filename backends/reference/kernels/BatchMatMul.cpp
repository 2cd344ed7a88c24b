#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <vector>

namespace armnn
{
namespace ref
{

namespace
{

/// Where the matrices of one input lie: for each output matrix (indexed like the output's other dimensions) the
/// offset of the matching input matrix, and the element strides of the matrix's rows and columns after
/// transposition.
struct MatrixView
{
    std::vector<size_t> m_Offsets;
    size_t m_RowStride;
    size_t m_ColStride;
};

/// `rowFromEnd`: the matrix rows are dimension rank - rowFromEnd, the columns the next one.
MatrixView ViewMatrices(const TensorShape& shape, const TensorShape& outShape, unsigned int rowFromEnd,
                        bool transpose)
{
    const unsigned int rank = shape.GetNumDimensions();
    const unsigned int rowDim = rank - rowFromEnd;
    const std::vector<size_t> strides = RowMajorStrides(shape);
    MatrixView view;
    view.m_RowStride = transpose ? strides[rowDim + 1] : strides[rowDim];
    view.m_ColStride = transpose ? strides[rowDim] : strides[rowDim + 1];
    // Broadcast indices of the shape with its matrix collapsed to one element, against the output likewise.
    TensorShape collapsed = shape;
    collapsed[rowDim] = 1;
    collapsed[rowDim + 1] = 1;
    TensorShape outCollapsed = outShape;
    outCollapsed[outShape.GetNumDimensions() - rowFromEnd] = 1;
    outCollapsed[outShape.GetNumDimensions() - rowFromEnd + 1] = 1;
    const std::vector<size_t> collapsedIndices = BroadcastIndices(collapsed, outCollapsed);
    // Turn indices into the collapsed shape into element offsets in the full shape.
    const std::vector<size_t> collapsedStrides = RowMajorStrides(collapsed);
    view.m_Offsets.reserve(collapsedIndices.size());
    for (size_t index : collapsedIndices)
    {
        size_t offset = 0;
        for (unsigned int d = 0; d < rank; ++d)
        {
            offset += (index / collapsedStrides[d]) % collapsed[d] * strides[d];
        }
        view.m_Offsets.push_back(offset);
    }
    return view;
}

} // namespace

// out[..., m, n] = sum over k of X'[..., m, k] * Y'[k, n] where X' and Y' are X and Y transposed where asked
// (adjoint is the transpose for real numbers) and the dimensions outside the matrices broadcast NumPy-style.
// NCHW/NCDHW: the matrices are the last two dimensions; NHWC/NDHWC: the two before the last.
std::unique_ptr<IWorkload> CreateBatchMatMul(const LayerInfo& layer)
{
    const BatchMatMulDescriptor desc = layer.GetDescriptor<BatchMatMulDescriptor>();
    const bool matrixIsLast = desc.m_DataLayoutX == DataLayout::NCHW || desc.m_DataLayoutX == DataLayout::NCDHW;
    const unsigned int rowFromEnd = matrixIsLast ? 2 : 3;
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const MatrixView x = ViewMatrices(layer.m_Inputs[0].GetShape(), outShape, rowFromEnd,
                                      desc.m_TransposeX || desc.m_AdjointX);
    const MatrixView y = ViewMatrices(layer.m_Inputs[1].GetShape(), outShape, rowFromEnd,
                                      desc.m_TransposeY || desc.m_AdjointY);
    const MatrixView z = ViewMatrices(outShape, outShape, rowFromEnd, false);
    const unsigned int outRank = outShape.GetNumDimensions();
    const size_t rows = outShape[outRank - rowFromEnd];
    const size_t cols = outShape[outRank - rowFromEnd + 1];
    const TensorShape& xShape = layer.m_Inputs[0].GetShape();
    const bool tx = desc.m_TransposeX || desc.m_AdjointX;
    const size_t inner = xShape[xShape.GetNumDimensions() - rowFromEnd + (tx ? 0 : 1)];
    // One output "channel": quantized, a single multiplier x scale * y scale / output scale (TensorFlow Lite).
    return MakeWeightedWorkload(layer, ChannelAxis{}, [=](const auto* xs, const auto* ys, const auto*, auto* sums) {
        using Sum = std::decay_t<decltype(*sums)>;
        for (size_t b = 0; b < z.m_Offsets.size(); ++b)
        {
            for (size_t m = 0; m < rows; ++m)
            {
                for (size_t n = 0; n < cols; ++n)
                {
                    Sum& sum = sums[z.m_Offsets[b] + m * z.m_RowStride + n * z.m_ColStride];
                    for (size_t k = 0; k < inner; ++k)
                    {
                        sum += static_cast<Sum>(xs[x.m_Offsets[b] + m * x.m_RowStride + k * x.m_ColStride]) *
                               ys[y.m_Offsets[b] + k * y.m_RowStride + n * y.m_ColStride];
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn

//
// Layer descriptors: the parameters of each layer type, with Arm NN's field names and defaults.
//
#pragma once

#include "Deprecated.hpp"
#include "DescriptorsFwd.hpp"
#include "Tensor.hpp"
#include "Types.hpp"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <vector>

namespace armnn
{

/// Base class of every descriptor. IsNull is true only for NullDescriptor (layers without parameters).
struct BaseDescriptor
{
    virtual bool IsNull() const { return false; }
    virtual ~BaseDescriptor() = default;
};

/// The descriptor of layers that have no parameters.
struct NullDescriptor : BaseDescriptor
{
    bool IsNull() const override { return true; }
};

struct ActivationDescriptor : BaseDescriptor
{
    ActivationDescriptor() : m_Function{ActivationFunction::Sigmoid}, m_A(0), m_B(0) {}
    ActivationDescriptor(armnn::ActivationFunction activation, float a = 0, float b = 0)
        : m_Function(activation), m_A(a), m_B(b)
    {}
    bool operator==(const ActivationDescriptor& rhs) const
    {
        return m_Function == rhs.m_Function && m_A == rhs.m_A && m_B == rhs.m_B;
    }

    ActivationFunction m_Function;
    /// Alpha: upper bound of BoundedReLu, slope of LeakyReLu, alpha of Elu, a of Linear (a*x+b), a of TanH (a*tanh(b*x)).
    float m_A;
    /// Beta: lower bound of BoundedReLu, b of Linear and TanH.
    float m_B;
};

struct ArgMinMaxDescriptor : BaseDescriptor
{
    bool operator==(const ArgMinMaxDescriptor& rhs) const
    {
        return m_Function == rhs.m_Function && m_Axis == rhs.m_Axis && m_Output_Type == rhs.m_Output_Type;
    }
    ArgMinMaxFunction m_Function = ArgMinMaxFunction::Min;
    int m_Axis = -1;
    armnn::DataType m_Output_Type = armnn::DataType::Signed32;
};

struct ComparisonDescriptor : BaseDescriptor
{
    ComparisonDescriptor() : ComparisonDescriptor(ComparisonOperation::Equal) {}
    ComparisonDescriptor(ComparisonOperation operation) : m_Operation(operation) {}
    bool operator==(const ComparisonDescriptor& rhs) const { return m_Operation == rhs.m_Operation; }
    ComparisonOperation m_Operation;
};

struct ElementwiseBinaryDescriptor : BaseDescriptor
{
    ElementwiseBinaryDescriptor() : ElementwiseBinaryDescriptor(BinaryOperation::Add) {}
    ElementwiseBinaryDescriptor(BinaryOperation operation) : m_Operation(operation) {}
    bool operator==(const ElementwiseBinaryDescriptor& rhs) const { return m_Operation == rhs.m_Operation; }
    BinaryOperation m_Operation;
};

struct ElementwiseUnaryDescriptor : BaseDescriptor
{
    ElementwiseUnaryDescriptor() : ElementwiseUnaryDescriptor(UnaryOperation::Abs) {}
    ElementwiseUnaryDescriptor(UnaryOperation operation) : m_Operation(operation) {}
    bool operator==(const ElementwiseUnaryDescriptor& rhs) const { return m_Operation == rhs.m_Operation; }
    UnaryOperation m_Operation;
};

struct PermuteDescriptor : BaseDescriptor
{
    PermuteDescriptor() : m_DimMappings{} {}
    PermuteDescriptor(const PermutationVector& dimMappings) : m_DimMappings(dimMappings) {}
    bool operator==(const PermuteDescriptor& rhs) const { return m_DimMappings.IsEqual(rhs.m_DimMappings); }
    /// Source dimension i goes to destination dimension m_DimMappings[i].
    PermutationVector m_DimMappings;
};

struct SoftmaxDescriptor : BaseDescriptor
{
    bool operator==(const SoftmaxDescriptor& rhs) const { return m_Beta == rhs.m_Beta && m_Axis == rhs.m_Axis; }
    float m_Beta = 1.0f;
    int m_Axis = -1;
};
using LogSoftmaxDescriptor = SoftmaxDescriptor;

/// Views of a tensor cut along one or more dimensions: the output views of a Splitter.
struct ViewsDescriptor;

/// Origins of each input in the concatenated output: the descriptor of Concat.
struct OriginsDescriptor : BaseDescriptor
{
    OriginsDescriptor();
    OriginsDescriptor(uint32_t numViews, uint32_t numDimensions = 4);
    OriginsDescriptor(const OriginsDescriptor& other);
    OriginsDescriptor(OriginsDescriptor&& other);
    ~OriginsDescriptor();
    OriginsDescriptor& operator=(OriginsDescriptor rhs);
    bool operator==(const OriginsDescriptor& rhs) const;

    /// @throws InvalidArgumentException when view or coord is out of range.
    Status SetViewOriginCoord(uint32_t view, uint32_t coord, uint32_t value);
    uint32_t GetNumViews() const { return m_NumViews; }
    uint32_t GetNumDimensions() const { return m_NumDimensions; }
    const uint32_t* GetViewOrigin(uint32_t idx) const;
    void ReorderOrigins(unsigned int* newOrdering, unsigned int numNewOrdering);
    friend void swap(OriginsDescriptor& first, OriginsDescriptor& second);
    void SetConcatAxis(unsigned int concatAxis) { m_ConcatAxis = concatAxis; }
    unsigned int GetConcatAxis() const { return m_ConcatAxis; }

private:
    unsigned int m_ConcatAxis;
    uint32_t m_NumViews;
    uint32_t m_NumDimensions;
    std::vector<std::vector<uint32_t>> m_ViewOrigins;
};

struct ViewsDescriptor : BaseDescriptor
{
    ViewsDescriptor(uint32_t numViews, uint32_t numDimensions = 4);
    ViewsDescriptor(const ViewsDescriptor& other);
    ViewsDescriptor();
    ViewsDescriptor(ViewsDescriptor&& other);
    ~ViewsDescriptor();
    ViewsDescriptor& operator=(ViewsDescriptor rhs);
    bool operator==(const ViewsDescriptor& rhs) const;

    Status SetViewOriginCoord(uint32_t view, uint32_t coord, uint32_t value);
    Status SetViewSize(uint32_t view, uint32_t coord, uint32_t value);
    uint32_t GetNumViews() const { return m_Origins.GetNumViews(); }
    uint32_t GetNumDimensions() const { return m_Origins.GetNumDimensions(); }
    const uint32_t* GetViewOrigin(uint32_t idx) const { return m_Origins.GetViewOrigin(idx); }
    const uint32_t* GetViewSizes(uint32_t idx) const;
    const OriginsDescriptor& GetOrigins() const { return m_Origins; }
    friend void swap(ViewsDescriptor& first, ViewsDescriptor& second);
    void SetAxis(int32_t axis) { m_Axis = axis; m_IsAxisSet = true; }
    int32_t GetAxis() const { return m_Axis; }
    bool HasAxis() const { return m_IsAxisSet; }

private:
    OriginsDescriptor m_Origins;
    std::vector<std::vector<uint32_t>> m_ViewSizes;
    bool m_IsAxisSet = false;
    int32_t m_Axis = 0;
};

/// Builds the OriginsDescriptor that concatenates the shapes in [first, last) along concatenationDimension.
template <typename TensorShapeIt>
OriginsDescriptor CreateDescriptorForConcatenation(TensorShapeIt first, TensorShapeIt last,
                                                   unsigned int concatenationDimension)
{
    auto numInputs = static_cast<uint32_t>(std::distance(first, last));
    if (numInputs < 2)
    {
        throw InvalidArgumentException("Concatenation requires at least 2 inputs");
    }
    const auto& firstShape = *first;
    const unsigned int numDimensions = firstShape.GetNumDimensions();
    for (auto it = first + 1; it != last; ++it)
    {
        if (it->GetNumDimensions() != numDimensions)
        {
            throw InvalidArgumentException("All inputs to concatenation must have the same number of dimensions");
        }
    }
    if (concatenationDimension >= numDimensions)
    {
        throw InvalidArgumentException("concatenationDimension must be between 0 and the number of dimensions.");
    }
    for (auto it = first; it != last; ++it)
    {
        for (unsigned int d = 0; d < numDimensions; ++d)
        {
            if (d != concatenationDimension && (*it)[d] != firstShape[d])
            {
                throw InvalidArgumentException("Dimensions other than the concatenation axis must match");
            }
        }
    }
    OriginsDescriptor viewsDescriptor(numInputs, numDimensions);
    viewsDescriptor.SetConcatAxis(concatenationDimension);
    uint32_t viewIndex = 0u;
    uint32_t coordAlongConcatDim = 0u;
    for (auto it = first; it != last; ++it)
    {
        for (unsigned int i = 0; i < concatenationDimension; ++i)
        {
            viewsDescriptor.SetViewOriginCoord(viewIndex, i, 0);
        }
        viewsDescriptor.SetViewOriginCoord(viewIndex, concatenationDimension, coordAlongConcatDim);
        for (unsigned int i = concatenationDimension + 1; i < numDimensions; ++i)
        {
            viewsDescriptor.SetViewOriginCoord(viewIndex, i, 0);
        }
        coordAlongConcatDim += (*it)[concatenationDimension];
        ++viewIndex;
    }
    return viewsDescriptor;
}

struct Pooling2dDescriptor : BaseDescriptor
{
    bool operator==(const Pooling2dDescriptor& rhs) const
    {
        return m_PoolType == rhs.m_PoolType && m_PadLeft == rhs.m_PadLeft && m_PadRight == rhs.m_PadRight &&
               m_PadTop == rhs.m_PadTop && m_PadBottom == rhs.m_PadBottom && m_PoolWidth == rhs.m_PoolWidth &&
               m_PoolHeight == rhs.m_PoolHeight && m_StrideX == rhs.m_StrideX && m_StrideY == rhs.m_StrideY &&
               m_OutputShapeRounding == rhs.m_OutputShapeRounding && m_PaddingMethod == rhs.m_PaddingMethod &&
               m_DataLayout == rhs.m_DataLayout;
    }
    PoolingAlgorithm m_PoolType = PoolingAlgorithm::Max;
    uint32_t m_PadLeft = 0;
    uint32_t m_PadRight = 0;
    uint32_t m_PadTop = 0;
    uint32_t m_PadBottom = 0;
    uint32_t m_PoolWidth = 0;
    uint32_t m_PoolHeight = 0;
    uint32_t m_StrideX = 0;
    uint32_t m_StrideY = 0;
    OutputShapeRounding m_OutputShapeRounding = OutputShapeRounding::Floor;
    PaddingMethod m_PaddingMethod = PaddingMethod::Exclude;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct FullyConnectedDescriptor : BaseDescriptor
{
    bool operator==(const FullyConnectedDescriptor& rhs) const
    {
        return m_BiasEnabled == rhs.m_BiasEnabled && m_TransposeWeightMatrix == rhs.m_TransposeWeightMatrix &&
               m_ConstantWeights == rhs.m_ConstantWeights;
    }
    /// Number of inputs: input, weights, and bias when enabled.
    uint32_t GetNumInputs() const { return m_BiasEnabled ? 3u : 2u; }

    bool m_BiasEnabled = false;
    /// Weights are [outputSize, inputSize] when true (TensorFlow Lite's layout), [inputSize, outputSize] when false.
    bool m_TransposeWeightMatrix = false;
    bool m_ConstantWeights = true;
};

struct Convolution2dDescriptor : BaseDescriptor
{
    bool operator==(const Convolution2dDescriptor& rhs) const
    {
        return m_PadLeft == rhs.m_PadLeft && m_PadRight == rhs.m_PadRight && m_PadTop == rhs.m_PadTop &&
               m_PadBottom == rhs.m_PadBottom && m_StrideX == rhs.m_StrideX && m_StrideY == rhs.m_StrideY &&
               m_DilationX == rhs.m_DilationX && m_DilationY == rhs.m_DilationY &&
               m_BiasEnabled == rhs.m_BiasEnabled && m_DataLayout == rhs.m_DataLayout;
    }
    uint32_t GetNumInputs() const { return m_BiasEnabled ? 3u : 2u; }

    uint32_t m_PadLeft = 0;
    uint32_t m_PadRight = 0;
    uint32_t m_PadTop = 0;
    uint32_t m_PadBottom = 0;
    uint32_t m_StrideX = 1;
    uint32_t m_StrideY = 1;
    uint32_t m_DilationX = 1;
    uint32_t m_DilationY = 1;
    bool m_BiasEnabled = false;
    /// Input and output layout. Weights are [O, H, W, I] for NHWC and [O, I, H, W] for NCHW.
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct Convolution3dDescriptor : BaseDescriptor
{
    bool operator==(const Convolution3dDescriptor& rhs) const
    {
        return m_PadLeft == rhs.m_PadLeft && m_PadRight == rhs.m_PadRight && m_PadTop == rhs.m_PadTop &&
               m_PadBottom == rhs.m_PadBottom && m_PadFront == rhs.m_PadFront && m_PadBack == rhs.m_PadBack &&
               m_StrideX == rhs.m_StrideX && m_StrideY == rhs.m_StrideY && m_StrideZ == rhs.m_StrideZ &&
               m_DilationX == rhs.m_DilationX && m_DilationY == rhs.m_DilationY && m_DilationZ == rhs.m_DilationZ &&
               m_BiasEnabled == rhs.m_BiasEnabled && m_DataLayout == rhs.m_DataLayout;
    }
    uint32_t GetNumInputs() const { return m_BiasEnabled ? 3u : 2u; }
    uint32_t m_PadLeft = 0, m_PadRight = 0, m_PadTop = 0, m_PadBottom = 0, m_PadFront = 0, m_PadBack = 0;
    uint32_t m_StrideX = 1, m_StrideY = 1, m_StrideZ = 1;
    uint32_t m_DilationX = 1, m_DilationY = 1, m_DilationZ = 1;
    bool m_BiasEnabled = false;
    /// Input and output layout, NDHWC or NCDHW. Weights are always [D, H, W, I, O] (TensorFlow Lite's layout);
    /// Z is the depth axis (m_PadFront before it, m_PadBack after it).
    DataLayout m_DataLayout = DataLayout::NDHWC;
};

struct DepthwiseConvolution2dDescriptor : BaseDescriptor
{
    bool operator==(const DepthwiseConvolution2dDescriptor& rhs) const
    {
        return m_PadLeft == rhs.m_PadLeft && m_PadRight == rhs.m_PadRight && m_PadTop == rhs.m_PadTop &&
               m_PadBottom == rhs.m_PadBottom && m_StrideX == rhs.m_StrideX && m_StrideY == rhs.m_StrideY &&
               m_DilationX == rhs.m_DilationX && m_DilationY == rhs.m_DilationY &&
               m_BiasEnabled == rhs.m_BiasEnabled && m_DataLayout == rhs.m_DataLayout;
    }
    uint32_t GetNumInputs() const { return m_BiasEnabled ? 3u : 2u; }

    uint32_t m_PadLeft = 0;
    uint32_t m_PadRight = 0;
    uint32_t m_PadTop = 0;
    uint32_t m_PadBottom = 0;
    uint32_t m_StrideX = 1;
    uint32_t m_StrideY = 1;
    uint32_t m_DilationX = 1;
    uint32_t m_DilationY = 1;
    bool m_BiasEnabled = false;
    /// Input and output layout. Weights are always [1, H, W, I*M] (TensorFlow Lite's layout).
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct TransposeConvolution2dDescriptor : BaseDescriptor
{
    bool operator==(const TransposeConvolution2dDescriptor& rhs) const
    {
        return m_PadLeft == rhs.m_PadLeft && m_PadRight == rhs.m_PadRight && m_PadTop == rhs.m_PadTop &&
               m_PadBottom == rhs.m_PadBottom && m_StrideX == rhs.m_StrideX && m_StrideY == rhs.m_StrideY &&
               m_BiasEnabled == rhs.m_BiasEnabled && m_DataLayout == rhs.m_DataLayout &&
               m_OutputShapeEnabled == rhs.m_OutputShapeEnabled && m_OutputShape == rhs.m_OutputShape;
    }
    uint32_t m_PadLeft = 0;
    uint32_t m_PadRight = 0;
    uint32_t m_PadTop = 0;
    uint32_t m_PadBottom = 0;
    uint32_t m_StrideX = 0;
    uint32_t m_StrideY = 0;
    bool m_BiasEnabled = false;
    /// Weights are [O, H, W, I] for NHWC and [O, I, H, W] for NCHW.
    DataLayout m_DataLayout = DataLayout::NCHW;
    bool m_OutputShapeEnabled = false;
    std::vector<unsigned int> m_OutputShape;
};

struct DetectionPostProcessDescriptor : BaseDescriptor
{
    bool operator==(const DetectionPostProcessDescriptor& rhs) const
    {
        return m_MaxDetections == rhs.m_MaxDetections && m_MaxClassesPerDetection == rhs.m_MaxClassesPerDetection &&
               m_DetectionsPerClass == rhs.m_DetectionsPerClass && m_NmsScoreThreshold == rhs.m_NmsScoreThreshold &&
               m_NmsIouThreshold == rhs.m_NmsIouThreshold && m_NumClasses == rhs.m_NumClasses &&
               m_UseRegularNms == rhs.m_UseRegularNms && m_ScaleX == rhs.m_ScaleX && m_ScaleY == rhs.m_ScaleY &&
               m_ScaleW == rhs.m_ScaleW && m_ScaleH == rhs.m_ScaleH;
    }
    uint32_t m_MaxDetections = 0;
    uint32_t m_MaxClassesPerDetection = 1;
    uint32_t m_DetectionsPerClass = 1;
    float m_NmsScoreThreshold = 0;
    float m_NmsIouThreshold = 0;
    uint32_t m_NumClasses = 0;
    bool m_UseRegularNms = false;
    float m_ScaleX = 0;
    float m_ScaleY = 0;
    float m_ScaleW = 0;
    float m_ScaleH = 0;
};

struct NormalizationDescriptor : BaseDescriptor
{
    bool operator==(const NormalizationDescriptor& rhs) const
    {
        return m_NormChannelType == rhs.m_NormChannelType && m_NormMethodType == rhs.m_NormMethodType &&
               m_NormSize == rhs.m_NormSize && m_Alpha == rhs.m_Alpha && m_Beta == rhs.m_Beta && m_K == rhs.m_K &&
               m_DataLayout == rhs.m_DataLayout;
    }
    NormalizationAlgorithmChannel m_NormChannelType = NormalizationAlgorithmChannel::Across;
    NormalizationAlgorithmMethod m_NormMethodType = NormalizationAlgorithmMethod::LocalBrightness;
    uint32_t m_NormSize = 0;
    float m_Alpha = 0.f;
    float m_Beta = 0.f;
    float m_K = 0.f;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct L2NormalizationDescriptor : BaseDescriptor
{
    bool operator==(const L2NormalizationDescriptor& rhs) const
    {
        return m_Eps == rhs.m_Eps && m_DataLayout == rhs.m_DataLayout;
    }
    float m_Eps = 1e-12f;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct BatchNormalizationDescriptor : BaseDescriptor
{
    bool operator==(const BatchNormalizationDescriptor& rhs) const
    {
        return m_Eps == rhs.m_Eps && m_DataLayout == rhs.m_DataLayout;
    }
    float m_Eps = 0.0001f;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct InstanceNormalizationDescriptor : BaseDescriptor
{
    bool operator==(const InstanceNormalizationDescriptor& rhs) const
    {
        return m_Gamma == rhs.m_Gamma && m_Beta == rhs.m_Beta && m_Eps == rhs.m_Eps &&
               m_DataLayout == rhs.m_DataLayout;
    }
    float m_Gamma = 1.0f;
    float m_Beta = 0.0f;
    float m_Eps = 1e-12f;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct BatchToSpaceNdDescriptor : BaseDescriptor
{
    BatchToSpaceNdDescriptor() : m_BlockShape({1, 1}), m_Crops({{0, 0}, {0, 0}}) {}
    BatchToSpaceNdDescriptor(std::vector<unsigned int> blockShape,
                             std::vector<std::pair<unsigned int, unsigned int>> crops)
        : m_BlockShape(blockShape), m_Crops(crops)
    {}
    bool operator==(const BatchToSpaceNdDescriptor& rhs) const
    {
        return m_BlockShape == rhs.m_BlockShape && m_Crops == rhs.m_Crops && m_DataLayout == rhs.m_DataLayout;
    }
    std::vector<unsigned int> m_BlockShape;
    std::vector<std::pair<unsigned int, unsigned int>> m_Crops;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct SpaceToBatchNdDescriptor : BaseDescriptor
{
    SpaceToBatchNdDescriptor() : m_BlockShape({1, 1}), m_PadList({{0, 0}, {0, 0}}) {}
    SpaceToBatchNdDescriptor(const std::vector<unsigned int>& blockShape,
                             const std::vector<std::pair<unsigned int, unsigned int>>& padList)
        : m_BlockShape(blockShape), m_PadList(padList)
    {}
    bool operator==(const SpaceToBatchNdDescriptor& rhs) const
    {
        return m_BlockShape == rhs.m_BlockShape && m_PadList == rhs.m_PadList && m_DataLayout == rhs.m_DataLayout;
    }
    std::vector<unsigned int> m_BlockShape;
    std::vector<std::pair<unsigned int, unsigned int>> m_PadList;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct SpaceToDepthDescriptor : BaseDescriptor
{
    SpaceToDepthDescriptor() : SpaceToDepthDescriptor(1u, DataLayout::NHWC) {}
    SpaceToDepthDescriptor(unsigned int blockSize, DataLayout dataLayout)
        : m_BlockSize(blockSize), m_DataLayout(dataLayout)
    {}
    bool operator==(const SpaceToDepthDescriptor& rhs) const
    {
        return m_BlockSize == rhs.m_BlockSize && m_DataLayout == rhs.m_DataLayout;
    }
    unsigned int m_BlockSize;
    DataLayout m_DataLayout;
};
using DepthToSpaceDescriptor = SpaceToDepthDescriptor;

struct FakeQuantizationDescriptor : BaseDescriptor
{
    bool operator==(const FakeQuantizationDescriptor& rhs) const { return m_Min == rhs.m_Min && m_Max == rhs.m_Max; }
    float m_Min = -6.0f;
    float m_Max = 6.0f;
};

struct FillDescriptor : BaseDescriptor
{
    FillDescriptor() : m_Value(0) {}
    FillDescriptor(const float& value) : m_Value(value) {}
    bool operator==(const FillDescriptor& rhs) const { return m_Value == rhs.m_Value; }
    float m_Value;
};

struct GatherDescriptor : BaseDescriptor
{
    GatherDescriptor() : m_Axis(0) {}
    GatherDescriptor(int32_t axis) : m_Axis(axis) {}
    bool operator==(const GatherDescriptor& rhs) const { return m_Axis == rhs.m_Axis; }
    int32_t m_Axis;
};

struct ResizeDescriptor : BaseDescriptor
{
    bool operator==(const ResizeDescriptor& rhs) const
    {
        return m_TargetWidth == rhs.m_TargetWidth && m_TargetHeight == rhs.m_TargetHeight &&
               m_Method == rhs.m_Method && m_DataLayout == rhs.m_DataLayout && m_AlignCorners == rhs.m_AlignCorners &&
               m_HalfPixelCenters == rhs.m_HalfPixelCenters;
    }
    uint32_t m_TargetWidth = 0;
    uint32_t m_TargetHeight = 0;
    ResizeMethod m_Method = ResizeMethod::NearestNeighbor;
    DataLayout m_DataLayout = DataLayout::NCHW;
    bool m_AlignCorners = false;
    bool m_HalfPixelCenters = false;
};

struct ReshapeDescriptor : BaseDescriptor
{
    ReshapeDescriptor() : m_TargetShape() {}
    ReshapeDescriptor(const TensorShape& shape) : m_TargetShape(shape) {}
    bool operator==(const ReshapeDescriptor& rhs) const { return m_TargetShape == rhs.m_TargetShape; }
    TensorShape m_TargetShape;
};

struct PadDescriptor : BaseDescriptor
{
    PadDescriptor() : m_PadValue(0), m_PaddingMode(PaddingMode::Constant) {}
    PadDescriptor(const std::vector<std::pair<unsigned int, unsigned int>>& padList, const float& padValue = 0,
                  const PaddingMode& paddingMode = PaddingMode::Constant)
        : m_PadList(padList), m_PadValue(padValue), m_PaddingMode(paddingMode)
    {}
    bool operator==(const PadDescriptor& rhs) const
    {
        return m_PadList == rhs.m_PadList && m_PadValue == rhs.m_PadValue && m_PaddingMode == rhs.m_PaddingMode;
    }
    /// (before, after) padding for each dimension.
    std::vector<std::pair<unsigned int, unsigned int>> m_PadList;
    float m_PadValue;
    PaddingMode m_PaddingMode;
};

struct SliceDescriptor : BaseDescriptor
{
    SliceDescriptor() : SliceDescriptor({}, {}) {}
    SliceDescriptor(const std::vector<unsigned int>& begin, const std::vector<unsigned int>& size)
        : m_Begin(begin), m_Size(size)
    {}
    bool operator==(const SliceDescriptor& rhs) const { return m_Begin == rhs.m_Begin && m_Size == rhs.m_Size; }
    std::vector<unsigned int> m_Begin;
    std::vector<unsigned int> m_Size;
};

struct StackDescriptor : BaseDescriptor
{
    StackDescriptor() : m_Axis(0), m_NumInputs(0), m_InputShape() {}
    StackDescriptor(uint32_t axis, uint32_t numInputs, const TensorShape& inputShape)
        : m_Axis(axis), m_NumInputs(numInputs), m_InputShape(inputShape)
    {}
    bool operator==(const StackDescriptor& rhs) const
    {
        return m_Axis == rhs.m_Axis && m_NumInputs == rhs.m_NumInputs && m_InputShape == rhs.m_InputShape;
    }
    uint32_t m_Axis;
    uint32_t m_NumInputs;
    TensorShape m_InputShape;
};

struct StandInDescriptor : BaseDescriptor
{
    StandInDescriptor() {}
    StandInDescriptor(uint32_t numInputs, uint32_t numOutputs) : m_NumInputs(numInputs), m_NumOutputs(numOutputs) {}
    bool operator==(const StandInDescriptor& rhs) const
    {
        return m_NumInputs == rhs.m_NumInputs && m_NumOutputs == rhs.m_NumOutputs;
    }
    uint32_t m_NumInputs = 0;
    uint32_t m_NumOutputs = 0;
};

struct StridedSliceDescriptor : BaseDescriptor
{
    StridedSliceDescriptor(const std::vector<int>& begin, const std::vector<int>& end,
                           const std::vector<int>& stride)
        : m_Begin(begin), m_End(end), m_Stride(stride)
    {}
    StridedSliceDescriptor() : StridedSliceDescriptor({}, {}, {}) {}
    bool operator==(const StridedSliceDescriptor& rhs) const
    {
        return m_Begin == rhs.m_Begin && m_End == rhs.m_End && m_Stride == rhs.m_Stride &&
               m_BeginMask == rhs.m_BeginMask && m_EndMask == rhs.m_EndMask &&
               m_ShrinkAxisMask == rhs.m_ShrinkAxisMask && m_EllipsisMask == rhs.m_EllipsisMask &&
               m_NewAxisMask == rhs.m_NewAxisMask && m_DataLayout == rhs.m_DataLayout;
    }
    /// Start index of the slice in dimension axis, after masks and negative indices are resolved.
    int GetStartForAxis(const TensorShape& inputShape, unsigned int axis) const;
    /// One past the last index (or before, for negative strides) in dimension axis.
    int GetStopForAxis(const TensorShape& inputShape, unsigned int axis, int startForAxis) const;

    std::vector<int> m_Begin;
    std::vector<int> m_End;
    std::vector<int> m_Stride;
    int32_t m_BeginMask = 0;
    int32_t m_EndMask = 0;
    int32_t m_ShrinkAxisMask = 0;
    int32_t m_EllipsisMask = 0;
    int32_t m_NewAxisMask = 0;
    DataLayout m_DataLayout = DataLayout::NCHW;
};

struct PreCompiledDescriptor : BaseDescriptor
{
    PreCompiledDescriptor(unsigned int numInputSlots = 1u, unsigned int numOutputSlots = 1u)
        : m_NumInputSlots(numInputSlots), m_NumOutputSlots(numOutputSlots)
    {}
    ~PreCompiledDescriptor() = default;
    unsigned int m_NumInputSlots;
    unsigned int m_NumOutputSlots;
};

struct TransposeDescriptor : BaseDescriptor
{
    TransposeDescriptor() : m_DimMappings{} {}
    TransposeDescriptor(const PermutationVector& dimMappings) : m_DimMappings(dimMappings) {}
    bool operator==(const TransposeDescriptor& rhs) const { return m_DimMappings.IsEqual(rhs.m_DimMappings); }
    /// Destination dimension i takes source dimension m_DimMappings[i] (TensorFlow's perm).
    PermutationVector m_DimMappings;
};

struct LogicalBinaryDescriptor : BaseDescriptor
{
    LogicalBinaryDescriptor() : LogicalBinaryDescriptor(LogicalBinaryOperation::LogicalAnd) {}
    LogicalBinaryDescriptor(LogicalBinaryOperation operation) : m_Operation(operation) {}
    bool operator==(const LogicalBinaryDescriptor& rhs) const { return m_Operation == rhs.m_Operation; }
    LogicalBinaryOperation m_Operation;
};

struct ReduceDescriptor : BaseDescriptor
{
    bool operator==(const ReduceDescriptor& rhs) const
    {
        return m_KeepDims == rhs.m_KeepDims && m_vAxis == rhs.m_vAxis && m_ReduceOperation == rhs.m_ReduceOperation;
    }
    bool m_KeepDims = false;
    /// Axes to reduce; empty means all.
    std::vector<uint32_t> m_vAxis;
    ReduceOperation m_ReduceOperation = ReduceOperation::Sum;
};

struct MeanDescriptor : BaseDescriptor
{
    MeanDescriptor() : m_Axis(), m_KeepDims(false) {}
    MeanDescriptor(const std::vector<unsigned int>& axis, bool keepDims) : m_Axis(axis), m_KeepDims(keepDims) {}
    bool operator==(const MeanDescriptor& rhs) const { return m_Axis == rhs.m_Axis && m_KeepDims == rhs.m_KeepDims; }
    std::vector<unsigned int> m_Axis;
    bool m_KeepDims;
};

struct ChannelShuffleDescriptor : BaseDescriptor
{
    ChannelShuffleDescriptor() : m_NumGroups(0), m_Axis(0) {}
    ChannelShuffleDescriptor(const uint32_t& numGroups, const uint32_t& axis) : m_NumGroups(numGroups), m_Axis(axis)
    {}
    bool operator==(const ChannelShuffleDescriptor& rhs) const
    {
        return m_NumGroups == rhs.m_NumGroups && m_Axis == rhs.m_Axis;
    }
    uint32_t m_NumGroups;
    uint32_t m_Axis;
};

struct BatchMatMulDescriptor : BaseDescriptor
{
    BatchMatMulDescriptor(bool transposeX = false, bool transposeY = false, bool adjointX = false,
                          bool adjointY = false, DataLayout dataLayoutX = DataLayout::NCHW,
                          DataLayout dataLayoutY = DataLayout::NCHW)
        : m_TransposeX(transposeX), m_TransposeY(transposeY), m_AdjointX(adjointX), m_AdjointY(adjointY),
          m_DataLayoutX(dataLayoutX), m_DataLayoutY(dataLayoutY)
    {}
    bool operator==(const BatchMatMulDescriptor& rhs) const
    {
        return m_TransposeX == rhs.m_TransposeX && m_TransposeY == rhs.m_TransposeY &&
               m_AdjointX == rhs.m_AdjointX && m_AdjointY == rhs.m_AdjointY &&
               m_DataLayoutX == rhs.m_DataLayoutX && m_DataLayoutY == rhs.m_DataLayoutY;
    }
    bool m_TransposeX;
    bool m_TransposeY;
    bool m_AdjointX;
    bool m_AdjointY;
    /// NCHW/NCDHW means the last two dimensions are the matrix; NHWC/NDHWC means the two before the last.
    DataLayout m_DataLayoutX;
    DataLayout m_DataLayoutY;
};

struct TileDescriptor : BaseDescriptor
{
    TileDescriptor() : m_Multiples() {}
    explicit TileDescriptor(std::vector<uint32_t> multiples) : m_Multiples(std::move(multiples)) {}
    bool operator==(const TileDescriptor& rhs) const { return m_Multiples == rhs.m_Multiples; }
    std::vector<uint32_t> m_Multiples;
};

struct ReverseV2Descriptor : BaseDescriptor
{};

struct BroadcastToDescriptor : BaseDescriptor
{
    BroadcastToDescriptor() : m_BroadcastToShape() {}
    explicit BroadcastToDescriptor(const TensorShape& shape) : m_BroadcastToShape(shape) {}
    bool operator==(const BroadcastToDescriptor& rhs) const { return m_BroadcastToShape == rhs.m_BroadcastToShape; }
    TensorShape m_BroadcastToShape;
};

struct GatherNdDescriptor : BaseDescriptor
{};

/// An LSTM layer's parameters (UnidirectionalSequenceLstm). Which weight tensors the layer takes follows from the
/// flags: see LstmInputParams (armnn/LstmParams.hpp) and INetwork::AddUnidirectionalSequenceLstmLayer.
struct LstmDescriptor : BaseDescriptor
{
    bool operator==(const LstmDescriptor& rhs) const
    {
        return m_ActivationFunc == rhs.m_ActivationFunc && m_ClippingThresCell == rhs.m_ClippingThresCell &&
               m_ClippingThresProj == rhs.m_ClippingThresProj && m_CifgEnabled == rhs.m_CifgEnabled &&
               m_PeepholeEnabled == rhs.m_PeepholeEnabled && m_ProjectionEnabled == rhs.m_ProjectionEnabled &&
               m_LayerNormEnabled == rhs.m_LayerNormEnabled && m_TimeMajor == rhs.m_TimeMajor &&
               m_InputIntermediateScale == rhs.m_InputIntermediateScale &&
               m_ForgetIntermediateScale == rhs.m_ForgetIntermediateScale &&
               m_CellIntermediateScale == rhs.m_CellIntermediateScale &&
               m_OutputIntermediateScale == rhs.m_OutputIntermediateScale &&
               m_HiddenStateZeroPoint == rhs.m_HiddenStateZeroPoint && m_HiddenStateScale == rhs.m_HiddenStateScale;
    }
    /// Activation of the cell gate and of the cell state before the output gate, with TensorFlow Lite's codes:
    /// 0 none, 1 ReLu, 2 ReLu clamped to [-1, 1], 3 ReLu6, 4 TanH, 6 Sigmoid.
    uint32_t m_ActivationFunc = 1;
    /// The cell state is clipped to [-m_ClippingThresCell, m_ClippingThresCell]; 0 means no clipping.
    float m_ClippingThresCell = 0.0f;
    /// The projection's result is clipped to [-m_ClippingThresProj, m_ClippingThresProj]; 0 means no clipping.
    float m_ClippingThresProj = 0.0f;
    /// Coupled input and forget gate: no input gate weights; the input gate is 1 - forget gate.
    bool m_CifgEnabled = true;
    bool m_PeepholeEnabled = false;
    bool m_ProjectionEnabled = false;
    bool m_LayerNormEnabled = false;
    /// Input and output are [time, batch, features] instead of [batch, time, features].
    bool m_TimeMajor = false;
    /// Quantized LSTM only (TensorFlow Lite's intermediate tensors); unused by float LSTMs.
    float m_InputIntermediateScale = 0.0f;
    float m_ForgetIntermediateScale = 0.0f;
    float m_CellIntermediateScale = 0.0f;
    float m_OutputIntermediateScale = 0.0f;
    int32_t m_HiddenStateZeroPoint = 0;
    float m_HiddenStateScale = 0.0f;
};

using UnidirectionalSequenceLstmDescriptor = LstmDescriptor;

/// ScatterNd's inputs are (input or shape, indices, updates). With m_InputEnabled the output starts as a copy of
/// input 0; without it, input 0 is a constant Signed32 shape and the output starts as zeros. Each row of indices
/// (its last dimension indexes the leading dimensions of the output) names a slice that the matching slice of
/// updates is combined into by m_Function. m_Axis and m_AxisEnabled (ONNX ScatterElements) are not supported yet.
struct ScatterNdDescriptor : BaseDescriptor
{
    ScatterNdDescriptor() : m_Function(ScatterNdFunction::Update), m_InputEnabled(true), m_Axis(0), m_AxisEnabled(false)
    {}
    ScatterNdDescriptor(ScatterNdFunction function, bool inputEnabled)
        : m_Function(function), m_InputEnabled(inputEnabled), m_Axis(0), m_AxisEnabled(false)
    {}
    ScatterNdDescriptor(ScatterNdFunction function, bool inputEnabled, int32_t axis)
        : m_Function(function), m_InputEnabled(inputEnabled), m_Axis(axis), m_AxisEnabled(true)
    {}
    bool operator==(const ScatterNdDescriptor& rhs) const
    {
        return m_Function == rhs.m_Function && m_InputEnabled == rhs.m_InputEnabled &&
               m_AxisEnabled == rhs.m_AxisEnabled && m_Axis == rhs.m_Axis;
    }
    ScatterNdFunction m_Function;
    /// Whether input 0 is the tensor to update (true) or the output's shape (false).
    bool m_InputEnabled;
    int32_t m_Axis;
    bool m_AxisEnabled;
};

/// TopK (an extension: Arm NN has no TopK layer; ONNX TopK). Output 0 holds the m_K largest (m_Largest) or
/// smallest elements along m_Axis, output 1 their indices along the axis (Signed32 or Signed64). Order: by value,
/// equal values by ascending index; NaN counts as larger than every number. The values are always sorted
/// (m_Sorted = false lets a backend return them in any order; CpuRef sorts anyway).
/// With m_KInput, input 1 holds K (one Signed32 or Signed64 value) at run time and execution fails unless it
/// equals m_K: for models whose K arrives at run time while their output shape is fixed.
struct TopKDescriptor : BaseDescriptor
{
    bool operator==(const TopKDescriptor& rhs) const
    {
        return m_K == rhs.m_K && m_Axis == rhs.m_Axis && m_Largest == rhs.m_Largest && m_Sorted == rhs.m_Sorted &&
               m_KInput == rhs.m_KInput;
    }
    uint32_t m_K = 1;
    int32_t m_Axis = -1;
    bool m_Largest = true;
    bool m_Sorted = true;
    bool m_KInput = false;
};

/// RoiAlign (an extension: Arm NN has no RoiAlign layer; ONNX RoiAlign, opsets 10 and 16). Inputs: features
/// [N, C, H, W] (NCHW), rois [R, 4] as (x1, y1, x2, y2) in input coordinates, batch indices [R] (Signed32 or
/// Signed64). Output [R, C, m_OutputHeight, m_OutputWidth]: each bin averages (or, with
/// PoolingAlgorithm::Max, takes the largest of) bilinearly interpolated samples, m_SamplingRatio per bin side
/// (0: ceil(bin size), at most 1024; an explicit ratio must not exceed 1024), as ONNX Runtime computes it.
struct RoiAlignDescriptor : BaseDescriptor
{
    bool operator==(const RoiAlignDescriptor& rhs) const
    {
        return m_OutputHeight == rhs.m_OutputHeight && m_OutputWidth == rhs.m_OutputWidth &&
               m_SamplingRatio == rhs.m_SamplingRatio && m_SpatialScale == rhs.m_SpatialScale &&
               m_PoolType == rhs.m_PoolType && m_HalfPixel == rhs.m_HalfPixel;
    }
    uint32_t m_OutputHeight = 1;
    uint32_t m_OutputWidth = 1;
    uint32_t m_SamplingRatio = 0;
    /// Scales roi coordinates to the feature map.
    float m_SpatialScale = 1.0f;
    /// Average or Max.
    PoolingAlgorithm m_PoolType = PoolingAlgorithm::Average;
    /// ONNX coordinate_transformation_mode: half_pixel (true: scaled coordinates minus 0.5) or output_half_pixel
    /// (false: scaled coordinates as they are, rois at least 1x1; opset 10's behaviour).
    bool m_HalfPixel = true;
};

} // namespace armnn

//
// Layers with no arithmetic of their own or one output of the input's shape: graph endpoints, constants,
// copies, activations, softmax, conversions.
//
#include "LayerTraitsHelpers.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace layers
{
namespace
{

std::vector<TensorShape> NoOutputs(const LayerInfo&)
{
    return {};
}

std::vector<TensorShape> ActivationShapes(const LayerInfo& layer)
{
    // Model files may hold any value in the enumeration's place.
    const int function = static_cast<int>(layer.GetDescriptor<ActivationDescriptor>().m_Function);
    if (function < 0 || function > static_cast<int>(ActivationFunction::Gelu))
    {
        ThrowInvalid(layer, "unknown activation function " + std::to_string(function));
    }
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> SoftmaxShapes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<SoftmaxDescriptor>();
    CheckInputRank(layer, 0, 1, MaxNumOfTensorDimensions);
    ResolveAxis(layer, desc.m_Axis, layer.m_Inputs[0].GetNumDimensions());
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> FillShapes(const LayerInfo& layer)
{
    const TensorInfo& shapeInfo = layer.m_Inputs[0];
    if (shapeInfo.GetNumDimensions() != 1 || shapeInfo.GetDataType() != DataType::Signed32)
    {
        ThrowInvalid(layer, "input 0 must be a 1-D Signed32 tensor of dimensions");
    }
    if (!layer.IsConstantInput(0))
    {
        ThrowInvalid(layer, "input 0 (the output shape) must be constant");
    }
    const unsigned int rank = shapeInfo.GetNumElements();
    if (rank == 0 || rank > MaxNumOfTensorDimensions)
    {
        ThrowInvalid(layer, "output rank " + std::to_string(rank) + " is not between 1 and 5");
    }
    TensorShape out(rank);
    const auto* dims = static_cast<const int32_t*>(layer.m_ConstantInputs[0]);
    for (unsigned int i = 0; i < rank; ++i)
    {
        if (dims[i] <= 0)
        {
            ThrowInvalid(layer, "dimension " + std::to_string(i) + " of the output shape is " +
                                    std::to_string(dims[i]));
        }
        out[i] = static_cast<unsigned int>(dims[i]);
    }
    return {out};
}

std::vector<TensorShape> ShapeShapes(const LayerInfo& layer)
{
    return {TensorShape({layer.m_Inputs[0].GetNumDimensions()})};
}

std::vector<TensorShape> RankShapes(const LayerInfo&)
{
    return {TensorShape(Dimensionality::Scalar)};
}

unsigned int PreCompiledInputs(const BaseDescriptor& d)
{
    return static_cast<const PreCompiledDescriptor&>(d).m_NumInputSlots;
}
unsigned int PreCompiledOutputs(const BaseDescriptor& d)
{
    return static_cast<const PreCompiledDescriptor&>(d).m_NumOutputSlots;
}
unsigned int StandInInputs(const BaseDescriptor& d)
{
    return static_cast<const StandInDescriptor&>(d).m_NumInputs;
}
unsigned int StandInOutputs(const BaseDescriptor& d)
{
    return static_cast<const StandInDescriptor&>(d).m_NumOutputs;
}

// Input, Constant, PreCompiled and StandIn layers have no shape inference: their output infos are set by
// whoever creates them (the caller, AddConstantLayer, the substituting backend, the parser).
const LayerTraits kInput{Fixed<0>, Fixed<1>, nullptr};
const LayerTraits kOutput{Fixed<1>, Fixed<0>, NoOutputs};
const LayerTraits kConstant{Fixed<0>, Fixed<1>, nullptr};
const LayerTraits kOneToOne{Fixed<1>, Fixed<1>, SameShapeAsInput0};
const LayerTraits kActivation{Fixed<1>, Fixed<1>, ActivationShapes};
const LayerTraits kSoftmax{Fixed<1>, Fixed<1>, SoftmaxShapes};
const LayerTraits kFill{Fixed<1>, Fixed<1>, FillShapes};
const LayerTraits kShape{Fixed<1>, Fixed<1>, ShapeShapes};
const LayerTraits kRank{Fixed<1>, Fixed<1>, RankShapes};
const LayerTraits kPreCompiled{PreCompiledInputs, PreCompiledOutputs, nullptr};
const LayerTraits kStandIn{StandInInputs, StandInOutputs, nullptr};

} // namespace
} // namespace layers

void RegisterBasicLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::Input, layers::kInput);
    set(LayerType::Output, layers::kOutput);
    set(LayerType::Constant, layers::kConstant);
    set(LayerType::MemCopy, layers::kOneToOne);
    set(LayerType::MemImport, layers::kOneToOne);
    set(LayerType::Activation, layers::kActivation);
    set(LayerType::Floor, layers::kOneToOne);
    set(LayerType::Quantize, layers::kOneToOne);
    set(LayerType::Dequantize, layers::kOneToOne);
    set(LayerType::Cast, layers::kOneToOne);
    set(LayerType::FakeQuantization, layers::kOneToOne);
    set(LayerType::ConvertFp16ToFp32, layers::kOneToOne);
    set(LayerType::ConvertFp32ToFp16, layers::kOneToOne);
    set(LayerType::Softmax, layers::kSoftmax);
    set(LayerType::LogSoftmax, layers::kSoftmax);
    set(LayerType::Fill, layers::kFill);
    set(LayerType::Shape, layers::kShape);
    set(LayerType::Rank, layers::kRank);
    set(LayerType::PreCompiled, layers::kPreCompiled);
    set(LayerType::StandIn, layers::kStandIn);
}

} // namespace armnn

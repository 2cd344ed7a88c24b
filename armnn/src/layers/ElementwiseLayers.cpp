//
// Element-wise layers: binary arithmetic with broadcasting, unary functions, comparisons, logical operations,
// PReLU.
//
#include "LayerTraitsHelpers.hpp"

namespace armnn
{
namespace layers
{
namespace
{

/// Enumerations read from model files may hold any value; reject those outside the enumeration.
template <typename Enum>
void CheckEnumRange(const LayerInfo& layer, Enum value, Enum last, const char* what)
{
    const int v = static_cast<int>(value);
    if (v < 0 || v > static_cast<int>(last))
    {
        ThrowInvalid(layer, std::string("unknown ") + what + " " + std::to_string(v));
    }
}

std::vector<TensorShape> BroadcastBinaryShapes(const LayerInfo& layer)
{
    return {BroadcastShapes(layer, layer.m_Inputs[0].GetShape(), layer.m_Inputs[1].GetShape())};
}

std::vector<TensorShape> ElementwiseBinaryShapes(const LayerInfo& layer)
{
    CheckEnumRange(layer, layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation, BinaryOperation::FloorDiv,
                   "binary operation");
    return BroadcastBinaryShapes(layer);
}

std::vector<TensorShape> ElementwiseUnaryShapes(const LayerInfo& layer)
{
    CheckEnumRange(layer, layer.GetDescriptor<ElementwiseUnaryDescriptor>().m_Operation, UnaryOperation::Acos,
                   "unary operation");
    return SameShapeAsInput0(layer);
}

std::vector<TensorShape> ComparisonShapes(const LayerInfo& layer)
{
    CheckEnumRange(layer, layer.GetDescriptor<ComparisonDescriptor>().m_Operation, ComparisonOperation::NotEqual,
                   "comparison operation");
    return BroadcastBinaryShapes(layer);
}

std::vector<TensorShape> LogicalBinaryShapes(const LayerInfo& layer)
{
    CheckEnumRange(layer, layer.GetDescriptor<LogicalBinaryDescriptor>().m_Operation,
                   LogicalBinaryOperation::LogicalOr, "logical operation");
    return BroadcastBinaryShapes(layer);
}

const LayerTraits kBinary{Fixed<2>, Fixed<1>, ElementwiseBinaryShapes};
const LayerTraits kUnary{Fixed<1>, Fixed<1>, ElementwiseUnaryShapes};
const LayerTraits kComparison{Fixed<2>, Fixed<1>, ComparisonShapes};
const LayerTraits kLogicalBinary{Fixed<2>, Fixed<1>, LogicalBinaryShapes};
// PReLU: inputs (input, alpha); the output is their broadcast shape, as in Arm NN and TFLite.
const LayerTraits kPrelu{Fixed<2>, Fixed<1>, BroadcastBinaryShapes};

} // namespace
} // namespace layers

void RegisterElementwiseLayers(LayerTraitsTable& table)
{
    auto set = [&table](LayerType type, const LayerTraits& traits) { table[static_cast<size_t>(type)] = &traits; };
    set(LayerType::ElementwiseBinary, layers::kBinary);
    set(LayerType::ElementwiseUnary, layers::kUnary);
    set(LayerType::Comparison, layers::kComparison);
    set(LayerType::LogicalBinary, layers::kLogicalBinary);
    set(LayerType::Prelu, layers::kPrelu);
}

} // namespace armnn

#include <armnn/BackendId.hpp>
#include <armnn/TypesUtils.hpp>

namespace armnn
{

const char* GetLayerTypeAsCString(LayerType type)
{
    switch (type)
    {
#define X(name) \
    case LayerType::name: return #name;
        LIST_OF_LAYER_TYPE
#undef X
    }
    return "Unknown";
}

const char* GetComputeDeviceAsCString(Compute compute)
{
    switch (compute)
    {
        case Compute::CpuRef: return "CpuRef";
        case Compute::CpuAcc: return "CpuAcc";
        case Compute::GpuAcc: return "GpuAcc";
        default: return "Unknown";
    }
}

BackendId::BackendId(Compute compute) : m_Id{GetComputeDeviceAsCString(compute)} {}

const char* GetStatusAsCString(Status status)
{
    return status == Status::Success ? "Status::Success" : "Status::Failure";
}

const char* GetActivationFunctionAsCString(ActivationFunction activation)
{
    switch (activation)
    {
        case ActivationFunction::Sigmoid: return "Sigmoid";
        case ActivationFunction::TanH: return "TanH";
        case ActivationFunction::Linear: return "Linear";
        case ActivationFunction::ReLu: return "ReLu";
        case ActivationFunction::BoundedReLu: return "BoundedReLu";
        case ActivationFunction::SoftReLu: return "SoftReLu";
        case ActivationFunction::LeakyReLu: return "LeakyReLu";
        case ActivationFunction::Abs: return "Abs";
        case ActivationFunction::Sqrt: return "Sqrt";
        case ActivationFunction::Square: return "Square";
        case ActivationFunction::Elu: return "Elu";
        case ActivationFunction::HardSwish: return "HardSwish";
        case ActivationFunction::Gelu: return "Gelu";
    }
    return "Unknown";
}

const char* GetArgMinMaxFunctionAsCString(ArgMinMaxFunction function)
{
    return function == ArgMinMaxFunction::Max ? "Max" : "Min";
}

const char* GetComparisonOperationAsCString(ComparisonOperation operation)
{
    switch (operation)
    {
        case ComparisonOperation::Equal: return "Equal";
        case ComparisonOperation::Greater: return "Greater";
        case ComparisonOperation::GreaterOrEqual: return "GreaterOrEqual";
        case ComparisonOperation::Less: return "Less";
        case ComparisonOperation::LessOrEqual: return "LessOrEqual";
        case ComparisonOperation::NotEqual: return "NotEqual";
    }
    return "Unknown";
}

const char* GetBinaryOperationAsCString(BinaryOperation operation)
{
    switch (operation)
    {
        case BinaryOperation::Add: return "Add";
        case BinaryOperation::Div: return "Div";
        case BinaryOperation::Maximum: return "Maximum";
        case BinaryOperation::Minimum: return "Minimum";
        case BinaryOperation::Mul: return "Mul";
        case BinaryOperation::Sub: return "Sub";
        case BinaryOperation::SqDiff: return "SqDiff";
        case BinaryOperation::Power: return "Power";
        case BinaryOperation::FloorDiv: return "FloorDiv";
    }
    return "Unknown";
}

const char* GetScatterNdFunctionAsCString(ScatterNdFunction function)
{
    switch (function)
    {
        case ScatterNdFunction::Update: return "Update";
        case ScatterNdFunction::Add: return "Add";
        case ScatterNdFunction::Sub: return "Sub";
        case ScatterNdFunction::Max: return "Max";
        case ScatterNdFunction::Min: return "Min";
        case ScatterNdFunction::Mul: return "Mul";
    }
    return "Unknown";
}

const char* GetUnaryOperationAsCString(UnaryOperation operation)
{
    switch (operation)
    {
        case UnaryOperation::Abs: return "Abs";
        case UnaryOperation::Exp: return "Exp";
        case UnaryOperation::Sqrt: return "Sqrt";
        case UnaryOperation::Rsqrt: return "Rsqrt";
        case UnaryOperation::Neg: return "Neg";
        case UnaryOperation::LogicalNot: return "LogicalNot";
        case UnaryOperation::Log: return "Log";
        case UnaryOperation::Sin: return "Sin";
        case UnaryOperation::Ceil: return "Ceil";
        case UnaryOperation::Cos: return "Cos";
        case UnaryOperation::Erf: return "Erf";
        case UnaryOperation::Atan: return "Atan";
        case UnaryOperation::Asin: return "Asin";
        case UnaryOperation::Acos: return "Acos";
    }
    return "Unknown";
}

const char* GetLogicalBinaryOperationAsCString(LogicalBinaryOperation operation)
{
    return operation == LogicalBinaryOperation::LogicalAnd ? "LogicalAnd" : "LogicalOr";
}

const char* GetPoolingAlgorithmAsCString(PoolingAlgorithm pooling)
{
    switch (pooling)
    {
        case PoolingAlgorithm::Average: return "Average";
        case PoolingAlgorithm::Max: return "Max";
        case PoolingAlgorithm::L2: return "L2";
    }
    return "Unknown";
}

const char* GetOutputShapeRoundingAsCString(OutputShapeRounding rounding)
{
    return rounding == OutputShapeRounding::Ceiling ? "Ceiling" : "Floor";
}

const char* GetPaddingMethodAsCString(PaddingMethod method)
{
    return method == PaddingMethod::Exclude ? "Exclude" : "IgnoreValue";
}

const char* GetPaddingModeAsCString(PaddingMode mode)
{
    switch (mode)
    {
        case PaddingMode::Constant: return "Constant";
        case PaddingMode::Reflect: return "Reflect";
        case PaddingMode::Symmetric: return "Symmetric";
    }
    return "Unknown";
}

const char* GetReduceOperationAsCString(ReduceOperation reduce_operation)
{
    switch (reduce_operation)
    {
        case ReduceOperation::Sum: return "Sum";
        case ReduceOperation::Max: return "Max";
        case ReduceOperation::Mean: return "Mean";
        case ReduceOperation::Min: return "Min";
        case ReduceOperation::Prod: return "Prod";
    }
    return "Unknown";
}

const char* GetResizeMethodAsCString(ResizeMethod method)
{
    return method == ResizeMethod::Bilinear ? "Bilinear" : "NearestNeighbor";
}

const char* GetDataLayoutName(DataLayout dataLayout)
{
    switch (dataLayout)
    {
        case DataLayout::NCHW: return "NCHW";
        case DataLayout::NHWC: return "NHWC";
        case DataLayout::NDHWC: return "NDHWC";
        case DataLayout::NCDHW: return "NCDHW";
    }
    return "Unknown";
}

const char* GetDataTypeName(DataType dataType)
{
    switch (dataType)
    {
        case DataType::Float16: return "Float16";
        case DataType::Float32: return "Float32";
        case DataType::QAsymmU8: return "QAsymmU8";
        case DataType::Signed32: return "Signed32";
        case DataType::Boolean: return "Boolean";
        case DataType::QSymmS16: return "QSymm16";
        case DataType::QSymmS8: return "QSymmS8";
        case DataType::QAsymmS8: return "QAsymmS8";
        case DataType::BFloat16: return "BFloat16";
        case DataType::Signed64: return "Signed64";
    }
    return "Unknown";
}

} // namespace armnn

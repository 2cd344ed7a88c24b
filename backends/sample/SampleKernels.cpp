#include "SampleKernels.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

namespace armnn
{
namespace sample
{

namespace
{

float Apply(BinaryOperation operation, float a, float b)
{
    switch (operation)
    {
        case BinaryOperation::Add: return a + b;
        case BinaryOperation::Sub: return a - b;
        case BinaryOperation::Mul: return a * b;
        case BinaryOperation::Maximum: return std::max(a, b);
        case BinaryOperation::Minimum: return std::min(a, b);
        default: break;
    }
    // Unreachable: the support check admits only the operations above. Kernels assert, they do not re-validate.
    throw InvalidArgumentException(std::string("Sample: unexpected operation ") +
                                   GetBinaryOperationAsCString(operation));
}

void Run(BinaryOperation operation, const float* lhs, const float* rhs, float* out, size_t count)
{
    for (size_t i = 0; i < count; ++i)
    {
        out[i] = Apply(operation, lhs[i], rhs[i]);
    }
}

/// A constant input, copied when the workload is created: LayerInfo's pointers are valid only during the call.
std::vector<float> CopyIfConstant(const LayerInfo& layer, size_t index)
{
    if (!layer.IsConstantInput(index))
    {
        return {};
    }
    const auto* data = static_cast<const float*>(layer.m_ConstantInputs[index]);
    return std::vector<float>(data, data + layer.m_Inputs[index].GetNumElements());
}

/// One ElementwiseBinary layer on its own (when it was not folded into a chain).
class ElementwiseBinaryWorkload final : public IWorkload
{
public:
    explicit ElementwiseBinaryWorkload(const LayerInfo& layer)
        : m_Operation(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation),
          m_Count(layer.m_Outputs[0].GetNumElements()),
          m_Constants{CopyIfConstant(layer, 0), CopyIfConstant(layer, 1)}
    {}

    void Execute(const ExecutionTensors& tensors) const override
    {
        const float* lhs = m_Constants[0].empty() ? tensors.Input<float>(0) : m_Constants[0].data();
        const float* rhs = m_Constants[1].empty() ? tensors.Input<float>(1) : m_Constants[1].data();
        Run(m_Operation, lhs, rhs, tensors.Output<float>(0), m_Count);
    }

private:
    BinaryOperation m_Operation;
    size_t m_Count;
    std::vector<float> m_Constants[2];
};

/// A whole chain. Intermediate results live in the scratch memory the runtime plans for us; results read outside
/// the chain are written straight into the output tensors.
class ChainWorkload final : public IWorkload
{
public:
    explicit ChainWorkload(const LayerInfo& layer)
        : m_Chain(*static_cast<const SampleChain*>(layer.m_PreCompiledBlob)),
          m_Count(layer.m_Outputs[0].GetNumElements())
    {
        for (size_t i = 0; i < layer.m_Inputs.size(); ++i)
        {
            m_Constants.push_back(CopyIfConstant(layer, i));
        }
    }

    size_t GetScratchBytes() const override { return m_Chain.m_Steps.size() * m_Count * sizeof(float); }

    void Execute(const ExecutionTensors& tensors) const override
    {
        // Where each step writes: its output tensor when the chain gives it out, otherwise scratch memory.
        std::vector<float*> results(m_Chain.m_Steps.size());
        for (size_t s = 0; s < results.size(); ++s)
        {
            results[s] = static_cast<float*>(tensors.m_Scratch) + s * m_Count;
        }
        for (size_t o = 0; o < m_Chain.m_OutputSteps.size(); ++o)
        {
            results[m_Chain.m_OutputSteps[o]] = tensors.Output<float>(o);
        }

        auto read = [&](const SampleOperand& operand) -> const float* {
            if (operand.m_Source == SampleOperand::Source::Step)
            {
                return results[operand.m_Index];
            }
            const std::vector<float>& constant = m_Constants[operand.m_Index];
            return constant.empty() ? tensors.Input<float>(operand.m_Index) : constant.data();
        };
        for (size_t s = 0; s < m_Chain.m_Steps.size(); ++s)
        {
            const SampleStep& step = m_Chain.m_Steps[s];
            Run(step.m_Operation, read(step.m_Lhs), read(step.m_Rhs), results[s], m_Count);
        }
    }

private:
    SampleChain m_Chain; // a copy: the workload must not depend on the optimized network staying alive
    size_t m_Count;
    std::vector<std::vector<float>> m_Constants;
};

bool AllShapesEqual(const LayerInfo& layer, std::string& reason)
{
    std::vector<TensorInfo> tensors = layer.m_Inputs;
    tensors.insert(tensors.end(), layer.m_Outputs.begin(), layer.m_Outputs.end());
    for (const TensorInfo& tensor : tensors)
    {
        if (tensor.GetDataType() != DataType::Float32)
        {
            reason = std::string("every tensor must be Float32, found ") + GetDataTypeName(tensor.GetDataType());
            return false;
        }
        if (tensor.GetShape() != tensors[0].GetShape())
        {
            std::ostringstream ss;
            ss << "tensor shapes " << tensors[0].GetShape() << " and " << tensor.GetShape()
               << " differ; Sample does not broadcast";
            reason = ss.str();
            return false;
        }
    }
    return true;
}

} // namespace

bool IsSampleOperation(BinaryOperation operation)
{
    return operation == BinaryOperation::Add || operation == BinaryOperation::Sub ||
           operation == BinaryOperation::Mul || operation == BinaryOperation::Maximum ||
           operation == BinaryOperation::Minimum;
}

bool CheckElementwiseBinary(const LayerInfo& layer, std::string& reason)
{
    const BinaryOperation operation = layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation;
    if (!IsSampleOperation(operation))
    {
        reason = std::string("operation ") + GetBinaryOperationAsCString(operation) +
                 " is not supported (Sample runs Add, Sub, Mul, Maximum and Minimum)";
        return false;
    }
    return AllShapesEqual(layer, reason);
}

bool CheckChain(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_PreCompiledBlob == nullptr)
    {
        reason = "the PreCompiled layer has no blob";
        return false;
    }
    return AllShapesEqual(layer, reason);
}

std::unique_ptr<IWorkload> CreateElementwiseBinary(const LayerInfo& layer)
{
    return std::make_unique<ElementwiseBinaryWorkload>(layer);
}

std::unique_ptr<IWorkload> CreateChain(const LayerInfo& layer)
{
    return std::make_unique<ChainWorkload>(layer);
}

} // namespace sample
} // namespace armnn
